// Range and visibility helpers of the figures (src/figures/layout.ts) that decide when axes and legends change.
import { describe, expect, it } from 'vitest';
import { quantisedRange, visibleWithin } from '../../src/figures/layout.ts';

describe('visibleWithin', () => {
  it('counts a point inside the band, and a segment that crosses the whole band between two points', () => {
    expect(visibleWithin([5, 0.5, 7], [0, 1])).toBe(true);
    // A steep line from far below to far above: drawn across the plot, though no point is inside.
    expect(visibleWithin([-50, 60], [0, 1])).toBe(true);
    expect(visibleWithin([60, -50], [0, 1])).toBe(true);
  });

  it('does not count a line wholly above or below, nor a gap (NaN) between the two sides', () => {
    expect(visibleWithin([2, 3, 4], [0, 1])).toBe(false);
    expect(visibleWithin([-3, -2], [0, 1])).toBe(false);
    expect(visibleWithin([-5, NaN, 5], [0, 1])).toBe(false);
    expect(visibleWithin([], [0, 1])).toBe(false);
  });
});

describe('quantisedRange', () => {
  it('covers the data, padded, with ends on whole tenths of the span’s 1-2-5 ceiling before padding', () => {
    for (const [lo, hi] of [
      [0, 5.007],
      [0, 1.3],
      [-0.37, 0.42],
      [-3, 250],
      [0.001, 0.0093],
    ] as const) {
      const [a, b] = quantisedRange(lo, hi);
      expect(a).toBeLessThanOrEqual(lo);
      expect(b).toBeGreaterThanOrEqual(hi);
      // At most a quarter of the span (a step's slack and the padding) beyond the data on each side.
      expect(b - hi).toBeLessThanOrEqual(0.3 * (b - a));
      expect(lo - a).toBeLessThanOrEqual(0.3 * (b - a));
    }
  });

  it('stays put while the data moves within a step (DPO’s peak at softplus(5) ≈ 5.007 does not flip it)', () => {
    const at = (hi: number) => quantisedRange(0, hi);
    expect(at(4.95)).toEqual(at(5.007));
    expect(at(4.6)).toEqual(at(5.1));
    expect(at(5.2)).not.toEqual(at(5.007));
  });
});
