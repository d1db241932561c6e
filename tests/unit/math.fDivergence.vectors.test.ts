// The issue-12 reference vectors (scripts/vectors/f_divergence_batch.py, mpmath at 60 digits, read from
// tests/vectors, where the script writes them): pairLoss under every f-divergence and the sft loss, and batchLoss.
import { describe, expect, it } from 'vitest';
import { batchLoss, pairLoss, type BatchLossTerm } from '../../src/math/index.ts';
import { expectClose, loadVectors, type PairCase } from '../helpers/vectors.ts';
import type { PairInput, PairLossParams } from '../../src/math/index.ts';

interface BatchLossCase {
  lossType: string;
  terms: BatchLossTerm[];
  pairs: PairInput[];
  params: PairLossParams;
  expected: { loss: number; dPolicyChosen: number[]; dPolicyRejected: number[] };
}

describe('f_divergence.json', () => {
  const file = loadVectors<PairCase>('f_divergence.json');
  it('covers every pair loss under every divergence', () => {
    const seen = new Set(file.cases.map((c) => `${c.lossType}/${c.params.fDivergence ?? 'reverse_kl'}`));
    expect(seen.size).toBe(14 * 4);
  });
  it.each(file.cases.map((c, i) => [i, c.lossType, c.params.fDivergence, c] as const))(
    'case %i (%s, %s)',
    (i, _type, _div, c) => {
      const got = pairLoss(c.lossType, c.input, c.params) as unknown as Record<string, number>;
      const tol = c.tolerance ?? file.defaultTolerance;
      for (const [key, want] of Object.entries(c.expected)) expectClose(got[key], want, tol, `#${i} ${key}`);
    },
  );
});

describe('batch_loss.json', () => {
  const file = loadVectors<BatchLossCase>('batch_loss.json');
  it.each(file.cases.map((c, i) => [i, c.lossType, c.params.fDivergence, c] as const))(
    'case %i (%s, %s)',
    (i, _type, _div, c) => {
      const got = batchLoss(c.terms, c.pairs, c.params);
      const tol = c.tolerance ?? file.defaultTolerance;
      expectClose(got.loss, c.expected.loss, tol, `#${i} loss`);
      expect(got.dPolicyChosen).toHaveLength(c.pairs.length);
      expect(got.dPolicyRejected).toHaveLength(c.pairs.length);
      c.expected.dPolicyChosen.forEach((want, j) =>
        expectClose(got.dPolicyChosen[j], want, tol, `#${i} dPolicyChosen[${j}]`),
      );
      c.expected.dPolicyRejected.forEach((want, j) =>
        expectClose(got.dPolicyRejected[j], want, tol, `#${i} dPolicyRejected[${j}]`),
      );
    },
  );
});
