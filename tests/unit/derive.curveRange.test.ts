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

  const range = (beta: number, patch: Partial<typeof DEFAULT_STATE> = {}) => {
    const m = computePairCurves({ ...DEFAULT_STATE, ...patch, beta })[0].curve.margin;
    return [m[0], m[m.length - 1]];
  };

  it('does not scale with β: ±20 nats around the default pair (h = 0) for DPO and KTO at any β', () => {
    for (const beta of [0.001, 0.01, 0.1, 0.5, 1, 3, 10])
      expect(range(beta, { losses: ['sigmoid', 'kto'] })).toEqual([-20, 20]);
    // A pair far out widens it: a start at h = 30, × 1.25 → 50.
    expect(range(0.1, { losses: ['sigmoid'], startLogRatios: [30, 0, 0] })).toEqual([-50, 50]);
  });

  it('widens to keep a quadratic loss’s target in view, in 1-2-5 steps (IPO: h* ∝ 1/β)', () => {
    // Token-normalised IPO on 10 + 10 tokens: its curve's minimum is at h = 10/(2β) = 5/β; × 1.25 → 6.25/β.
    const tokens = { chosenLength: 10, rejectedLength: 10 };
    expect(range(0.1, tokens)).toEqual([-100, 100]);
    for (const beta of [0.13, 0.15, 0.2, 0.3]) expect(range(beta, tokens)).toEqual([-50, 50]);
    expect(range(0.5, tokens)).toEqual([-20, 20]);
    expect(range(1, tokens)).toEqual([-20, 20]);
  });
});
