// A lesson step as the page would show it, for the lessons' content tests (tests/unit/lessons.<id>.test.ts):
// the step's state read by the link reader (urlCodec.parseHash, no notices allowed), its runs trained as the
// views train them, its facts and its text in both languages; the revealed state of a question is the same
// state with the time cursor where the answer moves it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stateArb } from './stateArbitraries.ts';
import { parseHash } from '../../src/state/urlCodec.ts';
import { pickFields } from '../../src/state/pickFields.ts';
import { LESSONS, type LessonId } from '../../src/state/lessons/index.ts';
import { SCENARIO_FIELDS } from '../../src/derive/scenarioFacts.ts';
import { computeTrainingRuns } from '../../src/derive/toy.ts';
import { lessonFacts, type LessonFactsInput } from '../../src/derive/lessons/index.ts';
import type { LessonFactsById } from '../../src/i18n/types/lessons.ts';
import { EN_LESSONS } from '../../src/i18n/en/lessons/index.ts';
import { ZH_LESSONS } from '../../src/i18n/zh/lessons/index.ts';
import { c3 } from '../../src/i18n/figureFormat.ts';
import { FORMULA_FRAGMENTS } from './scenarioText.ts';

/** Step `step` (from 0) of lesson `id` as its link opens it, at its own t or at `t` (e.g. a question's reveal). */
export function stepInput(id: LessonId, step: number, t?: number): LessonFactsInput {
  const { state, notices } = parseHash(LESSONS[id].steps[step].state);
  expect(notices).toEqual([]);
  const s = { ...pickFields(state, SCENARIO_FIELDS), t: t ?? state.t };
  // The compared run trained afresh (not the views' memo): the facts must not depend on what was drawn before.
  return { step, s, runs: computeTrainingRuns(s), trainCompared: computeTrainingRuns };
}

/** Where a question's answer moves the cursor: its `revealAt`, by default the end of training. */
export function revealInput(id: LessonId, step: number): LessonFactsInput {
  const q = LESSONS[id].steps[step].question;
  if (!q) throw new Error(`${id} step ${step} has no question`);
  const at = q.revealAt ?? 'end';
  const { state } = parseHash(LESSONS[id].steps[step].state);
  return stepInput(id, step, at === 'end' ? state.steps : at);
}

export const factsOf = <K extends LessonId>(id: K, input: LessonFactsInput): LessonFactsById[K] =>
  lessonFacts(id, input);

/** The step's body (and its question's explanation) in English and Chinese. */
export function textsOf<K extends LessonId>(id: K, input: LessonFactsInput): string[] {
  const f = factsOf(id, input);
  return [EN_LESSONS, ZH_LESSONS].flatMap((T) => {
    const step = T[id].steps[input.step];
    return [step.body(f), ...(step.question ? [step.question.explain(f)] : [])];
  });
}

/** A number as the templates write it (c3), in the order they are found. */
const NUMBER = /[−-]?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g;

/** The numbers an English text states, formula digits (and `extra` fragments such as "step 0") removed. */
export function statedNumbers(text: string, extra: readonly string[] = []): string[] {
  let rest = text;
  for (const f of [...FORMULA_FRAGMENTS, ...extra]) rest = rest.split(f).join(' ');
  return rest.match(NUMBER) ?? [];
}

/** Every number of the facts, written as the templates write it. */
export function factNumbers(facts: object): Set<string> {
  return new Set(
    Object.values(facts)
      .flatMap((v) => (Array.isArray(v) ? (v as number[]) : typeof v === 'number' ? [v] : []))
      .map(c3),
  );
}

/** The English text of a step states only the facts' numbers; both languages render completely. */
export function expectHonestText<K extends LessonId>(
  id: K,
  input: LessonFactsInput,
  extra: readonly string[] = [],
): void {
  const f = factsOf(id, input);
  const written = factNumbers(f);
  const en = EN_LESSONS[id].steps[input.step];
  for (const text of [en.body(f), ...(en.question ? [en.question.explain(f)] : [])])
    expect(statedNumbers(text, extra).filter((x) => !written.has(x))).toEqual([]);
  // The Chinese text states the same numbers as the English one (formula digits and "第 0 步" aside).
  const zh = ZH_LESSONS[id].steps[input.step];
  const en2 = [en.body(f), ...(en.question ? [en.question.explain(f)] : [])];
  const zh2 = [zh.body(f), ...(zh.question ? [zh.question.explain(f)] : [])];
  en2.forEach((text, i) =>
    expect(statedNumbers(zh2[i], [...extra, '第 0 步']).sort()).toEqual(statedNumbers(text, extra).sort()),
  );
  for (const text of textsOf(id, input)) {
    expect(text.length).toBeGreaterThan(8);
    expect(text).not.toMatch(/undefined|NaN|null|\[object|Infinity/);
  }
}

/** A step's text has 2–5 sentences in English (a slide's worth). */
export function sentencesOf(text: string): number {
  return (text.match(/[.!?](\s|$)/g) ?? []).length;
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
  describe(`lesson ${id}: the data`, () => {
    it('has one text per step in both languages, and each question as many choices as its data', () => {
      for (const T of [EN_LESSONS, ZH_LESSONS]) {
        expect(T[id].steps).toHaveLength(lesson.steps.length);
        expect(T[id].title.length).toBeGreaterThan(3);
        expect(T[id].summary.length).toBeGreaterThan(20);
        lesson.steps.forEach((step, i) => {
          const q = T[id].steps[i].question;
          expect(Boolean(q)).toBe(Boolean(step.question));
          if (step.question) {
            expect(q?.choices).toHaveLength(step.question.choices);
            expect(step.question.answer).toBeLessThan(step.question.choices);
          }
        });
      }
      expect(claims).toHaveLength(lesson.steps.length);
    });
  });

  describe.each(lesson.steps.map((step, i) => [i, step] as const))(`${id} step %i`, (i, step) => {
    const input = stepInput(id, i);
    const f = factsOf(id, input) as LessonFactsById[K];

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
        const g = factsOf(id, revealed) as LessonFactsById[K];
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
              expect(text).not.toMatch(/undefined|NaN|null|\[object|Infinity/);
            }
          });
        }),
        { numRuns },
      );
    });
  });
}
