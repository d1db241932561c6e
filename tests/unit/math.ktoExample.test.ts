// One unpaired KTO example against its log-ratio ρ (what thumbs-down data train on): the curve agrees with
// ktoLoss point by point, its gradient with central finite differences, and it has the shape the views
// describe (an undesirable example's loss rises with ρ and is bounded by λU; its push is never upward).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KTO_LOSS_TYPES, ktoExampleCurve, ktoLoss, ratioGrid, type KtoParams } from '../../src/math/index.ts';

const paramsArb: fc.Arbitrary<Required<KtoParams>> = fc.record({
  beta: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
  z0: fc.double({ min: -50, max: 50, noNaN: true }),
  desirableWeight: fc.double({ min: 0, max: 5, noNaN: true }),
  undesirableWeight: fc.double({ min: 0, max: 5, noNaN: true }),
});
const rhoArb = fc.double({ min: -1e4, max: 1e4, noNaN: true });

/** Central difference with a relative step, Richardson-extrapolated (error O(δ⁴)). */
function derivative(f: (x: number) => number, x: number): number {
  const c = (h: number) => (f(x + h) - f(x - h)) / (x + h - (x - h));
  const h = 1e-5 * Math.max(1, Math.abs(x));
  return (4 * c(h / 2) - c(h)) / 3;
}

describe('ratioGrid', () => {
  it('spans exactly [lo, hi] with evenly spaced points', () => {
    const g = ratioGrid(-3, 5, 9);
    expect(g[0]).toBe(-3);
    expect(g[8]).toBe(5);
    for (let i = 1; i < 9; i++) expect(g[i] - g[i - 1]).toBeCloseTo(1, 12);
  });
  it('rejects an empty or reversed range and too few points', () => {
    expect(() => ratioGrid(1, 1)).toThrow(/hi/);
    expect(() => ratioGrid(0, 1, 1)).toThrow(/points/);
    expect(() => ratioGrid(Number.NaN, 1)).toThrow(/lo/);
  });
});

describe('ktoExampleCurve', () => {
  for (const type of KTO_LOSS_TYPES) {
    for (const desirable of [false, true]) {
      it(`${type}, ${desirable ? 'desirable' : 'undesirable'}: equals ktoLoss at every point`, () => {
        fc.assert(
          fc.property(paramsArb, fc.array(rhoArb, { minLength: 1, maxLength: 8 }), (params, rhos) => {
            const c = ktoExampleCurve(type, params, rhos, desirable);
            rhos.forEach((r, i) => {
              // ρ = policy − ref with ref = 0 would need policy ≤ 0; split ρ so both are log-probs.
              const policy = Math.min(0, r) - 1;
              const ref = policy - r;
              const one = ktoLoss(type, { policy, ref, desirable }, params);
              expect(c.loss[i]).toBeCloseTo(one.loss, 9);
              expect(c.dPolicy[i]).toBeCloseTo(one.dPolicy, 9);
            });
          }),
          { numRuns: 200 },
        );
      });

      it(`${type}, ${desirable ? 'desirable' : 'undesirable'}: gradient matches finite differences`, () => {
        fc.assert(
          fc.property(
            paramsArb.filter((p) => p.beta <= 10),
            fc.double({ min: -200, max: 200, noNaN: true }),
            (params, r) => {
              const f = (x: number) => ktoExampleCurve(type, params, [x], desirable).loss[0];
              const analytic = ktoExampleCurve(type, params, [r], desirable).dPolicy[0];
              expect(Math.abs(derivative(f, r) - analytic)).toBeLessThanOrEqual(
                1e-5 * (1 + Math.abs(analytic)),
              );
            },
          ),
          { numRuns: 300 },
        );
      });
    }
  }

  it('an undesirable example: loss in [0, λU], rising in ρ, push never upward, finite at extremes', () => {
    for (const type of KTO_LOSS_TYPES) {
      fc.assert(
        fc.property(paramsArb, (params) => {
          const grid = ratioGrid(-1e5, 1e5, 41);
          const c = ktoExampleCurve(type, params, grid, false);
          for (let i = 0; i < grid.length; i++) {
            expect(Number.isFinite(c.loss[i]) && Number.isFinite(c.dPolicy[i])).toBe(true);
            expect(c.loss[i]).toBeGreaterThanOrEqual(0);
            expect(c.loss[i]).toBeLessThanOrEqual(params.undesirableWeight * (1 + 1e-12));
            expect(c.dPolicy[i]).toBeGreaterThanOrEqual(0);
            if (i > 0) expect(c.loss[i]).toBeGreaterThanOrEqual(c.loss[i - 1]);
          }
        }),
        { numRuns: 100 },
      );
    }
  });

  it('KTO reads z0 (σ(β(ρ − z0)) is ½·λU at ρ = z0); unpaired APO-zero compares ρ with 0', () => {
    const params = { beta: 0.5, z0: 3, desirableWeight: 1, undesirableWeight: 2 };
    expect(ktoExampleCurve('kto', params, [3], false).loss[0]).toBeCloseTo(1, 14);
    expect(ktoExampleCurve('apo_zero_unpaired', params, [0], false).loss[0]).toBeCloseTo(1, 14);
    // Slope at the midpoint: λU·β·σ'(0) = 2·0.5·¼.
    expect(ktoExampleCurve('kto', params, [3], false).dPolicy[0]).toBeCloseTo(0.25, 14);
  });

  it('rejects a non-finite ρ with a RangeError naming it', () => {
    expect(() => ktoExampleCurve('kto', { beta: 1 }, [0, Number.NaN], false)).toThrow(/rho\[1\]/);
  });
});
