// Issue 10, item 3: the sweeps show where training really ends, read from the figure itself. Converged and
// closed-form points are filled markers; a point that did not converge is an open circle whose hover says
// why, and the text alternative counts such points and states the criterion, in English and Chinese; no
// trace is added for them. The Bradley–Terry scenario's β sweep is π* = π_ref·exp(r/β)/Z at every point.
import { describe, expect, it } from 'vitest';
import {
  CLOSED_FORM_SYMBOL,
  LIGHT_THEME as theme,
  sweepFigure,
  TRAINED_SYMBOL,
  UNFINISHED_SYMBOL,
  type FigureStrings,
} from '../../src/figures/index.ts';
import { EN_FIGURES as EN } from '../../src/i18n/en/figures.ts';
import { ZH_FIGURES as ZH } from '../../src/i18n/zh/figures.ts';
import { CONVERGENCE_CRITERION, type ConvergenceStatus } from '../../src/math/index.ts';
import { computeSweeps } from '../../src/derive/sweeps.ts';
import type { SweepInput } from '../../src/derive/types.ts';
import { toyRlhfOptimum } from '../../src/derive/toy.ts';
import { parseHash } from '../../src/state/urlCodec.ts';
import { traceNamed, traces } from '../helpers/figureData.ts';

const LANGS: [string, FigureStrings][] = [
  ['English', EN],
  ['Chinese', ZH],
];
const stateOf = (preset: string) => parseHash(`#v=1&preset=${preset}`).state;
const symbolsOf = (fig: ReturnType<typeof sweepFigure>, name: string): string[] =>
  traceNamed(fig, name).marker?.symbol as string[];
const { gradientTolerance: grad, stepTolerance: step } = CONVERGENCE_CRITERION;

describe.each(LANGS)('the sweeps of the "deterministic" scenario (%s)', (_, s) => {
  // DPO with p = 1 has no finite optimum: every point is the limit; IPO has a closed form.
  const state = stateOf('deterministic');
  const sweeps = computeSweeps(state);
  const fig = sweepFigure(sweeps.beta, { theme, strings: s, axis: 'beta', current: state.beta });
  const dpo = s.lossLabel('sigmoid');
  const ipo = s.lossLabel('ipo');

  it('draws the points that did not converge as open circles, the others filled', () => {
    for (const name of [s.trace.sweepChosen(dpo), s.trace.sweepRejected(dpo)])
      expect(new Set(symbolsOf(fig, name))).toEqual(new Set([UNFINISHED_SYMBOL]));
    for (const name of [s.trace.sweepChosen(ipo), s.trace.sweepRejected(ipo)])
      expect(symbolsOf(fig, name)).not.toContain(UNFINISHED_SYMBOL);
    expect(symbolsOf(fig, s.trace.sweepChosen(ipo))).toContain(CLOSED_FORM_SYMBOL);
  });

  it('plots the limit π(y_w) → 1 and says in the hover that there is no finite optimum', () => {
    const w = traceNamed(fig, s.trace.sweepChosen(dpo));
    for (const v of Array.from(w.y ?? [])) expect(v).toBeCloseTo(1, 6);
    expect(new Set(Array.from(w.customdata ?? []))).toEqual(new Set([s.sweep.status('unbounded')]));
    expect(traceNamed(fig, s.trace.sweepChosen(ipo)).customdata).not.toContain(s.sweep.status('unbounded'));
  });

  it('adds no trace and no legend entry for them', () => {
    // Two curves per loss and the current-β line, which is not in the legend.
    expect(traces(fig)).toHaveLength(5);
    expect(traces(fig).filter((t) => t.showlegend !== false)).toHaveLength(4);
  });

  it('names them in the text alternative with the criterion, and no step count', () => {
    expect(fig.summary).toContain(s.sweep.criterion(grad, step));
    expect(fig.summary).toContain(
      s.sweep.unfinished(
        [{ label: dpo, total: 40, unfinished: [{ status: 'unbounded', count: 40, from: 1e-3, to: 10 }] }],
        'beta',
      ),
    );
    expect(fig.summary).toMatch(
      s === EN ? /DPO: all 40 points, no finite optimum/ : /DPO：全部 40 个点没有有限的最优解/,
    );
    expect(fig.summary).not.toMatch(/\bsteps?\b|步/);
  });
});

describe.each(LANGS)('every reason a point may not converge (%s)', (_, s) => {
  const x = [0.001, 0.01, 0.1, 1, 10, 20];
  const status: ConvergenceStatus[] = [
    'converged',
    'converged',
    'kink',
    'stalled',
    'max-iterations',
    'diverged',
  ];
  const sweep: SweepInput = {
    id: 'hinge',
    x,
    chosen: [0.9, 0.8, 0.7, 0.6, 0.5, NaN],
    rejected: [0.1, 0.2, 0.3, 0.4, 0.5, NaN],
    closedForm: [true, false, false, false, false, false],
    converged: status.map((st) => st === 'converged'),
    status,
    criterion: CONVERGENCE_CRITERION,
  };
  const fig = sweepFigure([sweep], { theme, strings: s, axis: 'beta', current: 1 });
  const name = s.trace.sweepChosen(s.lossLabel('hinge'));

  it('styles each point by how it ended and leaves out the one that diverged', () => {
    expect(symbolsOf(fig, name).slice(0, 5)).toEqual([
      CLOSED_FORM_SYMBOL,
      TRAINED_SYMBOL,
      UNFINISHED_SYMBOL,
      UNFINISHED_SYMBOL,
      UNFINISHED_SYMBOL,
    ]);
    expect(traceNamed(fig, name).customdata).toEqual([
      s.hover.closedForm,
      s.hover.trained,
      s.sweep.status('kink'),
      s.sweep.status('stalled'),
      s.sweep.status('max-iterations'),
      s.sweep.status('diverged'),
    ]);
    expect(Number.isNaN(traceNamed(fig, name).y?.[5])).toBe(true);
  });

  it('says at the current β why that point did not converge, and counts each reason', () => {
    expect(fig.summary).toContain(s.sweep.status('stalled'));
    for (const st of ['kink', 'stalled', 'max-iterations', 'diverged'] as const)
      expect(fig.summary).toContain(s.sweep.status(st));
    // The outermost point drawn is the last one whose numbers mean something (β = 10).
    expect(fig.summary).not.toMatch(/NaN|undefined/);
    expect(fig.summary).toMatch(/= 10/);
  });
});

describe('the "bradley-terry" scenario’s β sweep', () => {
  const state = stateOf('bradley-terry');
  const sweeps = computeSweeps(state);
  const dpo = sweeps.beta.find((w) => w.id === 'sigmoid');

  it.each(LANGS)('equals π* = π_ref·exp(r/β)/Z at every β of the figure, within 1e-3 (%s)', (_, s) => {
    const fig = sweepFigure(sweeps.beta, { theme, strings: s, axis: 'beta', current: state.beta });
    const label = s.lossLabel('sigmoid');
    const w = traceNamed(fig, s.trace.sweepChosen(label));
    const l = traceNamed(fig, s.trace.sweepRejected(label));
    const xs = Array.from(w.x ?? []);
    expect(xs.length).toBeGreaterThanOrEqual(20);
    expect(xs[0]).toBeCloseTo(1e-3, 12);
    expect(xs[xs.length - 1]).toBeCloseTo(10, 12);
    xs.forEach((beta, i) => {
      const star = toyRlhfOptimum({ ...state, beta });
      expect(star).not.toBeNull();
      expect(Math.abs((w.y?.[i] ?? NaN) - star![0]), `π(y_w) at β = ${beta}`).toBeLessThanOrEqual(1e-3);
      expect(Math.abs((l.y?.[i] ?? NaN) - star![1]), `π(y_l) at β = ${beta}`).toBeLessThanOrEqual(1e-3);
    });
    // Every point converged, is drawn filled, and the text alternative says so.
    expect(symbolsOf(fig, w.name!)).not.toContain(UNFINISHED_SYMBOL);
    expect(fig.summary).toContain(s.sweep.unfinished([{ label, total: xs.length, unfinished: [] }], 'beta'));
    expect(fig.summary).toContain(s.sweep.criterion(grad, step));
  });

  it('is computed from converged points, not from the scenario’s 300 SGD steps', () => {
    expect(dpo?.status.every((st) => st === 'converged')).toBe(true);
    expect(dpo?.criterion).toEqual(CONVERGENCE_CRITERION);
  });
});
