// The time cursor (issue 10, item 2): every view shows step t of each loss's own training run. At t = 0 the
// numbers are exactly the start pair's; at t = steps they are the run's last; the loss and gradient views'
// dots sit at the run's margin at t; a run that diverged before t shows its last trusted step and says so.
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../src/state/appState.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import { parseHash } from '../../src/state/urlCodec.ts';
import { computeTrainingRuns, TOY_FIELDS } from '../../src/derive/toy.ts';
import { computePairCurves } from '../../src/derive/pairCurves.ts';
import { pairInputOf } from '../../src/derive/mathParams.ts';
import { pairValuesOf } from '../../src/derive/pairValues.ts';
import { lossReadout } from '../../src/derive/readout.ts';
import { stepMetrics } from '../../src/derive/metricsTables.ts';
import {
  curvesAtStep,
  lossAtStep,
  metricsAtStep,
  pairAtStep,
  pairOfLossAt,
  runStepAt,
} from '../../src/derive/atStep.ts';
import { lossFigure } from '../../src/figures/lossFigure.ts';
import { gradientFigure } from '../../src/figures/gradientFigure.ts';
import { EN_FIGURES } from '../../src/i18n/en/figures.ts';
import { PLOT_THEMES } from '../../src/figures/themes.ts';
import type { Data } from 'plotly.js';

const theme = PLOT_THEMES.light;
const state = (patch: Partial<AppState> = {}): AppState => applyPatch(DEFAULT_STATE, patch);
/** The default losses (DPO, IPO, KTO) on a start offset, so that step 0 is not the reference. */
const S = state({ startLogRatios: [0.4, -0.2, 0], steps: 120 });
const { runs } = computeTrainingRuns(S);

type Loose = Data & { name?: string; x?: number[]; y?: number[] };
const dotOf = (data: Data[], name: string): Loose | undefined =>
  (data as Loose[]).find((d) => d.name === name && (d as { mode?: string }).mode === 'markers');

describe('pairAtStep and lossAtStep', () => {
  it('at t = 0 equal the start pair and its values exactly, for every loss', () => {
    for (const run of runs) {
      expect(pairAtStep(S, run, 0)).toEqual(pairInputOf(S));
      const at = lossAtStep(run.id, S, runs, 0);
      expect(at.pair).toEqual(pairInputOf(S));
      expect(at.values).toEqual(pairValuesOf(run.id, S));
      expect(lossReadout(run.id, S, at.pair)).toEqual(lossReadout(run.id, S));
    }
  });

  it('at t = steps are the run’s last log-ratios, probabilities and loss', () => {
    for (const run of runs) {
      const T = run.loss.length - 1;
      expect(T).toBe(S.steps);
      const { pair, at } = pairOfLossAt(run.id, S, runs, S.steps);
      expect(at).toEqual({ step: T, divergedAt: null });
      expect(pair.policyChosen - pair.refChosen).toBeCloseTo(run.chosenLogRatio[T], 12);
      expect(pair.policyRejected - pair.refRejected).toBeCloseTo(run.rejectedLogRatio[T], 12);
      expect(Math.exp(pair.policyChosen)).toBeCloseTo(run.probs[T][0], 12);
      expect(Math.exp(pair.policyRejected)).toBeCloseTo(run.probs[T][1], 12);
    }
    // The readout's pair is y_w ≻ y_l; TRL's logged margin averages the data, where a share 1 − p of the
    // labels says the opposite: (2p − 1) times the pair's margin, at the same step.
    const dpo = runs.find((r) => r.id === 'sigmoid')!;
    const end = lossAtStep('sigmoid', S, runs, S.steps);
    expect((2 * S.preferenceProb - 1) * end.values.rewardMargin).toBeCloseTo(
      dpo.metrics['rewards/margins'].at(-1)!,
      9,
    );
  });

  it('move with t: the margin at a middle step is the run’s, and differs from the start', () => {
    const t = 37;
    for (const run of runs) {
      const { pair } = pairOfLossAt(run.id, S, runs, t);
      const h = pair.policyChosen - pair.refChosen - (pair.policyRejected - pair.refRejected);
      expect(h).toBeCloseTo(run.chosenLogRatio[t] - run.rejectedLogRatio[t], 12);
      expect(h).not.toBeCloseTo(run.chosenLogRatio[0] - run.rejectedLogRatio[0], 3);
    }
  });

  it('a loss without a run (pair losses on thumbs-down data) keeps the start pair', () => {
    const s = state({ dataset: 'thumbs-down', losses: ['sigmoid', 'kto'] });
    const r = computeTrainingRuns(s).runs;
    expect(r.map((x) => x.id)).toEqual(['kto']);
    const dpo = pairOfLossAt('sigmoid', s, r, 50);
    expect(dpo.at).toBeNull();
    expect(dpo.pair).toEqual(pairInputOf(s));
    expect(pairOfLossAt('kto', s, r, 50).pair).not.toEqual(pairInputOf(s));
  });
});

describe('metricsAtStep', () => {
  it('at t = steps are the run’s last logged values; at t the values of step t', () => {
    for (const run of runs) {
      expect(metricsAtStep(run, S.steps).metrics).toEqual(stepMetrics(run.metrics));
      const mid = metricsAtStep(run, 10);
      expect(mid.step).toBe(10);
      for (const [name, v] of Object.entries(mid.metrics)) expect(v).toBe(run.metrics[name][10]);
    }
  });

  it('past a diverged step: the last trusted step, and the step where it diverged', () => {
    const s = parseHash('#v=2&loss=sigmoid,ipo&opt=sgd&lr=10').state;
    const r = computeTrainingRuns(s).runs;
    const ipo = r.find((x) => x.id === 'ipo')!;
    expect(ipo.divergence?.step).toBe(2);
    expect(runStepAt(ipo, 1)).toEqual({ step: 1, divergedAt: null });
    expect(runStepAt(ipo, 150)).toEqual({ step: 1, divergedAt: 2 });
    const m = metricsAtStep(ipo, s.steps);
    expect(m.step).toBe(1);
    expect(m.metrics.loss).toBe(ipo.metrics.loss[1]);
    for (const v of Object.values(m.metrics)) expect(Number.isFinite(v)).toBe(true);
    // DPO, which did not diverge, shows step t itself.
    expect(
      runStepAt(
        r.find((x) => x.id === 'sigmoid')!,
        150,
      ),
    ).toEqual({ step: 150, divergedAt: null });
  });

  it('clamps a cursor past a shorter run (runs retrain in the background after `steps` changes)', () => {
    expect(runStepAt(runs[0], 10_000).step).toBe(S.steps);
    expect(runStepAt(runs[0], -3).step).toBe(0);
  });
});

describe('the loss and gradient views at the cursor', () => {
  const curves = computePairCurves(S);

  it('at t = 0 are the figures without a cursor', () => {
    expect(curvesAtStep(curves, S, runs, 0)).toBe(curves);
  });

  it('put each loss’s dot at its own run’s margin at t, keeping the curves and the axes', () => {
    const t = 60;
    const at = curvesAtStep(curves, S, runs, t);
    const base = lossFigure(curves, { beta: S.beta, theme, strings: EN_FIGURES });
    const loss = lossFigure(at, { beta: S.beta, theme, strings: EN_FIGURES });
    const grad = gradientFigure(at, { beta: S.beta, theme, strings: EN_FIGURES });
    expect(loss.layout.xaxis?.range).toEqual(base.layout.xaxis?.range);
    expect(loss.layout.yaxis?.range).toEqual(base.layout.yaxis?.range);
    for (const c of at) {
      const run = runs.find((r) => r.id === c.id)!;
      const h = run.chosenLogRatio[t] - run.rejectedLogRatio[t];
      const name = EN_FIGURES.trace.atStepOf(EN_FIGURES.lossLabel(c.id), t);
      const dot = dotOf(loss.data, name);
      expect(dot, name).toBeDefined();
      expect(dot!.x![0]).toBeCloseTo(h, 10);
      expect(dot!.y![0]).toBe(lossAtStep(c.id, S, runs, t).values.loss);
      const gdot = dotOf(grad.data, name);
      expect(gdot!.x).toEqual([dot!.x![0], dot!.x![0]]);
      expect(gdot!.y![0]).toBeCloseTo(-lossAtStep(c.id, S, runs, t).values.dChosen / S.beta, 12);
      // The curve itself is the same array as without the cursor.
      expect(c.curve).toBe(curves.find((x) => x.id === c.id)!.curve);
    }
    // The text alternatives give each loss's own margin at the step, not one "current margin".
    for (const fig of [loss, grad]) {
      expect(fig.summary).toMatch(/^At the step shown/);
      for (const c of at) expect(fig.summary).toContain(`at step ${t} (h = ${c.atStep!.margin.toFixed(2)})`);
    }
    expect(base.summary).toMatch(/^At the current margin/);
    // At t = 0 the dot is the "current pair", at the start margin.
    const dpo0 = dotOf(base.data, EN_FIGURES.trace.currentOf(EN_FIGURES.lossLabel('sigmoid')));
    expect(dpo0!.x![0]).toBeCloseTo(runs[0].chosenLogRatio[0] - runs[0].rejectedLogRatio[0], 10);
  });

  it('name a diverged run’s dot by its last trusted step and the step where it diverged', () => {
    const s = parseHash('#v=2&loss=sigmoid,ipo&opt=sgd&lr=10').state;
    const r = computeTrainingRuns(s).runs;
    const fig = lossFigure(curvesAtStep(computePairCurves(s), s, r, 100), {
      beta: s.beta,
      theme,
      strings: EN_FIGURES,
    });
    const name = EN_FIGURES.trace.atDivergedStepOf('IPO', 1, 2);
    expect(name).toMatch(/diverged/);
    const dot = dotOf(fig.data, name);
    expect(dot).toBeDefined();
    const ipo = r.find((x) => x.id === 'ipo')!;
    expect(dot!.x![0]).toBeCloseTo(ipo.chosenLogRatio[1] - ipo.rejectedLogRatio[1], 10);
  });

  it('say so when the dot’s margin is off the plot', () => {
    // Deterministic preferences: DPO's margin keeps growing past the axis' reach.
    const s = state({ preferenceProb: 1, learningRate: 1, steps: 300 });
    const r = computeTrainingRuns(s).runs;
    const fig = lossFigure(curvesAtStep(computePairCurves(s), s, r, 300), {
      beta: s.beta,
      theme,
      strings: EN_FIGURES,
    });
    const dpo = r.find((x) => x.id === 'sigmoid')!;
    const h = dpo.chosenLogRatio[300] - dpo.rejectedLogRatio[300];
    const range = fig.layout.xaxis!.range as [number, number];
    expect(h).toBeGreaterThan(range[1]);
    const texts = (fig.layout.annotations ?? []).map((a) => a.text ?? '');
    expect(texts.some((x) => x.includes('DPO: step 300') && x.includes('off the plot'))).toBe(true);
  });
});

describe('the cursor is not a toy field', () => {
  it('so moving it never retrains', () => {
    expect(TOY_FIELDS as readonly string[]).not.toContain('t');
  });
});

describe('the optimum for p on the loss view', () => {
  it('is drawn for one pair’s data only: a ranking or an order has no preference probability p', () => {
    const pair = computePairCurves(state({ losses: ['sigmoid', 'ipo'], preferenceProb: 0.9 }));
    expect(pair.map((c) => c.optimum)).toEqual([expect.any(Number), expect.any(Number)]);
    for (const dataset of ['ranking', 'order'] as const) {
      const curves = computePairCurves(state({ losses: ['sigmoid', 'ipo'], preferenceProb: 0.9, dataset }));
      expect(
        curves.map((c) => c.optimum),
        dataset,
      ).toEqual([null, null]);
      const fig = lossFigure(curves, { theme: PLOT_THEMES.light, strings: EN_FIGURES, beta: 0.1 });
      expect((fig.data as Loose[]).filter((t) => String(t.name).includes('optimum'))).toEqual([]);
    }
  });
});
