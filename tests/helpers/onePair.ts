// One preference pair over K = 3 tabular responses (logits = base + θ), for tests that hold the toy trainer's
// objective against the math API on the same pair: the problem, a θ away from 0, the pair at θ, and the
// toy's training config around a loss.
import type { PairInput, ToyProblem, ToyTrainConfig } from '../../src/math/index.ts';

/** The problem: y_w ≻ y_l with probability p, completion lengths `lengths` (one per response). */
export function onePairProblem(lengths: readonly number[], p = 1): ToyProblem {
  return {
    policy: {
      baseLogits: [0.2, -0.1, 0.3],
      features: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
    },
    refLogits: [0.1, 0.2, -0.4],
    lengths: [...lengths],
    pairs: [{ chosen: 0, rejected: 1, p }],
  };
}

/** A θ away from the reference, so log-ratios and scores are not all 0. */
export const ONE_PAIR_THETA: readonly number[] = [0.3, -0.2, 0.5];

export function logSoftmax(x: readonly number[]): number[] {
  const m = Math.max(...x);
  const z = Math.log(x.reduce((a, v) => a + Math.exp(v - m), 0)) + m;
  return x.map((v) => v - z);
}

/** log π of every response at θ (tabular features: logits = base + θ). */
export const policyLogProbs = (problem: ToyProblem, theta: readonly number[]): number[] =>
  logSoftmax(problem.policy.baseLogits.map((b, k) => b + (theta[k] ?? 0)));

/** The pair (y_w, y_l) at θ as the math API takes it, or its reverse (the flipped label). */
export function onePairAt(
  problem: ToyProblem,
  theta: readonly number[],
  flipped = false,
): Required<PairInput> {
  const lp = policyLogProbs(problem, theta);
  const ref = logSoftmax(problem.refLogits);
  const lengths = problem.lengths ?? lp.map(() => 1);
  const [c, r] = flipped ? [1, 0] : [0, 1];
  return {
    policyChosen: lp[c]!,
    policyRejected: lp[r]!,
    refChosen: ref[c]!,
    refRejected: ref[r]!,
    chosenLength: lengths[c]!,
    rejectedLength: lengths[r]!,
  };
}

/** One SGD step's config around `loss` (toyObjective reads only the loss). */
export const onePairConfig = (loss: ToyTrainConfig['loss']): ToyTrainConfig => ({
  loss,
  optimizer: 'sgd',
  learningRate: 0.1,
  steps: 1,
});
