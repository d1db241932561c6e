// Reads the reference vectors from ../shared/vectors at run time (never copied into the repo) and applies
// the tolerance rule of CONVENTIONS.md §8.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { expect } from 'vitest';

export interface Tolerance {
  rel: number;
  abs: number;
}

export interface VectorFile<C> {
  about: string;
  defaultTolerance: Tolerance;
  cases: (C & { tolerance?: Tolerance })[];
}

export const VECTORS_DIR = fileURLToPath(new URL('../../../shared/vectors/', import.meta.url));

export function loadVectors<C>(name: string): VectorFile<C> {
  return JSON.parse(readFileSync(join(VECTORS_DIR, name), 'utf8')) as VectorFile<C>;
}

export function expectClose(got: number, expected: number, tol: Tolerance, label: string): void {
  const ok = Number.isFinite(got) && Math.abs(got - expected) <= tol.rel * Math.abs(expected) + tol.abs;
  expect(ok, `${label}: got ${got}, expected ${expected} (rel ${tol.rel}, abs ${tol.abs})`).toBe(true);
}
