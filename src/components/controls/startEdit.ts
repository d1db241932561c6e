// Setting one response's starting log π_θ while keeping the policy a distribution: the other responses keep
// their proportions and share what is left. The result is the toy's start offsets (startLogRatios): the
// log-ratios log π_θ(k) − log π_ref(k) of the new start, so the policy at step 0 is exactly what was typed.

/** The smallest starting probability a response may be given (its log π_θ stays finite). */
export const START_PROB_MIN = 1e-9;

/**
 * `startLogProbs` (the current starting log π_θ of every response) with response `index` set to `value`,
 * as offsets from the reference `refProbs`.
 */
export function setStartLogProb(
  refProbs: readonly number[],
  startLogProbs: readonly number[],
  index: number,
  value: number,
): number[] {
  const k = refProbs.length;
  const probs = startLogProbs.map(Math.exp);
  const v = Math.min(1 - (k - 1) * START_PROB_MIN, Math.max(START_PROB_MIN, Math.exp(value)));
  const rest = probs.reduce((a, p, i) => (i === index ? a : a + p), 0);
  const next = probs.map((p, i) => {
    if (i === index) return v;
    const share = rest > 0 ? (p / rest) * (1 - v) : (1 - v) / (k - 1);
    return Math.max(START_PROB_MIN, share);
  });
  return next.map((p, i) => Math.log(p) - Math.log(refProbs[i]));
}
