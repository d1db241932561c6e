// batchLoss: TRL's Σ wᵢ·mean over the batch, with aot / aot_unpaired (sorted across the batch) and sft
// (token-weighted). Properties, finite differences, ties, extremes, invalid input. Reference values are in
// math.fDivergence.vectors.test.ts (batch_loss.json).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  F_DIVERGENCES,
  PAIR_LOSS_TYPES,
  batchLoss,
  batchMetrics,
  pairLoss,
  type BatchLossTerm,
  type BatchLossType,
  type PairInput,
  type PairLossParams,
} from '../../src/math/index.ts';
import { isClose, logProbArb } from '../helpers/mathCases.ts';

const RUNS = 100;
const BATCH_TYPES: BatchLossType[] = [...PAIR_LOSS_TYPES, 'aot', 'aot_unpaired'];

const pairArb = (min = -20): fc.Arbitrary<Required<PairInput>> =>
  fc.record({
    policyChosen: logProbArb(min, -1e-3),
    policyRejected: logProbArb(min, -1e-3),
    refChosen: logProbArb(min, -1e-3),
    refRejected: logProbArb(min, -1e-3),
    chosenLength: fc.integer({ min: 1, max: 30 }),
    rejectedLength: fc.integer({ min: 1, max: 30 }),
  });
const batchArb = (min = -20) => fc.array(pairArb(min), { minLength: 1, maxLength: 7 });

/** Settings every batch type accepts (ε > 0 for exo_pair, < 0.5 for the rest). */
const paramsArb: fc.Arbitrary<PairLossParams> = fc.record({
  beta: fc.double({ min: 0.01, max: 3, noNaN: true }),
  labelSmoothing: fc.double({ min: 1e-3, max: 0.45, noNaN: true }),
  fDivergence: fc.constantFrom(...F_DIVERGENCES),
  fAlphaDivergenceCoef: fc.constantFrom(0.5, -0.5, 1.5, 2),
  ipoNormalization: fc.constantFrom<'token' | 'sum'>('token', 'sum'),
  discopopTau: fc.constantFrom(0.05, 0.5),
});

const close = (a: number, b: number) => isClose(a, b, 1e-9, 1e-12);

describe('batchLoss', () => {
  it('a pair loss over a batch is the mean of pairLoss, its gradient each pair’s over n', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAIR_LOSS_TYPES), batchArb(), paramsArb, (type, pairs, params) => {
        const got = batchLoss([{ type }], pairs, params);
        const each = pairs.map((p) => pairLoss(type, p, params));
        const n = pairs.length;
        if (type !== 'sft') expect(close(got.loss, each.reduce((s, r) => s + r.loss, 0) / n)).toBe(true);
        if (n === 1) expect(close(got.loss, each[0].loss), 'a batch of one is pairLoss').toBe(true);
        // sft is token-weighted over the batch (its own test below), not a mean of per-pair losses.
        if (type !== 'sft')
          each.forEach((r, i) => {
            expect(close(got.dPolicyChosen[i], r.dPolicyChosen / n), `${type} dw[${i}]`).toBe(true);
            expect(close(got.dPolicyRejected[i], r.dPolicyRejected / n), `${type} dl[${i}]`).toBe(true);
          });
      }),
      { numRuns: RUNS },
    );
  });

  it('sft is token-weighted over the batch: −Σ policyChosen / Σ chosenLength', () => {
    fc.assert(
      fc.property(batchArb(), (pairs) => {
        const got = batchLoss([{ type: 'sft' }], pairs, { beta: 0.1 });
        const tokens = pairs.reduce((s, p) => s + p.chosenLength, 0);
        const logp = pairs.reduce((s, p) => s + p.policyChosen, 0);
        expect(close(got.loss, -logp / tokens)).toBe(true);
        for (let i = 0; i < pairs.length; i++) {
          expect(close(got.dPolicyChosen[i], -1 / tokens)).toBe(true);
          expect(got.dPolicyRejected[i]).toBe(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is linear in the weights, and a weight-0 term adds nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BATCH_TYPES),
        fc.constantFrom(...BATCH_TYPES),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        batchArb(),
        paramsArb,
        (t1, t2, w1, w2, pairs, params) => {
          const a = batchLoss([{ type: t1 }], pairs, params);
          const b = batchLoss([{ type: t2 }], pairs, params);
          const both = batchLoss(
            [
              { type: t1, weight: w1 },
              { type: t2, weight: w2 },
            ],
            pairs,
            params,
          );
          const tol = (x: number, y: number) => 1e-9 * (1 + Math.abs(w1 * x) + Math.abs(w2 * y));
          expect(Math.abs(both.loss - (w1 * a.loss + w2 * b.loss)) <= tol(a.loss, b.loss)).toBe(true);
          pairs.forEach((_, i) => {
            const wantW = w1 * a.dPolicyChosen[i] + w2 * b.dPolicyChosen[i];
            const wantL = w1 * a.dPolicyRejected[i] + w2 * b.dPolicyRejected[i];
            expect(
              Math.abs(both.dPolicyChosen[i] - wantW) <= tol(a.dPolicyChosen[i], b.dPolicyChosen[i]),
            ).toBe(true);
            expect(
              Math.abs(both.dPolicyRejected[i] - wantL) <= tol(a.dPolicyRejected[i], b.dPolicyRejected[i]),
            ).toBe(true);
          });
          expect(batchLoss([{ type: t1 }, { type: t2, weight: 0 }], pairs, params)).toEqual(a);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('aot is sigmoid (cdpo with ε) on the pairs made of the j-th smallest policy and reference differences', () => {
    fc.assert(
      fc.property(batchArb(), paramsArb, (pairs, params) => {
        const byPolicy = [...pairs].sort(
          (a, b) => a.policyChosen - a.policyRejected - (b.policyChosen - b.policyRejected),
        );
        const byRef = [...pairs].sort((a, b) => a.refChosen - a.refRejected - (b.refChosen - b.refRejected));
        const sortedPairs = byPolicy.map((p, j) => ({
          policyChosen: p.policyChosen,
          policyRejected: p.policyRejected,
          refChosen: byRef[j].refChosen,
          refRejected: byRef[j].refRejected,
        }));
        // aot reads the raw log-probs, so the comparison pairs are scored with plain log-ratios.
        const plain = { ...params, fDivergence: 'reverse_kl' as const };
        const want = sortedPairs.reduce((s, p) => s + pairLoss('cdpo', p, plain).loss, 0) / pairs.length;
        const got = batchLoss([{ type: 'aot' }], pairs, params).loss;
        expect(isClose(got, want, 1e-9, 1e-9)).toBe(true);
        // With ε = 0 it is sigmoid (DPO) on those pairs.
        const unsmoothed = { ...plain, labelSmoothing: 0 };
        const sig =
          sortedPairs.reduce((s, p) => s + pairLoss('sigmoid', p, unsmoothed).loss, 0) / pairs.length;
        expect(isClose(batchLoss([{ type: 'aot' }], pairs, unsmoothed).loss, sig, 1e-9, 1e-9)).toBe(true);
        expect(batchLoss([{ type: 'aot' }], pairs, plain).loss).toBe(got);
      }),
      { numRuns: RUNS },
    );
  });

  it('aot_unpaired is cdpo on the j-th smallest chosen and rejected log-ratios', () => {
    fc.assert(
      fc.property(batchArb(), paramsArb, (pairs, params) => {
        const rw = pairs.map((p) => p.policyChosen - p.refChosen).sort((a, b) => a - b);
        const rl = pairs.map((p) => p.policyRejected - p.refRejected).sort((a, b) => a - b);
        const sp = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
        const e = params.labelSmoothing ?? 0;
        const want =
          rw.reduce((s, w, j) => {
            const z = params.beta * (w - rl[j]);
            return s + (1 - e) * sp(-z) + e * sp(z);
          }, 0) / pairs.length;
        const got = batchLoss([{ type: 'aot_unpaired' }], pairs, params).loss;
        expect(isClose(got, want, 1e-9, 1e-12)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('permuting the batch permutes the gradients and keeps the loss (aot included)', () => {
    fc.assert(
      fc.property(
        fc.subarray(BATCH_TYPES, { minLength: 1 }),
        batchArb(),
        paramsArb,
        fc.nat(),
        (types, pairs, params, seed) => {
          const order = pairs.map((_, i) => i);
          for (let i = order.length - 1; i > 0; i--) {
            const j = (seed + i * 7919) % (i + 1);
            [order[i], order[j]] = [order[j], order[i]];
          }
          const terms: BatchLossTerm[] = types.map((type) => ({ type }));
          const a = batchLoss(terms, pairs, params);
          const b = batchLoss(
            terms,
            order.map((i) => pairs[i]),
            params,
          );
          expect(isClose(b.loss, a.loss, 1e-9, 1e-12)).toBe(true);
          order.forEach((i, k) => {
            expect(isClose(b.dPolicyChosen[k], a.dPolicyChosen[i], 1e-9, 1e-12)).toBe(true);
            expect(isClose(b.dPolicyRejected[k], a.dPolicyRejected[i], 1e-9, 1e-12)).toBe(true);
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('ties keep batch order: the first of two equal entries takes the lower sorted slot', () => {
    // Equal policy differences (−1 − (−2) = 1) for pairs 0 and 1, reference differences 3 and −3.
    const pairs = [
      { policyChosen: -1, policyRejected: -2, refChosen: -1, refRejected: -4 },
      { policyChosen: -1, policyRejected: -2, refChosen: -4, refRejected: -1 },
    ];
    const params = { beta: 1 };
    const r = batchLoss([{ type: 'aot' }], pairs, params);
    // Slot 0: δ = 1 − (−3) = 4 → pair 0; slot 1: δ = 1 − 3 = −2 → pair 1.
    const slope = (d: number) => -1 / (1 + Math.exp(d)) / 2;
    expect(r.dPolicyChosen[0]).toBeCloseTo(slope(4), 15);
    expect(r.dPolicyChosen[1]).toBeCloseTo(slope(-2), 15);
    expect(r.dPolicyRejected[0]).toBeCloseTo(-slope(4), 15);
    // The loss is the same whichever way the tie goes.
    const swapped = batchLoss([{ type: 'aot' }], [pairs[1], pairs[0]], params);
    expect(swapped.loss).toBeCloseTo(r.loss, 15);
    expect(swapped.dPolicyChosen[0]).toBeCloseTo(slope(4), 15);
  });

  it('gradients match central finite differences (every term, random weights)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            type: fc.constantFrom(...BATCH_TYPES),
            weight: fc.double({ min: -2, max: 2, noNaN: true }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        batchArb(-6),
        paramsArb,
        fc.nat(),
        (terms, pairs, params, pick) => {
          const i = pick % pairs.length;
          fc.pre(!terms.some((t) => t.type === 'hinge'));
          // aot sorts the log-ratios across the batch: where two tie, a nudge re-orders them and the loss has
          // a kink there (no derivative to compare with). Ties are what shrinking finds, so rule them out.
          if (terms.some((t) => t.type === 'aot' || t.type === 'aot_unpaired')) {
            const apart = (xs: number[]) =>
              xs.every((x, a) => xs.every((y, b) => a === b || Math.abs(x - y) > 1e-3));
            fc.pre(apart(pairs.map((p) => p.policyChosen - p.refChosen)));
            fc.pre(apart(pairs.map((p) => p.policyRejected - p.refRejected)));
            fc.pre(
              apart(pairs.map((p) => p.policyChosen - p.refChosen - (p.policyRejected - p.refRejected))),
            );
          }
          const r = batchLoss(terms, pairs, params);
          for (const field of ['policyChosen', 'policyRejected'] as const) {
            const x = pairs[i][field];
            const f = (v: number) =>
              batchLoss(
                terms,
                pairs.map((p, k) => (k === i ? { ...p, [field]: v } : p)),
                params,
              ).loss;
            // Small enough not to cross a sort boundary of the aot terms (distinct doubles almost surely).
            const h = 1e-6 * Math.max(1, Math.abs(x));
            const fdv = (f(x + h) - f(x - h)) / (2 * h);
            const got = field === 'policyChosen' ? r.dPolicyChosen[i] : r.dPolicyRejected[i];
            expect(
              Math.abs(got - fdv) <= 1e-5 * (1 + Math.abs(got)) + 1e-9 * Math.abs(r.loss),
              `${JSON.stringify(terms)} ${field}[${i}]: ${got} vs ${fdv}`,
            ).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never gives NaN on extreme input', () => {
    fc.assert(
      fc.property(
        fc.subarray(BATCH_TYPES, { minLength: 1 }),
        fc.array(
          fc.record({
            policyChosen: fc.oneof(logProbArb(-1e5, 0), fc.constant(-1e5)),
            policyRejected: fc.oneof(logProbArb(-1e5, 0), fc.constant(0)),
            refChosen: logProbArb(-1e5, 0),
            refRejected: logProbArb(-1e5, 0),
            chosenLength: fc.integer({ min: 1, max: 1e4 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.constantFrom(...F_DIVERGENCES),
        (types, pairs, beta, div) => {
          const r = batchLoss(
            types.map((type) => ({ type, weight: 0.5 })),
            pairs,
            { beta, fDivergence: div, labelSmoothing: 0.1 },
          );
          expect(Number.isNaN(r.loss)).toBe(false);
          for (const g of [...r.dPolicyChosen, ...r.dPolicyRejected]) expect(Number.isNaN(g)).toBe(false);
          if (div !== 'forward_kl') {
            expect(Number.isFinite(r.loss)).toBe(true);
            for (const g of [...r.dPolicyChosen, ...r.dPolicyRejected]) expect(Number.isFinite(g)).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('throws a RangeError naming the field on invalid input', () => {
    const pairs = [{ policyChosen: -1, policyRejected: -2, refChosen: -1, refRejected: -1 }];
    const params = { beta: 0.1 };
    expect(() => batchLoss([], pairs, params)).toThrow(/^terms/);
    expect(() => batchLoss([{ type: 'sigmoid' }], [], params)).toThrow(/^pairs/);
    expect(() => batchLoss([{ type: 'kto' as BatchLossType }], pairs, params)).toThrow(/^type/);
    expect(() => batchLoss([{ type: 'bogus' as BatchLossType }], pairs, params)).toThrow(/^type/);
    for (const weight of [Number.NaN, Infinity, -Infinity])
      expect(() => batchLoss([{ type: 'sigmoid', weight }], pairs, params)).toThrow(/^weight/);
    expect(() => batchLoss([{ type: 'aot' }], pairs, { beta: 0.1, labelSmoothing: 0.5 })).toThrow(
      /^labelSmoothing/,
    );
    expect(() => batchLoss([{ type: 'sigmoid' }], [{ ...pairs[0], policyChosen: 1 }], params)).toThrow(
      /^policyChosen/,
    );
    expect(() => batchLoss([{ type: 'sigmoid', weight: 0 }], pairs, { beta: 0 })).toThrow(/^beta/);
    expect(() => batchLoss([{ type: 'sigmoid' }], pairs, { beta: 1, fDivergence: 'x' as never })).toThrow(
      /^fDivergence/,
    );
  });
});

describe('batchMetrics with the new knobs', () => {
  it('logs the scored loss, rewards from β·ρ whatever the divergence, and sft’s token-weighted loss', () => {
    fc.assert(
      fc.property(batchArb(), paramsArb, fc.constantFrom(...PAIR_LOSS_TYPES), (pairs, params, type) => {
        const m = batchMetrics(type, pairs, params);
        const plain = batchMetrics(type, pairs, { ...params, fDivergence: 'reverse_kl' });
        expect(m['rewards/chosen']).toBe(plain['rewards/chosen']);
        expect(m['rewards/rejected']).toBe(plain['rewards/rejected']);
        expect(m['rewards/accuracies']).toBe(plain['rewards/accuracies']);
        expect(close(m.loss, batchLoss([{ type }], pairs, params).loss)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
