// The compared run in every figure, tested as data: its traces are dashed (dotted where the main lines
// already use dashes), in the loss's own colour, named with their run, carrying the second run's numbers;
// the main run's traces keep their style and are named with theirs; ranges cover both; the text
// alternative describes both.
import { describe, expect, it } from 'vitest';
import {
  LIGHT_THEME,
  gradientFigure,
  lossFigure,
  planeFigure,
  simplexFigure,
  sweepFigure,
  trainingFigure,
  trainingMetricsFigure,
} from '../../src/figures/index.ts';
import {
  asCompareTrace,
  COMPARE_FADED_OPACITY,
  COMPARE_GROUP_PREFIX,
  MAIN_RUN_ONLY,
  compareDash,
  overlayCompare,
  overlayCompareDots,
  pairYRangesFrom,
  planeCompareTraces,
  simplexCompareTraces,
  sweepCompareMarker,
  withCompareTraces,
  type CompareNames,
} from '../../src/figures/compare.ts';
import { lossStyleOf } from '../../src/figures/lossStyle.ts';
import { EN_FIGURES as EN } from '../../src/i18n/en/figures.ts';
import { EN_COMPARE } from '../../src/i18n/en/compare.ts';
import { compareCurvesOf, compareRunsOf, compareStateOf } from '../../src/derive/compare.ts';
import { trainingRunsOf } from '../../src/derive/toy.ts';
import { curvesAtStep } from '../../src/derive/atStep.ts';
import { pairCurvesOf } from '../../src/derive/pairCurvesMemo.ts';
import { planeOf } from '../../src/derive/plane.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { probColumn } from '../../src/figures/trainingFigure.ts';
import { traces, type TraceView } from '../helpers/figureData.ts';

const theme = LIGHT_THEME;
const state = applyPatch(DEFAULT_STATE, { steps: 30, compare: 'beta:1' });
const other = compareStateOf(state)!;
const names: CompareNames = {
  main: EN_COMPARE.side({ key: 'beta', value: state.beta }),
  other: EN_COMPARE.side({ key: 'beta', value: 1 }),
  traceName: EN_COMPARE.traceName,
  summary: EN_COMPARE.summary,
};
const mainRuns = trainingRunsOf(state).runs;
const otherRuns = compareRunsOf(other).runs;

const second = (fig: { data: unknown[] }) =>
  traces(fig as never).filter((t) =>
    (t as { legendgroup?: string }).legendgroup?.startsWith(COMPARE_GROUP_PREFIX),
  );
const first = (fig: { data: unknown[] }) =>
  traces(fig as never).filter(
    (t) => !(t as { legendgroup?: string }).legendgroup?.startsWith(COMPARE_GROUP_PREFIX),
  );
const arr = (a: ArrayLike<number> | undefined) => Array.from(a ?? []);
const named = (ts: TraceView[], name: string) => {
  const t = ts.find((d) => d.name === name);
  if (!t) throw new Error(`no trace ${name}: ${ts.map((d) => d.name).join(' | ')}`);
  return t;
};

describe('the dash of the second run', () => {
  it('is dashed for a solid line, dotted for a dashed one; dotted / dash-dotted where dashes are taken', () => {
    expect(compareDash('solid')).toBe('dash');
    expect(compareDash(undefined)).toBe('dash');
    expect(compareDash('dash')).toBe('dot');
    expect(compareDash('solid', true)).toBe('dot');
    expect(compareDash('dash', true)).toBe('dashdot');
  });
});

describe('loss and gradient figures', () => {
  const mainCurves = pairCurvesOf(state);
  const otherCurves = compareCurvesOf(other);
  const loss = overlayCompare(
    lossFigure(mainCurves, { beta: state.beta, theme, strings: EN }),
    lossFigure(otherCurves, { beta: 1, theme, strings: EN }),
    names,
  );

  it('draw every loss of the second run dashed, in its colour, with the second run’s curve and dot', () => {
    for (const c of otherCurves) {
      const label = EN.lossLabel(c.id);
      const line = named(second(loss), `${label} · β = 1`);
      expect(line.line?.dash).toBe('dash');
      expect(line.line?.color).toBe(lossStyleOf(c.id, theme).color);
      expect(arr(line.y)).toEqual(arr(c.curve.loss));
      const dot = named(second(loss), `${EN.trace.currentOf(label)} · β = 1`);
      expect(arr(dot.y)).toEqual([c.current.loss]);
      expect(String(dot.marker?.symbol)).toMatch(/-open$/);
      // The main run's line: solid, named with its β, its own numbers.
      const main = named(first(loss), `${label} · β = 0.1`);
      expect(main.line?.dash).toBe(lossStyleOf(c.id, theme).dash);
      expect(arr(main.y)).toEqual(arr(mainCurves.find((m) => m.id === c.id)!.curve.loss));
    }
    expect(arr(otherCurves[0].curve.loss)).not.toEqual(arr(mainCurves[0].curve.loss));
  });

  it('cover both runs in the y range and describe both', () => {
    const alone = lossFigure(otherCurves, { beta: 1, theme, strings: EN });
    const y = (f: typeof loss) => (f.layout.yaxis as { range: [number, number] }).range;
    expect(y(loss)[0]).toBeLessThanOrEqual(y(alone)[0]);
    expect(y(loss)[1]).toBeGreaterThanOrEqual(y(alone)[1]);
    expect(loss.summary).toContain('This run, β = 0.1:');
    expect(loss.summary).toContain('The compared run, β = 1:');
    expect(loss.summary).toContain(alone.summary);
  });

  it('gradient: the second run’s pushes dotted (y_w) and dash-dotted (y_l)', () => {
    const main = gradientFigure(mainCurves, { beta: state.beta, theme, strings: EN });
    const alone = gradientFigure(otherCurves, { beta: 1, theme, strings: EN });
    const fig = overlayCompare(main, alone, names, { dashesTaken: true });
    // Every trace of the second run but its sign-change lines, whose words are the main figure's notes.
    const kept = traces(alone).filter((t) => (t as { meta?: unknown }).meta !== MAIN_RUN_ONLY);
    expect(kept.length).toBeLessThan(traces(alone).length);
    expect(second(fig)).toHaveLength(kept.length);
    second(fig).forEach((t, i) => {
      const source = kept[i];
      expect(arr(t.y)).toEqual(arr(source.y));
      const solid = !source.line?.dash || source.line.dash === 'solid';
      if (source.line) expect(t.line?.dash).toBe(solid ? 'dot' : 'dashdot');
    });
  });
});

describe('training figures', () => {
  it('probabilities: every response of every second run, dotted, with its probabilities', () => {
    const opts = { theme, strings: EN, responses: 3 };
    const fig = overlayCompare(trainingFigure(mainRuns, opts), trainingFigure(otherRuns, opts), names, {
      dashesTaken: true,
    });
    const dashed = second(fig).filter((t) => t.mode === 'lines' && t.x && t.x.length > 2);
    expect(dashed).toHaveLength(otherRuns.length * 3);
    otherRuns.forEach((run, i) => {
      for (let k = 0; k < 3; k++) {
        const t = dashed[i * 3 + k];
        expect(arr(t.y)).toEqual(arr(probColumn(run.probs, k)));
        expect(t.line?.dash).toBe(k === 0 ? 'dot' : 'dashdot');
        expect(t.name).toBe(`${EN.responseLabel(k)} · β = 1`);
      }
    });
  });

  it('TRL metrics: the second run’s every metric dashed in the loss’s colour, ranges covering both', () => {
    const metrics = ['rewards/margins', 'logps/chosen'];
    const opts = { theme, strings: EN, metrics };
    const alone = trainingMetricsFigure(otherRuns, opts);
    const fig = overlayCompare(trainingMetricsFigure(mainRuns, opts), alone, names);
    for (const run of otherRuns) {
      const ts = second(fig).filter((t) => t.name === `${EN.lossLabel(run.id)} · β = 1`);
      expect(ts).toHaveLength(metrics.length);
      ts.forEach((t, m) => {
        expect(arr(t.y)).toEqual(run.metrics[metrics[m]]);
        expect(t.line?.dash).toBe('dash');
        expect(t.line?.color).toBe(lossStyleOf(run.id, theme).color);
      });
    }
    const r = (f: typeof fig, k: string) =>
      (f.layout as Record<string, { range: [number, number] }>)[k].range;
    expect(r(fig, 'yaxis')[0]).toBeLessThanOrEqual(r(alone, 'yaxis')[0]);
    expect(r(fig, 'yaxis')[1]).toBeGreaterThanOrEqual(r(alone, 'yaxis')[1]);
  });
});

describe('plane and simplex', () => {
  it('plane: the second run’s path dashed over the main run’s contours', () => {
    const plane = planeOf('sigmoid', state, mainRuns);
    const main = planeFigure(plane.grid, mainRuns, { theme, strings: EN, current: plane.pairLogRatios });
    const run = otherRuns.find((r) => r.id === 'sigmoid')!;
    const label = EN.lossLabel('sigmoid');
    const fig = withCompareTraces(
      main,
      planeCompareTraces(run, theme, names, EN.trace.trajectory, label),
      names,
      '',
    );
    const path = named(second(fig), `${EN.trace.trajectory(label)} · β = 1`);
    expect(path.line?.dash).toBe('dash');
    expect(arr(path.x)).toEqual(run.chosenLogRatio);
    expect(arr(path.y)).toEqual(run.rejectedLogRatio);
    // Only the path and its end: no second contour.
    expect(second(fig).map((t) => t.type)).toEqual(['scatter', 'scatter']);
    expect(traces(fig).filter((t) => t.type === 'contour')).toHaveLength(1);
  });

  it('simplex: each second run’s path dashed, ending in an open marker', () => {
    const opts = { theme, strings: EN, reference: state.refProbs, rlhfOptimum: null };
    const fig = withCompareTraces(
      simplexFigure(mainRuns, opts),
      simplexCompareTraces(otherRuns, theme, names, EN.lossLabel),
      names,
      simplexFigure(otherRuns, opts).summary,
    );
    for (const run of otherRuns) {
      const [line, end] = second(fig).filter((t) => t.name === `${EN.lossLabel(run.id)} · β = 1`);
      expect(line.line?.dash).toBe('dash');
      expect(arr(line.a)).toEqual(run.probs.map((p) => p[0]));
      expect(arr(line.c)).toEqual(run.probs.map((p) => p[2]));
      expect(arr(end.b)).toEqual([run.probs.at(-1)![1]]);
      expect(String(end.marker?.symbol)).toMatch(/-open$/);
    }
  });
});

describe('sweeps', () => {
  it('mark the compared β on the β sweep as a dashed line named for the second run', () => {
    const main = sweepFigure([], { theme, strings: EN, axis: 'beta', current: 0.1 });
    const fig = sweepCompareMarker(main, 1, theme, names);
    const added = traces(fig).slice(traces(main).length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ name: 'β = 1', x: [1, 1], y: [0, 1], line: { dash: 'dash' } });
    expect(sweepCompareMarker(main, NaN, theme, names)).toBe(main);
  });
});

describe('vs=loss', () => {
  const s = applyPatch(DEFAULT_STATE, { losses: ['sigmoid', 'kto'], compare: 'loss:ipo' });
  const o = compareStateOf(s)!;
  const lossNames: CompareNames = { ...names, main: 'DPO', other: 'IPO', nameMain: false };

  it('names the main run’s traces by their own losses only, the other loss’s with its name', () => {
    const main = lossFigure(pairCurvesOf(s), { beta: s.beta, theme, strings: EN });
    const fig = overlayCompare(
      main,
      lossFigure(compareCurvesOf(o), { beta: o.beta, theme, strings: EN }),
      lossNames,
    );
    expect(first(fig).map((t) => t.name)).toEqual(traces(main).map((t) => t.name));
    const ipo = named(second(fig), 'IPO · IPO');
    expect(arr(ipo.y)).toEqual(arr(compareCurvesOf(o)[0].curve.loss));
    expect(ipo.line?.color).toBe(lossStyleOf('ipo', theme).color);
  });

  it('a quadratic loss beside bounded ones does not set the y range (as in one run)', () => {
    expect(pairYRangesFrom(['sigmoid', 'kto'], ['ipo'])).toBe('main');
    expect(pairYRangesFrom(['ipo'], ['sigmoid'])).toBe('second');
    expect(pairYRangesFrom(['sigmoid'], ['kto'])).toBe('union');
    expect(pairYRangesFrom(['ipo'], ['sppo_hard'])).toBe('union');
    const main = lossFigure(pairCurvesOf(s), { beta: s.beta, theme, strings: EN });
    const other = lossFigure(compareCurvesOf(o), { beta: o.beta, theme, strings: EN });
    const y = (f: typeof main) => (f.layout.yaxis as { range: [number, number] }).range;
    const kept = overlayCompare(main, other, lossNames, { yFrom: pairYRangesFrom(s.losses, o.losses) });
    expect(y(kept)).toEqual(y(main));
    expect(y(other)[1]).toBeGreaterThan(y(main)[1]);
  });
});

describe('asCompareTrace opens every marker', () => {
  const names: CompareNames = {
    main: 'β = 0.1',
    other: 'β = 1',
    traceName: (n, run) => `${n} · ${run}`,
    summary: (a) => a,
  };
  it('a default (symbol-less) circle, a named symbol and per-point symbols', () => {
    const plain = asCompareTrace(
      { type: 'scatter', mode: 'markers', x: [1], y: [1], marker: { size: 9 } },
      names,
    );
    const named = asCompareTrace({ type: 'scatter', mode: 'markers', marker: { symbol: 'square' } }, names);
    const many = asCompareTrace(
      { type: 'scatter', mode: 'markers', marker: { symbol: ['diamond', 'x-open'] } },
      names,
    );
    const symbolOf = (d: unknown) => (d as { marker: { symbol: unknown } }).marker.symbol;
    expect(symbolOf(plain)).toBe('circle-open');
    expect(symbolOf(named)).toBe('square-open');
    expect(symbolOf(many)).toEqual(['diamond-open', 'x-open']);
  });
});

describe('a second run that differs only in how it trains (vs=lr)', () => {
  const lrState = applyPatch(DEFAULT_STATE, { steps: 30, t: 20, compare: 'lr:0.5' });
  const lrOther = compareStateOf(lrState)!;
  const lrNames: CompareNames = { ...names, main: 'lr = 0.05', other: 'lr = 0.5' };
  it('adds only its dots, open, at its own margin at t, on the same curves', () => {
    const curves = pairCurvesOf(lrState);
    const main = lossFigure(curvesAtStep(curves, lrState, trainingRunsOf(lrState).runs, 20), {
      beta: lrState.beta,
      theme,
      strings: EN,
    });
    const otherRuns = compareRunsOf(lrOther).runs;
    const dots = lossFigure(curvesAtStep(curves, lrState, otherRuns, 20), {
      beta: lrState.beta,
      theme,
      strings: EN,
    });
    const fig = overlayCompareDots(main, dots, lrNames);
    const added = second(fig);
    expect(added.length).toBeGreaterThan(0);
    for (const t of added) {
      expect(t.mode).toBe('markers');
      expect(String(t.marker?.symbol)).toMatch(/-open$/);
    }
    // At its own margin at step 20: ρw − ρl of the lr = 0.5 run, not the main run's.
    const run = otherRuns[0];
    const margin = run.chosenLogRatio[20] - run.rejectedLogRatio[20];
    expect(arr(added[0].x as ArrayLike<number>)[0]).toBeCloseTo(margin, 9);
    const mainRun = trainingRunsOf(lrState).runs[0];
    expect(Math.abs(margin - (mainRun.chosenLogRatio[20] - mainRun.rejectedLogRatio[20]))).toBeGreaterThan(
      1e-3,
    );
  });
});

describe('a faint second run (every dash taken)', () => {
  it('keeps each line’s dash and fades the run, where dashed or dotted would read as another response', () => {
    const trace = {
      type: 'scatter',
      mode: 'lines',
      name: 'y₃',
      line: { dash: 'dot', color: '#123' },
    } as const;
    const names: CompareNames = {
      main: 'a',
      other: 'b',
      traceName: (n, side) => `${n} · ${side}`,
      summary: () => '',
    };
    const faded = asCompareTrace(trace, names, { faded: true }) as {
      line: { dash: string };
      opacity: number;
    };
    expect(faded.line.dash).toBe('dot');
    expect(faded.opacity).toBe(COMPARE_FADED_OPACITY);
    const dotted = asCompareTrace(trace, names, { dashesTaken: true }) as { line: { dash: string } };
    expect(dotted.line.dash).toBe('dashdot');
  });
});
