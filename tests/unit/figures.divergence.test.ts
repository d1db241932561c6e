// Issue 8: when training diverges the figures stop the curves there, mark the step, and the text
// alternatives say "diverged at step N" (in English and Chinese) instead of quoting meaningless numbers
// ("moved π(y_w) from 0.30 to —"). Nothing of that shows for a run that did not diverge.
import { describe, expect, it } from 'vitest';
import type { LayoutAxis } from 'plotly.js';
import {
  LIGHT_THEME as theme,
  planeFigure,
  simplexFigure,
  sweepFigure,
  trainingFigure,
  trainingMetricsFigure,
  type Figure,
  type FigureStrings,
} from '../../src/figures/index.ts';
import { EN_FIGURES } from '../../src/i18n/en/figures.ts';
import { ZH_FIGURES } from '../../src/i18n/zh/figures.ts';
import { parseHash } from '../../src/state/urlCodec.ts';
import type { AppState } from '../../src/state/appState.ts';
import { computeTrainingRuns, type ToyRuns } from '../../src/derive/toy.ts';
import { computeSweeps } from '../../src/derive/sweeps.ts';
import { computePlane } from '../../src/derive/plane.ts';
import { traces } from '../helpers/figureData.ts';

const DIVERGED = '#v=2&loss=sigmoid,ipo&opt=sgd&lr=10';
const LANGS: [string, FigureStrings, RegExp][] = [
  ['English', EN_FIGURES, /diverged/],
  ['Chinese', ZH_FIGURES, /发散/],
];

const stateOf = (hash: string): AppState => parseHash(hash).state;
/** The summary without its punctuation dashes (" — ", "——"): any '—' left is a missing number. */
const numbersOf = (summary: string): string => summary.replace(/ — |——/g, ' ');

/** Every figure the toy runs feed, with IPO in the plane. */
function figures(
  s: AppState,
  runs: ToyRuns['runs'],
  strings: FigureStrings,
  markSweep = false,
): Record<string, Figure> {
  const ipo = runs.find((r) => r.id === 'ipo');
  const plane = computePlane('ipo', s, ipo);
  // Sweep points are solved to convergence whatever the learning rate, so a sweep point diverges only when
  // the solver itself does (math/toy/converge.ts): the figure's handling of one is checked on data marked so.
  const sweeps = computeSweeps({ ...s, losses: [...s.losses, 'sppo_hard'], steps: 40 });
  const sweepBeta = sweeps.beta.map((sw) =>
    markSweep && sw.id === 'sppo_hard' ? { ...sw, status: sw.x.map(() => 'diverged' as const) } : sw,
  );
  return {
    training: trainingFigure(runs, { theme, strings, responses: s.responses }),
    metrics: trainingMetricsFigure(runs, {
      theme,
      strings,
      metrics: ['loss', 'rewards/margins', 'logps/chosen'],
    }),
    simplex: simplexFigure(runs, { theme, strings, reference: s.refProbs, rlhfOptimum: null }),
    plane: planeFigure(plane, runs, { theme, strings }),
    sweep: sweepFigure(sweepBeta, { theme, strings, axis: 'beta', current: s.beta }),
  };
}

describe.each(LANGS)('a run that diverged (%s)', (_, strings, divergedWord) => {
  const s = stateOf(DIVERGED);
  const { runs } = computeTrainingRuns(s);
  const figs = figures(s, runs, strings, true);

  it('is named in every text alternative, which quotes no missing number', () => {
    for (const [name, fig] of Object.entries(figs)) {
      expect(fig.summary, name).toMatch(divergedWord);
      expect(numbersOf(fig.summary), name).not.toContain('—');
      expect(fig.summary, name).not.toMatch(/NaN|undefined|Infinity|∞/);
    }
    expect(figs.training.summary).toContain(
      strings === EN_FIGURES ? 'IPO diverged at step 2' : 'IPO 在第 2 步发散',
    );
    // DPO, which did not diverge, is still described with its numbers.
    expect(figs.training.summary).toMatch(/DPO[^;；]*0\.30[^;；]*1\.00/);
  });

  it('has its curves stop at the step it diverged, marked by a line and in the panel title', () => {
    const t = traces(figs.training);
    const ipoCurves = t.filter((tr) => tr.xaxis === 'x2' && tr.name !== strings.note.diverged(2));
    expect(ipoCurves.map((tr) => tr.y?.length)).toEqual([3, 3, 3]);
    expect(t.filter((tr) => tr.xaxis === 'x').map((tr) => tr.y?.length)).toEqual([201, 201, 201]);
    const line = t.find((tr) => tr.name === strings.note.diverged(2));
    expect(line?.x).toEqual([2, 2]);
    expect(line?.xaxis).toBe('x2');
    const titles = (figs.training.layout.annotations ?? []).map((a) => a.text);
    expect(titles.some((x) => x?.includes(strings.note.diverged(2)))).toBe(true);
  });

  it('keeps the TRL metrics’ axes at the scale of the steps before it diverged', () => {
    const layout = figs.metrics.layout as Record<string, Partial<LayoutAxis>>;
    const loss = layout.yaxis.range as [number, number];
    expect(Math.max(Math.abs(loss[0]), Math.abs(loss[1]))).toBeLessThan(1e6);
    for (const tr of traces(figs.metrics).filter((x) => x.name === 'IPO')) expect(tr.y?.length).toBe(3);
  });

  it('leaves diverged sweep points out and counts them in the text', () => {
    const sppo = traces(figs.sweep).filter((tr) => tr.legendgroup === 'sppo_hard');
    expect(sppo.length).toBe(2);
    for (const tr of sppo) expect(Array.from(tr.y ?? []).every(Number.isNaN)).toBe(true);
  });
});

describe.each(LANGS)('runs that did not diverge (%s)', (_, strings, divergedWord) => {
  it('say nothing of divergence and draw every step', () => {
    const s = stateOf('#v=2&loss=sigmoid,ipo');
    const { runs } = computeTrainingRuns(s);
    for (const [name, fig] of Object.entries(figures(s, runs, strings))) {
      expect(fig.summary, name).not.toMatch(divergedWord);
      expect(numbersOf(fig.summary), name).not.toContain('—');
    }
    const t = traces(trainingFigure(runs, { theme, strings, responses: 3 }));
    expect(t).toHaveLength(6);
    for (const tr of t) expect(tr.y?.length).toBe(201);
  });
});
