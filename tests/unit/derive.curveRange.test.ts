import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computePairCurves, niceCeil } from '../../src/derive/pairCurves.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';

describe('the margin axis of the pair views', () => {
  it('niceCeil gives the smallest 1, 2 or 5 × 10^k at or above x', () => {
    expect([0.7, 1, 1.5, 2, 3, 5, 7, 10, 42, 100, 101].map(niceCeil)).toEqual([
      1, 1, 2, 2, 5, 5, 10, 10, 50, 100, 200,
    ]);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (x) => {
        const n = niceCeil(x);
        expect(n).toBeGreaterThanOrEqual(x * (1 - 1e-12));
        expect(n).toBeLessThanOrEqual(5 * x * (1 + 1e-12));
      }),
    );
  });

  it('keeps the same range while β moves within a band (so a drag rarely changes the axes)', () => {
    const range = (beta: number) => {
      const m = computePairCurves({ ...DEFAULT_STATE, beta })[0].curve.margin;
      return [m[0], m[m.length - 1]];
    };
    // 10/β runs from 66.7 to 90.9 for β in [0.11, 0.15]: all round up to 100.
    for (const beta of [0.11, 0.12, 0.13, 0.15]) expect(range(beta)).toEqual([-100, 100]);
    expect(range(0.2)).toEqual([-50, 50]);
  });
});
