// Analytic gradients against central finite differences, for every pair loss and both KTO losses.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  KTO_LOSS_TYPES,
  LOSS_INFO,
  PAIR_LOSS_TYPES,
  ktoLoss,
  pairLoss,
  type KtoInput,
  type KtoParams,
  type PairInput,
  type PairLossParams,
  type PairLossType,
} from '../../src/math/index.ts';
import { MARGIN_ONLY_LOSSES, logProbArb, paramsArb } from '../helpers/mathCases.ts';

/**
 * Relative step: 1e-6·max(1, |x|). Log-probs are ≤ −2e-3, so x + step stays < −1e-3 (inside the domain).
 * Richardson extrapolation of two central differences (steps δ and δ/2) cancels the δ² term, so stiff
 * losses (DiscoPOP with a small τ: curvature ∝ (β/τ)³) stay within tolerance at the largest |x|.
 */
const REL_STEP = 1e-6;
const LOG_PROB_MAX = -2e-3;
/** |fd − analytic| ≤ TOL·(1 + |analytic|). */
const TOL = 1e-5;
const RUNS = 300;

/** Central difference over the step actually representable: (f(x+δ) − f(x−δ)) / ((x+δ) − (x−δ)). */
function central(f: (x: number) => number, x: number, step: number): number {
  const up = x + step;
  const down = x - step;
  return (f(up) - f(down)) / (up - down);
}

/** (4·D(δ/2) − D(δ)) / 3: error O(δ⁴) instead of O(δ²). */
function centralDifference(f: (x: number) => number, x: number): number {
  const step = REL_STEP * Math.max(1, Math.abs(x));
  return (4 * central(f, x, step / 2) - central(f, x, step)) / 3;
}

function expectGradient(fd: number, analytic: number, label: string): void {
  expect(Number.isFinite(analytic), `${label}: analytic ${analytic}`).toBe(true);
  const err = Math.abs(fd - analytic);
  expect(err <= TOL * (1 + Math.abs(analytic)), `${label}: fd ${fd} vs analytic ${analytic}`).toBe(true);
}

type PairField = 'policyChosen' | 'policyRejected' | 'refChosen' | 'refRejected';

function pairFd(type: PairLossType, input: PairInput, params: PairLossParams, field: PairField): number {
  return centralDifference((x) => pairLoss(type, { ...input, [field]: x }, params).loss, input[field]);
}

const pairInputArb: fc.Arbitrary<PairInput> = fc.record({
  policyChosen: logProbArb(-30, LOG_PROB_MAX),
  policyRejected: logProbArb(-30, LOG_PROB_MAX),
  refChosen: logProbArb(-30, LOG_PROB_MAX),
  refRejected: logProbArb(-30, LOG_PROB_MAX),
  chosenLength: fc.integer({ min: 1, max: 50 }),
  rejectedLength: fc.integer({ min: 1, max: 50 }),
});

/** The hinge's kink at βh = 1 must stay out of reach of the finite-difference step. */
const KINK_MARGIN = 1e-3;

function awayFromKink(type: PairLossType, input: PairInput, params: PairLossParams): boolean {
  if (type !== 'hinge') return true;
  const h = input.policyChosen - input.refChosen - (input.policyRejected - input.refRejected);
  return Math.abs(1 - params.beta * h) > KINK_MARGIN;
}

describe('pairLoss gradients match central finite differences', () => {
  it('covers all 14 pair loss types', () => {
    expect(PAIR_LOSS_TYPES).toHaveLength(14);
  });

  it.each(PAIR_LOSS_TYPES)('%s', (type) => {
    fc.assert(
      fc.property(pairInputArb, paramsArb(type, { beta: { min: 0.01, max: 5 } }), (input, params) => {
        fc.pre(awayFromKink(type, input, params));
        const r = pairLoss(type, input, params);
        expectGradient(pairFd(type, input, params, 'policyChosen'), r.dPolicyChosen, 'd/dpolicyChosen');
        expectGradient(pairFd(type, input, params, 'policyRejected'), r.dPolicyRejected, 'd/dpolicyRejected');
        // The reference enters only through ρ = policy − ref: ∂/∂ref = −∂/∂policy (sft reads no reference).
        const refSign = LOSS_INFO[type].reads === 'logProbs' ? 0 : -1;
        expectGradient(pairFd(type, input, params, 'refChosen'), refSign * r.dPolicyChosen, 'd/drefChosen');
        expectGradient(
          pairFd(type, input, params, 'refRejected'),
          refSign * r.dPolicyRejected,
          'd/drefRejected',
        );
      }),
      { numRuns: RUNS },
    );
  });
});

describe('stiff DiscoPOP (τ = 0.01, β = 5) near h = 0 at log-probs ≈ −30', () => {
  // The worst case for the finite differences: a plain central difference with δ = 3e-5 misses by ~1e-4.
  it.each([-0.03, 0, 0.03])('βh = %s', (z) => {
    const params: PairLossParams = { beta: 5, discopopTau: 0.01 };
    const input: PairInput = {
      policyChosen: -30 + z / 5,
      refChosen: -30,
      policyRejected: -29.99,
      refRejected: -29.99,
    };
    const r = pairLoss('discopop', input, params);
    expectGradient(pairFd('discopop', input, params, 'policyChosen'), r.dPolicyChosen, 'd/dpolicyChosen');
    expectGradient(
      pairFd('discopop', input, params, 'policyRejected'),
      r.dPolicyRejected,
      'd/dpolicyRejected',
    );
  });
});

describe('losses of h alone: ∂/∂policyChosen = −∂/∂policyRejected', () => {
  const cases: [PairLossType, fc.Arbitrary<PairLossParams>][] = [
    ...MARGIN_ONLY_LOSSES.map(
      (t) =>
        [t, paramsArb(t, { beta: { min: 0.01, max: 5 } })] as [PairLossType, fc.Arbitrary<PairLossParams>],
    ),
    [
      'ipo',
      fc.record({
        beta: fc.double({ min: 0.01, max: 5, noNaN: true }),
        ipoNormalization: fc.constant<'sum'>('sum'),
      }),
    ],
  ];

  it.each(cases)('%s', (type, params) => {
    fc.assert(
      fc.property(pairInputArb, params, (input, p) => {
        fc.pre(awayFromKink(type, input, p));
        const r = pairLoss(type, input, p);
        // Exact in the analytic gradient (0 + −0 is +0, so toBe(0) accepts either sign of zero).
        expect(r.dPolicyChosen + r.dPolicyRejected).toBe(0);
        // And in the loss itself, up to the finite-difference error.
        const fdW = pairFd(type, input, p, 'policyChosen');
        const fdL = pairFd(type, input, p, 'policyRejected');
        expect(Math.abs(fdW + fdL) <= 2 * TOL * (1 + Math.abs(r.dPolicyChosen)), `${fdW} vs ${fdL}`).toBe(
          true,
        );
      }),
      { numRuns: RUNS },
    );
  });
});

describe('ktoLoss gradients match central finite differences', () => {
  const ktoInputArb: fc.Arbitrary<KtoInput> = fc.record({
    policy: logProbArb(-30, LOG_PROB_MAX),
    ref: logProbArb(-30, LOG_PROB_MAX),
    desirable: fc.boolean(),
  });
  const ktoParamsArb: fc.Arbitrary<KtoParams> = fc.record({
    beta: fc.double({ min: 0.01, max: 5, noNaN: true }),
    z0: fc.double({ min: 0, max: 10, noNaN: true }),
    desirableWeight: fc.double({ min: 0, max: 5, noNaN: true }),
    undesirableWeight: fc.double({ min: 0, max: 5, noNaN: true }),
  });

  it.each(KTO_LOSS_TYPES)('%s', (type) => {
    fc.assert(
      fc.property(ktoInputArb, ktoParamsArb, (input, params) => {
        const r = ktoLoss(type, input, params);
        const fdPolicy = centralDifference(
          (x) => ktoLoss(type, { ...input, policy: x }, params).loss,
          input.policy,
        );
        const fdRef = centralDifference((x) => ktoLoss(type, { ...input, ref: x }, params).loss, input.ref);
        expectGradient(fdPolicy, r.dPolicy, 'd/dpolicy');
        // z0 is a constant and the reference enters through ρ only.
        expectGradient(fdRef, -r.dPolicy, 'd/dref');
      }),
      { numRuns: RUNS },
    );
  });
});
