// The curve helpers (curves.ts) against the pointwise API they must agree with.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LOSS_INFO,
  PAIR_LOSS_TYPES,
  ktoLoss,
  ktoPairCurve,
  marginGrid,
  pairLoss,
  pairLossCurve,
  type KtoParams,
  type PairInput,
} from '../../src/math/index.ts';
import { isClose, logProbArb, pairFromRatios, pairInputArb, paramsArb } from '../helpers/mathCases.ts';

/**
 * Point i of a curve sits at ρw = cw + (h − h0)/2, ρl = cl − (h − h0)/2 around the centre's log-ratios
 * (cw, cl), h0 = cw − cl; without a centre cw = cl = 0.
 */
function ratiosAt(h: number, center?: PairInput): { rw: number; rl: number } {
  const cw = center ? center.policyChosen - center.refChosen : 0;
  const cl = center ? center.policyRejected - center.refRejected : 0;
  const half = (h - (cw - cl)) / 2;
  return { rw: cw + half, rl: cl - half };
}

const REL = 1e-12;

describe('marginGrid', () => {
  it('has 400 points spanning ±20/β by default, evenly spaced', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (beta) => {
        const grid = marginGrid(beta);
        expect(grid).toBeInstanceOf(Float64Array);
        expect(grid).toHaveLength(400);
        expect(grid[0]).toBe(-20 / beta);
        expect(isClose(grid[399], 20 / beta, 1e-13)).toBe(true);
        const step = 40 / beta / 399;
        for (let i = 1; i < grid.length; i++) {
          expect(isClose(grid[i] - grid[i - 1], step, 1e-9)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('takes a point count and a span', () => {
    const grid = marginGrid(0.5, 11, 5);
    expect(Array.from(grid)).toEqual(
      [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10].map((x) => expect.closeTo(x, 12)),
    );
  });
});

describe('pairLossCurve equals pairLoss at the same (ρw, ρl)', () => {
  const centerArb: fc.Arbitrary<PairInput | undefined> = fc.option(pairInputArb(-30), { nil: undefined });

  it.each(PAIR_LOSS_TYPES)('%s', (type) => {
    fc.assert(
      fc.property(
        paramsArb(type, { beta: { min: 0.01, max: 5 } }),
        centerArb,
        fc.array(fc.nat({ max: 399 }), { minLength: 3, maxLength: 6 }),
        (params, center, indices) => {
          const grid = marginGrid(params.beta);
          const curve = pairLossCurve(type, params, grid, center);
          expect(curve.margin).toBe(grid);
          for (const arr of [curve.loss, curve.dChosen, curve.dRejected]) expect(arr).toHaveLength(400);
          for (const i of [0, 399, ...indices]) {
            const { rw, rl } = ratiosAt(grid[i], center);
            const lw = center?.chosenLength ?? 1;
            // sft reads log π(y_w) = ρw + the centre's log π_ref(y_w), along the one-sided path (a smaller
            // margin lowers log π(y_w), a larger one leaves it): its formula −log π(y_w)/Lw stands in for pairLoss.
            const h0 = center
              ? center.policyChosen - center.refChosen - (center.policyRejected - center.refRejected)
              : 0;
            const oneSided =
              (center ? center.policyChosen - center.refChosen : 0) + Math.min(grid[i] - h0, 0);
            const r =
              LOSS_INFO[type].reads === 'logProbs'
                ? {
                    loss: -(oneSided + (center?.refChosen ?? 0)) / lw,
                    dPolicyChosen: -1 / lw,
                    dPolicyRejected: 0,
                  }
                : pairLoss(type, pairFromRatios(rw, rl, lw, center?.rejectedLength ?? 1), params);
            // The curve and the pair take ρ along different rounding paths: allow a few ulps of the inputs.
            const abs =
              1e-9 *
              (1 + Math.abs(r.dPolicyChosen) + Math.abs(r.dPolicyRejected)) *
              (1 + Math.abs(rw) + Math.abs(rl));
            expect(
              isClose(curve.loss[i], r.loss, REL, abs),
              `loss at ${i}: ${curve.loss[i]} vs ${r.loss}`,
            ).toBe(true);
            expect(isClose(curve.dChosen[i], r.dPolicyChosen, REL, abs), `dChosen at ${i}`).toBe(true);
            expect(isClose(curve.dRejected[i], r.dPolicyRejected, REL, abs), `dRejected at ${i}`).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('passes through the centre pair when its margin lies on the grid', () => {
    const center: PairInput = { policyChosen: -8, refChosen: -10, policyRejected: -9, refRejected: -7 };
    // h0 = 2 − (−2) = 4; a grid with a point at 4.
    const grid = Float64Array.from([-4, 0, 4, 8]);
    for (const type of PAIR_LOSS_TYPES) {
      const params = { beta: 0.3, labelSmoothing: 0.1 };
      const curve = pairLossCurve(type, params, grid, center);
      const r = pairLoss(type, center, params);
      expect(curve.loss[2]).toBe(r.loss);
      expect(curve.dChosen[2]).toBe(r.dPolicyChosen);
      expect(curve.dRejected[2]).toBe(r.dPolicyRejected);
    }
  });
});

describe('ktoPairCurve', () => {
  it('equals ktoLoss(desirable chosen) + ktoLoss(undesirable rejected), with each gradient', () => {
    fc.assert(
      fc.property(
        fc.record({
          beta: fc.double({ min: 0.01, max: 5, noNaN: true }),
          z0: fc.double({ min: 0, max: 10, noNaN: true }),
          desirableWeight: fc.double({ min: 0, max: 3, noNaN: true }),
          undesirableWeight: fc.double({ min: 0, max: 3, noNaN: true }),
        }),
        fc.option(
          fc.record({
            policyChosen: logProbArb(-30, 0),
            policyRejected: logProbArb(-30, 0),
            refChosen: logProbArb(-30, 0),
            refRejected: logProbArb(-30, 0),
          }),
          { nil: undefined },
        ),
        fc.array(fc.nat({ max: 399 }), { minLength: 3, maxLength: 6 }),
        (params: Required<KtoParams>, center, indices) => {
          const grid = marginGrid(params.beta);
          const curve = ktoPairCurve(params, grid, center);
          expect(curve.loss).toHaveLength(400);
          for (const i of [0, 399, ...indices]) {
            const { rw, rl } = ratiosAt(grid[i], center);
            const w = pairFromRatios(rw, rl);
            const up = ktoLoss('kto', { policy: w.policyChosen, ref: w.refChosen, desirable: true }, params);
            const down = ktoLoss(
              'kto',
              { policy: w.policyRejected, ref: w.refRejected, desirable: false },
              params,
            );
            const abs = 1e-9 * (1 + params.beta * (params.desirableWeight + params.undesirableWeight));
            expect(isClose(curve.loss[i], up.loss + down.loss, REL, abs), `loss at ${i}`).toBe(true);
            expect(isClose(curve.dChosen[i], up.dPolicy, REL, abs), `dChosen at ${i}`).toBe(true);
            expect(isClose(curve.dRejected[i], down.dPolicy, REL, abs), `dRejected at ${i}`).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('falls from λD + λU at the far left towards 0 at the far right (z0 = 0)', () => {
    const params = { beta: 0.5, desirableWeight: 1.5, undesirableWeight: 0.5 };
    const curve = ktoPairCurve(params, marginGrid(0.5));
    // βρw = −10, βρl = +10 at the left end: both examples almost fully penalised.
    expect(curve.loss[0]).toBeCloseTo(2, 3);
    expect(curve.loss[399]).toBeCloseTo(0, 3);
    for (let i = 1; i < 400; i++) expect(curve.loss[i]).toBeLessThan(curve.loss[i - 1]);
  });
});
