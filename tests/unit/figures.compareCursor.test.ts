// The time cursor with a compared run (vs=…), as data: the second run gets its own marker at step t on the
// plane and the simplex (the main runs' diamond, open, in the same loss colour, at its own run's step t); the
// training and metrics figures keep the vertical step-t line over both runs' traces; the loss view's second
// dots sit at the compared run's own margin at t, not at the main run's.
import { describe, expect, it } from 'vitest';
import type { Data, Shape } from 'plotly.js';
import {
  COMPARE_GROUP_PREFIX,
  overlayCompare,
  planeCompareTraces,
  simplexCompareTraces,
  type CompareNames,
} from '../../src/figures/compare.ts';
import { planeFigure } from '../../src/figures/planeFigure.ts';
import { simplexFigure } from '../../src/figures/simplexFigure.ts';
import { trainingFigure } from '../../src/figures/trainingFigure.ts';
import { trainingMetricsFigure } from '../../src/figures/trainingMetricsFigure.ts';
import { lossFigure } from '../../src/figures/lossFigure.ts';
import { lossStyleOf } from '../../src/figures/lossStyle.ts';
import { PLOT_THEMES } from '../../src/figures/themes.ts';
import { EN_FIGURES as EN } from '../../src/i18n/en/figures.ts';
import { EN_COMPARE } from '../../src/i18n/en/compare.ts';
import type { TrainingRunInput } from '../../src/derive/types.ts';
import { curvesAtStep } from '../../src/derive/atStep.ts';
import { compareCurvesOf, compareRunsOf, compareStateOf } from '../../src/derive/compare.ts';
import { trainingRunsOf } from '../../src/derive/toy.ts';
import { pairCurvesOf } from '../../src/derive/pairCurvesMemo.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { planeGrid, syntheticRun } from '../helpers/figureData.ts';

const theme = PLOT_THEMES.light;
const names: CompareNames = {
  main: 'β = 0.1',
  other: 'β = 1',
  traceName: EN_COMPARE.traceName,
  summary: EN_COMPARE.summary,
};

interface Marker {
  color: string;
  symbol: string;
  line: { color: string; width: number };
}
type Loose = Data & {
  name?: string;
  legendgroup?: string;
  showlegend?: boolean;
  mode?: string;
  x?: number[];
  y?: number[];
  a?: number[];
  b?: number[];
  c?: number[];
  marker?: Marker;
  line?: { dash?: string };
};
const all = (data: readonly Data[]) => data as Loose[];
const named = (data: readonly Data[], name: string) => all(data).filter((d) => d.name === name);
const isSecond = (d: Loose) => d.legendgroup?.startsWith(COMPARE_GROUP_PREFIX) === true;

// Two runs of DPO that move apart at different speeds (the strong β's run moves less).
const main = syntheticRun('sigmoid', 40, [1.5, -1.5, 0]);
const other = syntheticRun('sigmoid', 40, [0.4, -0.4, 0]);
const otherIpo = syntheticRun('ipo', 40, [0.2, -0.7, 0]);
const diverged: TrainingRunInput = {
  ...syntheticRun('ipo', 40, [0.2, -0.7, 0]),
  divergence: { step: 12, lastFiniteStep: 40, reason: 'loss' },
};

describe('the plane: the compared run’s marker at step t', () => {
  const xs = Array.from({ length: 21 }, (_, i) => -4 + (8 * i) / 20);
  const grid = planeGrid('sigmoid', { beta: 1 }, xs, xs);
  const cursor = { step: 25, strings: EN };
  const path = (run: TrainingRunInput, c = cursor) =>
    planeCompareTraces(run, theme, names, EN.trace.trajectory, 'DPO', c);

  it('is an open diamond in the loss’s colour at the compared run’s own point at t, beside the main one', () => {
    const colour = lossStyleOf('sigmoid', theme).color;
    const fig = planeFigure(grid, [main], { theme, strings: EN, step: 25 });
    const mainMarker = named(fig.data, EN.trace.atStepOf('DPO', 25))[0];
    const [marker] = named(path(other), EN_COMPARE.traceName(EN.trace.atStepOf('DPO', 25), names.other));
    expect(marker).toBeDefined();
    expect(marker.mode).toBe('markers');
    expect(marker.marker?.symbol).toBe('diamond-open');
    expect(mainMarker.marker?.symbol).toBe('diamond');
    expect(marker.marker?.color).toBe(colour);
    expect(marker.marker?.line.color).toBe(colour);
    expect(mainMarker.marker?.color).toBe(colour);
    expect(marker.x).toEqual([other.chosenLogRatio[25]]);
    expect(marker.y).toEqual([other.rejectedLogRatio[25]]);
    expect(marker.x).not.toEqual(mainMarker.x);
    expect(isSecond(marker)).toBe(true);
    expect(marker.showlegend).toBe(false);
    // It moves with the cursor, and there is none without one.
    const [at5] = path(other, { step: 5, strings: EN })
      .filter((d) => (d as Loose).mode === 'markers')
      .slice(-1);
    expect((at5 as Loose).x).toEqual([other.chosenLogRatio[5]]);
    const withoutCursor = planeCompareTraces(other, theme, names, EN.trace.trajectory, 'DPO');
    expect(withoutCursor).toHaveLength(path(other).length - 1);
    expect(all(withoutCursor).some((d) => d.marker?.symbol === 'diamond-open')).toBe(false);
  });

  it('past the step where the compared run diverged: at its last trusted step, named so', () => {
    const traces = planeCompareTraces(diverged, theme, names, EN.trace.trajectory, 'IPO', cursor);
    const marker = all(traces).at(-1)!;
    expect(marker.name).toBe(EN_COMPARE.traceName(EN.trace.atDivergedStepOf('IPO', 11, 12), names.other));
    expect(marker.x).toEqual([diverged.chosenLogRatio[11]]);
  });
});

describe('the simplex: each compared run’s marker at step t', () => {
  it('one open diamond per run, at its own π at t, drawn after every path', () => {
    const traces = all(
      simplexCompareTraces([other, otherIpo], theme, names, (id) => (id === 'ipo' ? 'IPO' : 'DPO'), {
        step: 30,
        strings: EN,
      }),
    );
    const markers = traces.filter((d) => d.marker?.symbol === 'diamond-open');
    expect(markers).toHaveLength(2);
    expect(traces.slice(-2)).toEqual(markers);
    markers.forEach((m, i) => {
      const run = [other, otherIpo][i];
      expect(m.type).toBe('scatterternary');
      expect([m.a, m.b, m.c]).toEqual(run.probs[30].map((p) => [p]));
      expect(m.marker?.color).toBe(lossStyleOf(run.id, theme).color);
      expect(isSecond(m)).toBe(true);
    });
    // Beside the main run's filled diamond at the same step.
    const mainFig = simplexFigure([main], {
      theme,
      strings: EN,
      reference: main.probs[0],
      rlhfOptimum: null,
      step: 30,
    });
    const mainMarker = all(mainFig.data).find((d) => d.marker?.symbol === 'diamond');
    expect(mainMarker?.a).toEqual([main.probs[30][0]]);
    expect(mainMarker?.a).not.toEqual(markers[0].a);
    expect(
      simplexCompareTraces([other], theme, names, () => 'DPO').some(
        (d) => (d as Loose).marker?.symbol === 'diamond-open',
      ),
    ).toBe(false);
  });
});

describe('training and metrics with a compared run and a cursor', () => {
  it('keep the vertical step-t line over every panel, with the dashed second run’s traces', () => {
    const opts = { theme, strings: EN, responses: 3, step: 17 };
    const fig = overlayCompare(trainingFigure([main], opts), trainingFigure([other], opts), names, {
      dashesTaken: true,
    });
    const shapes = fig.layout.shapes as Partial<Shape>[];
    expect(shapes.map((s) => [s.x0, s.x1, s.xref])).toEqual([[17, 17, 'x']]);
    const second = all(fig.data).filter(isSecond);
    expect(second.length).toBeGreaterThan(0);
    expect(second.every((d) => d.line?.dash === 'dot' || d.line?.dash === 'dashdot')).toBe(true);
    // The second run's π(y_w) curve is its own, through step t.
    const yw = second.find((d) => d.legendgroup === `${COMPARE_GROUP_PREFIX}response-0`);
    expect(yw?.y?.[17]).toBe(other.probs[17][0]);

    const mOpts = { theme, strings: EN, metrics: ['loss', 'rewards/margins'], step: 9 };
    const m = overlayCompare(
      trainingMetricsFigure([main], mOpts),
      trainingMetricsFigure([other], mOpts),
      names,
    );
    expect((m.layout.shapes as Partial<Shape>[]).map((s) => s.x0)).toEqual([9, 9]);
    const dashed = all(m.data).filter(isSecond);
    expect(dashed.length).toBe(2);
    expect(dashed.every((d) => d.line?.dash === 'dash')).toBe(true);
  });
});

describe('the loss view’s second dots at the cursor', () => {
  const state = applyPatch(DEFAULT_STATE, { steps: 60, compare: 'beta:1' });
  const second = compareStateOf(state)!;
  const t = 20;
  const margin = (run: TrainingRunInput, k: number) => run.chosenLogRatio[k] - run.rejectedLogRatio[k];

  it('sit at the compared run’s own margin at t (its runs, its curves, its state)', () => {
    const otherRuns = compareRunsOf(second).runs;
    const mainRuns = trainingRunsOf(state).runs;
    const curves = curvesAtStep(compareCurvesOf(second), second, otherRuns, t);
    expect(curves.length).toBe(otherRuns.length);
    for (const c of curves) {
      const run = otherRuns.find((r) => r.id === c.id)!;
      const mainRun = mainRuns.find((r) => r.id === c.id)!;
      expect(c.atStep?.step).toBe(t);
      expect(c.atStep?.margin).toBeCloseTo(margin(run, t), 10);
      expect(Math.abs((c.atStep?.margin ?? NaN) - margin(mainRun, t))).toBeGreaterThan(1e-3);
    }
    // Drawn: the loss figure's second-run dot is there, open, at that margin and the second run's loss.
    const opts = { theme, strings: EN, preferenceProb: state.preferenceProb };
    const fig = overlayCompare(
      lossFigure(curvesAtStep(pairCurvesOf(state), state, mainRuns, t), { ...opts, beta: state.beta }),
      lossFigure(curves, { ...opts, beta: second.beta }),
      names,
    );
    const dot = all(fig.data).find(
      (d) => isSecond(d) && d.name === EN_COMPARE.traceName(EN.trace.atStepOf('DPO', t), names.other),
    );
    expect(dot?.x).toEqual([curves[0].atStep?.margin]);
    expect(dot?.y).toEqual([curves[0].atStep?.loss]);
    expect(dot?.marker?.symbol.endsWith('-open')).toBe(true);
  });
});
