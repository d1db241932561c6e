// Generators of valid app states, every field drawn from its URL_PARAMS range or choices, and a few checks
// that a state is valid. Shared by the tests/unit/state.*.test.ts files.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { AppState } from '../../src/state/appState.ts';
import { LOSS_IDS, type LossId } from '../../src/math/index.ts';
import {
  URL_PARAMS,
  type EnumParam,
  type NumberParam,
  type ProbListParam,
  type RewardListParam,
  type UrlParam,
  type Z0Param,
} from '../../src/state/urlParams.ts';
import { EXO_MIN_SMOOTHING, smoothingFor } from '../../src/state/derive/lossParams.ts';

function only<K extends UrlParam['kind']>(kind: K): Extract<UrlParam, { kind: K }>[] {
  return URL_PARAMS.filter((p): p is Extract<UrlParam, { kind: K }> => p.kind === kind);
}

export const NUMBER_PARAMS: NumberParam[] = only('number');
export const ENUM_PARAMS: EnumParam[] = only('enum');
export const PROB_PARAM: ProbListParam = only('probList')[0];
export const REWARD_PARAM: RewardListParam = only('rewardList')[0];
export const Z0_PARAM: Z0Param = only('z0')[0];

export function paramOf(field: keyof AppState): UrlParam {
  const p = URL_PARAMS.find((q) => q.field === field || (q.kind === 'z0' && field === 'z0'));
  if (!p) throw new Error(`no URL param for ${field}`);
  return p;
}

/** −0 is written as "0"; a canonical state holds +0. */
const noNegZero = (v: number) => (v === 0 ? 0 : v);

export function numberArb(p: { min: number; max: number; integer?: boolean }): fc.Arbitrary<number> {
  return p.integer
    ? fc.integer({ min: p.min, max: p.max })
    : fc.double({ min: p.min, max: p.max, noNaN: true }).map(noNegZero);
}

/** K probabilities, each ≥ the minimum, summing to 1 within rounding. */
export function refProbsArb(k: number): fc.Arbitrary<number[]> {
  const min = PROB_PARAM.min;
  return fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: k, maxLength: k }).map((w) => {
    const sum = w.reduce((a, b) => a + b, 0);
    return w.map((x) => min + (1 - k * min) * (sum > 0 ? x / sum : 1 / k));
  });
}

export function rewardsArb(k: number): fc.Arbitrary<number[]> {
  return fc.array(numberArb(REWARD_PARAM), { minLength: k, maxLength: k });
}

export const lossesArb: fc.Arbitrary<LossId[]> = fc.shuffledSubarray([...LOSS_IDS], { minLength: 1 });

/** An arbitrary valid state: what a link can express, field by field from URL_PARAMS. */
export const stateArb: fc.Arbitrary<AppState> = fc
  .record({
    numbers: fc.record(
      Object.fromEntries(NUMBER_PARAMS.map((p) => [p.field, numberArb(p)])) as Record<
        NumberParam['field'],
        fc.Arbitrary<number>
      >,
    ),
    enums: fc.record(
      Object.fromEntries(ENUM_PARAMS.map((p) => [p.field, fc.constantFrom(...p.choices)])) as Record<
        EnumParam['field'],
        fc.Arbitrary<string>
      >,
    ),
    showControls: fc.boolean(),
    losses: lossesArb,
    z0Mode: fc.constantFrom('kl' as const, 'batch' as const, 'fixed' as const),
    z0: numberArb(Z0_PARAM),
  })
  .chain(({ numbers, enums, showControls, losses, z0Mode, z0 }) =>
    fc.record({ refProbs: refProbsArb(numbers.responses), rewards: rewardsArb(numbers.responses) }).map(
      ({ refProbs, rewards }) =>
        ({
          ...numbers,
          // EXO cannot take ε below its minimum: a valid state with EXO has ε ≥ EXO_MIN_SMOOTHING.
          labelSmoothing: losses.includes('exo_pair')
            ? smoothingFor('exo_pair', numbers.labelSmoothing)
            : numbers.labelSmoothing,
          ...enums,
          showControls,
          losses,
          z0Mode,
          z0: z0Mode === 'fixed' ? z0 : 0,
          refProbs,
          rewards,
        }) as AppState,
    ),
  );

/** Every field of a state is a usable value: finite, in range, one of the choices, consistent with K. */
export function expectValidState(s: AppState): void {
  for (const p of URL_PARAMS) {
    switch (p.kind) {
      case 'number': {
        const v = s[p.field];
        expect(typeof v).toBe('number');
        expect(Number.isFinite(v), p.field).toBe(true);
        expect(v, p.field).toBeGreaterThanOrEqual(p.min);
        expect(v, p.field).toBeLessThanOrEqual(p.max);
        if (p.integer) expect(Number.isInteger(v), p.field).toBe(true);
        break;
      }
      case 'enum':
        expect(p.choices, p.field).toContain(s[p.field]);
        break;
      case 'bool':
        expect(typeof s[p.field]).toBe('boolean');
        break;
      case 'lossList':
        expect(s.losses.length).toBeGreaterThan(0);
        expect(new Set(s.losses).size).toBe(s.losses.length);
        for (const id of s.losses) expect(LOSS_IDS).toContain(id);
        if (s.losses.includes('exo_pair')) expect(s.labelSmoothing).toBeGreaterThanOrEqual(EXO_MIN_SMOOTHING);
        break;
      case 'probList': {
        expect(s.refProbs).toHaveLength(s.responses);
        for (const q of s.refProbs) {
          expect(Number.isFinite(q)).toBe(true);
          expect(q).toBeGreaterThanOrEqual(p.min);
        }
        expect(Math.abs(s.refProbs.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-9);
        break;
      }
      case 'rewardList':
        expect(s.rewards).toHaveLength(s.responses);
        for (const r of s.rewards) {
          expect(Number.isFinite(r)).toBe(true);
          expect(r).toBeGreaterThanOrEqual(p.min);
          expect(r).toBeLessThanOrEqual(p.max);
        }
        break;
      case 'z0':
        expect(['kl', 'batch', 'fixed']).toContain(s.z0Mode);
        expect(Number.isFinite(s.z0)).toBe(true);
        expect(s.z0).toBeGreaterThanOrEqual(p.min);
        expect(s.z0).toBeLessThanOrEqual(p.max);
        break;
    }
  }
}
