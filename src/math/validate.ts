// Input checks shared by the API. Every failure is a RangeError whose message starts with the field name,
// so the app can show it and tests can assert on it.

export function fail(field: string, why: string, value: unknown): never {
  throw new RangeError(`${field} ${why} (got ${String(value)})`);
}

export function checkLogProb(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(field, 'must be a finite number', value);
  if (value > 0) fail(field, 'is a log-probability and must be ≤ 0', value);
  return value;
}

export function checkPositive(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    fail(field, 'must be a finite number > 0', value);
  return value;
}

export function checkNonNegative(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    fail(field, 'must be a finite number ≥ 0', value);
  return value;
}

export function checkFinite(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(field, 'must be a finite number', value);
  return value;
}

export function checkLength(field: string, value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    fail(field, 'must be a whole number of tokens ≥ 1', value);
  return value;
}

/** ε in [lo, 0.5) or (lo, 0.5) depending on `openBelow`. */
export function checkSmoothing(value: unknown, openBelow: boolean): number {
  const v = value as number;
  if (typeof value !== 'number' || !Number.isFinite(v) || v >= 0.5 || v < 0 || (openBelow && v === 0))
    fail('labelSmoothing', openBelow ? 'must be in (0, 0.5)' : 'must be in [0, 0.5)', value);
  return v;
}

export function checkProbability(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1)
    fail(field, 'must be a probability in [0, 1]', value);
  return value;
}

export function checkIndex(field: string, value: unknown, size: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= size)
    fail(field, `must be an index in 0…${size - 1}`, value);
  return value;
}
