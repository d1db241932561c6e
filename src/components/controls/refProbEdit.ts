// Setting one reference probability while keeping the list a distribution: the others share what is left in
// their current proportions, none drops below the minimum, and they are rounded so that links stay short.

const DECIMALS = 4;

/** Splits `budget` over `weights` in proportion, raising any share below `min` to `min` (water-filling). */
function shareOut(weights: readonly number[], budget: number, min: number): number[] {
  const out = new Array<number>(weights.length).fill(min);
  const free = new Set(weights.map((_, i) => i));
  for (let round = 0; round < weights.length; round++) {
    const left = budget - (weights.length - free.size) * min;
    const total = [...free].reduce((a, i) => a + weights[i], 0);
    let clamped = false;
    for (const i of free) {
      out[i] = total > 0 ? (weights[i] / total) * left : left / free.size;
      if (out[i] < min) {
        out[i] = min;
        free.delete(i);
        clamped = true;
      }
    }
    if (!clamped) break;
  }
  return out;
}

/**
 * `probs` with response `index` set to `value` (clamped so every other response keeps at least `min`).
 * The edited value is kept exactly; the others are rounded and the largest absorbs the rounding, so the
 * sum is 1 to float precision and the store's normalisation leaves the list as it is.
 */
export function setOneProb(probs: readonly number[], index: number, value: number, min: number): number[] {
  const k = probs.length;
  const v = Math.min(1 - (k - 1) * min, Math.max(min, value));
  const otherIdx = probs.map((_, i) => i).filter((i) => i !== index);
  const shares = shareOut(
    otherIdx.map((i) => probs[i]),
    1 - v,
    min,
  ).map((p) => Math.max(min, Number(p.toFixed(DECIMALS))));
  let largest = 0;
  shares.forEach((p, j) => {
    if (p > shares[largest]) largest = j;
  });
  const restOfLargest = shares.reduce((a, p, j) => (j === largest ? a : a + p), 0);
  shares[largest] = Number((1 - v - restOfLargest).toPrecision(12));
  const out = [...probs];
  out[index] = v;
  otherIdx.forEach((i, j) => {
    out[i] = shares[j];
  });
  return out;
}
