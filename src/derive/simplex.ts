// What the simplex view draws: a triangle has three corners, so with K > 3 responses the third corner is
// every response after y_w and y_l taken together, and the runs, the reference and the RLHF optimum are
// folded to three probabilities the same way.
import type { TrainingRunInput } from './types.ts';
import { dpoEndsAt, toyRlhfOptimum, type ToyFields } from './toy.ts';

/** (π(y_w), π(y_l), the rest together). */
export function foldToThree(p: readonly number[]): number[] {
  let rest = 0;
  for (let k = 2; k < p.length; k++) rest += p[k];
  return [p[0], p[1], rest];
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
}

export function simplexOf(s: ToyFields, runs: readonly TrainingRunInput[]): SimplexData {
  const rlhfOptimum = toyRlhfOptimum(s);
  const dpoEndsAtOptimum = rlhfOptimum !== null && dpoEndsAt(s, rlhfOptimum);
  const K = s.responses;
  if (K <= 3) return { runs, reference: s.refProbs, rlhfOptimum, dpoEndsAtOptimum, thirdCorner: null };
  return {
    dpoEndsAtOptimum,
    runs: runs.map((r) => ({ ...r, probs: r.probs.map(foldToThree) })),
    reference: foldToThree(s.refProbs),
    rlhfOptimum: rlhfOptimum && foldToThree(rlhfOptimum),
    thirdCorner: { from: 2, to: K - 1 },
  };
}
