// A lesson step as the page would show it, for the lessons' content tests (tests/unit/lessons.<id>.test.ts),
// at the data level: the step's state read by the link reader (urlCodec.parseHash), its runs trained as the
// views train them, its facts and its text in both languages; the revealed state of a question is the same
// state with the time cursor where answering moves it (LessonQuestion's revealStep). And the checks on the
// text: every number the English text states is a fact's (written with c3), both languages render whole.
// (One helper for every lesson: the lessons were first written with three near-copies of it.)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stateArb } from './stateArbitraries.ts';
import { FORMULA_FRAGMENTS } from './scenarioText.ts';
import { parseHash } from '../../src/state/urlCodec.ts';
import type { UrlNotice } from '../../src/state/urlNotice.ts';
import { pickFields } from '../../src/state/pickFields.ts';
import type { AppState } from '../../src/state/appState.ts';
import { LESSONS, type LessonId } from '../../src/state/lessons/index.ts';
import type { Lesson, LessonQuestion } from '../../src/state/lessons/types.ts';
import { SCENARIO_FIELDS } from '../../src/derive/scenarioFacts.ts';
import { computeTrainingRuns } from '../../src/derive/toy.ts';
import {
  lessonFacts,
  lessonStepText,
  type LessonFactsInput,
  type LessonFields,
} from '../../src/derive/lessons/index.ts';
import type { LessonFactsById } from '../../src/i18n/types/lessons.ts';
import { EN_LESSONS } from '../../src/i18n/en/lessons/index.ts';
import { ZH_LESSONS } from '../../src/i18n/zh/lessons/index.ts';
import { c3 } from '../../src/i18n/figureFormat.ts';

// ---------------------------------------------------------------------------------------------------------
// The step's state

/** The facts input about the fields `s` at step `step` (from 0), with runs trained afresh. */
export function inputAbout(step: number, s: LessonFields): LessonFactsInput {
  // Both runs trained afresh (not the views' memos): the facts must not depend on what was drawn before.
  return { step, s, runs: computeTrainingRuns(s), trainCompared: computeTrainingRuns };
}

/** Where answering `question` moves the cursor (as LessonQuestion's revealStep): its revealAt, or the end. */
export function revealT(question: LessonQuestion, steps: number): number {
  const at = question.revealAt ?? 'end';
  return at === 'end' ? steps : Math.max(0, Math.min(steps, Math.round(at)));
}

export interface StepAt {
  state: AppState;
  notices: UrlNotice[];
  input: LessonFactsInput;
}

/**
 * Step `i` (from 0) of `lesson` as its link opens it: at its own t, at `t`, or (`reveal`) where answering its
 * question moves the cursor. The link's notices are returned, not checked (stepInput checks them).
 */
export function stepAt(lesson: Lesson, i: number, opts: { reveal?: boolean; t?: number } = {}): StepAt {
  const step = lesson.steps[i];
  const parsed = parseHash(`#${step.state}`);
  const t =
    opts.t ?? (opts.reveal && step.question ? revealT(step.question, parsed.state.steps) : parsed.state.t);
  const state = { ...parsed.state, t };
  return {
    state,
    notices: parsed.notices,
    input: inputAbout(i, { ...pickFields(state, SCENARIO_FIELDS), t }),
  };
}

/** Step `step` (from 0) of lesson `id` as its link opens it (no notice), at its own t or at `t`. */
export function stepInput(id: LessonId, step: number, t?: number): LessonFactsInput {
  const at = stepAt(LESSONS[id], step, { t });
  expect(at.notices, `${id} step ${step + 1}: its link`).toEqual([]);
  return at.input;
}

/** Step `step` of lesson `id` once its question is answered. */
export function revealInput(id: LessonId, step: number): LessonFactsInput {
  if (!LESSONS[id].steps[step].question) throw new Error(`${id} step ${step} has no question`);
  const at = stepAt(LESSONS[id], step, { reveal: true });
  expect(at.notices).toEqual([]);
  return at.input;
}

export const factsOf = <K extends LessonId>(id: K, input: LessonFactsInput): LessonFactsById[K] =>
  lessonFacts(id, input);

// ---------------------------------------------------------------------------------------------------------
// The step as shown: facts and words in both languages

export interface ShownStep<K extends LessonId> {
  state: AppState;
  input: LessonFactsInput;
  facts: LessonFactsById[K];
  en: { body: string; explain: string | null };
  zh: { body: string; explain: string | null };
}

/** Lesson `id`'s step `step` about the fields `s` (as after an edit): its facts and its text in both languages. */
export function stepAbout<K extends LessonId>(
  id: K,
  step: number,
  s: LessonFields,
): Omit<ShownStep<K>, 'state'> {
  const input = inputAbout(step, s);
  return {
    input,
    facts: lessonFacts(id, input),
    en: lessonStepText(EN_LESSONS[id], id, input),
    zh: lessonStepText(ZH_LESSONS[id], id, input),
  };
}

/** Step `step` of lesson `id` (from 0) as shown, at its own t or at `t` (e.g. the end, once answered). */
export function showStep<K extends LessonId>(id: K, step: number, t?: number): ShownStep<K> {
  const at = stepAt(LESSONS[id], step, { t });
  expect(at.notices, `${id} step ${step + 1}: its link`).toEqual([]);
  return { state: at.state, ...stepAbout(id, step, at.input.s) };
}

/** The step's body (and its question's explanation) in English and Chinese. */
export function textsOf<K extends LessonId>(id: K, input: LessonFactsInput): string[] {
  return [EN_LESSONS, ZH_LESSONS].flatMap((T) => {
    const { body, explain } = lessonStepText(T[id], id, input);
    return explain === null ? [body] : [body, explain];
  });
}

// ---------------------------------------------------------------------------------------------------------
// The numbers a text states

/** A finished text: no hole a missing fact would leave. */
export const UNFINISHED = /undefined|NaN|null|\[object|Infinity|\$\{/;

/** A number as c3 writes it: '0.693', '−1.31', '300', '9.6e-10'. */
const NUMBER = /[−-]?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g;

/**
 * The numbers a text states, in order, once the formula pieces whose digits are part of a formula are removed:
 * the scenario explanations' FORMULA_FRAGMENTS and a lesson's own `extra` ("step 0", "1/(4β²)"), longest first.
 */
export function statedNumbers(text: string, extra: readonly string[] = []): string[] {
  let rest = text;
  for (const f of [...FORMULA_FRAGMENTS, ...extra].sort((a, b) => b.length - a.length))
    rest = rest.split(f).join(' ');
  return rest.match(NUMBER) ?? [];
}

/** Every number in a facts object (nested objects and arrays walked), as c3 writes it. */
export function factNumbers(facts: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'number') out.add(c3(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(facts);
  return out;
}

/** The numbers a text states that are not the facts' numbers (formula pieces removed first). */
export function strayNumbers(text: string, facts: unknown, extra: readonly string[] = []): string[] {
  const allowed = factNumbers(facts);
  return statedNumbers(text, extra).filter((x) => !allowed.has(x));
}

/** Every number the text states is one of the facts' (as c3 writes it). */
export function expectNumbersFromFacts(text: string, facts: unknown, extra: readonly string[] = []): void {
  expect(strayNumbers(text, facts, extra), text).toEqual([]);
}

/** The English text of a step states only the facts' numbers, the Chinese the same ones; both render whole. */
export function expectHonestText<K extends LessonId>(
  id: K,
  input: LessonFactsInput,
  extra: readonly string[] = [],
): void {
  const f = factsOf(id, input);
  const en = lessonStepText(EN_LESSONS[id], id, input);
  const zh = lessonStepText(ZH_LESSONS[id], id, input);
  const enTexts = [en.body, ...(en.explain === null ? [] : [en.explain])];
  const zhTexts = [zh.body, ...(zh.explain === null ? [] : [zh.explain])];
  for (const text of enTexts) expectNumbersFromFacts(text, f, extra);
  // The Chinese text states the same numbers as the English one (formula digits and "第 0 步" aside).
  enTexts.forEach((text, i) =>
    expect(statedNumbers(zhTexts[i], [...extra, '第 0 步']).sort()).toEqual(
      statedNumbers(text, extra).sort(),
    ),
  );
  for (const text of textsOf(id, input)) {
    expect(text.length).toBeGreaterThan(8);
    expect(text).not.toMatch(UNFINISHED);
  }
}

/** The sentences of an English text (a step is a slide's worth: 2–5). */
export function sentencesOf(text: string): number {
  return (text.match(/[.!?](\s|$)/g) ?? []).length;
}

// ---------------------------------------------------------------------------------------------------------
// The checks every lesson gets

/** Lesson `id`'s data and its words agree in shape: one text per step in both languages, and each question
 * as many choices as its data, its answer one of them. */
export function describeLessonShape(id: LessonId): void {
  const lesson = LESSONS[id];
  describe(`lesson ${id}: the data`, () => {
    it('has one text per step in both languages, and each question as many choices as its data', () => {
      for (const T of [EN_LESSONS, ZH_LESSONS]) {
        expect(T[id].steps).toHaveLength(lesson.steps.length);
        expect(T[id].title.length).toBeGreaterThan(3);
        expect(T[id].summary.length).toBeGreaterThan(20);
        lesson.steps.forEach((step, i) => {
          const q = T[id].steps[i].question;
          expect(q === undefined, `step ${i + 1}`).toBe(step.question === undefined);
          if (step.question) {
            expect(q?.choices).toHaveLength(step.question.choices);
            expect(step.question.answer).toBeLessThan(step.question.choices);
          }
        });
      }
    });
  });
}

/**
 * Every step of lesson `id`, as its link opens it and once its question is answered: a clean link, whole
 * texts in both languages, and only the facts' numbers in the English ones (`extra`: formula pieces).
 */
export function describeStepTexts<K extends LessonId>(id: K, extra: readonly string[] = []): void {
  const lesson = LESSONS[id];
  describe.each(lesson.steps.map((_, i) => i))(`lesson ${id} step index %i`, (i) => {
    it('a clean link, whole texts, only the facts’ numbers (asked and answered)', () => {
      for (const reveal of [false, true]) {
        const { notices, input } = stepAt(lesson, i, { reveal });
        expect(notices).toEqual([]);
        const f = factsOf(id, input);
        for (const T of [EN_LESSONS, ZH_LESSONS]) {
          const { body, explain } = lessonStepText(T[id], id, input);
          expect(body.length).toBeGreaterThan(20);
          for (const x of [body, explain ?? '']) expect(x).not.toMatch(UNFINISHED);
        }
        const en = lessonStepText(EN_LESSONS[id], id, input);
        for (const x of [en.body, en.explain ?? '']) expectNumbersFromFacts(x, f, extra);
      }
    });
  });
}

/**
 * The checks every step of lesson `id` gets: the data and both languages' texts agree in shape (one text per
 * step, as many choices as the data), and for each step, in its own state: the claims its text makes
 * (`claims[step]`, `…Holds` facts) hold, only the facts' numbers are stated, in 2–5 sentences, in full in both
 * languages; for a question, the same of its revealed state (`revealClaims[step]`).
 */
export function describeLessonSteps<K extends LessonId>(
  id: K,
  claims: (keyof LessonFactsById[K])[][],
  revealClaims: Partial<Record<number, (keyof LessonFactsById[K])[]>> = {},
  extra: readonly string[] = [],
): void {
  const lesson = LESSONS[id];
  describeLessonShape(id);
  it(`lesson ${id}: one list of claims per step`, () => {
    expect(claims).toHaveLength(lesson.steps.length);
  });

  describe.each(lesson.steps.map((step, i) => [i, step] as const))(`${id} step %i`, (i, step) => {
    const input = stepInput(id, i);
    const f = factsOf(id, input);

    it('opens its link at its own t, with one or two panels', () => {
      expect((f as { t: number }).t).toBe(input.s.t);
      expect(step.panels.length).toBeGreaterThanOrEqual(1);
      expect(step.panels.length).toBeLessThanOrEqual(2);
    });

    it('every claim its text makes holds there', () => {
      expect(claims[i].filter((k) => f[k] !== true)).toEqual([]);
    });

    it('states only the facts’ numbers, in 2–5 sentences, complete in both languages', () => {
      expectHonestText(id, input, extra);
      const body = EN_LESSONS[id].steps[i].body(f);
      expect(sentencesOf(body)).toBeGreaterThanOrEqual(2);
      expect(sentencesOf(body)).toBeLessThanOrEqual(5);
    });

    if (step.question)
      it('once answered, the revealed state makes the explanation’s claims true and states its numbers', () => {
        const revealed = revealInput(id, i);
        const g = factsOf(id, revealed);
        expect((revealClaims[i] ?? []).filter((k) => g[k] !== true)).toEqual([]);
        expectHonestText(id, revealed, extra);
      });
  });
}

/**
 * Whatever the student edits mid-lesson, every step's text still renders in full in both languages (the claims
 * may all be dropped; no state breaks a template or throws).
 */
export function describeAnyState(id: LessonId, numRuns = 20): void {
  describe(`lesson ${id} in any state`, () => {
    it('renders every step’s text in both languages, whatever was edited', () => {
      fc.assert(
        fc.property(stateArb, (state) => {
          // Few steps: the point is that no state breaks a template, not what training does.
          const steps = Math.min(state.steps, 40);
          const s = { ...pickFields({ ...state, steps }, SCENARIO_FIELDS), t: Math.min(state.t, steps) };
          const runs = computeTrainingRuns(s);
          LESSONS[id].steps.forEach((_, step) => {
            for (const text of textsOf(id, { step, s, runs, trainCompared: computeTrainingRuns })) {
              expect(text.length).toBeGreaterThan(8);
              expect(text).not.toMatch(UNFINISHED);
            }
          });
        }),
        { numRuns },
      );
    });
  });
}
