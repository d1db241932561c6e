// Numerically stable scalar primitives. Each is paired with its derivative where the losses need one.
// Never compute 1 − σ(x) or log(σ(x)) directly: both lose everything in float64 for |x| ≳ 37.

/** σ(x) = 1 / (1 + e^(−x)), evaluated so that e^(…) never overflows. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** σ'(x) = σ(x)·σ(−x), without the cancellation of σ(x)·(1 − σ(x)). */
export function sigmoidSlope(x: number): number {
  const e = Math.exp(-Math.abs(x));
  return e / ((1 + e) * (1 + e));
}

/** softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^(−|x|)). */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** log σ(x) = −softplus(−x). */
export function logSigmoid(x: number): number {
  return -softplus(-x);
}

/** logit(p) = log(p / (1 − p)); ±Infinity at 0 and 1. */
export function logit(p: number): number {
  return Math.log(p) - Math.log1p(-p);
}

/** log Σ exp(xᵢ), shifted by the maximum so that nothing overflows. */
export function logSumExp(xs: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < xs.length; i++) if (xs[i] > max) max = xs[i];
  if (!Number.isFinite(max)) return max;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += Math.exp(xs[i] - max);
  return max + Math.log(sum);
}

/** softmax(x), computed through logSumExp. */
export function softmax(xs: ArrayLike<number>): number[] {
  const lse = logSumExp(xs);
  return Array.from(xs, (x) => Math.exp(x - lse));
}
