// ../shared/vectors/toy_training.json: probs and loss at every step, with the §8 tolerance rule.
import { describe, expect, it } from 'vitest';
import { trainToyPolicy, type ToyProblem, type ToyTrainConfig } from '../../src/math/index.ts';
import { expectClose, loadVectors } from '../helpers/vectors.ts';

interface ToyCase {
  problem: ToyProblem;
  config: ToyTrainConfig;
  expected: { probs: number[][]; loss: number[] };
}

describe('toy_training.json', () => {
  const file = loadVectors<ToyCase>('toy_training.json');

  it('has cases to check', () => {
    expect(file.cases.length).toBeGreaterThan(0);
  });

  it.each(file.cases.map((c, i) => [i, c.config.loss.type, c.config.optimizer, c] as const))(
    'case %i (%s, %s)',
    (i, _type, _optimizer, c) => {
      const tol = c.tolerance ?? file.defaultTolerance;
      const got = trainToyPolicy(c.problem, c.config);
      expect(got.probs).toHaveLength(c.expected.probs.length);
      expect(got.loss).toHaveLength(c.expected.loss.length);
      c.expected.probs.forEach((row, t) => {
        expect(got.probs[t]).toHaveLength(row.length);
        row.forEach((want, k) => expectClose(got.probs[t][k], want, tol, `#${i} probs[${t}][${k}]`));
      });
      c.expected.loss.forEach((want, t) => expectClose(got.loss[t], want, tol, `#${i} loss[${t}]`));
    },
  );
});
