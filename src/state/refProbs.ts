// Keeping the toy reference distribution valid when K changes or a link gives odd numbers.

/** Scales to sum 1, leaving an already-normalised list bit-for-bit alone (so links round-trip). */
export function normaliseProbs(probs: readonly number[]): number[] {
  const sum = probs.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) <= 1e-9) return [...probs];
  return probs.map((p) => p / sum);
}

/** Resizes to K responses: kept responses share what new ones (each 1/K) leave over. */
export function resizeRefProbs(probs: readonly number[], k: number): number[] {
  if (probs.length === k) return [...probs];
  const kept = normaliseProbs(probs.slice(0, k));
  const added = k - kept.length;
  if (added <= 0) return kept;
  const share = 1 - added / k;
  return [...kept.map((p) => p * share), ...Array.from({ length: added }, () => 1 / k)];
}
