// Properties of the pair losses, KTO, batch metrics and the KTO reference point, on generated inputs.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  KTO_LOSS_TYPES,
  PAIR_LOSS_TYPES,
  batchMetrics,
  ktoLoss,
  ktoReferencePoint,
  logit,
  pairLoss,
  type BatchMetricName,
  type KtoInput,
  type KtoParams,
  type PairInput,
  type PairLossResult,
} from '../../src/math/index.ts';
import {
  betaArb,
  isClose,
  lengthArb,
  logProbArb,
  pairFromRatios,
  pairInputArb,
  paramsArb,
  RUNS,
} from '../helpers/mathCases.ts';

const moderatePairArb: fc.Arbitrary<PairInput> = pairInputArb(-30);

function swapped(input: PairInput): PairInput {
  return {
    policyChosen: input.policyRejected,
    policyRejected: input.policyChosen,
    refChosen: input.refRejected,
    refRejected: input.refChosen,
    chosenLength: input.rejectedLength,
    rejectedLength: input.chosenLength,
  };
}

describe('DPO (sigmoid)', () => {
  it('is strictly decreasing in h', () => {
    fc.assert(
      fc.property(
        moderatePairArb,
        betaArb,
        fc.double({ min: 1e-3, max: 10, noNaN: true }),
        (input, beta, dh) => {
          // Lowering the rejected log-prob by dh raises h by dh.
          const lower = pairLoss('sigmoid', input, { beta });
          const higher = pairLoss(
            'sigmoid',
            { ...input, policyRejected: input.policyRejected - dh },
            { beta },
          );
          expect(higher.loss).toBeLessThan(lower.loss);
          expect(lower.dPolicyChosen).toBeLessThan(0);
          expect(lower.dPolicyRejected).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('satisfies L(h) − L(−h) = −βh', () => {
    fc.assert(
      fc.property(moderatePairArb, betaArb, (input, beta) => {
        const r = pairLoss('sigmoid', input, { beta });
        const mirror = pairLoss('sigmoid', swapped(input), { beta });
        const z = r.rewardMargin;
        // Exactly opposite (0 + −0 is +0, so toBe(0) accepts either sign of a zero margin).
        expect(mirror.rewardMargin + z).toBe(0);
        expect(isClose(r.loss - mirror.loss, -z, 1e-12, 1e-12), `${r.loss} − ${mirror.loss} vs ${-z}`).toBe(
          true,
        );
      }),
      { numRuns: RUNS },
    );
  });
});

describe('loss = ln 2 when the policy equals the reference', () => {
  it.each(['sigmoid', 'cdpo', 'robust'] as const)('%s, any ε in [0, 0.5)', (type) => {
    fc.assert(
      fc.property(
        logProbArb(-1e5, 0),
        logProbArb(-1e5, 0),
        lengthArb,
        lengthArb,
        paramsArb(type, { beta: { min: 1e-3, max: 1e3 } }),
        (chosen, rejected, lw, ll, params) => {
          const input = {
            policyChosen: chosen,
            refChosen: chosen,
            policyRejected: rejected,
            refRejected: rejected,
            chosenLength: lw,
            rejectedLength: ll,
          };
          const r = pairLoss(type, input, params);
          expect(isClose(r.loss, Math.LN2, 1e-15, 0), `loss ${r.loss}`).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('IPO', () => {
  it.each(['token', 'sum'] as const)("is minimised, at 0, where h̄ = 1/(2β) ('%s')", (norm) => {
    fc.assert(
      fc.property(
        betaArb,
        fc.double({ min: -30, max: 30, noNaN: true }),
        lengthArb,
        lengthArb,
        (beta, rl, lw, ll) => {
          const params = { beta, ipoNormalization: norm };
          const target = 1 / (2 * beta);
          // ρw chosen so that h̄ (per-token or summed) is exactly the target, up to rounding.
          const rw = norm === 'token' ? lw * (target + rl / ll) : target + rl;
          const at = pairLoss('ipo', pairFromRatios(rw, rl, lw, ll), params);
          expect(at.loss).toBeLessThan(1e-24);
          expect(Math.abs(at.dPolicyChosen)).toBeLessThan(1e-11);
          // Moving ρw by ±δ·Lw moves h̄ by ±δ: the loss becomes δ² > 0.
          const delta = norm === 'token' ? 1e-3 * lw : 1e-3;
          for (const moved of [rw - delta, rw + delta]) {
            const near = pairLoss('ipo', pairFromRatios(moved, rl, lw, ll), params);
            expect(near.loss).toBeGreaterThan(at.loss);
            expect(isClose(near.loss, 1e-6, 1e-6)).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('cDPO', () => {
  it('has zero gradient where σ(βh) = 1 − ε, negative below and positive above', () => {
    fc.assert(
      fc.property(
        betaArb,
        fc.double({ min: 1e-6, max: 0.5, maxExcluded: true, noNaN: true }),
        fc.double({ min: -20, max: 0, noNaN: true }),
        (beta, eps, rl) => {
          const params = { beta, labelSmoothing: eps };
          const zStar = logit(1 - eps);
          const at = pairLoss('cdpo', pairFromRatios(rl + zStar / beta, rl), params);
          expect(Math.abs(at.dPolicyChosen)).toBeLessThan(1e-12 * (beta + beta * beta));
          const below = pairLoss('cdpo', pairFromRatios(rl + (zStar - 0.01) / beta, rl), params);
          const above = pairLoss('cdpo', pairFromRatios(rl + (zStar + 0.01) / beta, rl), params);
          // ∂L/∂h = ∂L/∂policyChosen for a loss of h alone.
          expect(below.dPolicyChosen).toBeLessThan(0);
          expect(above.dPolicyChosen).toBeGreaterThan(0);
          expect(below.loss).toBeGreaterThan(at.loss);
          expect(above.loss).toBeGreaterThan(at.loss);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('KTO', () => {
  const ktoParamsArb: fc.Arbitrary<Required<KtoParams>> = fc.record({
    beta: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
    z0: fc.double({ min: 0, max: 100, noNaN: true }),
    desirableWeight: fc.double({ min: 0, max: 10, noNaN: true }),
    undesirableWeight: fc.double({ min: 0, max: 10, noNaN: true }),
  });
  const ktoInputArb: fc.Arbitrary<KtoInput> = fc.record({
    policy: logProbArb(-200, 0),
    ref: logProbArb(-200, 0),
    desirable: fc.boolean(),
  });

  it.each(KTO_LOSS_TYPES)('%s: loss within [0, λ] of its class', (type) => {
    fc.assert(
      fc.property(ktoInputArb, ktoParamsArb, (input, params) => {
        const r = ktoLoss(type, input, params);
        const lambda = input.desirable ? params.desirableWeight : params.undesirableWeight;
        expect(r.loss).toBeGreaterThanOrEqual(0);
        expect(r.loss).toBeLessThanOrEqual(lambda);
        // Desirable examples are pushed up, undesirable ones down.
        if (input.desirable) expect(r.dPolicy).toBeLessThanOrEqual(0);
        else expect(r.dPolicy).toBeGreaterThanOrEqual(0);
        expect(r.reward).toBe(params.beta * (input.policy - input.ref));
      }),
      { numRuns: RUNS },
    );
  });

  it('kto at ρ = z0 gives λ/2 for both classes', () => {
    fc.assert(
      fc.property(ktoParamsArb, logProbArb(-50, 0), (params, ref) => {
        const z0 = Math.min(params.z0, -ref);
        const p = { ...params, z0 };
        // policy − ref = z0 exactly when ref + z0 is exact; compare through the actual ρ.
        const policy = ref + z0;
        fc.pre(policy - ref === z0);
        const up = ktoLoss('kto', { policy, ref, desirable: true }, p);
        const down = ktoLoss('kto', { policy, ref, desirable: false }, p);
        expect(isClose(up.loss, params.desirableWeight / 2, 1e-15)).toBe(true);
        expect(isClose(down.loss, params.undesirableWeight / 2, 1e-15)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('every output is finite on valid extreme input', () => {
  const extremePairArb: fc.Arbitrary<PairInput> = pairInputArb(-1e5, fc.integer({ min: 1, max: 10_000 }));

  it.each(PAIR_LOSS_TYPES)('%s', (type) => {
    fc.assert(
      fc.property(extremePairArb, paramsArb(type, { beta: { min: 1e-3, max: 1e3 } }), (input, params) => {
        const r = pairLoss(type, input, params);
        for (const [key, value] of Object.entries(r)) {
          expect(Number.isFinite(value), `${key} = ${value}`).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it.each(KTO_LOSS_TYPES)('%s', (type) => {
    fc.assert(
      fc.property(
        logProbArb(-1e5, 0),
        logProbArb(-1e5, 0),
        fc.boolean(),
        fc.record({
          beta: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
          z0: fc.double({ min: 0, max: 1e5, noNaN: true }),
          desirableWeight: fc.double({ min: 0, max: 10, noNaN: true }),
          undesirableWeight: fc.double({ min: 0, max: 10, noNaN: true }),
        }),
        (policy, ref, desirable, params) => {
          const r = ktoLoss(type, { policy, ref, desirable }, params);
          for (const [key, value] of Object.entries(r)) {
            expect(Number.isFinite(value), `${key} = ${value}`).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('rewardAccuracy', () => {
  it('is 0 when the policy equals the reference (strict >)', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...PAIR_LOSS_TYPES)
          .chain((type) => fc.tuple(fc.constant(type), paramsArb(type, { beta: { min: 1e-3, max: 1e3 } }))),
        logProbArb(-1e5, 0),
        logProbArb(-1e5, 0),
        ([type, params], chosen, rejected) => {
          const r = pairLoss(
            type,
            { policyChosen: chosen, refChosen: chosen, policyRejected: rejected, refRejected: rejected },
            params,
          );
          expect(r.rewardAccuracy).toBe(0);
          expect(r.rewardMargin).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('is 1 exactly when rewardChosen > rewardRejected', () => {
    fc.assert(
      fc.property(moderatePairArb, betaArb, (input, beta) => {
        const r = pairLoss('sigmoid', input, { beta });
        expect(r.rewardAccuracy).toBe(r.rewardChosen > r.rewardRejected ? 1 : 0);
        expect(r.rewardChosen).toBe(beta * (input.policyChosen - input.refChosen));
        expect(r.rewardRejected).toBe(beta * (input.policyRejected - input.refRejected));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('batchMetrics', () => {
  const pick: Record<BatchMetricName, (r: PairLossResult, p: PairInput) => number> = {
    loss: (r) => r.loss,
    'rewards/chosen': (r) => r.rewardChosen,
    'rewards/rejected': (r) => r.rewardRejected,
    'rewards/margins': (r) => r.rewardMargin,
    'rewards/accuracies': (r) => r.rewardAccuracy,
    'logps/chosen': (_r, p) => p.policyChosen,
    'logps/rejected': (_r, p) => p.policyRejected,
  };

  it('equals the mean of the per-pair pairLoss results', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...PAIR_LOSS_TYPES)
          .chain((type) => fc.tuple(fc.constant(type), paramsArb(type, { beta: { min: 0.01, max: 5 } }))),
        fc.array(moderatePairArb, { minLength: 1, maxLength: 20 }),
        ([type, params], pairs) => {
          const got = batchMetrics(type, pairs, params);
          const results = pairs.map((p) => pairLoss(type, p, params));
          expect(Object.keys(got).sort()).toEqual(Object.keys(pick).sort());
          for (const [name, f] of Object.entries(pick) as [BatchMetricName, typeof pick.loss][]) {
            // sft's logged loss is TRL's token-weighted cross-entropy over the batch, not a mean of per-pair
            // losses (math.batchLoss.test.ts checks it).
            if (type === 'sft' && name === 'loss') continue;
            const values = results.map((r, i) => f(r, pairs[i]));
            const mean = values.reduce((a, b) => a + b, 0) / values.length;
            const scale = values.reduce((a, b) => a + Math.abs(b), 0) / values.length;
            expect(isClose(got[name], mean, 0, 1e-12 * scale), `${name}: ${got[name]} vs ${mean}`).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('ktoReferencePoint', () => {
  it('is max(0, mean(policy − ref)): ≥ 0, and the mean when that is positive', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ policy: logProbArb(-100, 0), ref: logProbArb(-100, 0) }), {
          minLength: 1,
          maxLength: 30,
        }),
        (mismatched) => {
          const z0 = ktoReferencePoint(mismatched);
          const diffs = mismatched.map((m) => m.policy - m.ref);
          const mean = diffs.reduce((a, b) => a + b, 0) / diffs.length;
          expect(z0).toBeGreaterThanOrEqual(0);
          if (mean > 0) expect(isClose(z0, mean, 1e-12, 1e-13)).toBe(true);
          else expect(z0).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('gives 0 for an empty list (no estimate)', () => {
    expect(ktoReferencePoint([])).toBe(0);
  });
});
