import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildToyProblem,
  rankingPairs,
  sharedFeatures,
  sigmoid,
  toyObjective,
  trainToyPolicy,
  unpairedFromPairs,
} from '../../src/math/index.ts';

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

describe('sharedFeatures', () => {
  it('is tabular-like at similarity 0 and crosses the displacement threshold at ½', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.double({ min: 0, max: 0.99, noNaN: true }), (K, s) => {
        const f = sharedFeatures(K, s);
        expect(f).toHaveLength(K);
        f.forEach((row) => expect(row).toHaveLength(K + 1));
        // y_w's logit moves by ‖f_w‖² − ⟨f_w, f_l⟩ = (1 − s)² − s² = 1 − 2s per unit DPO step.
        expect(dot(f[0], f[0]) - dot(f[0], f[1])).toBeCloseTo(1 - 2 * s, 12);
      }),
    );
  });

  it('one DPO step lowers y_w’s logit above similarity ½ and raises it below', () => {
    for (const [s, sign] of [
      [0.3, 1],
      [0.7, -1],
    ] as const) {
      const problem = buildToyProblem({
        refLogits: [0, 0, 0],
        features: 'shared',
        similarity: s,
        dataset: { kind: 'pair', p: 1 },
      });
      const { gradient } = toyObjective(
        problem,
        { loss: { type: 'sigmoid', beta: 1 }, optimizer: 'sgd', learningRate: 1, steps: 1 },
        [0, 0, 0, 0],
      );
      // Logit change of y_w after θ ← θ − ∇: −⟨f_w, ∇⟩.
      const dLogitW = -dot(problem.policy.features[0], gradient);
      expect(Math.sign(dLogitW)).toBe(sign);
    }
  });
});

describe('buildToyProblem', () => {
  it('a pair dataset gives one pair and TRL’s unpaired conversion', () => {
    const pb = buildToyProblem({
      refLogits: [0, 1, 2],
      features: 'tabular',
      similarity: 0,
      dataset: { kind: 'pair', p: 0.7 },
    });
    expect(pb.pairs).toEqual([{ chosen: 0, rejected: 1, p: 0.7 }]);
    expect(pb.unpaired).toEqual(unpairedFromPairs([{ chosen: 0, rejected: 1, p: 0.7 }]));
    expect(pb.policy.baseLogits).toEqual([0, 1, 2]);
    expect(pb.policy.features).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });

  it('a ranking labels every pair Bradley–Terry style', () => {
    const pairs = rankingPairs([1, 0, -1]);
    expect(pairs).toHaveLength(3);
    expect(pairs[2]).toEqual({ chosen: 1, rejected: 2, p: sigmoid(1) });
  });

  it('a deterministic order labels every pair i ≻ j for i < j with certainty (the IPO paper’s D1 for K = 3)', () => {
    const pb = buildToyProblem({
      refLogits: [0, 0, 0],
      features: 'tabular',
      similarity: 0,
      dataset: { kind: 'order' },
    });
    expect(pb.pairs).toEqual([
      { chosen: 0, rejected: 1, p: 1 },
      { chosen: 0, rejected: 2, p: 1 },
      { chosen: 1, rejected: 2, p: 1 },
    ]);
    expect(pb.unpaired).toEqual(unpairedFromPairs(pb.pairs ?? []));
    expect(
      buildToyProblem({
        refLogits: [0, 0, 0, 0],
        features: 'tabular',
        similarity: 0,
        dataset: { kind: 'order' },
      }).pairs,
    ).toHaveLength(6);
  });

  it('thumbs-down has one undesirable example and no pairs', () => {
    const pb = buildToyProblem({
      refLogits: [0, 0],
      features: 'tabular',
      similarity: 0,
      dataset: { kind: 'thumbs-down' },
    });
    expect(pb.pairs).toEqual([]);
    expect(pb.unpaired).toEqual([{ response: 0, desirable: false }]);
  });

  it('rejects bad specs with a RangeError naming the field', () => {
    expect(() =>
      buildToyProblem({
        refLogits: [0],
        features: 'tabular',
        similarity: 0,
        dataset: { kind: 'thumbs-down' },
      }),
    ).toThrow(/refLogits/);
    expect(() =>
      buildToyProblem({
        refLogits: [0, 0],
        features: 'tabular',
        similarity: 0,
        dataset: { kind: 'pair', p: 2 },
      }),
    ).toThrow(/^p /);
    expect(() =>
      buildToyProblem({
        refLogits: [0, 0],
        features: 'tabular',
        similarity: 0,
        dataset: { kind: 'ranking', rewards: [1] },
      }),
    ).toThrow(/rewards/);
    expect(() =>
      buildToyProblem({
        refLogits: [0, 0],
        features: 'shared',
        similarity: 1,
        dataset: { kind: 'pair', p: 1 },
      }),
    ).toThrow(/similarity/);
  });
});

describe("APO-zero's unpaired form in the toy trainer", () => {
  const problem = buildToyProblem({
    refLogits: [0.2, -0.1, 0.4],
    features: 'shared',
    similarity: 0.6,
    dataset: { kind: 'pair', p: 0.8 },
  });
  const config = {
    loss: { type: 'apo_zero_unpaired' as const, beta: 0.5 },
    optimizer: 'sgd' as const,
    learningRate: 0.5,
    steps: 50,
  };

  it('its gradient agrees with central finite differences', () => {
    const theta = [0.3, -0.2, 0.1, 0.5];
    const { gradient } = toyObjective(problem, config, theta);
    const h = 1e-6;
    theta.forEach((_, j) => {
      const up = theta.slice();
      const down = theta.slice();
      up[j] += h;
      down[j] -= h;
      const fd =
        (toyObjective(problem, config, up).loss - toyObjective(problem, config, down).loss) / (2 * h);
      expect(Math.abs(fd - gradient[j])).toBeLessThan(1e-7 * (1 + Math.abs(fd)));
    });
  });

  it('training lowers its objective and raises the desirable-weighted chosen response', () => {
    const run = trainToyPolicy(problem, config);
    expect(run.loss[50]).toBeLessThan(run.loss[0]);
    expect(run.probs[50][0]).toBeGreaterThan(run.probs[0][0]);
  });
});
