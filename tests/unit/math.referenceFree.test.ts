// referenceFreeLoss (CONVENTIONS.md §7b): TRL's CPOTrainer(loss_type='simpo') and ORPOTrainer. Checked three
// ways: high-precision reference vectors (tests/vectors/reference_free.json, made by
// scripts/vectors/reference_free.py), properties, and gradients against central finite differences; plus
// extreme and invalid input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_CPO_ALPHA,
  DEFAULT_SIMPO_GAMMA,
  REFERENCE_FREE_LOSS_TYPES,
  logSigmoid,
  pairLoss,
  referenceFreeLoss,
  type ReferenceFreeInput,
  type ReferenceFreeLossType,
  type ReferenceFreeParams,
  type ReferenceFreeResult,
} from '../../src/math/index.ts';
import { expectClose, loadVectors } from '../helpers/vectors.ts';
import { RUNS, isClose, lengthArb, logProbArb } from '../helpers/mathCases.ts';
import { centralDifference } from '../helpers/finiteDifference.ts';

interface ReferenceFreeCase {
  lossType: ReferenceFreeLossType;
  input: ReferenceFreeInput;
  params: ReferenceFreeParams;
  expected: Record<string, number>;
}

const RESULT_KEYS = ['loss', 'dPolicyChosen', 'dPolicyRejected', 'rewardChosen', 'rewardRejected'] as const;

describe('reference_free.json (80-digit mpmath re-implementation of TRL)', () => {
  const file = loadVectors<ReferenceFreeCase>('reference_free.json');

  it('covers both trainers, every SimPO knob, prompt tokens and extremes', () => {
    const types = new Set(file.cases.map((c) => c.lossType));
    expect([...types].sort()).toEqual([...REFERENCE_FREE_LOSS_TYPES].sort());
    const simpo = file.cases.filter((c) => c.lossType === 'simpo').map((c) => c.params);
    expect(simpo.some((p) => p.simpoGamma === 0)).toBe(true);
    expect(simpo.some((p) => (p.labelSmoothing ?? 0) > 0)).toBe(true);
    expect(simpo.some((p) => p.cpoAlpha === 0)).toBe(true);
    const orpo = file.cases.filter((c) => c.lossType === 'orpo');
    expect(orpo.some((c) => (c.input.promptLength ?? 0) > 0)).toBe(true);
    expect(file.cases.some((c) => c.input.policyChosen <= -1e5)).toBe(true);
    expect(orpo.some((c) => c.input.policyChosen === 0)).toBe(true);
  });

  it.each(file.cases.map((c, i) => [i, c.lossType, c] as const))('case %i (%s)', (i, _type, c) => {
    const got = referenceFreeLoss(c.lossType, c.input, c.params);
    const tol = c.tolerance ?? file.defaultTolerance;
    for (const key of RESULT_KEYS) {
      expect(c.expected, `#${i} lacks ${key}`).toHaveProperty([key]);
      expectClose(got[key], c.expected[key], tol, `#${i} ${key}`);
    }
  });
});

const betaArb = fc.double({ min: 0.01, max: 5, noNaN: true });
/** A pair; max < 0 keeps both per-token means below 0, away from ORPO's infinite edges (tested apart). */
const inputArb = (min: number, max = 0): fc.Arbitrary<ReferenceFreeInput> =>
  fc.record({
    policyChosen: logProbArb(min, max),
    policyRejected: logProbArb(min, max),
    chosenLength: lengthArb,
    rejectedLength: lengthArb,
  });
const promptArb = fc.record({
  policyPrompt: logProbArb(-200, 0),
  promptLength: fc.integer({ min: 1, max: 40 }),
});
const simpoParamsArb: fc.Arbitrary<ReferenceFreeParams> = fc.record({
  beta: betaArb,
  simpoGamma: fc.double({ min: -2, max: 3, noNaN: true }),
  cpoAlpha: fc.double({ min: 0, max: 3, noNaN: true }),
  labelSmoothing: fc.double({ min: 0, max: 0.5, maxExcluded: true, noNaN: true }),
});

/**
 * The loss falls as policyChosen rises (lo → hi) and rises with policyRejected, up to rounding: two log-probs a
 * few ulps apart (−300 and −300 + 3e-13, divided by a length) may land on losses one ulp the wrong way round.
 */
function expectMonotone(at: (over: Partial<ReferenceFreeInput>) => number, lo: number, hi: number): void {
  const ulps = (v: number) => (Number.isFinite(v) ? 4 * Number.EPSILON * Math.abs(v) : 0);
  const chosenLo = at({ policyChosen: lo });
  const rejectedLo = at({ policyRejected: lo });
  expect(at({ policyChosen: hi })).toBeLessThanOrEqual(chosenLo + ulps(chosenLo));
  expect(at({ policyRejected: hi })).toBeGreaterThanOrEqual(rejectedLo - ulps(rejectedLo));
}

describe('SimPO (CPOTrainer, loss_type="simpo")', () => {
  it('with γ = 0 and cpo_alpha = 0 is −log σ(β(a − b)) on per-token means: sigmoid_norm with no reference', () => {
    fc.assert(
      fc.property(inputArb(-300), betaArb, (input, beta) => {
        const r = referenceFreeLoss('simpo', input, { beta, simpoGamma: 0, cpoAlpha: 0 });
        const a = input.policyChosen / input.chosenLength;
        const b = input.policyRejected / input.rejectedLength;
        expect(isClose(r.loss, -logSigmoid(beta * (a - b)), 1e-12, 1e-300)).toBe(true);
        const dpo = pairLoss('sigmoid_norm', { ...input, refChosen: 0, refRejected: 0 }, { beta });
        expect(isClose(r.loss, dpo.loss, 1e-12, 1e-300)).toBe(true);
        expect(isClose(r.dPolicyChosen, dpo.dPolicyChosen, 1e-12, 1e-300)).toBe(true);
        expect(isClose(r.dPolicyRejected, dpo.dPolicyRejected, 1e-12, 1e-300)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('uses TRL defaults γ = 0.5, cpo_alpha = 1, ε = 0', () => {
    expect(DEFAULT_SIMPO_GAMMA).toBe(0.5);
    expect(DEFAULT_CPO_ALPHA).toBe(1);
    fc.assert(
      fc.property(inputArb(-300), betaArb, (input, beta) => {
        const implicit = referenceFreeLoss('simpo', input, { beta });
        const explicit = referenceFreeLoss('simpo', input, {
          beta,
          simpoGamma: 0.5,
          cpoAlpha: 1,
          labelSmoothing: 0,
        });
        expect(implicit).toEqual(explicit);
      }),
      { numRuns: RUNS },
    );
  });

  it('adds cpo_alpha × the NLL of the chosen completion tokens (−policyChosen/chosenLength), nothing else', () => {
    fc.assert(
      fc.property(inputArb(-300), simpoParamsArb, (input, params) => {
        const a = input.policyChosen / input.chosenLength;
        const c = params.cpoAlpha ?? 1;
        const without = referenceFreeLoss('simpo', input, { ...params, cpoAlpha: 0 });
        const withNll = referenceFreeLoss('simpo', input, params);
        expect(isClose(withNll.loss, without.loss - c * a, 1e-12, 1e-12 * (1 + without.loss))).toBe(true);
        expect(
          isClose(withNll.dPolicyChosen, without.dPolicyChosen - c / input.chosenLength, 1e-12, 1e-15),
        ).toBe(true);
        expect(withNll.dPolicyRejected).toBe(without.dPolicyRejected);
      }),
      { numRuns: RUNS },
    );
  });

  it('is affine in ε (label smoothing mixes the two directions)', () => {
    fc.assert(
      fc.property(inputArb(-100), simpoParamsArb, (input, params) => {
        const at = (eps: number) =>
          referenceFreeLoss('simpo', input, { ...params, labelSmoothing: eps }).loss;
        const eps = params.labelSmoothing ?? 0;
        const l0 = at(0);
        const l4 = at(0.4);
        const want = l0 + (eps / 0.4) * (l4 - l0);
        expect(isClose(at(eps), want, 1e-9, 1e-9 * (1 + Math.abs(l0) + Math.abs(l4)))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('swapping chosen and rejected (γ = 0, cpo_alpha = 0, ε = 0) changes the loss by exactly β(a − b)', () => {
    fc.assert(
      fc.property(inputArb(-100), betaArb, (input, beta) => {
        const params = { beta, simpoGamma: 0, cpoAlpha: 0 };
        const swapped = {
          policyChosen: input.policyRejected,
          policyRejected: input.policyChosen,
          chosenLength: input.rejectedLength,
          rejectedLength: input.chosenLength,
        };
        const a = input.policyChosen / input.chosenLength;
        const b = input.policyRejected / input.rejectedLength;
        const diff =
          referenceFreeLoss('simpo', swapped, params).loss - referenceFreeLoss('simpo', input, params).loss;
        expect(isClose(diff, beta * (a - b), 1e-9, 1e-9 * (1 + Math.abs(beta * (a - b))))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('γ shifts the margin: γ = β·c equals the loss at a − c with γ = 0', () => {
    fc.assert(
      fc.property(inputArb(-100), betaArb, fc.double({ min: 0, max: 2, noNaN: true }), (input, beta, c) => {
        const shifted = referenceFreeLoss('simpo', input, { beta, simpoGamma: beta * c, cpoAlpha: 0 });
        const a = input.policyChosen / input.chosenLength;
        const b = input.policyRejected / input.rejectedLength;
        const want = -logSigmoid(beta * (a - b - c));
        expect(isClose(shifted.loss, want, 1e-9, 1e-12)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('ignores the prompt fields (CPO masks prompt tokens with −100)', () => {
    fc.assert(
      fc.property(inputArb(-300), promptArb, simpoParamsArb, (input, prompt, params) => {
        expect(referenceFreeLoss('simpo', { ...input, ...prompt }, params)).toEqual(
          referenceFreeLoss('simpo', input, params),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('falls as the chosen log-prob rises and rises with the rejected one (ε = 0)', () => {
    fc.assert(
      fc.property(
        inputArb(-300),
        logProbArb(-300, 0),
        logProbArb(-300, 0),
        simpoParamsArb,
        (input, x, y, params) => {
          const p = { ...params, labelSmoothing: 0 };
          const [lo, hi] = x < y ? [x, y] : [y, x];
          const at = (over: Partial<ReferenceFreeInput>) =>
            referenceFreeLoss('simpo', { ...input, ...over }, p).loss;
          expectMonotone(at, lo, hi);
          const r = referenceFreeLoss('simpo', input, p);
          expect(r.dPolicyChosen).toBeLessThanOrEqual(0);
          expect(r.dPolicyRejected).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('ORPO (ORPOTrainer)', () => {
  const orpoParamsArb = fc.record({ beta: betaArb });

  it('its NLL covers prompt and chosen tokens: −(policyPrompt + policyChosen)/(promptLength + chosenLength)', () => {
    fc.assert(
      fc.property(inputArb(-300, -1e-6), promptArb, orpoParamsArb, (input, prompt, params) => {
        const bare = referenceFreeLoss('orpo', input, params);
        const withPrompt = referenceFreeLoss('orpo', { ...input, ...prompt }, params);
        const nllBare = -input.policyChosen / input.chosenLength;
        const nll = -(prompt.policyPrompt + input.policyChosen) / (prompt.promptLength + input.chosenLength);
        // The odds-ratio term does not see the prompt.
        expect(
          isClose(withPrompt.loss - nll, bare.loss - nllBare, 1e-9, 1e-9 * (1 + Math.abs(bare.loss))),
        ).toBe(true);
        const dNll = 1 / input.chosenLength - 1 / (prompt.promptLength + input.chosenLength);
        expect(isClose(withPrompt.dPolicyChosen, bare.dPolicyChosen + dNll, 1e-9, 1e-12)).toBe(true);
        expect(withPrompt.dPolicyRejected).toBe(bare.dPolicyRejected);
        expect(withPrompt.rewardChosen).toBe(bare.rewardChosen);
      }),
      { numRuns: RUNS },
    );
  });

  it('equal per-token means have log-odds 0: loss = NLL + λ·ln 2, also at both means exactly 0', () => {
    fc.assert(
      fc.property(
        logProbArb(-100, 0),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        orpoParamsArb,
        (mean, nw, nl, params) => {
          // Lengths that are multiples keep both means exactly equal in float64.
          const input = {
            policyChosen: mean * nw,
            policyRejected: mean * nl,
            chosenLength: nw,
            rejectedLength: nl,
          };
          fc.pre(input.policyChosen / nw === input.policyRejected / nl);
          const r = referenceFreeLoss('orpo', input, params);
          const want = -input.policyChosen / nw + params.beta * Math.LN2;
          expect(isClose(r.loss, want, 1e-12, 1e-15)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
    const zero = referenceFreeLoss(
      'orpo',
      { policyChosen: 0, policyRejected: 0, chosenLength: 1, rejectedLength: 1 },
      { beta: 0.1 },
    );
    expect(zero.loss).toBeCloseTo(0.1 * Math.LN2, 15);
  });

  it('is linear in λ: loss = NLL − λ·log σ(log_odds)', () => {
    fc.assert(
      fc.property(inputArb(-300, -1e-6), betaArb, betaArb, (input, b1, b2) => {
        const nll = -input.policyChosen / input.chosenLength;
        const r1 = referenceFreeLoss('orpo', input, { beta: b1 });
        const r2 = referenceFreeLoss('orpo', input, { beta: b2 });
        const ratio1 = (r1.loss - nll) / b1;
        const ratio2 = (r2.loss - nll) / b2;
        // (loss − NLL)/λ loses ~ulp(NLL)/λ to cancellation.
        const abs = (1e-14 * (1 + Math.abs(nll))) / Math.min(b1, b2);
        expect(isClose(ratio1, ratio2, 1e-9, abs)).toBe(true);
        expect(ratio1).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('log σ(z) − log σ(−z) = z: swapping the two means flips the odds ratio', () => {
    fc.assert(
      fc.property(logProbArb(-30, -1e-3), logProbArb(-30, -1e-3), betaArb, (a, b, beta) => {
        const one = { chosenLength: 1, rejectedLength: 1 };
        const r = referenceFreeLoss('orpo', { policyChosen: a, policyRejected: b, ...one }, { beta });
        const s = referenceFreeLoss('orpo', { policyChosen: b, policyRejected: a, ...one }, { beta });
        const odds = (x: number) => x - Math.log(-Math.expm1(x)); // log(p/(1 − p)), p = e^x
        const z = odds(a) - odds(b);
        const got = (s.loss + b) / beta - (r.loss + a) / beta; // −log σ(−z) + log σ(z)
        expect(isClose(got, z, 1e-9, 1e-9)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('falls as policyChosen rises and rises with policyRejected, the rest fixed', () => {
    fc.assert(
      fc.property(
        inputArb(-300),
        fc.option(promptArb, { nil: undefined }),
        logProbArb(-300, 0),
        logProbArb(-300, 0),
        orpoParamsArb,
        (input, prompt, x, y, params) => {
          const base = { ...input, ...prompt };
          const [lo, hi] = x < y ? [x, y] : [y, x];
          const at = (over: Partial<ReferenceFreeInput>) =>
            referenceFreeLoss('orpo', { ...base, ...over }, params).loss;
          expectMonotone(at, lo, hi);
          const r = referenceFreeLoss('orpo', base, params);
          expect(r.dPolicyChosen).toBeLessThan(0);
          expect(r.dPolicyRejected).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a chosen mean of exactly 0 (every token certain): infinite odds, only the NLL is left, finite gradient', () => {
    const input = { policyChosen: 0, policyRejected: -3, chosenLength: 3, rejectedLength: 2 };
    const r = referenceFreeLoss('orpo', input, { beta: 0.5 });
    expect(r.loss).toBe(0);
    // The one-sided limit as a → 0⁻: ∂loss/∂lw = −1/Lw − λ·e^b/(1 − e^b)/Lw.
    const b = -1.5;
    expect(r.dPolicyChosen).toBeCloseTo(-1 / 3 - (0.5 * Math.exp(b)) / -Math.expm1(b) / 3, 14);
    expect(r.dPolicyRejected).toBe(0);
    // Continuous from below.
    const near = referenceFreeLoss('orpo', { ...input, policyChosen: -1e-12 }, { beta: 0.5 });
    expect(Math.abs(near.loss - r.loss)).toBeLessThan(1e-9);
    expect(Math.abs(near.dPolicyChosen - r.dPolicyChosen)).toBeLessThan(1e-9);
  });

  it('a rejected mean of exactly 0 gives +∞ loss and +∞ ∂/∂policyRejected (the exact values), never NaN', () => {
    const r = referenceFreeLoss(
      'orpo',
      { policyChosen: -2, policyRejected: 0, chosenLength: 1, rejectedLength: 4 },
      { beta: 0.1 },
    );
    expect(r.loss).toBe(Infinity);
    expect(r.dPolicyRejected).toBe(Infinity);
    expect(Number.isFinite(r.dPolicyChosen)).toBe(true);
    expect(r.dPolicyChosen).toBeCloseTo(-1 - 0.1 / -Math.expm1(-2), 14);
  });

  it('both means exactly 0: loss NLL + λ ln 2 (the diagonal value), gradients ∓∞ (they diverge there)', () => {
    const r = referenceFreeLoss(
      'orpo',
      { policyChosen: 0, policyRejected: 0, chosenLength: 2, rejectedLength: 5 },
      { beta: 0.3 },
    );
    expect(r.loss).toBeCloseTo(0.3 * Math.LN2, 15);
    expect(r.dPolicyChosen).toBe(-Infinity);
    expect(r.dPolicyRejected).toBe(Infinity);
  });
});

describe('both trainers', () => {
  it.each(REFERENCE_FREE_LOSS_TYPES)('%s: rewards are β × the per-token means (what TRL logs)', (type) => {
    fc.assert(
      fc.property(inputArb(-1e5), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (input, beta) => {
        const r = referenceFreeLoss(type, input, { beta });
        expect(r.rewardChosen).toBe(beta * (input.policyChosen / input.chosenLength));
        expect(r.rewardRejected).toBe(beta * (input.policyRejected / input.rejectedLength));
      }),
      { numRuns: RUNS },
    );
  });

  it.each(REFERENCE_FREE_LOSS_TYPES)('%s: only the per-token means matter to the preference term', (type) => {
    fc.assert(
      fc.property(inputArb(-100, -1e-6), fc.integer({ min: 2, max: 5 }), betaArb, (input, k, beta) => {
        // Scaling a sum and its length by k keeps the mean; the gradient w.r.t. the sum scales by 1/k.
        const scaled = {
          ...input,
          policyRejected: input.policyRejected * k,
          rejectedLength: input.rejectedLength * k,
        };
        fc.pre(scaled.policyRejected / scaled.rejectedLength === input.policyRejected / input.rejectedLength);
        const r = referenceFreeLoss(type, input, { beta });
        const s = referenceFreeLoss(type, scaled, { beta });
        expect(s.loss).toBe(r.loss);
        expect(isClose(s.dPolicyRejected, r.dPolicyRejected / k, 1e-12, 1e-300)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

/** |fd − analytic| ≤ TOL·(1 + |analytic|). */
const TOL = 1e-5;

function expectGradient(fd: number, analytic: number, label: string): void {
  expect(Number.isFinite(analytic), `${label}: analytic ${analytic}`).toBe(true);
  expect(Math.abs(fd - analytic) <= TOL * (1 + Math.abs(analytic)), `${label}: fd ${fd} vs ${analytic}`).toBe(
    true,
  );
}

function fd(
  type: ReferenceFreeLossType,
  input: ReferenceFreeInput,
  params: ReferenceFreeParams,
  field: 'policyChosen' | 'policyRejected',
): number {
  return centralDifference(
    (x) => referenceFreeLoss(type, { ...input, [field]: x }, params).loss,
    input[field],
  );
}

describe('gradients match central finite differences (float64)', () => {
  // Log-probs ≤ −2e-3 keep x ± δ (δ = 1e-6·max(1, |x|)) inside (−∞, 0).
  const gradInput = fc.tuple(inputArb(-30, -2e-3), fc.option(promptArb, { nil: undefined }));

  it.each<[ReferenceFreeLossType, fc.Arbitrary<ReferenceFreeParams>]>([
    ['simpo', simpoParamsArb],
    ['orpo', fc.record({ beta: betaArb })],
  ])('%s', (type, paramsArb) => {
    fc.assert(
      fc.property(gradInput, paramsArb, ([input, prompt], params) => {
        const full = { ...input, ...prompt };
        const r = referenceFreeLoss(type, full, params);
        expectGradient(fd(type, full, params, 'policyChosen'), r.dPolicyChosen, 'd/dpolicyChosen');
        expectGradient(fd(type, full, params, 'policyRejected'), r.dPolicyRejected, 'd/dpolicyRejected');
      }),
      { numRuns: RUNS },
    );
  });

  it('orpo near a mean of 0, where log(1 − e^a) is stiff', () => {
    for (const [lw, ll] of [
      [-2e-3, -1],
      [-1, -2e-3],
      [-2e-3, -3e-3],
      [-0.69, -0.7],
    ]) {
      const input = { policyChosen: lw, policyRejected: ll, chosenLength: 1, rejectedLength: 1 };
      const r = referenceFreeLoss('orpo', input, { beta: 1 });
      expectGradient(fd('orpo', input, { beta: 1 }, 'policyChosen'), r.dPolicyChosen, `d/dlw at ${lw}`);
      expectGradient(fd('orpo', input, { beta: 1 }, 'policyRejected'), r.dPolicyRejected, `d/dll at ${ll}`);
    }
  });
});

function allFinite(r: ReferenceFreeResult): boolean {
  return RESULT_KEYS.every((k) => Number.isFinite(r[k]));
}

describe('extreme input: log-probs down to −1e5, β from 1e-3 to 1e3', () => {
  const extremeLogProb = fc.oneof(
    logProbArb(-1e5, 0),
    fc.constantFrom(-1e5, -1e-300, -5e-324, -1e-12, -Math.LN2),
  );
  const extremeInput = fc.record({
    policyChosen: extremeLogProb,
    policyRejected: extremeLogProb,
    chosenLength: fc.integer({ min: 1, max: 4096 }),
    rejectedLength: fc.integer({ min: 1, max: 4096 }),
    policyPrompt: logProbArb(-1e5, -1e-3),
    promptLength: fc.integer({ min: 1, max: 4096 }),
  });
  const extremeBeta = fc.oneof(fc.constantFrom(1e-3, 1e3), fc.double({ min: 1e-3, max: 1e3, noNaN: true }));

  it('simpo: every output finite', () => {
    fc.assert(
      fc.property(extremeInput, extremeBeta, simpoParamsArb, (input, beta, params) => {
        const r = referenceFreeLoss('simpo', input, { ...params, beta });
        expect(allFinite(r), JSON.stringify({ input, params, r })).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('orpo: every output finite while both per-token means are below 0 and the gradients representable', () => {
    fc.assert(
      fc.property(extremeInput, extremeBeta, (input, beta) => {
        const r = referenceFreeLoss('orpo', input, { beta });
        for (const k of RESULT_KEYS) expect(Number.isNaN(r[k]), k).toBe(false);
        // ∂/∂ll ≈ λ/(|b|·Ll) near b = 0: past float64 when |b| is subnormal (the exact value overflows).
        const a = input.policyChosen / input.chosenLength;
        const b = input.policyRejected / input.rejectedLength;
        if (Math.min(-a, -b) > 1e-290) expect(allFinite(r), JSON.stringify({ input, beta, r })).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('the corners: β 1e-3 and 1e3 with log-probs −1e5 and 0, never NaN', () => {
    for (const type of REFERENCE_FREE_LOSS_TYPES)
      for (const beta of [1e-3, 1e3])
        for (const lw of [-1e5, 0])
          for (const ll of [-1e5, 0]) {
            const r = referenceFreeLoss(
              type,
              { policyChosen: lw, policyRejected: ll, chosenLength: 1, rejectedLength: 1 },
              { beta },
            );
            for (const k of RESULT_KEYS)
              expect(Number.isNaN(r[k]), `${type} ${beta} ${lw} ${ll} ${k}`).toBe(false);
            // Infinite only where the exact value is: ORPO with a rejected mean of exactly 0.
            if (type === 'simpo' || ll < 0) expect(allFinite(r), `${type} ${beta} ${lw} ${ll}`).toBe(true);
          }
  });
});

describe('invalid input throws a RangeError naming the field', () => {
  const INPUT: ReferenceFreeInput = {
    policyChosen: -5,
    policyRejected: -7,
    chosenLength: 3,
    rejectedLength: 4,
  };

  function expectRangeError(fn: () => unknown, field: string): void {
    let caught: unknown;
    try {
      fn();
    } catch (e) {
      caught = e;
    }
    expect(caught, `expected a RangeError naming ${field}`).toBeInstanceOf(RangeError);
    expect((caught as RangeError).message.startsWith(field), (caught as RangeError).message).toBe(true);
  }

  it.each(REFERENCE_FREE_LOSS_TYPES)('%s: log-probs, lengths, β', (type) => {
    expect(() => referenceFreeLoss(type, INPUT, { beta: 0.1 })).not.toThrow();
    for (const v of [0.1, Number.NaN, Infinity, -Infinity]) {
      expectRangeError(
        () => referenceFreeLoss(type, { ...INPUT, policyChosen: v }, { beta: 0.1 }),
        'policyChosen',
      );
      expectRangeError(
        () => referenceFreeLoss(type, { ...INPUT, policyRejected: v }, { beta: 0.1 }),
        'policyRejected',
      );
    }
    for (const v of [0, -1, 1.5, Number.NaN]) {
      expectRangeError(
        () => referenceFreeLoss(type, { ...INPUT, chosenLength: v }, { beta: 0.1 }),
        'chosenLength',
      );
      expectRangeError(
        () => referenceFreeLoss(type, { ...INPUT, rejectedLength: v }, { beta: 0.1 }),
        'rejectedLength',
      );
    }
    for (const beta of [0, -0.1, Number.NaN, Infinity])
      expectRangeError(() => referenceFreeLoss(type, INPUT, { beta }), 'beta');
  });

  it('an unknown type', () => {
    expectRangeError(() => referenceFreeLoss('cpo' as ReferenceFreeLossType, INPUT, { beta: 0.1 }), 'type');
  });

  it('simpo: ε in [0, 0.5), γ finite, cpo_alpha ≥ 0', () => {
    for (const eps of [0.5, -0.01, 1, Number.NaN])
      expectRangeError(
        () => referenceFreeLoss('simpo', INPUT, { beta: 0.1, labelSmoothing: eps }),
        'labelSmoothing',
      );
    for (const g of [Number.NaN, Infinity])
      expectRangeError(() => referenceFreeLoss('simpo', INPUT, { beta: 0.1, simpoGamma: g }), 'simpoGamma');
    for (const c of [-0.5, Number.NaN, Infinity])
      expectRangeError(() => referenceFreeLoss('simpo', INPUT, { beta: 0.1, cpoAlpha: c }), 'cpoAlpha');
    expect(() =>
      referenceFreeLoss('simpo', INPUT, { beta: 0.1, simpoGamma: -1, labelSmoothing: 0.49 }),
    ).not.toThrow();
  });

  it('orpo: promptLength whole ≥ 0, policyPrompt ≤ 0 and 0 when there are no prompt tokens', () => {
    for (const n of [-1, 1.5, Number.NaN])
      expectRangeError(
        () => referenceFreeLoss('orpo', { ...INPUT, policyPrompt: -1, promptLength: n }, { beta: 0.1 }),
        'promptLength',
      );
    for (const p of [0.5, Number.NaN, -Infinity])
      expectRangeError(
        () => referenceFreeLoss('orpo', { ...INPUT, policyPrompt: p, promptLength: 2 }, { beta: 0.1 }),
        'policyPrompt',
      );
    expectRangeError(
      () => referenceFreeLoss('orpo', { ...INPUT, policyPrompt: -1 }, { beta: 0.1 }),
      'policyPrompt',
    );
    expectRangeError(
      () => referenceFreeLoss('orpo', { ...INPUT, policyPrompt: -1, promptLength: 0 }, { beta: 0.1 }),
      'policyPrompt',
    );
    expect(() =>
      referenceFreeLoss('orpo', { ...INPUT, policyPrompt: 0, promptLength: 0 }, { beta: 0.1 }),
    ).not.toThrow();
    // A prompt whose predicted tokens are all certain.
    expect(() =>
      referenceFreeLoss('orpo', { ...INPUT, policyPrompt: 0, promptLength: 3 }, { beta: 0.1 }),
    ).not.toThrow();
  });

  it('orpo ignores SimPO settings and simpo ignores the prompt fields, as pairLoss ignores settings a loss does not read', () => {
    expect(() =>
      referenceFreeLoss('orpo', INPUT, { beta: 0.1, labelSmoothing: 0.7, cpoAlpha: -1 }),
    ).not.toThrow();
    expect(() =>
      referenceFreeLoss('simpo', { ...INPUT, policyPrompt: -1, promptLength: 0 }, { beta: 0.1 }),
    ).not.toThrow();
  });
});
