// What the simplex view draws: a triangle has three corners, so with K > 3 responses the third corner is
// every response after y_w and y_l taken together, and the runs, the reference and the RLHF optimum are
// folded to three probabilities the same way.
// dpoEndsAt lives here, with its one user, and not in toy.ts: its trainer to convergence
// (math/toy/converge.ts) then downloads with the simplex view, not with the first screen.
import { buildToyProblem, trainToConvergence } from '../math/index.ts';
import type { TrainingRunInput } from './types.ts';
import { toyRlhfOptimum, toySpecOf, type ToyFields } from './toy.ts';
import { toyLossOf } from './mathParams.ts';

/** (π(y_w), π(y_l), the rest together). */
export function foldToThree(p: readonly number[]): number[] {
  let rest = 0;
  for (let k = 2; k < p.length; k++) rest += p[k];
  return [p[0], p[1], rest];
}

/**
 * Whether DPO, trained to its end from the toy's own start, lands on the RLHF optimum `star` (to 1e-6 in
 * every probability). The optimum does not depend on the start, but DPO on one pair fixes only the margin
 * of y_w over y_l: from a start where the other responses sit differently (start offsets) or with shared
 * features, it ends elsewhere, and the note must not say otherwise. A ranking ties every pair down, so DPO
 * ends at ★ whatever the start (tested in figures.oneModel.fixes.test.ts).
 */
export function dpoEndsAt(s: ToyFields, star: readonly number[]): boolean {
  if (s.dataset === 'thumbs-down') return false;
  const end = trainToConvergence(buildToyProblem(toySpecOf(s)), toyLossOf('sigmoid', s), {
    optimizer: s.optimizer,
  });
  return end.converged && end.probs.every((p, k) => Math.abs(p - star[k]) <= 1e-6);
}

export interface SimplexData {
  runs: readonly TrainingRunInput[];
  reference: number[];
  /** π* ∝ π_ref·exp(r/β) for the toy's data; null when the data implies none (toy.ts toyRlhfOptimum). */
  rlhfOptimum: number[] | null;
  /** Whether DPO trained to its end from the toy's start lands on rlhfOptimum (false when there is none). */
  dpoEndsAtOptimum: boolean;
  /** Responses 2…last (0-based) taken together in the third corner; null when K ≤ 3. */
  thirdCorner: { from: number; to: number } | null;
  /**
   * Some run's reference moves (TR-DPO): π* for the start reference is not where training goes, so
   * rlhfOptimum is null and the figure draws each moving π_ref's path instead.
   */
  movingReference: boolean;
}

export function simplexOf(s: ToyFields, runs: readonly TrainingRunInput[]): SimplexData {
  // With a moving reference (TR-DPO) the star for the start reference would mislead: it is left out, and
  // DPO's converged end (a fixed-reference notion) is not computed.
  const movingReference = runs.some((r) => r.refProbs !== undefined);
  const rlhfOptimum = movingReference ? null : toyRlhfOptimum(s);
  const dpoEndsAtOptimum = rlhfOptimum !== null && dpoEndsAt(s, rlhfOptimum);
  const K = s.responses;
  if (K <= 3)
    return { runs, reference: s.refProbs, rlhfOptimum, dpoEndsAtOptimum, thirdCorner: null, movingReference };
  return {
    dpoEndsAtOptimum,
    runs: runs.map((r) => ({
      ...r,
      probs: r.probs.map(foldToThree),
      ...(r.refProbs ? { refProbs: r.refProbs.map(foldToThree) } : {}),
    })),
    reference: foldToThree(s.refProbs),
    rlhfOptimum: rlhfOptimum && foldToThree(rlhfOptimum),
    thirdCorner: { from: 2, to: K - 1 },
    movingReference,
  };
}
