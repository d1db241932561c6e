// TRL's weighted loss list in the toy (issue 12): loss_type=[type, …extraTerms, "sft"] with
// loss_weights=[mainWeight, …weights, sftWeight] is Σ wᵢ·(term i over the same pairs), held against the math
// API (batchLoss, pairLoss) on one pair, its gradient against central differences, and what TRL rejects.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  batchLoss,
  EXTRA_TERM_TYPES,
  pairLoss,
  toyObjective,
  trainToyPolicy,
  type FDivergence,
  type PairLossType,
  type ToyLossConfig,
  type ToyProblem,
} from '../../src/math/index.ts';
import { ONE_PAIR_THETA, onePairAt, onePairConfig, onePairProblem } from '../helpers/onePair.ts';

const ONE_PAIR = onePairProblem([2, 3, 1]);
const THETA = [...ONE_PAIR_THETA];
const cfg = onePairConfig;

const close = (a: number, b: number, rel = 1e-12) =>
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));

function numericGradient(problem: ToyProblem, loss: ToyLossConfig, theta: number[]): number[] {
  const h = 1e-6;
  return theta.map((_, j) => {
    const up = theta.slice();
    const down = theta.slice();
    up[j] += h;
    down[j] -= h;
    return (
      (toyObjective(problem, cfg(loss), up).loss - toyObjective(problem, cfg(loss), down).loss) / (2 * h)
    );
  });
}

// Settings every listed loss accepts (EXO needs ε > 0; robust ε < 0.5).
const SHARED = { beta: 0.6, labelSmoothing: 0.1, discopopTau: 0.2 };

describe('the toy loss list', () => {
  it('is Σ w·(each term) as batchLoss computes TRL’s list on the pair, with its exact gradient', () => {
    const lists: { type: PairLossType; weight: number }[][] = [
      [{ type: 'bco_pair', weight: 0.2 }],
      [
        { type: 'ipo', weight: 0.5 },
        { type: 'hinge', weight: -0.3 },
      ],
      [
        { type: 'apo_down', weight: 1.5 },
        { type: 'exo_pair', weight: 0.25 },
      ],
    ];
    for (const fDivergence of ['reverse_kl', 'forward_kl', 'js_divergence'] as FDivergence[])
      for (const extraTerms of lists)
        for (const mainWeight of [undefined, 0.8]) {
          const loss: ToyLossConfig = {
            type: 'sigmoid',
            ...SHARED,
            fDivergence,
            extraTerms,
            mainWeight,
            sftWeight: 1,
          };
          const got = toyObjective(ONE_PAIR, cfg(loss), THETA);
          const want = batchLoss(
            [{ type: 'sigmoid', weight: mainWeight ?? 1 }, ...extraTerms, { type: 'sft', weight: 1 }],
            [onePairAt(ONE_PAIR, THETA)],
            loss,
          );
          close(got.loss, want.loss);
          const numeric = numericGradient(ONE_PAIR, loss, THETA);
          got.gradient.forEach((g, j) => expect(Math.abs(g - numeric[j]!)).toBeLessThan(1e-7));
        }
  });

  it('sums each term’s own objective on noisy pairs (both label directions), for any whitelisted term', () => {
    const noisy: ToyProblem = { ...ONE_PAIR, pairs: [{ chosen: 0, rejected: 1, p: 0.7 }] };
    fc.assert(
      fc.property(
        fc.constantFrom(...EXTRA_TERM_TYPES),
        fc.constantFrom(...EXTRA_TERM_TYPES),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (a, b, wa, wb) => {
          const one = (type: PairLossType) => toyObjective(noisy, cfg({ type, ...SHARED }), THETA);
          const got = toyObjective(
            noisy,
            cfg({ type: a, ...SHARED, mainWeight: wa, extraTerms: [{ type: b, weight: wb }] }),
            THETA,
          );
          const [ta, tb] = [one(a), one(b)];
          close(got.loss, wa * ta.loss + wb * tb.loss, 1e-11);
          got.gradient.forEach((g, j) => close(g, wa * ta.gradient[j]! + wb * tb.gradient[j]!, 1e-11));
          // Each term on its own is pairLoss's expected loss over the two label directions.
          const pair = onePairAt(noisy, THETA);
          const flipped = onePairAt(noisy, THETA, true);
          close(ta.loss, 0.7 * pairLoss(a, pair, SHARED).loss + 0.3 * pairLoss(a, flipped, SHARED).loss);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a list of one (no extra terms, main weight 1) is the single loss to the last bit, trained alike', () => {
    for (const type of ['sigmoid', 'ipo', 'apo_zero', 'cdpo'] as const) {
      const single = { type, ...SHARED, labelSmoothing: 0.1 };
      const listed = { ...single, extraTerms: [], mainWeight: 1 };
      expect(toyObjective(ONE_PAIR, cfg(listed), THETA)).toEqual(toyObjective(ONE_PAIR, cfg(single), THETA));
      const run = (loss: ToyLossConfig) =>
        trainToyPolicy(ONE_PAIR, { loss, optimizer: 'adam', learningRate: 0.05, steps: 20 });
      expect(run(listed)).toEqual(run(single));
    }
  });

  it('applies LD-DPO and WPO to every term as TRL does (the extra term alone equals it as the main loss)', () => {
    const knobs = { ...SHARED, ldAlpha: 0.3, wpoWeighting: true, fDivergence: 'js_divergence' as const };
    const alone = toyObjective(ONE_PAIR, cfg({ type: 'bco_pair', ...knobs }), THETA);
    const asExtra = toyObjective(
      ONE_PAIR,
      cfg({ type: 'sigmoid', ...knobs, mainWeight: 0, extraTerms: [{ type: 'bco_pair', weight: 1 }] }),
      THETA,
    );
    close(asExtra.loss, alone.loss);
    asExtra.gradient.forEach((g, j) => close(g, alone.gradient[j]!));
  });

  it('logs TRL’s metrics of the model outputs, the same whatever the list (rewards are β·ρ, not a term’s)', () => {
    const base = { type: 'sigmoid' as const, beta: 0.5 };
    const train = (loss: ToyLossConfig) =>
      trainToyPolicy(ONE_PAIR, { loss, optimizer: 'sgd', learningRate: 0.1, steps: 0 });
    const plain = train(base);
    const listed = train({ ...base, extraTerms: [{ type: 'ipo', weight: 0.4 }] });
    for (const name of ['rewards/chosen', 'rewards/rejected', 'rewards/margins', 'logps/chosen'])
      expect(listed.metrics[name]).toEqual(plain.metrics[name]);
    close(
      listed.loss[0]!,
      toyObjective(ONE_PAIR, cfg({ ...base, extraTerms: [{ type: 'ipo', weight: 0.4 }] }), [0, 0, 0]).loss,
    );
  });

  it('rejects what TRL rejects or the toy cannot mean, naming the field', () => {
    const bad: [ToyLossConfig, RegExp][] = [
      [{ type: 'kto', beta: 1, extraTerms: [{ type: 'sigmoid', weight: 1 }] }, /extraTerms/],
      [{ type: 'simpo', beta: 1, extraTerms: [{ type: 'sigmoid', weight: 1 }] }, /extraTerms/],
      [{ type: 'orpo', beta: 1, mainWeight: 0.5 }, /mainWeight/],
      [
        { type: 'sigmoid', beta: 1, extraTerms: [{ type: 'kto' as PairLossType, weight: 1 }] },
        /extraTerms\[0\]\.type/,
      ],
      [
        { type: 'sigmoid', beta: 1, extraTerms: [{ type: 'aot' as PairLossType, weight: 1 }] },
        /extraTerms\[0\]\.type/,
      ],
      [{ type: 'sigmoid', beta: 1, extraTerms: [{ type: 'sft', weight: 1 }] }, /extraTerms\[0\]\.type/],
      [{ type: 'sigmoid', beta: 1, extraTerms: [{ type: 'cdpo', weight: 1 }] }, /extraTerms\[0\]\.type/],
      [{ type: 'sigmoid', beta: 1, extraTerms: [{ type: 'ipo', weight: NaN }] }, /extraTerms\[0\]\.weight/],
      [{ type: 'sigmoid', beta: 1, extraTerms: 'ipo' as unknown as [] }, /extraTerms/],
      [{ type: 'sigmoid', beta: 1, mainWeight: Infinity }, /mainWeight/],
      // EXO in the list needs ε > 0, as TRL checks for "exo_pair" in loss_type.
      [
        { type: 'sigmoid', beta: 1, labelSmoothing: 0, extraTerms: [{ type: 'exo_pair', weight: 1 }] },
        /labelSmoothing/,
      ],
    ];
    for (const [loss, field] of bad) {
      expect(() => toyObjective(ONE_PAIR, cfg(loss), THETA)).toThrow(RangeError);
      expect(() => toyObjective(ONE_PAIR, cfg(loss), THETA)).toThrow(field);
    }
  });

  it('stays finite at extreme β with a list', () => {
    for (const beta of [1e-3, 1e3]) {
      const got = toyObjective(
        ONE_PAIR,
        cfg({
          type: 'sigmoid',
          beta,
          extraTerms: [
            { type: 'bco_pair', weight: 0.2 },
            { type: 'sppo_hard', weight: 0.1 },
          ],
        }),
        [30, -30, 0],
      );
      expect(Number.isFinite(got.loss)).toBe(true);
      got.gradient.forEach((g) => expect(Number.isFinite(g)).toBe(true));
    }
  });
});
