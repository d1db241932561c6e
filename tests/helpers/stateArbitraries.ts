// Generators of valid app states, every field drawn from its URL_PARAMS range or choices, and a few checks
// that a state is valid. Shared by the tests/unit/state.*.test.ts files.
import fc from 'fast-check';
import { expect } from 'vitest';
import { Z0_MODES, type AppState } from '../../src/state/appState.ts';
import { LOSS_IDS, type LossId } from '../../src/math/index.ts';
import {
  PARAMS,
  type EnumParam,
  type NumberParam,
  type Param,
  type ProbListParam,
  type RewardListParam,
  type Rounding,
  type TermListParam,
} from '../../src/state/urlParams.ts';
import { roundTo } from '../../src/state/paramRules.ts';
import { fitCompare, sameAsMain } from '../../src/state/compareChoice.ts';
import { LESSONS, isLessonId } from '../../src/state/lessons/index.ts';
import { EXO_MIN_SMOOTHING, PICKER_METRICS, smoothingFor } from '../../src/math/index.ts';

function only<K extends Param['kind']>(kind: K): Extract<Param, { kind: K }>[] {
  return PARAMS.filter((p): p is Extract<Param, { kind: K }> => p.kind === kind);
}

/** Every numeric field, z0 (which has no key of its own) included. */
export const NUMBER_PARAMS: NumberParam[] = only('number');
export const ENUM_PARAMS: EnumParam[] = only('enum');
export const PROB_PARAM: ProbListParam = only('probList')[0];
export const REWARD_PARAM: RewardListParam = only('rewardList').find((p) => p.field === 'rewards')!;
export const START_PARAM: RewardListParam = only('rewardList').find((p) => p.field === 'startLogRatios')!;
export const TERMS_PARAM: TermListParam = only('termList')[0];

/** The loss list's further terms: whitelisted types, each once, weights in range and rounded. */
export const extraTermsArb = fc
  .shuffledSubarray([...TERMS_PARAM.choices], { maxLength: 3 })
  .chain((types) =>
    fc
      .array(numberArb(TERMS_PARAM), { minLength: types.length, maxLength: types.length })
      .map((weights) => types.map((type, i) => ({ type, weight: weights[i]! }))),
  );

export function paramOf(field: keyof AppState): Param {
  const p = PARAMS.find((q) => q.field === field);
  if (!p) throw new Error(`no param for ${field}`);
  return p;
}

/** −0 is written as "0"; a canonical state holds +0. */
const noNegZero = (v: number) => (v === 0 ? 0 : v);

/** A number in range, as the parameter stores it (rounded by its rule). */
export function numberArb(p: { min: number; max: number; round: Rounding }): fc.Arbitrary<number> {
  return p.round.kind === 'whole'
    ? fc.integer({ min: p.min, max: p.max })
    : fc.double({ min: p.min, max: p.max, noNaN: true }).map((v) => noNegZero(roundTo(p.round, v)));
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

/** The toy policy's start offsets: K numbers in range. */
export function startArb(k: number): fc.Arbitrary<number[]> {
  return fc.array(numberArb(START_PARAM), { minLength: k, maxLength: k });
}

export const lossesArb: fc.Arbitrary<LossId[]> = fc.shuffledSubarray([...LOSS_IDS], { minLength: 1 });

/** A compare choice as text, before it is checked against the main run: '' or `<key>:<value>` in range. */
export function compareArb(k: number): fc.Arbitrary<string> {
  const param = (field: keyof AppState) => paramOf(field) as NumberParam;
  return fc.oneof(
    fc.constant(''),
    numberArb(param('beta')).map((v) => `beta:${v}`),
    numberArb(param('preferenceProb')).map((v) => `p:${v}`),
    numberArb(param('learningRate')).map((v) => `lr:${v}`),
    fc.constantFrom('tabular', 'shared').map((v) => `features:${v}`),
    fc.constantFrom('sgd', 'adam').map((v) => `optimizer:${v}`),
    fc.constantFrom(...LOSS_IDS).map((v) => `loss:${v}`),
    refProbsArb(k).map((v) => `ref:${v.join(',')}`),
  );
}

/** An arbitrary valid state: what a link can express, field by field from the parameter list. */
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
    showExplanation: fc.boolean(),
    wpoWeighting: fc.boolean(),
    trainingMetrics: fc.shuffledSubarray([...PICKER_METRICS]),
    extraTerms: extraTermsArb,
    losses: lossesArb,
    z0Mode: fc.constantFrom(...Z0_MODES),
  })
  .chain(
    ({
      numbers,
      enums,
      showControls,
      showExplanation,
      wpoWeighting,
      trainingMetrics,
      extraTerms,
      losses,
      z0Mode,
    }) =>
      fc
        .record({
          refProbs: refProbsArb(numbers.responses),
          rewards: rewardsArb(numbers.responses),
          startLogRatios: startArb(numbers.responses),
          compare: compareArb(numbers.responses),
        })
        .map(({ compare, ...lists }) => {
          // A compared value equal to the main one compares nothing: a link drops it, so a valid state has ''.
          const f = compare === '' ? null : fitCompare(compare);
          return {
            ...lists,
            compare:
              f && !sameAsMain(f.choice, { ...numbers, ...enums, losses, ...lists } as AppState)
                ? f.text
                : '',
          };
        })
        .map(
          ({ refProbs, rewards, startLogRatios, compare }) =>
            ({
              ...numbers,
              // The time cursor is a step of the run: at most `steps`.
              t: Math.min(numbers.t, numbers.steps),
              // EXO cannot take ε below its minimum: a valid state with EXO has ε ≥ EXO_MIN_SMOOTHING.
              labelSmoothing: [...losses, ...extraTerms.map((t) => t.type)].includes('exo_pair')
                ? smoothingFor('exo_pair', numbers.labelSmoothing)
                : numbers.labelSmoothing,
              ...enums,
              showControls,
              showExplanation,
              wpoWeighting,
              trainingMetrics,
              extraTerms,
              losses,
              z0Mode,
              // A link writes z0 only in its fixed mode.
              z0: z0Mode === 'fixed' ? numbers.z0 : 0,
              // A lesson's step is one it has; without a lesson there is none (1).
              lessonStep: isLessonId(enums.lesson)
                ? Math.min(numbers.lessonStep, LESSONS[enums.lesson].steps.length)
                : 1,
              refProbs,
              rewards,
              startLogRatios,
              compare,
            }) as AppState,
        ),
  );

/** Every field of a state is a usable value: finite, in range and rounded, one of the choices, consistent with K. */
export function expectValidState(s: AppState): void {
  // Numbers are checked without an expect each (expect is slow, and the link fuzzers call this a lot).
  const badNumbers: string[] = [];
  for (const p of PARAMS) {
    switch (p.kind) {
      case 'number': {
        const v: unknown = s[p.field];
        const ok =
          typeof v === 'number' &&
          Number.isFinite(v) &&
          v >= p.min &&
          v <= p.max &&
          roundTo(p.round, v) === v;
        if (!ok) badNumbers.push(`${p.field} = ${String(v)} (${p.min} … ${p.max}, rounded ${p.round.kind})`);
        break;
      }
      case 'enum':
      case 'z0':
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
      case 'compare': {
        // '' or the canonical text of a choice the rule takes, a reference list of K entries.
        const f = s.compare === '' ? null : fitCompare(s.compare);
        if (s.compare !== '') expect(f?.text, 'compare').toBe(s.compare);
        if (f?.choice.key === 'ref') expect(f.choice.value).toHaveLength(s.responses);
        break;
      }
      case 'termList': {
        const types = s.extraTerms.map((t) => t.type);
        expect(new Set(types).size).toBe(types.length);
        for (const t of s.extraTerms) {
          expect(p.choices).toContain(t.type);
          if (!(
            Number.isFinite(t.weight) &&
            t.weight >= p.min &&
            t.weight <= p.max &&
            roundTo(p.round, t.weight) === t.weight
          ))
            badNumbers.push(`extraTerms weight ${t.weight}`);
        }
        if (types.includes('exo_pair')) expect(s.labelSmoothing).toBeGreaterThanOrEqual(EXO_MIN_SMOOTHING);
        break;
      }
      case 'metricList':
        expect(new Set(s.trainingMetrics).size).toBe(s.trainingMetrics.length);
        for (const name of s.trainingMetrics) expect(PICKER_METRICS).toContain(name);
        break;
      case 'rewardList':
        expect(s[p.field]).toHaveLength(s.responses);
        for (const r of s[p.field])
          if (!(Number.isFinite(r) && r >= p.min && r <= p.max && roundTo(p.round, r) === r))
            badNumbers.push(`${p.field} entry ${r}`);
        break;
    }
  }
  expect(badNumbers, 'numbers out of range or not rounded').toEqual([]);
  expect(s.t, 'the time cursor is a step of the run').toBeLessThanOrEqual(s.steps);
}
