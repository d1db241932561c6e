import { describe, expect, it } from 'vitest';
import { batchMetrics, ktoLoss, ktoReferencePoint, pairLoss } from '../../src/math/index.ts';
import {
  expectClose,
  loadVectors,
  type BatchCase,
  type KtoCase,
  type PairCase,
  type RefPointCase,
} from '../helpers/vectors.ts';

function checkAll(
  got: object,
  expected: Record<string, number>,
  tol: { rel: number; abs: number },
  label: string,
) {
  const values = got as Record<string, number>;
  for (const [key, want] of Object.entries(expected)) {
    expect(values, `${label} lacks ${key}`).toHaveProperty([key]);
    expectClose(values[key], want, tol, `${label} ${key}`);
  }
}

/** The cases of vector file `name`, each checked against what `compute` gives for it. */
function describeLossVectors<C extends { lossType: string; expected: Record<string, number> }>(
  name: string,
  compute: (c: C) => object,
) {
  describe(name, () => {
    const file = loadVectors<C>(name);
    it.each(file.cases.map((c, i) => [i, c.lossType, c] as const))('case %i (%s)', (i, _type, c) => {
      checkAll(compute(c), c.expected, c.tolerance ?? file.defaultTolerance, `#${i}`);
    });
  });
}

describeLossVectors<PairCase>('pair_losses.json', (c) => pairLoss(c.lossType, c.input, c.params));

describeLossVectors<KtoCase>('kto_losses.json', (c) => ktoLoss(c.lossType, c.input, c.params));

describe('kto_reference_point.json', () => {
  const file = loadVectors<RefPointCase>('kto_reference_point.json');
  it.each(file.cases.map((c, i) => [i, c] as const))('case %i', (i, c) => {
    expectClose(ktoReferencePoint(c.mismatched), c.expected, file.defaultTolerance, `#${i}`);
  });
});

describeLossVectors<BatchCase>('batch_metrics.json', (c) => batchMetrics(c.lossType, c.pairs, c.params));
