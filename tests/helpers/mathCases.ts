// Shared inputs and arbitraries for the property tests of the math core.
import fc from 'fast-check';
import type { PairInput, PairLossParams, PairLossType } from '../../src/math/index.ts';

/**
 * A pair whose log-ratios are exactly ρw and ρl: the log-prob that is not 0 carries the ratio, so
 * policy − ref reproduces ρ without rounding, and every log-prob stays ≤ 0.
 */
export function pairFromRatios(
  rw: number,
  rl: number,
  chosenLength = 1,
  rejectedLength = 1,
): Required<PairInput> {
  return {
    policyChosen: rw <= 0 ? rw : 0,
    refChosen: rw <= 0 ? 0 : -rw,
    policyRejected: rl <= 0 ? rl : 0,
    refRejected: rl <= 0 ? 0 : -rl,
    chosenLength,
    rejectedLength,
  };
}

/** Losses whose value depends on h = ρw − ρl alone, whatever the lengths. */
export const MARGIN_ONLY_LOSSES: readonly PairLossType[] = [
  'sigmoid',
  'cdpo',
  'robust',
  'hinge',
  'exo_pair',
  'discopop',
];

/** Losses whose margin is the per-token h̄ = ρw/Lw − ρl/Ll rather than h. */
export function usesTokenMargin(type: PairLossType, params: PairLossParams): boolean {
  return type === 'sigmoid_norm' || (type === 'ipo' && (params.ipoNormalization ?? 'token') === 'token');
}

export const DISCOPOP_TAUS = [0.01, 0.05, 0.2, 0.5, 1] as const;

export interface ParamRanges {
  beta: { min: number; max: number };
  /** ε range for cdpo and robust ([min, 0.5)). */
  smoothingMin?: number;
  /** Largest ε; 0.5 itself is always excluded. */
  smoothingMax?: number;
  /** Smallest ε for exo_pair (always > 0). */
  exoMin?: number;
}

/** Parameters valid for `type`: β, ε in the loss's own range, both IPO normalisations, a few τ. */
export function paramsArb(type: PairLossType, ranges: ParamRanges): fc.Arbitrary<PairLossParams> {
  const beta = fc.double({ ...ranges.beta, noNaN: true });
  const smoothMax = ranges.smoothingMax ?? 0.5;
  const excl = smoothMax === 0.5;
  switch (type) {
    case 'cdpo':
    case 'robust':
      return fc.record({
        beta,
        labelSmoothing: fc.double({
          min: ranges.smoothingMin ?? 0,
          max: smoothMax,
          maxExcluded: excl,
          noNaN: true,
        }),
      });
    case 'exo_pair':
      return fc.record({
        beta,
        labelSmoothing: fc.double({
          min: ranges.exoMin ?? Number.MIN_VALUE,
          max: smoothMax,
          maxExcluded: excl,
          noNaN: true,
        }),
      });
    case 'ipo':
      return fc.record({ beta, ipoNormalization: fc.constantFrom<'token' | 'sum'>('token', 'sum') });
    case 'discopop':
      return fc.record({ beta, discopopTau: fc.constantFrom(...DISCOPOP_TAUS) });
    default:
      return fc.record({ beta });
  }
}

export function logProbArb(min: number, max: number): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true });
}

/** Runs per property of the math core's property tests. */
export const RUNS = 300;
export const betaArb = fc.double({ min: 0.01, max: 5, noNaN: true });
export const lengthArb = fc.integer({ min: 1, max: 50 });

/** A valid pair: every log-prob in [minLogProb, 0], both lengths from `lengths`. */
export function pairInputArb(
  minLogProb: number,
  lengths: fc.Arbitrary<number> = lengthArb,
): fc.Arbitrary<Required<PairInput>> {
  return fc.record({
    policyChosen: logProbArb(minLogProb, 0),
    policyRejected: logProbArb(minLogProb, 0),
    refChosen: logProbArb(minLogProb, 0),
    refRejected: logProbArb(minLogProb, 0),
    chosenLength: lengths,
    rejectedLength: lengths,
  });
}

/** |got − want| ≤ rel·|want| + abs, and got finite. */
export function isClose(got: number, want: number, rel: number, abs = 0): boolean {
  return Number.isFinite(got) && Math.abs(got - want) <= rel * Math.abs(want) + abs;
}
