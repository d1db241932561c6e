import { describe, expect, it } from 'vitest';
import {
  batchMetrics,
  ktoLoss,
  ktoReferencePoint,
  pairLoss,
  type KtoInput,
  type KtoLossType,
  type KtoParams,
  type PairInput,
  type PairLossParams,
  type PairLossType,
} from '../../src/math/index.ts';
import { expectClose, loadVectors } from '../helpers/vectors.ts';

interface PairCase {
  lossType: PairLossType;
  input: PairInput;
  params: PairLossParams;
  expected: Record<string, number>;
}
interface KtoCase {
  lossType: KtoLossType;
  input: KtoInput;
  params: KtoParams;
  expected: Record<string, number>;
}
interface RefPointCase {
  mismatched: { policy: number; ref: number }[];
  expected: number;
}
interface BatchCase {
  lossType: PairLossType;
  pairs: PairInput[];
  params: PairLossParams;
  expected: Record<string, number>;
}

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

describe('pair_losses.json', () => {
  const file = loadVectors<PairCase>('pair_losses.json');
  it.each(file.cases.map((c, i) => [i, c.lossType, c] as const))('case %i (%s)', (i, _type, c) => {
    checkAll(
      pairLoss(c.lossType, c.input, c.params),
      c.expected,
      c.tolerance ?? file.defaultTolerance,
      `#${i}`,
    );
  });
});

describe('kto_losses.json', () => {
  const file = loadVectors<KtoCase>('kto_losses.json');
  it.each(file.cases.map((c, i) => [i, c.lossType, c] as const))('case %i (%s)', (i, _type, c) => {
    checkAll(
      ktoLoss(c.lossType, c.input, c.params),
      c.expected,
      c.tolerance ?? file.defaultTolerance,
      `#${i}`,
    );
  });
});

describe('kto_reference_point.json', () => {
  const file = loadVectors<RefPointCase>('kto_reference_point.json');
  it.each(file.cases.map((c, i) => [i, c] as const))('case %i', (i, c) => {
    expectClose(ktoReferencePoint(c.mismatched), c.expected, file.defaultTolerance, `#${i}`);
  });
});

describe('batch_metrics.json', () => {
  const file = loadVectors<BatchCase>('batch_metrics.json');
  it.each(file.cases.map((c, i) => [i, c.lossType, c] as const))('case %i (%s)', (i, _type, c) => {
    checkAll(
      batchMetrics(c.lossType, c.pairs, c.params),
      c.expected,
      c.tolerance ?? file.defaultTolerance,
      `#${i}`,
    );
  });
});
