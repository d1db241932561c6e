// Keeping the toy reference distribution valid when K changes or a link gives odd numbers.

/** The smallest reference probability a response may have (log π_ref must stay finite). */
export const REF_PROB_MIN = 0.001;

/**
 * Scales to sum 1 with every entry at least `min`, leaving an already-valid list bit-for-bit alone (so links
 * round-trip). Entries that would fall below `min` are raised to it and the others share what is left.
 * Expects non-negative entries, not all 0.
 */
export function normaliseProbs(probs: readonly number[], min = REF_PROB_MIN): number[] {
  const sum = probs.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) <= 1e-9 && probs.every((p) => p >= min)) return [...probs];
  const n = probs.length;
  if (n * min >= 1) return probs.map(() => 1 / n);
  // Dividing by the largest entry first keeps the sum of huge entries (1e308) finite.
  const top = Math.max(...probs);
  const out = probs.map((p) => p / top);
  const raised = new Array<boolean>(n).fill(false);
  for (let round = 0; round < n; round++) {
    const free = out.reduce((a, p, i) => (raised[i] ? a : a + p), 0);
    const room = 1 - raised.filter(Boolean).length * min;
    for (let i = 0; i < n; i++) out[i] = raised[i] ? min : (out[i] * room) / free;
    let low = false;
    out.forEach((p, i) => {
      if (!raised[i] && p < min) raised[i] = low = true;
    });
    if (!low) break;
  }
  return out;
}

/** Resizes to K responses: kept responses share what new ones (each 1/K) leave over. */
export function resizeRefProbs(probs: readonly number[], k: number): number[] {
  if (probs.length === k) return [...probs];
  const kept = normaliseProbs(probs.slice(0, k));
  const added = k - kept.length;
  if (added <= 0) return kept;
  const share = 1 - added / k;
  return normaliseProbs([...kept.map((p) => p * share), ...Array.from({ length: added }, () => 1 / k)]);
}
