// Properties of single steps and whole runs over random problems.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PAIR_LOSS_TYPES,
  trainToyPolicy,
  type ToyProblem,
  type ToyTrainConfig,
} from '../../src/math/index.ts';
import { identity } from '../helpers/toyProblems.ts';

const logit = fc.double({ min: -2, max: 2, noNaN: true });

/** A random tabular problem with one pair (w ≠ l) among K responses. */
const tabularPair = fc.integer({ min: 2, max: 6 }).chain((K) =>
  fc.record({
    base: fc.array(logit, { minLength: K, maxLength: K }),
    ref: fc.array(logit, { minLength: K, maxLength: K }),
    w: fc.integer({ min: 0, max: K - 1 }),
    shift: fc.integer({ min: 1, max: K - 1 }),
    beta: fc.double({ min: 0.05, max: 2, noNaN: true }),
    lr: fc.double({ min: 0.01, max: 1, noNaN: true }),
    optimizer: fc.constantFrom<'sgd' | 'adam'>('sgd', 'adam'),
  }),
);

describe('one DPO step in a tabular policy never lowers π(y_w)', () => {
  it('p = 1, any start', () => {
    fc.assert(
      fc.property(tabularPair, ({ base, ref, w, shift, beta, lr, optimizer }) => {
        const K = base.length;
        const l = (w + shift) % K;
        const run = trainToyPolicy(
          {
            policy: { baseLogits: base, features: identity(K) },
            refLogits: ref,
            pairs: [{ chosen: w, rejected: l, p: 1 }],
          },
          { loss: { type: 'sigmoid', beta }, optimizer, learningRate: lr, steps: 1 },
        );
        // Strictly: the step raises logit w and lowers logit l by the same amount, both of which raise π(w).
        expect(run.probs[1][w]).toBeGreaterThan(run.probs[0][w]);
        expect(run.probs[1][l]).toBeLessThan(run.probs[0][l]);
      }),
      { numRuns: 300 },
    );
  });

  it('policy at the reference, any p > ½', () => {
    fc.assert(
      fc.property(tabularPair, fc.double({ min: 0.51, max: 1, noNaN: true }), (c, p) => {
        const K = c.base.length;
        const l = (c.w + c.shift) % K;
        const run = trainToyPolicy(
          {
            policy: { baseLogits: c.ref, features: identity(K) },
            refLogits: c.ref,
            pairs: [{ chosen: c.w, rejected: l, p }],
          },
          { loss: { type: 'sigmoid', beta: c.beta }, optimizer: c.optimizer, learningRate: c.lr, steps: 1 },
        );
        expect(run.probs[1][c.w]).toBeGreaterThan(run.probs[0][c.w]);
      }),
      { numRuns: 200 },
    );
  });

  it('but it can with shared features (the likelihood-displacement scenario, first step)', () => {
    const problem: ToyProblem = {
      policy: {
        baseLogits: [1, 1, 0.3, -0.3],
        features: [
          [1, 0.3],
          [1.1, 0.2],
          [0.2, 1],
          [-0.3, 0.5],
        ],
      },
      refLogits: [1, 1, 0.3, -0.3],
      pairs: [{ chosen: 0, rejected: 1, p: 1 }],
    };
    const run = trainToyPolicy(problem, {
      loss: { type: 'sigmoid', beta: 1 },
      optimizer: 'sgd',
      learningRate: 0.1,
      steps: 1,
    });
    expect(run.probs[1][0]).toBeLessThan(run.probs[0][0]);
    expect(run.margins[1][0]).toBeGreaterThan(run.margins[0][0]);
  });
});

describe('every run stays a probability distribution with finite numbers', () => {
  const types = [...PAIR_LOSS_TYPES, 'kto' as const];
  it('random shared-feature problems, every loss, both optimisers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(logit, { minLength: 2, maxLength: 2 }), { minLength: 4, maxLength: 4 }),
        fc.array(logit, { minLength: 4, maxLength: 4 }),
        fc.constantFrom(...types),
        fc.constantFrom<'sgd' | 'adam'>('sgd', 'adam'),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (features, ref, type, optimizer, beta, p) => {
          const config: ToyTrainConfig = {
            loss: { type, beta, labelSmoothing: 0.1 },
            optimizer,
            learningRate: 0.05,
            steps: 20,
          };
          const run = trainToyPolicy(
            {
              policy: { baseLogits: ref, features },
              refLogits: ref,
              lengths: [1, 2, 3, 4],
              pairs: [
                { chosen: 0, rejected: 1, p },
                { chosen: 2, rejected: 3, p: 1 },
              ],
              unpaired: [
                { response: 0, desirable: true },
                { response: 3, desirable: false },
              ],
            },
            config,
          );
          for (let t = 0; t <= 20; t++) {
            const sum = run.probs[t].reduce((a, b) => a + b, 0);
            expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
            expect(Number.isFinite(run.loss[t])).toBe(true);
            run.probs[t].forEach((x) => expect(x >= 0 && x <= 1).toBe(true));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
