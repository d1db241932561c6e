// Reads the reference vectors from ../shared/vectors at run time (never copied into the repo), and our own
// from tests/vectors, and applies the tolerance rule of CONVENTIONS.md §8.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { expect } from 'vitest';
import type {
  KtoInput,
  KtoLossType,
  KtoParams,
  PairInput,
  PairLossParams,
  PairLossType,
} from '../../src/math/index.ts';

export interface Tolerance {
  rel: number;
  abs: number;
}

export interface VectorFile<C> {
  about: string;
  defaultTolerance: Tolerance;
  cases: (C & { tolerance?: Tolerance })[];
}

/** A case of pair_losses.json: pairLoss's outputs for one pair. */
export interface PairCase {
  lossType: PairLossType;
  input: PairInput;
  params: PairLossParams;
  expected: Record<string, number>;
}
/** A case of kto_losses.json: ktoLoss's outputs for one example. */
export interface KtoCase {
  lossType: KtoLossType;
  input: KtoInput;
  params: KtoParams;
  expected: Record<string, number>;
}
/** A case of kto_reference_point.json. */
export interface RefPointCase {
  mismatched: { policy: number; ref: number }[];
  expected: number;
}
/** A case of batch_metrics.json: batchMetrics's outputs for a batch of pairs. */
export interface BatchCase {
  lossType: PairLossType;
  pairs: PairInput[];
  params: PairLossParams;
  expected: Record<string, number>;
}

export const VECTORS_DIR = fileURLToPath(new URL('../../../shared/vectors/', import.meta.url));

/** Our own high-precision vectors (scripts/vectors/*.py write them): the TRL knobs that ../shared/vectors
 * does not cover. They live in the repo because ../shared is the project's, read-only and reset per run. */
export const OWN_VECTORS_DIR = fileURLToPath(new URL('../vectors/', import.meta.url));
const OWN_VECTORS = new Set(['f_divergence.json', 'batch_loss.json', 'ld_wpo.json', 'reference_free.json']);

export function loadVectors<C>(name: string): VectorFile<C> {
  const dir = OWN_VECTORS.has(name) ? OWN_VECTORS_DIR : VECTORS_DIR;
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as VectorFile<C>;
}

export function expectClose(got: number, expected: number, tol: Tolerance, label: string): void {
  const ok = Number.isFinite(got) && Math.abs(got - expected) <= tol.rel * Math.abs(expected) + tol.abs;
  expect(ok, `${label}: got ${got}, expected ${expected} (rel ${tol.rel}, abs ${tol.abs})`).toBe(true);
}
