// Issue 10: labels and colours fit the data. Under one pair, response 0 is the chosen y_w and response 1 the
// rejected y_l; a ranking has no chosen or rejected response (only a best and a worst by hidden reward); a
// thumbs-down dataset has one undesirable response A and nothing else. Every figure of the toy (training,
// sweeps, simplex) and the sweeps' captions name and colour the responses for what they are in the data,
// in English and Chinese, and a loss keeps its own colour in the sweeps whatever else is shown.
import { describe, expect, it } from 'vitest';
import {
  DARK_THEME,
  LIGHT_THEME,
  PROJECTOR_THEME,
  lossStyleOf,
  planeFigure,
  responseRole,
  simplexFigure,
  sweepFigure,
  trainingFigure,
  type Figure,
  type FigureStrings,
} from '../../src/figures/index.ts';
import { EN_FIGURES as EN } from '../../src/i18n/en/figures.ts';
import { ZH_FIGURES as ZH } from '../../src/i18n/zh/figures.ts';
import { EN_VIEWS } from '../../src/i18n/en/views.ts';
import { ZH_VIEWS } from '../../src/i18n/zh/views.ts';
import type { ViewStrings } from '../../src/i18n/types/views.ts';
import type { ResponseData } from '../../src/i18n/types/figures.ts';
import { computeSweeps } from '../../src/derive/sweeps.ts';
import { computeTrainingRuns } from '../../src/derive/toy.ts';
import { simplexOf } from '../../src/derive/simplex.ts';
import { planeOf } from '../../src/derive/plane.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { cloneState, parseHash } from '../../src/state/urlCodec.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import type { AppState } from '../../src/state/appState.ts';
import { traces, visibleTexts } from '../helpers/figureData.ts';

const state = (patch: Partial<AppState>): AppState => applyPatch(cloneState(DEFAULT_STATE), patch);

const DATASETS: [string, AppState][] = [
  ['one pair', state({ losses: ['sigmoid', 'kto'] })],
  ['a ranking', state({ losses: ['sigmoid', 'kto'], dataset: 'ranking', rewards: [1, -1, 0] })],
  ['thumbs-down', state({ losses: ['kto'], dataset: 'thumbs-down' })],
  ['the thumbs-down scenario', parseHash('#v=2&preset=kto-undesirable-only').state],
];

const LANGS: [string, FigureStrings, ViewStrings, RegExp][] = [
  ['English', EN, EN_VIEWS, /chosen|rejected|\by_w\b|\by_l\b/i],
  ['Chinese', ZH, ZH_VIEWS, /被选|被拒|选中|拒绝|\by_w\b|\by_l\b/],
];

const dataOf = (s: AppState): ResponseData => ({ dataset: s.dataset, rewards: s.rewards });

/** Every figure of the toy for state `s`, and the sweeps' captions and headings. */
function toyTexts(s: AppState, f: FigureStrings, v: ViewStrings): { figures: Figure[]; texts: string[] } {
  const data = dataOf(s);
  const { runs } = computeTrainingRuns(s);
  const sweeps = computeSweeps(s);
  const simplex = simplexOf(s, runs);
  const figures = [
    trainingFigure(runs, { theme: LIGHT_THEME, strings: f, responses: s.responses, data }),
    sweepFigure(sweeps.beta, { theme: LIGHT_THEME, strings: f, axis: 'beta', current: s.beta, data }),
    sweepFigure(sweeps.ref, { theme: LIGHT_THEME, strings: f, axis: 'ref', current: s.refProbs[0], data }),
    simplexFigure(simplex.runs, {
      theme: LIGHT_THEME,
      strings: f,
      reference: simplex.reference,
      rlhfOptimum: simplex.rlhfOptimum,
      data,
    }),
  ];
  const texts = [
    ...figures.flatMap(visibleTexts),
    v.sweepCaption(data),
    v.sweepRefHeading(data),
    v.sweepRefCaption(data, true),
    v.sweepRefCaption(data, false),
  ];
  return { figures, texts };
}

describe.each(LANGS)('responses are named for what they are in the data (%s)', (_, f, v, roleWords) => {
  for (const [name, s] of DATASETS) {
    it(name, () => {
      const { texts } = toyTexts(s, f, v);
      const said = texts.filter((t) => roleWords.test(t));
      if (s.dataset === 'pair') expect(said.length).toBeGreaterThan(0);
      else expect(said).toEqual([]);
    });
  }
});

// The plane is a view of the pair (ρw, ρl of responses 0 and 1, by design the pair of the loss views), so it
// may name y_w and y_l; but it must not call them chosen or rejected where the data say otherwise.
const ROLE_WORDS: [string, FigureStrings, RegExp][] = [
  ['English', EN, /chosen|rejected/i],
  ['Chinese', ZH, /被选|被拒/],
];
describe.each(ROLE_WORDS)('the plane never says chosen or rejected without a pair (%s)', (_, f, words) => {
  for (const [name, s] of DATASETS.filter(([, st]) => st.dataset !== 'pair'))
    it(name, () => {
      const { runs } = computeTrainingRuns(s);
      const plane = planeOf(s.losses[0], s, runs);
      const fig = planeFigure(plane.grid, runs, {
        theme: LIGHT_THEME,
        strings: f,
        current: plane.pairLogRatios,
      });
      expect(visibleTexts(fig).filter((t) => words.test(t))).toEqual([]);
    });
});

describe('a response’s colour follows its role in the data', () => {
  it('one pair: y_w chosen, y_l rejected, the rest other', () => {
    expect([0, 1, 2].map((k) => responseRole(k, { dataset: 'pair' }))).toEqual([
      'chosen',
      'rejected',
      'other',
    ]);
    expect([0, 1, 2].map((k) => responseRole(k))).toEqual(['chosen', 'rejected', 'other']);
  });
  it('thumbs-down: A is rejected (undesirable), every other response is in no example', () => {
    expect([0, 1, 2, 3].map((k) => responseRole(k, { dataset: 'thumbs-down' }))).toEqual([
      'rejected',
      'other',
      'other',
      'other',
    ]);
  });
  it('ranking: the best and the worst by hidden reward, nobody on a tie', () => {
    const roles = (rewards: number[]) =>
      rewards.map((_, k) => responseRole(k, { dataset: 'ranking', rewards }));
    expect(roles([1, -1, 0])).toEqual(['chosen', 'rejected', 'other']);
    expect(roles([0, 0.5, -2, 1])).toEqual(['other', 'other', 'rejected', 'chosen']);
    expect(roles([1, 1, 0])).toEqual(['other', 'other', 'rejected']);
    expect(roles([0, 0, 0])).toEqual(['other', 'other', 'other']);
  });

  for (const theme of [LIGHT_THEME, DARK_THEME, PROJECTOR_THEME])
    for (const [name, s] of DATASETS)
      it(`the training plot draws each response in its role's colour (${name}, ${theme.name})`, () => {
        const data = dataOf(s);
        const { runs } = computeTrainingRuns(s);
        const fig = trainingFigure(runs, { theme, strings: EN, responses: s.responses, data });
        const want = { chosen: theme.chosen, rejected: theme.rejected, other: theme.other };
        for (let k = 0; k < s.responses; k++) {
          const lines = traces(fig).filter((t) => t.name === EN.responseLabel(k, data));
          expect(lines.length).toBe(runs.length);
          for (const t of lines) expect(t.line?.color).toBe(want[responseRole(k, data)]);
        }
        // Under thumbs-down no line is in the chosen colour: nothing there was chosen.
        if (s.dataset === 'thumbs-down')
          expect(traces(fig).filter((t) => t.line?.color === theme.chosen)).toEqual([]);
      });
});

describe('the sweeps draw a loss in its own colour, whatever else is shown', () => {
  for (const losses of [['kto'], ['ipo', 'kto'], ['sigmoid', 'cdpo', 'robust']] as const)
    it(losses.join(', '), () => {
      const s = state({ losses: [...losses] });
      const sweeps = computeSweeps(s);
      const fig = sweepFigure(sweeps.beta, {
        theme: LIGHT_THEME,
        strings: EN,
        axis: 'beta',
        current: s.beta,
      });
      for (const id of losses) {
        const label = EN.lossLabel(id);
        const mine = traces(fig).filter((t) => t.legendgroup === id);
        expect(mine.map((t) => t.name)).toEqual([EN.trace.sweepChosen(label), EN.trace.sweepRejected(label)]);
        for (const t of mine) expect(t.line?.color).toBe(lossStyleOf(id, LIGHT_THEME).color);
      }
    });
});
