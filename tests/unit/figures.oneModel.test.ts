// Issue 10, item 6: a loss keeps one colour in every view whatever else is shown; responses are named for
// what they are in the data; metrics that nobody logged say so; the metric ticks and the plane's loss are in
// the link.
import { describe, expect, it } from 'vitest';
import {
  DARK_THEME,
  LIGHT_THEME,
  LOSS_STYLE_ORDER,
  lossStyleOf,
  planeFigure,
  simplexFigure,
  trainingFigure,
  trainingMetricsFigure,
} from '../../src/figures/index.ts';
import { LOSS_IDS, PICKER_TICKED, type LossId } from '../../src/math/index.ts';
import { EN_FIGURES as EN } from '../../src/i18n/en/figures.ts';
import { ZH_FIGURES as ZH } from '../../src/i18n/zh/figures.ts';
import { shownMetrics } from '../../src/derive/shownMetrics.ts';
import { trainingRunsOf } from '../../src/derive/toy.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { parseHash, stateToHash, baseState } from '../../src/state/urlCodec.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import { presetChanges } from '../../src/state/presetChanges.ts';
import { linspace, planeGrid, syntheticRun, traces } from '../helpers/figureData.ts';

const theme = LIGHT_THEME;
const run = (id: LossId) => syntheticRun(id, 20, [1, -1, 0]);
const SETS: LossId[][] = [['kto'], ['sigmoid', 'kto'], ['ipo', 'cdpo', 'kto'], ['kto', 'sigmoid', 'ipo']];

describe('a loss keeps one colour, by id, in every view', () => {
  it('every loss has a slot; the default three are the first, distinct colours', () => {
    expect([...LOSS_STYLE_ORDER].sort()).toEqual([...LOSS_IDS].sort());
    for (const t of [LIGHT_THEME, DARK_THEME]) {
      const c = (['sigmoid', 'ipo', 'kto'] as const).map((id) => lossStyleOf(id, t).color);
      expect(new Set(c).size).toBe(3);
    }
  });

  it('metrics and simplex: the trace colour of KTO and DPO is the same whatever else is selected', () => {
    for (const set of SETS) {
      const runs = set.map(run);
      const metrics = trainingMetricsFigure(runs, { theme, strings: EN, metrics: ['loss'] });
      const simplex = simplexFigure(runs, {
        theme,
        strings: EN,
        reference: [1 / 3, 1 / 3, 1 / 3],
        rlhfOptimum: null,
      });
      for (const id of set) {
        const label = EN.lossLabel(id);
        const want = lossStyleOf(id, theme).color;
        expect(traces(metrics).find((d) => d.name === label)?.line?.color, `${id} in ${set}`).toBe(want);
        expect(traces(simplex).find((d) => d.name === label)?.line?.color, `${id} in ${set}`).toBe(want);
      }
    }
  });

  it('training: each panel title is framed in its loss colour, wherever the panel is', () => {
    for (const set of SETS) {
      const fig = trainingFigure(set.map(run), { theme, strings: EN, responses: 3 });
      for (const id of set) {
        const title = fig.layout.annotations?.find((a) => a.text === EN.lossLabel(id));
        expect(title?.bordercolor, `${id} in ${set}`).toBe(lossStyleOf(id, theme).color);
      }
    }
  });

  it('plane: the training path has its loss colour, not a fixed orange', () => {
    const xs = linspace(-5, 5, 11);
    for (const id of ['sigmoid', 'ipo'] as const) {
      const fig = planeFigure(planeGrid(id, { beta: 0.1 }, xs, xs), [run('kto'), run(id)], {
        theme,
        strings: EN,
      });
      const path = traces(fig).find(
        (d) => d.name === EN.trace.trajectory(EN.lossLabel(id)) && d.hovertemplate,
      );
      expect(path?.line?.color).toBe(lossStyleOf(id, theme).color);
    }
  });
});

describe('responses are named for what they are in the data', () => {
  it('thumbs-down: A is the undesirable example, never "chosen"; ranking: letters with rewards', () => {
    for (const s of [EN, ZH]) {
      const a = s.responseLabel(0, { dataset: 'thumbs-down' });
      expect(a).not.toBe(s.responseLabel(0));
      expect(a).not.toMatch(/chosen|y_w|被选/);
      expect(s.responseLabel(1, { dataset: 'thumbs-down' })).toBe('B');
      expect(s.responseLabel(0, { dataset: 'ranking', rewards: [1, 0.5] })).toMatch(/^A.*1/);
    }
    expect(EN.responseLabel(0, { dataset: 'thumbs-down' })).toContain('thumbs-down');
    const fig = trainingFigure([run('kto')], {
      theme,
      strings: EN,
      responses: 3,
      data: { dataset: 'thumbs-down' },
    });
    expect(traces(fig).map((d) => d.name)).not.toContain(EN.responseLabel(0));
    expect(traces(fig).map((d) => d.name)).toContain(EN.responseLabel(0, { dataset: 'thumbs-down' }));
  });
});

describe('TRL metrics with no data', () => {
  const thumbsDown = applyPatch(DEFAULT_STATE, { losses: ['kto'], dataset: 'thumbs-down' });
  const runs = trainingRunsOf(thumbsDown).runs;

  it('KTO on thumbs-down only: the automatic ticks are metrics that have data', () => {
    const shown = shownMetrics([], runs);
    expect(shown).toEqual(['rewards/rejected', 'logps/rejected', 'loss']);
    for (const m of shown) expect(runs[0].metrics[m].some(Number.isFinite), m).toBe(true);
    expect(shown).not.toContain('rewards/accuracies');
    expect(shown).not.toContain('rewards/chosen');
  });

  it('the defaults (DPO, IPO, KTO on a pair) keep the usual ticks; a choice is kept as made', () => {
    expect(shownMetrics([], trainingRunsOf(DEFAULT_STATE).runs)).toEqual(
      [...PICKER_TICKED].sort((a, b) => PICKER_TICKED.indexOf(a) - PICKER_TICKED.indexOf(b)),
    );
    expect(shownMetrics(['rewards/chosen'], runs)).toEqual(['rewards/chosen']);
  });

  it('a panel nobody logged says "no data" instead of empty axes', () => {
    const fig = trainingMetricsFigure(runs, { theme, strings: EN, metrics: ['rewards/chosen', 'loss'] });
    const notes = (fig.layout.annotations ?? []).map((a) => a.text);
    expect(notes).toContain(EN.note.metricNoData('rewards/chosen'));
    expect(notes).not.toContain(EN.note.metricNoData('loss'));
  });
});

describe('links restore the metric ticks and the plane loss', () => {
  it('round-trips trainingMetrics and planeLoss, under `metrics` and `plane`', () => {
    const s = applyPatch(DEFAULT_STATE, {
      trainingMetrics: ['loss', 'rewards/rejected'],
      planeLoss: 'ipo',
    });
    const hash = stateToHash(s);
    expect(hash).toContain('metrics=loss,rewards/rejected');
    expect(hash).toContain('plane=ipo');
    const { state, notices } = parseHash(hash);
    expect(notices).toEqual([]);
    expect(state.trainingMetrics).toEqual(['loss', 'rewards/rejected']);
    expect(state.planeLoss).toBe('ipo');
  });

  it('unknown metric names and losses are refused with a notice, the rest kept', () => {
    const { state, notices } = parseHash('#v=1&metrics=loss,bogus,loss&plane=nope');
    expect(state.trainingMetrics).toEqual(['loss']);
    expect(state.planeLoss).toBe('');
    expect(notices.map((n) => n.key).sort()).toEqual(['metrics', 'metrics', 'plane']);
  });

  it('the defaults write neither key', () => {
    expect(stateToHash(DEFAULT_STATE)).toBe('');
  });
});

describe('presetChanges', () => {
  it('is empty for a loaded scenario, names the edited fields after, and ignores viewer choices', () => {
    const base = baseState('likelihood-displacement');
    expect(presetChanges(base)).toEqual([]);
    expect(
      presetChanges(applyPatch(base, { theme: 'dark', planeLoss: 'sigmoid', trainingMetrics: ['loss'] })),
    ).toEqual([]);
    expect(presetChanges(applyPatch(base, { beta: 0.7, steps: 17 }))).toEqual(['beta', 'steps']);
    expect(presetChanges(applyPatch(DEFAULT_STATE, { beta: 0.7 }))).toEqual([]);
  });
});
