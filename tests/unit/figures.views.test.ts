import { describe, expect, it } from 'vitest';
import { CONVERGENCE_CRITERION, rlhfOptimum, twoResponseOptimum } from '../../src/math/index.ts';
import {
  DARK_THEME,
  LIGHT_THEME,
  LOG_COMPRESS_SPAN,
  SWEEP_BETA_RANGE,
  planeFigure,
  simplexFigure,
  sweepFigure,
  type SweepInput,
} from '../../src/figures/index.ts';
import { EN_FIGURES as EN } from '../../src/i18n/en/figures.ts';
import { formatFixed, formatTuple } from '../../src/math/numberFormat.ts';
import {
  expectAllFinite,
  linspace,
  planeGrid,
  syntheticRun,
  traceNamed,
  traces,
} from '../helpers/figureData.ts';

const theme = LIGHT_THEME;

describe('sweepFigure', () => {
  it('says the sweeps are being computed while their first run is under way, not that nothing is chosen', () => {
    const opts = { theme, strings: EN, axis: 'beta' as const, current: 0.1 };
    const pending = sweepFigure([], { ...opts, pending: true });
    expect(pending.layout.annotations?.map((a) => a.text)).toEqual([EN.note.computing]);
    expect(pending.summary).toBe(EN.note.computing);
    const none = sweepFigure([], opts);
    expect(none.layout.annotations?.map((a) => a.text)).toEqual([EN.note.noData]);
    expect(none.summary).toBe(EN.summary.empty);
  });

  const betas = [0.001, 0.01, 0.1, 1, 10];
  const p = 0.8;
  const closed: SweepInput = {
    id: 'sigmoid',
    x: betas,
    chosen: betas.map((b) => twoResponseOptimum('sigmoid', p, b)),
    rejected: betas.map((b) => 1 - twoResponseOptimum('sigmoid', p, b)),
    closedForm: betas.map(() => true),
    converged: betas.map(() => true),
    status: betas.map(() => 'converged' as const),
    criterion: CONVERGENCE_CRITERION,
  };
  // A sweep trained to convergence at the small βs, closed forms at the others.
  const trained: SweepInput = {
    id: 'ipo',
    x: betas,
    chosen: betas.map((b) => twoResponseOptimum('ipo', p, b)),
    rejected: betas.map((b) => 1 - twoResponseOptimum('ipo', p, b)),
    closedForm: [false, false, true, true, true],
    converged: betas.map(() => true),
    status: betas.map(() => 'converged' as const),
    criterion: CONVERGENCE_CRITERION,
  };
  const fig = sweepFigure([closed, trained], { theme, strings: EN, axis: 'beta', current: 0.1 });

  it('draws π(y_w) solid and π(y_l) dashed for each loss, and the current β as a vertical line', () => {
    expect(traces(fig)).toHaveLength(5);
    const w = traceNamed(fig, EN.trace.sweepChosen('DPO'));
    const l = traceNamed(fig, EN.trace.sweepRejected('DPO'));
    expect(w.line?.dash).toBe('solid');
    expect(l.line?.dash).toBe('dash');
    expect(w.x).toEqual(betas);
    expect(w.y?.[2]).toBeCloseTo(twoResponseOptimum('sigmoid', p, 0.1), 15);
    const cur = traceNamed(fig, EN.trace.currentValue('beta'));
    expect(cur.x).toEqual([0.1, 0.1]);
    expect(cur.y).toEqual([0, 1]);
  });

  it('uses a log β axis from 1e-3 to 10 (range in log10 units)', () => {
    expect(fig.layout.xaxis?.type).toBe('log');
    expect(fig.layout.xaxis?.range).toEqual([-3, 1]);
    expect(fig.layout.xaxis?.tickvals).toEqual([0.001, 0.01, 0.1, 1, 10]);
    expect(fig.layout.xaxis?.ticktext).toEqual(['0.001', '0.01', '0.1', '1', '10']);
    expect(SWEEP_BETA_RANGE).toEqual([1e-3, 10]);
    expect(fig.layout.xaxis?.title?.text).toBe(EN.axis.sweep('beta'));
    expect(fig.layout.yaxis?.range).toEqual([-0.02, 1.02]);
  });

  it('marks closed-form and trained points differently, and says which in the hover', () => {
    const t = traceNamed(fig, EN.trace.sweepChosen('IPO'));
    const symbols = t.marker?.symbol as string[];
    expect(symbols[0]).not.toBe(symbols[4]);
    expect(symbols[0]).toBe(symbols[1]);
    expect(t.customdata).toEqual([
      EN.hover.trained,
      EN.hover.trained,
      EN.hover.closedForm,
      EN.hover.closedForm,
      EN.hover.closedForm,
    ]);
    expect(t.hovertemplate).toContain('%{customdata}');
  });

  it('summarises the values at the current β', () => {
    expect(fig.summary).toContain('At the current β = 0.1,');
    expect(fig.summary).toContain(formatFixed(twoResponseOptimum('sigmoid', p, 0.1), 3));
    expect(fig.summary).toContain('(closed form)');
    const off = sweepFigure([closed], { theme, strings: EN, axis: 'beta', current: 0.2 });
    expect(off.summary).toContain('At the current β = 0.2 (nearest computed point 0.1)');
  });

  it('sweeps the reference probability on a linear 0..1 axis', () => {
    const refs = linspace(0.05, 0.95, 10);
    const s: SweepInput = {
      id: 'sigmoid',
      x: refs,
      chosen: refs.map((r) => twoResponseOptimum('sigmoid', p, 0.5, r)),
      rejected: refs.map((r) => 1 - twoResponseOptimum('sigmoid', p, 0.5, r)),
      closedForm: refs.map(() => true),
      converged: refs.map(() => true),
      status: refs.map(() => 'converged' as const),
      criterion: CONVERGENCE_CRITERION,
    };
    const f = sweepFigure([s], { theme, strings: EN, axis: 'ref', current: 0.5 });
    expect(f.layout.xaxis?.type).toBe('linear');
    expect(f.layout.xaxis?.range).toEqual([0, 1]);
    expect(f.layout.xaxis?.title?.text).toBe(EN.axis.sweep('ref'));
    expect(traceNamed(f, EN.trace.currentValue('ref')).x).toEqual([0.5, 0.5]);
    expect(f.layout.uirevision).not.toBe(fig.layout.uirevision);
  });

  it('contains no NaN; no sweeps give an empty figure', () => {
    expect(expectAllFinite(fig)).toEqual([]);
    expect(sweepFigure([], { theme, strings: EN, axis: 'beta', current: 0.1 }).data).toEqual([]);
  });
});

describe('planeFigure', () => {
  const xs = linspace(-4, 4, 31);
  const ys = linspace(-5, 3, 41);
  const grid = planeGrid('sigmoid', { beta: 1 }, xs, ys);
  const run = syntheticRun('sigmoid', 30, [1, -1, 0]);
  const other = syntheticRun('ipo', 30, [0.2, -0.2, 0]);
  const current = { chosenLogRatio: 0.5, rejectedLogRatio: -0.5 };
  const fig = planeFigure(grid, [other, run], { theme, strings: EN, current });

  it('draws the loss as a Viridis contour with z[row = ρl][column = ρw]', () => {
    const c = traces(fig)[0];
    expect(c.type).toBe('contour');
    expect(c.colorscale).toBe('Viridis');
    expect(c.x).toBe(xs);
    expect(c.y).toBe(ys);
    expect(c.z?.length).toBe(41);
    expect(c.z?.[0].length).toBe(31);
    // DPO at ρw = 4, ρl = −5 (h = 9): −log σ(9).
    expect(c.z?.[0][30]).toBeCloseTo(Math.log1p(Math.exp(-9)), 12);
    expect(c.colorbar?.title?.text).toBe(EN.axis.lossColourbar(false));
    expect(fig.layout.xaxis?.range).toEqual([-4, 4]);
    expect(fig.layout.yaxis?.range).toEqual([-5, 3]);
    expect(fig.layout.xaxis?.title?.text).toBe(EN.axis.chosenLogRatio);
    expect(fig.layout.yaxis?.title?.text).toBe(EN.axis.rejectedLogRatio);
  });

  it('draws the trajectory of the run with the same loss, with start and end markers', () => {
    const path = traceNamed(fig, EN.trace.trajectory('DPO'));
    expect(path.x).toEqual(run.chosenLogRatio);
    expect(path.y).toEqual(run.rejectedLogRatio);
    expect(traceNamed(fig, EN.trace.start('DPO')).x).toEqual([run.chosenLogRatio[0]]);
    const end = traceNamed(fig, EN.trace.end('DPO'));
    expect(end.x).toEqual([run.chosenLogRatio[30]]);
    expect(end.y).toEqual([run.rejectedLogRatio[30]]);
    expect(traces(fig).some((t) => t.name === EN.trace.trajectory('IPO'))).toBe(false);
  });

  it('draws the margin-0 diagonal dashed and marks the current pair', () => {
    const d = traceNamed(fig, EN.trace.marginZero);
    expect(d.line?.dash).toBe('dash');
    expect(d.x).toEqual(d.y);
    expect(d.x).toEqual([-4, 3]);
    const m = traceNamed(fig, EN.trace.current);
    expect(m.x).toEqual([0.5]);
    expect(m.y).toEqual([-0.5]);
  });

  it('log-compresses a loss that spans many orders and says so in the colour bar', () => {
    const ipo = planeGrid('ipo', { beta: 0.1, ipoNormalization: 'sum' }, xs, ys);
    const f = planeFigure(ipo, [], { theme, strings: EN });
    const c = traces(f)[0];
    const flat = ipo.loss.flat();
    const min = Math.min(...flat);
    expect(Math.max(...flat) - min).toBeGreaterThan(LOG_COMPRESS_SPAN);
    expect(c.colorbar?.title?.text).toBe(EN.axis.lossColourbar(true));
    expect(c.z?.[7][11]).toBeCloseTo(Math.log10(1 + ipo.loss[7][11] - min), 12);
    expect(c.customdata).toBe(ipo.loss);
    expect(c.colorbar?.ticktext?.[0]).toBe(formatFixed(min, 0));
    expect(f.summary).toContain('log scale');
    expect(expectAllFinite(f)).toEqual([]);
  });

  it('summarises the loss range, the path and the current pair', () => {
    expect(fig.summary).toContain(formatTuple([run.chosenLogRatio[30], run.rejectedLogRatio[30]]));
    expect(fig.summary).toContain(formatTuple([0.5, -0.5]));
    expect(fig.summary).toContain('30 steps');
  });

  it('contains no NaN; an empty grid gives an empty figure', () => {
    expect(expectAllFinite(fig)).toEqual([]);
    const empty = planeFigure({ id: 'sigmoid', chosenLogRatio: [], rejectedLogRatio: [], loss: [] }, [], {
      theme,
      strings: EN,
    });
    expect(empty.data).toEqual([]);
  });
});

describe('simplexFigure', () => {
  const refLogits = [0, 0.3, -0.2];
  const reference = [0, 0.3, -0.2].map(Math.exp);
  const z = reference.reduce((a, b) => a + b, 0);
  const refProbs = reference.map((r) => r / z);
  const star = rlhfOptimum(refLogits, [1, -1, 0], 0.5);
  const runs = [
    syntheticRun('sigmoid', 12, [1, -1, 0], refLogits),
    syntheticRun('ipo', 12, [0.5, -0.5, 0.1], refLogits),
  ];
  const fig = simplexFigure(runs, { theme: DARK_THEME, strings: EN, reference: refProbs, rlhfOptimum: star });

  it('draws K = 3 as scatterternary traces: paths, end markers, the reference and π*', () => {
    expect(traces(fig)).toHaveLength(6);
    expect(traces(fig).every((t) => t.type === 'scatterternary')).toBe(true);
    const path = traceNamed(fig, 'DPO');
    expect(path.a?.length).toBe(13);
    expect(path.a?.[12]).toBeCloseTo(runs[0].probs[12][0], 15);
    expect(path.b?.[12]).toBeCloseTo(runs[0].probs[12][1], 15);
    expect(path.c?.[12]).toBeCloseTo(runs[0].probs[12][2], 15);
    const ref = traceNamed(fig, EN.trace.reference);
    expect([ref.a?.[0], ref.b?.[0], ref.c?.[0]]).toEqual(refProbs);
    const opt = traceNamed(fig, EN.trace.rlhfOptimum);
    expect(opt.marker?.symbol).toBe('star');
    expect([opt.a?.[0], opt.b?.[0], opt.c?.[0]]).toEqual(star);
    const ternary = fig.layout.ternary;
    expect(ternary?.sum).toBe(1);
    expect(ternary?.aaxis?.title?.text).toBe(EN.responseLabel(0));
    expect(ternary?.caxis?.title?.text).toBe(EN.responseLabel(2));
    expect(fig.layout.paper_bgcolor).toBe(DARK_THEME.paper);
  });

  it('summarises the reference, π* and where each run ends', () => {
    expect(fig.summary).toContain(formatTuple(refProbs));
    expect(fig.summary).toContain(formatTuple(star));
    expect(fig.summary).toContain(formatTuple(runs[1].probs[12]));
  });

  it('returns no data and says why for K ≠ 3', () => {
    for (const k of [2, 4]) {
      const ref = new Array<number>(k).fill(1 / k);
      const f = simplexFigure([syntheticRun('sigmoid', 3, new Array<number>(k).fill(0))], {
        theme,
        strings: EN,
        reference: ref,
        rlhfOptimum: null,
      });
      expect(f.data).toEqual([]);
      expect(f.summary).toBe(EN.note.simplexNeedsThree(k));
      expect(f.layout.annotations?.[0].text).toBe(EN.note.simplexNeedsThree(k));
    }
  });

  it('contains no NaN', () => {
    expect(expectAllFinite(fig)).toEqual([]);
  });
});
