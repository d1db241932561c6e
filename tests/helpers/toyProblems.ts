// Small builders for toy-policy tests.
import type { ToyProblem, ToyTrainConfig } from '../../src/math/index.ts';

export function identity(K: number): number[][] {
  return Array.from({ length: K }, (_, i) => Array.from({ length: K }, (_, j) => (i === j ? 1 : 0)));
}

/** A tabular policy that starts at the reference. */
export function tabular(
  refLogits: number[],
  rest: Omit<ToyProblem, 'policy' | 'refLogits'> = {},
): ToyProblem {
  return {
    policy: { baseLogits: refLogits.slice(), features: identity(refLogits.length) },
    refLogits,
    ...rest,
  };
}

export function config(
  loss: ToyTrainConfig['loss'],
  optimizer: ToyTrainConfig['optimizer'] = 'sgd',
  learningRate = 0.1,
  steps = 100,
): ToyTrainConfig {
  return { loss, optimizer, learningRate, steps };
}
