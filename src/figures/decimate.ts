// Long step series thinned for drawing. A 2,000-step run over 15 losses puts ~180,000 points in the training
// plot, and Plotly's cost (path strings, hover index) grows with them while a panel 300 px wide cannot show
// more than a few hundred. Each bucket of consecutive steps keeps its first and last point and its lowest and
// highest (so every peak, dip and the line's ends are exactly where they were), and every point where the
// series turns finite or not (a gap stays a gap): the line drawn through the kept points covers the same
// pixels as the full one.
import { steps, type NumberArray } from './layout.ts';

/** At most about this many points per drawn series (4 per bucket); shorter series are drawn whole. */
export const MAX_DRAWN_POINTS = 500;

/** The indices of `y` to draw, ascending: all of them when y has at most `maxPoints` entries. */
export function decimatedIndices(y: NumberArray, maxPoints = MAX_DRAWN_POINTS): number[] {
  const n = y.length;
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const buckets = Math.max(1, Math.floor(maxPoints / 4));
  const size = Math.ceil(n / buckets);
  const keep: number[] = [];
  const push = (i: number) => {
    if (keep.length === 0 || keep[keep.length - 1] < i) keep.push(i);
  };
  for (let start = 0; start < n; start += size) {
    const end = Math.min(n, start + size);
    let lo = -1;
    let hi = -1;
    const picked: number[] = [start, end - 1];
    for (let i = start; i < end; i++) {
      const v = y[i];
      const finite = Number.isFinite(v);
      // Both sides of a change between drawn and not drawn (NaN, ±∞): the gap keeps its exact ends.
      if (i > 0 && finite !== Number.isFinite(y[i - 1])) picked.push(i - 1, i);
      if (!finite) continue;
      if (lo < 0 || v < y[lo]) lo = i;
      if (hi < 0 || v > y[hi]) hi = i;
    }
    if (lo >= 0) picked.push(lo, hi);
    picked.sort((a, b) => a - b);
    for (const i of picked) if (i >= start) push(i);
  }
  return keep;
}

/**
 * The series (x = 0, 1, …, n − 1 implied) as the points to draw: x the kept steps, y their values (`y`
 * itself when it is drawn whole).
 */
export function decimatedSteps<Y extends NumberArray>(
  y: Y,
  maxPoints = MAX_DRAWN_POINTS,
): { x: Float64Array; y: Y | Float64Array } {
  if (y.length <= maxPoints) return { x: steps(y.length), y };
  const idx = decimatedIndices(y, maxPoints);
  const xs = new Float64Array(idx.length);
  const ys = new Float64Array(idx.length);
  idx.forEach((i, j) => {
    xs[j] = i;
    ys[j] = y[i];
  });
  return { x: xs, y: ys };
}

/**
 * The indices to draw of a path through several coordinates (the simplex's a, b; c = 1 − a − b follows):
 * each coordinate's own (decimatedIndices with an equal share of `maxPoints`), together, ascending.
 */
export function decimatedPathIndices(coords: readonly NumberArray[], maxPoints = MAX_DRAWN_POINTS): number[] {
  const n = coords.length === 0 ? 0 : coords[0].length;
  if (n <= maxPoints || coords.length === 0) return Array.from({ length: n }, (_, i) => i);
  const share = Math.max(4, Math.floor(maxPoints / coords.length));
  const kept = new Set<number>();
  for (const c of coords) for (const i of decimatedIndices(c, share)) kept.add(i);
  return [...kept].sort((a, b) => a - b);
}
