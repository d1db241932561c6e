// The time cursor in the figures, as data: a vertical line at step t over every training and metrics panel,
// a marker at step t on the plane's path and on each simplex path (a diverged run's at its last trusted step,
// named so), and nothing of it without a cursor.
import { describe, expect, it } from 'vitest';
import type { Data, Shape } from 'plotly.js';
import { trainingFigure } from '../../src/figures/trainingFigure.ts';
import { trainingMetricsFigure } from '../../src/figures/trainingMetricsFigure.ts';
import { planeFigure } from '../../src/figures/planeFigure.ts';
import { simplexFigure } from '../../src/figures/simplexFigure.ts';
import { lossStyleOf } from '../../src/figures/lossStyle.ts';
import { PLOT_THEMES } from '../../src/figures/themes.ts';
import { EN_FIGURES as EN } from '../../src/i18n/en/figures.ts';
import { ZH_FIGURES as ZH } from '../../src/i18n/zh/figures.ts';
import { planeGrid, syntheticRun } from '../helpers/figureData.ts';
import type { TrainingRunInput } from '../../src/derive/types.ts';

const theme = PLOT_THEMES.light;
const dpo = syntheticRun('sigmoid', 40, [1, -1, 0]);
const ipo = syntheticRun('ipo', 40, [0.3, -0.6, 0]);
/** IPO as if it had diverged at step 12 (its numbers from there on mean nothing). */
const ipoDiverged: TrainingRunInput = {
  ...ipo,
  divergence: { step: 12, lastFiniteStep: 40, reason: 'loss' },
};

type Loose = Data & { name?: string; x?: number[]; y?: number[]; a?: number[]; b?: number[]; c?: number[] };
const named = (data: Data[], name: string) => (data as Loose[]).filter((d) => d.name === name);

describe('training and metrics figures', () => {
  it('draw a vertical line at step t over every panel, and none without a cursor', () => {
    const fig = trainingFigure([dpo, ipo], { theme, strings: EN, responses: 3, step: 17 });
    const shapes = fig.layout.shapes as Partial<Shape>[];
    expect(shapes).toHaveLength(2);
    expect(shapes.map((s) => [s.x0, s.x1])).toEqual([
      [17, 17],
      [17, 17],
    ]);
    expect(shapes.map((s) => s.xref)).toEqual(['x', 'x2']);
    expect(shapes.map((s) => s.yref)).toEqual(['y domain', 'y2 domain']);
    expect(trainingFigure([dpo, ipo], { theme, strings: EN, responses: 3 }).layout.shapes).toBeUndefined();

    const metrics = ['loss', 'rewards/margins', 'rewards/accuracies'];
    const m = trainingMetricsFigure([dpo, ipo], { theme, strings: EN, metrics, step: 5 });
    expect((m.layout.shapes as Partial<Shape>[]).map((s) => s.x0)).toEqual([5, 5, 5]);
  });

  it('keep the curves’ data the same whatever the step (only the shapes move)', () => {
    const a = trainingFigure([dpo, ipo], { theme, strings: EN, responses: 3, step: 0 });
    const b = trainingFigure([dpo, ipo], { theme, strings: EN, responses: 3, step: 40 });
    expect(b.data).toEqual(a.data);
  });
});

describe('plane figure', () => {
  const xs = Array.from({ length: 21 }, (_, i) => -4 + (8 * i) / 20);
  const grid = planeGrid('sigmoid', { beta: 1 }, xs, xs);

  it('marks the run’s point at step t, in the loss’s colour, drawn last', () => {
    const fig = planeFigure(grid, [dpo], { theme, strings: EN, step: 25 });
    const name = EN.trace.atStepOf('DPO', 25);
    const [marker] = named(fig.data, name);
    expect(marker).toBeDefined();
    expect(marker.x).toEqual([dpo.chosenLogRatio[25]]);
    expect(marker.y).toEqual([dpo.rejectedLogRatio[25]]);
    expect((marker as { marker: { color: string } }).marker.color).toBe(lossStyleOf('sigmoid', theme).color);
    expect(fig.data.at(-1)).toBe(marker);
    // t = 0 is the start of the path; t = steps its end.
    const end = named(
      planeFigure(grid, [dpo], { theme, strings: EN, step: 40 }).data,
      EN.trace.atStepOf('DPO', 40),
    );
    expect(end[0].x).toEqual([dpo.chosenLogRatio[40]]);
    expect(named(planeFigure(grid, [dpo], { theme, strings: EN }).data, name)).toEqual([]);
    // The start pair is the path's start: no separate "current pair" mark beside the cursor's.
    const current = { chosenLogRatio: 0, rejectedLogRatio: 0 };
    expect(
      named(planeFigure(grid, [dpo], { theme, strings: EN, current, step: 5 }).data, EN.trace.current),
    ).toEqual([]);
    expect(
      named(planeFigure(grid, [dpo], { theme, strings: EN, current }).data, EN.trace.current),
    ).toHaveLength(1);
    expect(
      named(planeFigure(grid, [], { theme, strings: EN, current, step: 5 }).data, EN.trace.current),
    ).toHaveLength(1);
  });

  it('past a diverged step, marks the last trusted step and says where it diverged', () => {
    const ipoGrid = { ...grid, id: 'ipo' as const };
    const fig = planeFigure(ipoGrid, [ipoDiverged], { theme, strings: ZH, step: 30 });
    const name = ZH.trace.atDivergedStepOf('IPO', 11, 12);
    expect(name).toContain('发散');
    const [marker] = named(fig.data, name);
    expect(marker.x).toEqual([ipo.chosenLogRatio[11]]);
  });
});

describe('simplex figure', () => {
  const reference = [1 / 3, 1 / 3, 1 / 3];

  it('marks each run’s policy at step t on its path', () => {
    const fig = simplexFigure([dpo, ipo], { theme, strings: EN, reference, rlhfOptimum: null, step: 9 });
    for (const run of [dpo, ipo]) {
      const [m] = named(fig.data, EN.trace.atStepOf(EN.lossLabel(run.id), 9));
      expect([m.a![0], m.b![0], m.c![0]]).toEqual(run.probs[9]);
      expect(m.type).toBe('scatterternary');
    }
    // Drawn over the paths, under the reference ring (and the ★ when there is one): at step 0 every run sits
    // on the reference, and the ★ the rlhf-to-dpo lesson points at must not be hidden by DPO's diamond.
    expect(fig.data.slice(-3).map((d) => (d as Loose).name)).toEqual([
      EN.trace.atStepOf('DPO', 9),
      EN.trace.atStepOf('IPO', 9),
      EN.trace.reference,
    ]);
  });

  it('a diverged run’s marker stays at its last trusted step', () => {
    const fig = simplexFigure([dpo, ipoDiverged], {
      theme,
      strings: EN,
      reference,
      rlhfOptimum: null,
      step: 40,
    });
    const [m] = named(fig.data, EN.trace.atDivergedStepOf('IPO', 11, 12));
    expect([m.a![0], m.b![0], m.c![0]]).toEqual(ipo.probs[11]);
    expect(named(fig.data, EN.trace.atStepOf('DPO', 40))).toHaveLength(1);
  });
});
