// KL(π‖π_ref) = Σ π log(π/π_ref) from probabilities, written out independently of the toy's own code.
export function klFromReferenceOfProbs(probs: readonly number[], ref: readonly number[]): number {
  let kl = 0;
  probs.forEach((p, k) => {
    if (p > 0) kl += p * Math.log(p / ref[k]);
  });
  return kl;
}
