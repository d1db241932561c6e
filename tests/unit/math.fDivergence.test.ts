// TRL's f-divergences in pairLoss (and the sft pair loss): properties, finite differences, extremes and
// invalid input. The reference values are in math.fDivergence.vectors.test.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ALPHA_EXPONENT_CLAMP,
  F_DIVERGENCES,
  LOSS_INFO,
  PAIR_LOSS_TYPES,
  fScore,
  pairLoss,
  pairLossCurve,
  type FDivergence,
  type PairInput,
  type PairLossParams,
  type PairLossType,
  type Score,
} from '../../src/math/index.ts';
import { isClose, logProbArb, pairFromRatios, paramsArb } from '../helpers/mathCases.ts';

const RUNS = 100;
const SCORED = PAIR_LOSS_TYPES.filter((t) => LOSS_INFO[t].divergence === 'scores');

function scoreOf(div: FDivergence, alpha: number, rho: number): Score {
  const out: Score = { s: 0, ds: 0 };
  fScore(div, alpha, rho, out);
  return out;
}

const moderatePair: fc.Arbitrary<Required<PairInput>> = fc.record({
  policyChosen: logProbArb(-12, -1e-3),
  policyRejected: logProbArb(-12, -1e-3),
  refChosen: logProbArb(-12, -1e-3),
  refRejected: logProbArb(-12, -1e-3),
  chosenLength: fc.integer({ min: 1, max: 20 }),
  rejectedLength: fc.integer({ min: 1, max: 20 }),
});

/** α away from TRL's reverse_kl fallback, both signs of α − 1. */
const alphaArb = fc.oneof(
  fc.double({ min: -2, max: 0.95, noNaN: true }),
  fc.double({ min: 1.05, max: 3, noNaN: true }),
);

function withDivergence(params: PairLossParams, div: FDivergence, alpha: number): PairLossParams {
  return { ...params, fDivergence: div, fAlphaDivergenceCoef: alpha };
}

describe('the rows say how each loss uses the divergence (as TRL _compute_loss does)', () => {
  it('apo_zero and sft ignore it, apo_down uses it in its second term, the rest replace ρ by the score', () => {
    const uses = Object.fromEntries(PAIR_LOSS_TYPES.map((t) => [t, LOSS_INFO[t].divergence]));
    expect(uses.apo_zero).toBe('ignored');
    expect(uses.sft).toBe('ignored');
    expect(uses.apo_down).toBe('secondTerm');
    expect(SCORED).toHaveLength(PAIR_LOSS_TYPES.length - 3);
  });
});

describe('reverse_kl is the loss of before, bit for bit', () => {
  it.each(PAIR_LOSS_TYPES)('%s', (type) => {
    fc.assert(
      fc.property(moderatePair, paramsArb(type, { beta: { min: 1e-3, max: 1e3 } }), (input, params) => {
        const plain = pairLoss(type, input, params);
        expect(pairLoss(type, input, { ...params, fDivergence: 'reverse_kl' })).toEqual(plain);
        // TRL falls back to reverse_kl for |α − 1| < 1e-6.
        for (const alpha of [1, 1 + 9e-7, 1 - 9e-7])
          expect(pairLoss(type, input, withDivergence(params, 'alpha_divergence', alpha))).toEqual(plain);
      }),
      { numRuns: 30 },
    );
  });
});

describe('scores replace log-ratios: a scored loss equals the plain loss of a pair whose log-ratios are the scores', () => {
  // Every score of js, forward_kl and α < 1 is ≤ 0, so such a pair exists.
  const negativeScoreDivs: [FDivergence, fc.Arbitrary<number>][] = [
    ['js_divergence', fc.constant(0.5)],
    ['forward_kl', fc.constant(0.5)],
    ['alpha_divergence', fc.double({ min: -2, max: 0.95, noNaN: true })],
  ];
  it.each(SCORED)('%s', (type) => {
    for (const [div, alphas] of negativeScoreDivs) {
      fc.assert(
        fc.property(
          moderatePair,
          paramsArb(type, { beta: { min: 0.01, max: 5 } }),
          alphas,
          (input, params, alpha) => {
            const rw = input.policyChosen - input.refChosen;
            const rl = input.policyRejected - input.refRejected;
            const sw = scoreOf(div, alpha, rw);
            const sl = scoreOf(div, alpha, rl);
            const got = pairLoss(type, input, withDivergence(params, div, alpha));
            const plain = pairLoss(
              type,
              pairFromRatios(sw.s, sl.s, input.chosenLength, input.rejectedLength),
              params,
            );
            const tol = 1e-9 * (1 + Math.abs(sw.s) + Math.abs(sl.s));
            expect(isClose(got.loss, plain.loss, 1e-9, tol), `${div} loss`).toBe(true);
            expect(isClose(got.dPolicyChosen, plain.dPolicyChosen * sw.ds, 1e-9, tol), `${div} dw`).toBe(
              true,
            );
            expect(isClose(got.dPolicyRejected, plain.dPolicyRejected * sl.ds, 1e-9, tol), `${div} dl`).toBe(
              true,
            );
            // Rewards stay β·ρ, as TRL logs them.
            expect(got.rewardChosen).toBe(params.beta * rw);
            expect(got.rewardRejected).toBe(params.beta * rl);
          },
        ),
        { numRuns: 40 },
      );
    }
  });

  it('apo_down: σ(β·ρw) + 1 − σ(β·(sw − sl)); apo_zero and sft: unchanged', () => {
    fc.assert(
      fc.property(
        moderatePair,
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.constantFrom(...F_DIVERGENCES),
        alphaArb,
        (input, beta, div, alpha) => {
          const params = { beta, fDivergence: div, fAlphaDivergenceCoef: alpha };
          const rw = input.policyChosen - input.refChosen;
          const rl = input.policyRejected - input.refRejected;
          const d = scoreOf(div, alpha, rw).s - scoreOf(div, alpha, rl).s;
          const sig = (x: number) => 1 / (1 + Math.exp(-x));
          const want = sig(beta * rw) + 1 - sig(beta * d);
          expect(isClose(pairLoss('apo_down', input, params).loss, want, 1e-12, 1e-12)).toBe(true);
          for (const t of ['apo_zero', 'sft'] as const)
            expect(pairLoss(t, input, params)).toEqual(pairLoss(t, input, { beta }));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('the scores', () => {
  it('are increasing in ρ (so the DPO-family gradients keep their signs)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...F_DIVERGENCES), alphaArb, logProbArb(-300, 300), (div, alpha, rho) => {
        const s = scoreOf(div, alpha, rho);
        expect(s.ds).toBeGreaterThanOrEqual(0);
        const more = scoreOf(div, alpha, rho + 1e-3 * (1 + Math.abs(rho)));
        expect(more.s).toBeGreaterThanOrEqual(s.s);
      }),
      { numRuns: RUNS },
    );
  });

  it('alpha: constant past the clamp (α−1)ρ = 80, with slope 0 there, e^((α−1)ρ) below it', () => {
    for (const alpha of [0.5, -1, 3]) {
      const edge = ALPHA_EXPONENT_CLAMP / (alpha - 1);
      const past = scoreOf('alpha_divergence', alpha, edge * 1.01);
      const further = scoreOf('alpha_divergence', alpha, edge * 2);
      expect(past.ds).toBe(0);
      expect(past.s).toBe(further.s);
      expect(past.s).toBe(Math.exp(80) * (1 / (alpha - 1)));
      const below = scoreOf('alpha_divergence', alpha, edge * 0.99);
      expect(below.ds).toBeCloseTo(Math.exp(80 * 0.99), -20);
      expect(below.ds).toBeGreaterThan(0);
    }
  });

  it('forward_kl −e^(−ρ), js log σ(ρ)', () => {
    expect(scoreOf('forward_kl', 0.5, -2).s).toBe(-Math.exp(2));
    expect(scoreOf('js_divergence', 0.5, 0).s).toBeCloseTo(-Math.LN2, 15);
    expect(scoreOf('js_divergence', 0.5, 0).ds).toBe(0.5);
  });

  it('past the clamp, pairLoss has no gradient through that log-ratio', () => {
    // α = 0.5: (α − 1)·ρ > 80 for ρ < −160.
    const input = { policyChosen: -200, refChosen: 0, policyRejected: -3, refRejected: -1 };
    for (const type of SCORED) {
      const r = pairLoss(type, input, { beta: 0.1, fDivergence: 'alpha_divergence' });
      expect(r.dPolicyChosen, type).toBe(0);
    }
  });
});

/** Central differences (Richardson) in float64 of pairLoss with respect to one policy log-prob. */
function fd(
  type: PairLossType,
  input: Required<PairInput>,
  params: PairLossParams,
  field: 'policyChosen' | 'policyRejected',
): number {
  const x = input[field];
  const f = (v: number) => pairLoss(type, { ...input, [field]: v }, params).loss;
  const central = (h: number) => (f(x + h) - f(x - h)) / (x + h - (x - h));
  const h = 1e-5 * Math.max(1, Math.abs(x));
  return (4 * central(h / 2) - central(h)) / 3;
}

describe('gradients match central finite differences, every loss × every divergence', () => {
  const pairs: fc.Arbitrary<Required<PairInput>> = fc.record({
    policyChosen: logProbArb(-6, -0.05),
    policyRejected: logProbArb(-6, -0.05),
    refChosen: logProbArb(-6, -0.05),
    refRejected: logProbArb(-6, -0.05),
    chosenLength: fc.integer({ min: 1, max: 10 }),
    rejectedLength: fc.integer({ min: 1, max: 10 }),
  });
  it.each(PAIR_LOSS_TYPES)('%s', (type) => {
    fc.assert(
      fc.property(
        pairs,
        paramsArb(type, { beta: { min: 0.05, max: 2 }, smoothingMax: 0.45, exoMin: 1e-3 }),
        fc.constantFrom(...F_DIVERGENCES),
        alphaArb,
        (input, base, div, alpha) => {
          const params = withDivergence(base, div, alpha);
          const r = pairLoss(type, input, params);
          if (type === 'hinge') {
            const rw = input.policyChosen - input.refChosen;
            const rl = input.policyRejected - input.refRejected;
            const d = scoreOf(div, alpha, rw).s - scoreOf(div, alpha, rl).s;
            fc.pre(Math.abs(1 - base.beta * d) > 1e-2);
          }
          for (const [field, got] of [
            ['policyChosen', r.dPolicyChosen],
            ['policyRejected', r.dPolicyRejected],
          ] as const) {
            const want = fd(type, input, params, field);
            expect(
              // The differences' rounding grows with the loss itself (sppo and ipo square large scores).
              Math.abs(got - want) <= 1e-5 * (1 + Math.abs(got)) + 1e-9 * Math.abs(r.loss),
              `${type} ${div} α=${alpha} ${field}: analytic ${got} vs fd ${want}`,
            ).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('extreme input never gives NaN', () => {
  const extremePair: fc.Arbitrary<Required<PairInput>> = fc.record({
    policyChosen: fc.oneof(logProbArb(-1e5, 0), fc.constantFrom(-1e5, -800, -709, -1e-12, 0)),
    policyRejected: fc.oneof(logProbArb(-1e5, 0), fc.constantFrom(-1e5, -800, -709, -1e-12, 0)),
    refChosen: fc.oneof(logProbArb(-1e5, 0), fc.constantFrom(-1e5, 0)),
    refRejected: fc.oneof(logProbArb(-1e5, 0), fc.constantFrom(-1e5, 0)),
    chosenLength: fc.integer({ min: 1, max: 10000 }),
    rejectedLength: fc.integer({ min: 1, max: 10000 }),
  });
  it.each(PAIR_LOSS_TYPES)('%s', (type) => {
    fc.assert(
      fc.property(
        extremePair,
        paramsArb(type, { beta: { min: 1e-3, max: 1e3 } }),
        fc.constantFrom(...F_DIVERGENCES),
        fc.oneof(alphaArb, fc.constantFrom(1 + 2e-6, 1 - 2e-6, 1e6, -1e6)),
        (input, base, div, alpha) => {
          const r = pairLoss(type, input, withDivergence(base, div, alpha));
          for (const [k, v] of Object.entries(r)) expect(Number.isNaN(v), `${k} = ${v}`).toBe(false);
          // Only forward_kl's e^(−ρ) can leave float64 (ρ < −709.78): everything else stays finite.
          if (div !== 'forward_kl')
            for (const [k, v] of Object.entries(r)) expect(Number.isFinite(v), `${k} = ${v}`).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('forward_kl with ρw = ρl = −800: the scores overflow, their difference does not (loss ln 2), the gradient is ±∞', () => {
    const input = { policyChosen: -800, refChosen: 0, policyRejected: -800, refRejected: 0 };
    const r = pairLoss('sigmoid', input, { beta: 0.1, fDivergence: 'forward_kl' });
    expect(r.loss).toBeCloseTo(Math.LN2, 15);
    expect(r.dPolicyChosen).toBe(-Infinity);
    expect(r.dPolicyRejected).toBe(Infinity);
    // Both scores past float64 (e^710 overflows), their difference e^710·(e^0.5 − 1) ≈ 1.45e308 not: the
    // loss β·Δ is finite and exact, computed in log space.
    const steep = pairLoss(
      'sigmoid',
      { policyChosen: -710.5, refChosen: 0, policyRejected: -710, refRejected: 0 },
      { beta: 1e-3, fDivergence: 'forward_kl' },
    );
    const want = 1e-3 * Math.exp(710 + Math.log(Math.expm1(0.5)));
    expect(isClose(steep.loss, want, 1e-12)).toBe(true);
    // Its gradient −β·σ(−z)·e^(−ρ), σ(−z) = 1 here: e^(−ρ) overflows, the product does not.
    expect(isClose(steep.dPolicyChosen, -Math.exp(710.5 + Math.log(1e-3)), 1e-12)).toBe(true);
    expect(isClose(steep.dPolicyRejected, Math.exp(710 + Math.log(1e-3)), 1e-12)).toBe(true);
    // The other way round the loss has saturated at 0 and so has its slope (e^−1.45e305).
    const flat = pairLoss(
      'sigmoid',
      { policyChosen: -710, refChosen: 0, policyRejected: -710.5, refRejected: 0 },
      { beta: 1e-3, fDivergence: 'forward_kl' },
    );
    expect(flat.loss).toBe(0);
    expect(flat.dPolicyChosen).toBe(0);
    expect(flat.dPolicyRejected).toBe(0);
  });

  it('forward_kl margins past float64 saturate (0 or a huge finite loss), without NaN, for every margin loss', () => {
    for (const type of SCORED) {
      for (const [pc, pr] of [
        [-900, -1],
        [-1, -900],
        [-900, -901],
      ]) {
        const r = pairLoss(
          type,
          { policyChosen: pc, refChosen: 0, policyRejected: pr, refRejected: 0, chosenLength: 3 },
          { beta: 1e3, fDivergence: 'forward_kl', labelSmoothing: type === 'exo_pair' ? 0.1 : 0 },
        );
        for (const [k, v] of Object.entries(r))
          expect(Number.isNaN(v), `${type} ${pc} ${pr} ${k}`).toBe(false);
      }
    }
  });
});

describe('invalid divergence settings', () => {
  const input = { policyChosen: -1, policyRejected: -2, refChosen: -1, refRejected: -1 };
  it('an unknown divergence names fDivergence; a non-finite α names fAlphaDivergenceCoef', () => {
    for (const type of PAIR_LOSS_TYPES) {
      expect(() => pairLoss(type, input, { beta: 1, fDivergence: 'kl' as FDivergence })).toThrow(
        /^fDivergence/,
      );
      for (const bad of [Number.NaN, Infinity, -Infinity, '0.5' as unknown as number])
        expect(() =>
          pairLoss(type, input, { beta: 1, fDivergence: 'alpha_divergence', fAlphaDivergenceCoef: bad }),
        ).toThrow(RangeError);
      expect(() => pairLoss(type, input, { beta: 1, fAlphaDivergenceCoef: Number.NaN })).toThrow(
        /^fAlphaDivergenceCoef/,
      );
    }
  });
  it('TRL enforces no range on α: any finite value works', () => {
    for (const alpha of [-1e6, -1, 0, 0.999, 1.001, 2, 1e6])
      expect(
        Number.isFinite(
          pairLoss('sigmoid', input, {
            beta: 1,
            fDivergence: 'alpha_divergence',
            fAlphaDivergenceCoef: alpha,
          }).loss,
        ),
      ).toBe(true);
  });
});

describe('sft: −policyChosen / chosenLength', () => {
  it('ignores the reference and y_l; rewards stay β·ρ', () => {
    fc.assert(
      fc.property(moderatePair, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (input, beta) => {
        const r = pairLoss('sft', input, { beta });
        expect(isClose(r.loss, -input.policyChosen / input.chosenLength, 1e-15)).toBe(true);
        expect(isClose(r.dPolicyChosen, -1 / input.chosenLength, 1e-15)).toBe(true);
        expect(r.dPolicyRejected).toBe(0);
        expect(r.rewardChosen).toBe(beta * (input.policyChosen - input.refChosen));
        expect(r.rewardRejected).toBe(beta * (input.policyRejected - input.refRejected));
        const other = pairLoss('sft', { ...input, refChosen: -50, policyRejected: -0.5 }, { beta });
        expect(other.loss).toBe(r.loss);
      }),
      { numRuns: RUNS },
    );
  });

  it('its curve along the margin axis is −log π(y_w)/Lw on the curve’s pairs', () => {
    const center = { policyChosen: -5, refChosen: -7, policyRejected: -4, refRejected: -3, chosenLength: 4 };
    const grid = Float64Array.from([-6, -2, 0, 2, 5, 9]);
    const curve = pairLossCurve('sft', { beta: 1 }, grid, center);
    // h0 = 2 − (−1) = 3. The one-sided path: below h0 ρw = 2 + (h − 3) (y_w loses), above it ρw stays 2 (y_l
    // loses); log π(y_w) = ρw − 7, never above 0.
    grid.forEach((h, i) => {
      expect(curve.loss[i]).toBeCloseTo(-(2 + Math.min(h - 3, 0) - 7) / 4, 12);
      expect(curve.dChosen[i]).toBe(-0.25);
      expect(curve.dRejected[i]).toBe(0);
    });
  });

  it('has no finite optimum margin (none is listed)', () => {
    expect(LOSS_INFO.sft.optimum).toBeNull();
    expect(LOSS_INFO.sft.trl.lossType).toBe('sft');
  });
});
