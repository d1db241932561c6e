// Issue 10: the sweeps and the simplex's RLHF optimum describe the same toy as the training view. Each sweep
// point trains from the training view's start (the start offsets, URL `start=`) with its token lengths, so at
// the current β a sweep point is where the training view's own run ends when trained long enough; where the
// end depends on the start, the sweep moves with it. The RLHF optimum π* does not depend on the start, and
// the simplex's note says DPO ends there only where DPO, trained from this start, really does.
import { describe, expect, it } from 'vitest';
import { computeSweeps, SWEEP_POINTS } from '../../src/derive/sweeps.ts';
import { computeTrainingRuns, startsAtReference, TOY_FIELDS, toyRlhfOptimum } from '../../src/derive/toy.ts';
import { dpoEndsAt, simplexOf } from '../../src/derive/simplex.ts';
import { BETA_RANGE, logGrid, type LossId } from '../../src/math/index.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { cloneState, parseHash } from '../../src/state/urlCodec.ts';
import { firstResponseMoves, MOVE_TOLERANCE } from '../../src/derive/trainingMoves.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import type { AppState } from '../../src/state/appState.ts';

const state = (patch: Partial<AppState>): AppState => applyPatch(cloneState(DEFAULT_STATE), patch);
const BETAS = logGrid(BETA_RANGE.min, BETA_RANGE.max, SWEEP_POINTS);
/** The grid point nearest 0.5: the sweep has a point exactly at the state's β. */
const BETA_INDEX = BETAS.reduce(
  (best, b, i) => (Math.abs(Math.log(b / 0.5)) < Math.abs(Math.log(BETAS[best] / 0.5)) ? i : best),
  0,
);
const BETA = BETAS[BETA_INDEX];

/** π of every response where the β sweep ends at the state's β, for loss `id`. */
function sweepEnd(s: AppState, id: LossId): number[] {
  const w = computeSweeps(s).beta.find((x) => x.id === id)!;
  expect(w.x[BETA_INDEX]).toBe(s.beta);
  expect(w.status[BETA_INDEX]).toBe('converged');
  return [w.chosen[BETA_INDEX], w.rejected[BETA_INDEX]];
}

/** Where the training view's run ends after many steps. */
function trainedEnd(s: AppState, id: LossId): number[] {
  const run = computeTrainingRuns(s).runs.find((r) => r.id === id)!;
  const last = run.probs[run.probs.length - 1];
  return [last[0], last[1]];
}

// Plain gradient descent with a small step: where the minimum leaves π undetermined (unequal lengths under a
// per-token margin), the end depends on the path, and the sweep follows gradient descent's.
const LONG = { optimizer: 'sgd', learningRate: 0.2, steps: 20000 } as const;

// Cases where the end depends on where training starts or on the lengths, so a sweep that ignored them
// would be visibly off.
const CASES: [string, LossId, Partial<AppState>, Partial<AppState>][] = [
  [
    'DPO on one pair, K = 3: the third response keeps its start, so the split of y_w and y_l does too',
    'sigmoid',
    { preferenceProb: 0.8, startLogRatios: [0.8, -0.6, 1.5] },
    { startLogRatios: [0, 0, 0] },
  ],
  [
    'IPO with token-averaged margins and unequal lengths',
    'ipo',
    { preferenceProb: 0.8, startLogRatios: [0.4, -0.2, 0], chosenLength: 2, rejectedLength: 5 },
    { chosenLength: 1, rejectedLength: 1 },
  ],
];

describe('a β-sweep point trains from the training view’s start, with its lengths', () => {
  for (const [name, id, patch, other] of CASES)
    it(name, () => {
      // β set after sanitising, which would round it off the sweep's grid.
      const s = { ...state({ losses: [id], ...LONG, ...patch }), beta: BETA };
      const swept = sweepEnd(s, id);
      const trained = trainedEnd(s, id);
      for (let k = 0; k < 2; k++) expect(Math.abs(swept[k] - trained[k])).toBeLessThan(1e-4);
      // The start (or the lengths) matter here: the same sweep without them ends elsewhere.
      const without = sweepEnd({ ...s, ...other }, id);
      expect(Math.max(...without.map((p, k) => Math.abs(p - swept[k])))).toBeGreaterThan(1e-2);
    });

  it('the worker is sent every field the start and the lengths live in', () => {
    for (const f of ['startLogRatios', 'chosenLength', 'rejectedLength', 'refProbs'] as const)
      expect(TOY_FIELDS).toContain(f);
  });

  it('the reference sweep keeps the start offsets as it moves the reference', () => {
    const moved = computeSweeps(
      state({ losses: ['sigmoid'], preferenceProb: 0.8, startLogRatios: [0.8, -0.6, 1.5] }),
    );
    const plain = computeSweeps(state({ losses: ['sigmoid'], preferenceProb: 0.8 }));
    const gap = moved.ref[0].chosen.map((p, i) => Math.abs(p - plain.ref[0].chosen[i]));
    expect(Math.max(...gap)).toBeGreaterThan(1e-2);
  });
});

describe('where the end does not depend on the start', () => {
  it('two responses, tabular DPO: only the margin is free, and it fixes π', () => {
    const a = computeSweeps(state({ responses: 2, losses: ['sigmoid'], preferenceProb: 0.8 }));
    const b = computeSweeps(
      state({ responses: 2, losses: ['sigmoid'], preferenceProb: 0.8, startLogRatios: [1.3, -0.7] }),
    );
    for (const axis of ['beta', 'ref'] as const)
      a[axis][0].chosen.forEach((p, i) => expect(Math.abs(p - b[axis][0].chosen[i])).toBeLessThan(1e-9));
  });
});

describe('the simplex’s RLHF optimum and what its note says about DPO', () => {
  const pair = { preferenceProb: 0.8, beta: 0.5 } as const;

  it('π* does not depend on the start', () => {
    const a = toyRlhfOptimum(state({ ...pair }))!;
    const b = toyRlhfOptimum(state({ ...pair, startLogRatios: [1, -2, 0.5] }))!;
    expect(b).toEqual(a);
  });

  it('one pair from the reference: DPO ends at π*', () => {
    const s = state({ ...pair });
    expect(dpoEndsAt(s, toyRlhfOptimum(s)!)).toBe(true);
    expect(simplexOf(s, []).dpoEndsAtOptimum).toBe(true);
  });

  it('one pair from a start that moves the third response: DPO ends elsewhere, and the note must say so', () => {
    const s = state({ ...pair, startLogRatios: [0, 0, 1.5] });
    expect(dpoEndsAt(s, toyRlhfOptimum(s)!)).toBe(false);
    expect(simplexOf(s, []).dpoEndsAtOptimum).toBe(false);
  });

  it('one pair, two responses: π is fixed by the margin, so DPO ends at π* from any start', () => {
    const s = state({ ...pair, responses: 2, startLogRatios: [1.2, -0.4] });
    expect(dpoEndsAt(s, toyRlhfOptimum(s)!)).toBe(true);
  });

  it('a ranking ties every pair down: DPO ends at π* from any start', () => {
    const s = state({ dataset: 'ranking', rewards: [1, -1, 0], beta: 0.5, startLogRatios: [1, -2, 0.5] });
    expect(dpoEndsAt(s, toyRlhfOptimum(s)!)).toBe(true);
  });

  it('the reference sweep’s caption knows whether the policy starts at the reference', () => {
    expect(startsAtReference({ startLogRatios: [0, 0, 0] })).toBe(true);
    // A common shift of every logit is no shift of the policy.
    expect(startsAtReference({ startLogRatios: [0.7, 0.7, 0.7] })).toBe(true);
    expect(startsAtReference({ startLogRatios: [0.7, 0, 0] })).toBe(false);
  });
});

describe('the training caption calls a change a rise or a fall only where the texts show one', () => {
  it('likelihood displacement: π(y_w) falls under DPO; IPO leaves it where it began (0.361 → 0.361)', () => {
    const { runs } = computeTrainingRuns(parseHash('#v=2&preset=likelihood-displacement').state);
    const { rose, fell } = firstResponseMoves(runs);
    expect(fell.map((r) => r.id)).toEqual(['sigmoid']);
    expect(rose).toEqual([]);
    const ipo = runs.find((r) => r.id === 'ipo')!;
    const change = ipo.probs[ipo.probs.length - 1][0] - ipo.probs[0][0];
    expect(change).not.toBe(0);
    expect(Math.abs(change)).toBeLessThan(MOVE_TOLERANCE);
  });

  it('thumbs-down: π(A) falls under KTO', () => {
    const { runs } = computeTrainingRuns(parseHash('#v=2&preset=kto-undesirable-only').state);
    expect(firstResponseMoves(runs).fell.map((r) => r.id)).toEqual(['kto']);
  });
});
