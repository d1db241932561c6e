// A lesson step as the page would show it, at the data level: its state read from its link (parseHash, no
// notices), its runs trained as the views train them, its facts and its text in both languages; and the
// numbers an English text states, checked against its facts (every number a fact's, written with c3).
import { expect } from 'vitest';
import { parseHash } from '../../src/state/urlCodec.ts';
import { pickFields } from '../../src/state/pickFields.ts';
import { SCENARIO_FIELDS } from '../../src/derive/scenarioFacts.ts';
import { computeTrainingRuns } from '../../src/derive/toy.ts';
import { compareRunsOf } from '../../src/derive/compare.ts';
import {
  lessonFacts,
  lessonStepText,
  type LessonFactsInput,
  type LessonFields,
} from '../../src/derive/lessons/index.ts';
import { LESSONS, type LessonId } from '../../src/state/lessons/index.ts';
import type { LessonFactsById } from '../../src/i18n/types/lessons.ts';
import { EN_LESSONS } from '../../src/i18n/en/lessons/index.ts';
import { ZH_LESSONS } from '../../src/i18n/zh/lessons/index.ts';
import { c3 } from '../../src/i18n/figureFormat.ts';
import type { AppState } from '../../src/state/appState.ts';

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
  const input: LessonFactsInput = { step, s, runs: computeTrainingRuns(s), trainCompared: compareRunsOf };
  return {
    input,
    facts: lessonFacts(id, input),
    en: lessonStepText(EN_LESSONS[id], id, input),
    zh: lessonStepText(ZH_LESSONS[id], id, input),
  };
}

/** Step `step` of lesson `id` (from 0) as shown, at its own t or at `t` (e.g. the end, once answered). */
export function showStep<K extends LessonId>(id: K, step: number, t?: number): ShownStep<K> {
  const parsed = parseHash(LESSONS[id].steps[step].state);
  expect(parsed.notices, `${id} step ${step + 1}: its link`).toEqual([]);
  const state = { ...parsed.state, ...(t === undefined ? {} : { t }) };
  return { state, ...stepAbout(id, step, { ...pickFields(state, SCENARIO_FIELDS), t: state.t }) };
}

/** Every number in a facts object, nested objects and arrays included. */
export function factNumbers(facts: unknown): number[] {
  if (typeof facts === 'number') return [facts];
  if (Array.isArray(facts)) return facts.flatMap(factNumbers);
  if (facts !== null && typeof facts === 'object') return Object.values(facts).flatMap(factNumbers);
  return [];
}

/** A number as c3 writes it: '0.693', '−1.31', '300', '9.6e-10'. */
const NUMBER = /[−-]?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g;

/** The numbers a text states once the formula pieces (whose digits are part of a formula) are removed. */
export function statedNumbersOf(text: string, formulas: readonly string[]): string[] {
  let rest = text;
  for (const f of [...formulas].sort((a, b) => b.length - a.length)) rest = rest.split(f).join(' ');
  return rest.match(NUMBER) ?? [];
}

/** Every number the text states is one of the facts' (as c3 writes it). */
export function expectNumbersFromFacts(text: string, facts: unknown, formulas: readonly string[]): void {
  const written = new Set(factNumbers(facts).map(c3));
  expect(
    statedNumbersOf(text, formulas).filter((x) => !written.has(x)),
    text,
  ).toEqual([]);
}

/** Both languages render: no placeholder leaked, a question's explanation when there is a question. */
export function expectRendered(shown: ShownStep<LessonId>): void {
  for (const t of [shown.en, shown.zh]) {
    expect(t.body.length).toBeGreaterThan(20);
    for (const x of [t.body, t.explain ?? '']) expect(x).not.toMatch(/undefined|NaN|null|\[object/);
  }
}
