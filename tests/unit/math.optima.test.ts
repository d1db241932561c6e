// The closed-form optima of optima.ts against the losses themselves: each optimum must be a stationary
// point (hinge: a minimiser) of the expected loss E(h) = p·L(h) + (1 − p)·L(−h).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cdpoOptimalMargin,
  dpoOptimalMargin,
  exoOptimalMargin,
  hingeOptimalMargin,
  ipoOptimalMargin,
  logit,
  optimalMargin,
  pairLoss,
  rlhfOptimum,
  robustOptimalMargin,
  sigmoid,
  softmax,
  twoResponseOptimum,
  type PairLossParams,
  type PairLossType,
} from '../../src/math/index.ts';
import { betaArb, isClose, lengthArb, pairFromRatios, RUNS, usesTokenMargin } from '../helpers/mathCases.ts';

/**
 * E(h) and dE/dh for the loss's own margin variable h (per-token h̄ for token-normalised IPO), built from
 * pairLoss alone: ρw = a·h, ρl = 0 with a = Lw for a per-token margin. L(−h) is the swapped pair, where
 * ρw sits in the rejected slot, so its h-derivative is a·dPolicyRejected.
 */
function expectedLoss(
  type: PairLossType,
  params: PairLossParams,
  p: number,
  h: number,
  lw = 1,
  ll = 1,
): { value: number; slope: number } {
  const a = usesTokenMargin(type, params) ? lw : 1;
  const forward = pairLoss(type, pairFromRatios(a * h, 0, lw, ll), params);
  const reverse = pairLoss(type, pairFromRatios(0, a * h, ll, lw), params);
  return {
    value: p * forward.loss + (1 - p) * reverse.loss,
    slope: a * (p * forward.dPolicyChosen + (1 - p) * reverse.dPolicyRejected),
  };
}

interface OptimumCase {
  type: PairLossType;
  params: PairLossParams;
  p: number;
  lw: number;
  ll: number;
}

/** Stationary (|E'(h*)| tiny), strictly lower than E(h* ± δ), and E' changes sign from − to + across h*. */
function checkStationaryMinimum({ type, params, p, lw, ll }: OptimumCase, hStar: number): void {
  const { beta } = params;
  const at = expectedLoss(type, params, p, hStar, lw, ll);
  const scale = usesTokenMargin(type, params) ? lw : 1;
  const tol = 1e-10 * (1 + beta + 1 / beta) * scale;
  expect(Math.abs(at.slope) <= tol, `E'(h*) = ${at.slope} (h* = ${hStar})`).toBe(true);
  // A step of 0.05 in βh: big enough to rise above rounding, small enough to stay in the basin.
  const delta = 0.05 / beta;
  const below = expectedLoss(type, params, p, hStar - delta, lw, ll);
  const above = expectedLoss(type, params, p, hStar + delta, lw, ll);
  expect(below.value, 'E(h* − δ) > E(h*)').toBeGreaterThan(at.value);
  expect(above.value, 'E(h* + δ) > E(h*)').toBeGreaterThan(at.value);
  expect(below.slope).toBeLessThan(0);
  expect(above.slope).toBeGreaterThan(0);
}

describe('closed-form optima are stationary minima of the expected loss', () => {
  const pArb = fc.double({ min: 0.01, max: 0.99, noNaN: true });

  it('DPO: βh* = logit(p)', () => {
    fc.assert(
      fc.property(betaArb, pArb, (beta, p) => {
        const hStar = dpoOptimalMargin(p, beta);
        expect(optimalMargin('sigmoid', p, { beta })).toBe(hStar);
        checkStationaryMinimum({ type: 'sigmoid', params: { beta }, p, lw: 1, ll: 1 }, hStar);
      }),
      { numRuns: RUNS },
    );
  });

  it('length-normalised DPO: the same optimum in h̄', () => {
    fc.assert(
      fc.property(betaArb, pArb, lengthArb, lengthArb, (beta, p, lw, ll) => {
        const hStar = optimalMargin('sigmoid_norm', p, { beta });
        expect(hStar).not.toBeNull();
        checkStationaryMinimum({ type: 'sigmoid_norm', params: { beta }, p, lw, ll }, hStar as number);
      }),
      { numRuns: RUNS },
    );
  });

  it('cDPO: σ(βh*) = p(1 − ε) + (1 − p)ε', () => {
    fc.assert(
      fc.property(betaArb, pArb, fc.double({ min: 0, max: 0.49, noNaN: true }), (beta, p, eps) => {
        const params = { beta, labelSmoothing: eps };
        const hStar = cdpoOptimalMargin(p, beta, eps);
        expect(optimalMargin('cdpo', p, params)).toBe(hStar);
        expect(isClose(sigmoid(beta * hStar), p * (1 - eps) + (1 - p) * eps, 1e-12)).toBe(true);
        checkStationaryMinimum({ type: 'cdpo', params, p, lw: 1, ll: 1 }, hStar);
      }),
      { numRuns: RUNS },
    );
  });

  it('robust DPO: σ(βh*) = (p − ε)/(1 − 2ε) for ε < p < 1 − ε', () => {
    fc.assert(
      fc.property(
        betaArb,
        fc.double({ min: 0, max: 0.45, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (beta, eps, u) => {
          // p strictly inside (ε, 1 − ε), at least 0.01 away from both ends.
          const p = eps + 0.01 + u * (1 - 2 * eps - 0.02);
          const params = { beta, labelSmoothing: eps };
          const hStar = robustOptimalMargin(p, beta, eps);
          expect(optimalMargin('robust', p, params)).toBe(hStar);
          checkStationaryMinimum({ type: 'robust', params, p, lw: 1, ll: 1 }, hStar);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('robust DPO: outside (ε, 1 − ε) the optimum is ±Infinity and the expected loss keeps falling', () => {
    fc.assert(
      fc.property(
        betaArb,
        fc.double({ min: 0.01, max: 0.45, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (beta, eps, u) => {
          const params = { beta, labelSmoothing: eps };
          const pHigh = 1 - eps + u * eps;
          const pLow = u * eps;
          expect(robustOptimalMargin(pHigh, beta, eps)).toBe(Infinity);
          expect(robustOptimalMargin(pLow, beta, eps)).toBe(-Infinity);
          for (const h of [-10 / beta, 0, 10 / beta]) {
            expect(expectedLoss('robust', params, pHigh, h).slope).toBeLessThan(0);
            expect(expectedLoss('robust', params, pLow, h).slope).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it.each(['token', 'sum'] as const)("IPO ('%s'): h̄* = (2p − 1)/(2β)", (norm) => {
    fc.assert(
      fc.property(
        betaArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        lengthArb,
        lengthArb,
        (beta, p, lw, ll) => {
          const params: PairLossParams = { beta, ipoNormalization: norm };
          const hStar = ipoOptimalMargin(p, beta);
          expect(optimalMargin('ipo', p, params)).toBe(hStar);
          checkStationaryMinimum({ type: 'ipo', params, p, lw, ll }, hStar);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('hinge: βh* = ±1 minimises the expected loss (p ≠ ½)', () => {
    fc.assert(
      fc.property(
        betaArb,
        fc.double({ min: 0.01, max: 0.49, noNaN: true }),
        fc.boolean(),
        (beta, d, high) => {
          const p = high ? 0.5 + d : 0.5 - d;
          const params = { beta };
          const hStar = hingeOptimalMargin(p, beta);
          expect(optimalMargin('hinge', p, params)).toBe(hStar);
          expect(isClose(beta * hStar, high ? 1 : -1, 1e-15)).toBe(true);
          const at = expectedLoss('hinge', params, p, hStar).value;
          // E(h*) = 2·min(p, 1 − p), and any move away costs |2p − 1|·β|δ| or more.
          expect(isClose(at, 2 * Math.min(p, 1 - p), 1e-12, 1e-15)).toBe(true);
          for (const dz of [-0.5, -0.05, -1e-3, 1e-3, 0.05, 0.5]) {
            const moved = expectedLoss('hinge', params, p, hStar + dz / beta).value;
            expect(moved, `βδ = ${dz}`).toBeGreaterThan(at);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('hinge at p = ½: h* = 0, and the expected loss is flat (= 1) on [−1/β, 1/β]', () => {
    const beta = 0.7;
    expect(hingeOptimalMargin(0.5, beta)).toBe(0);
    for (const z of [-1, -0.5, 0, 0.5, 1]) {
      expect(expectedLoss('hinge', { beta }, 0.5, z / beta).value).toBeCloseTo(1, 14);
    }
    expect(expectedLoss('hinge', { beta }, 0.5, 1.5 / beta).value).toBeGreaterThan(1);
  });

  it('EXO: βh* = (2p − 1)·logit(1 − ε); σ(βh*) = 1 − ε at p = 1', () => {
    fc.assert(
      fc.property(
        betaArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1e-3, max: 0.49, noNaN: true }),
        (beta, p, eps) => {
          const params = { beta, labelSmoothing: eps };
          const hStar = exoOptimalMargin(p, beta, eps);
          expect(optimalMargin('exo_pair', p, params)).toBe(hStar);
          checkStationaryMinimum({ type: 'exo_pair', params, p, lw: 1, ll: 1 }, hStar);
          expect(isClose(sigmoid(beta * exoOptimalMargin(1, beta, eps)), 1 - eps, 1e-12)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('DPO over-fits deterministic preferences: h* = ±Infinity at p = 1 and p = 0', () => {
    expect(dpoOptimalMargin(1, 0.1)).toBe(Infinity);
    expect(dpoOptimalMargin(0, 0.1)).toBe(-Infinity);
    // And the loss indeed keeps falling: the gradient never vanishes.
    for (const h of [0, 50, 500])
      expect(pairLoss('sigmoid', pairFromRatios(h, 0), { beta: 0.1 }).dPolicyChosen).toBeLessThan(0);
  });

  it('no closed form (null) for the losses that are not a function of one margin, and DiscoPOP', () => {
    for (const type of ['nca_pair', 'bco_pair', 'sppo_hard', 'apo_zero', 'apo_down', 'discopop'] as const) {
      expect(optimalMargin(type, 0.8, { beta: 0.1 })).toBeNull();
    }
  });
});

describe('rlhfOptimum: π*(y) ∝ π_ref(y)·exp(r(y)/β)', () => {
  const vectorArb = fc
    .integer({ min: 1, max: 12 })
    .chain((n) =>
      fc.tuple(
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: n, maxLength: n }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
      ),
    );

  it('sums to 1 and satisfies log π*(i) − log π*(j) = (ℓi − ℓj) + (ri − rj)/β', () => {
    fc.assert(
      fc.property(vectorArb, fc.double({ min: 0.1, max: 10, noNaN: true }), ([logits, rewards], beta) => {
        const pi = rlhfOptimum(logits, rewards, beta);
        expect(pi).toHaveLength(logits.length);
        expect(
          isClose(
            pi.reduce((a, b) => a + b, 0),
            1,
            1e-12,
          ),
        ).toBe(true);
        for (const v of pi) expect(v).toBeGreaterThan(0);
        const j = 0;
        for (let i = 1; i < pi.length; i++) {
          const want = logits[i] - logits[j] + (rewards[i] - rewards[j]) / beta;
          expect(isClose(Math.log(pi[i]) - Math.log(pi[j]), want, 1e-9, 1e-9)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('equals π_ref when every reward is 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (logits, beta) => {
          const pi = rlhfOptimum(
            logits,
            logits.map(() => 0),
            beta,
          );
          const ref = softmax(logits);
          pi.forEach((v, i) => expect(isClose(v, ref[i], 1e-12, 1e-300)).toBe(true));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('twoResponseOptimum (two responses, tabular policy)', () => {
  const pArb = fc.double({ min: 1e-3, max: 1 - 1e-3, noNaN: true });

  it('uniform reference: σ(logit(p)/β) for DPO, σ((p − ½)/β) for IPO', () => {
    fc.assert(
      fc.property(pArb, betaArb, (p, beta) => {
        expect(isClose(twoResponseOptimum('sigmoid', p, beta), sigmoid(logit(p) / beta), 1e-12)).toBe(true);
        expect(isClose(twoResponseOptimum('ipo', p, beta), sigmoid((p - 0.5) / beta), 1e-12)).toBe(true);
        expect(twoResponseOptimum('sigmoid', p, beta, 0.5)).toBe(twoResponseOptimum('sigmoid', p, beta));
      }),
      { numRuns: RUNS },
    );
  });

  it('any reference: the optimal margin is logit π*(y_w) − logit π_ref(y_w)', () => {
    // Ranges keep |logit π*| < 20, where logit(π*) can still be recovered from π* to ~1e-8.
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.25, max: 5, noNaN: true }),
        fc.double({ min: 0.2, max: 0.8, noNaN: true }),
        (p, beta, ref) => {
          for (const type of ['sigmoid', 'ipo'] as const) {
            const pi = twoResponseOptimum(type, p, beta, ref);
            const margin = type === 'sigmoid' ? dpoOptimalMargin(p, beta) : ipoOptimalMargin(p, beta);
            // Tabular with two responses: h = ρw − ρl = logit π(y_w) − logit π_ref(y_w).
            expect(isClose(logit(pi) - logit(ref), margin, 1e-6, 1e-6), `${type}: π* = ${pi}`).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
