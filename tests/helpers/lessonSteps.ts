// A lesson step as the page would show it, at the data level: its state read by the link reader (parseHash),
// the views' runs of it, and the facts input its text is a template over; `reveal` moves the time cursor
// where answering the step's question moves it (its revealAt: the end by default, or a step number).
import type { Lesson } from '../../src/state/lessons/types.ts';
import { parseHash } from '../../src/state/urlCodec.ts';
import type { UrlNotice } from '../../src/state/urlNotice.ts';
import { pickFields } from '../../src/state/pickFields.ts';
import { SCENARIO_FIELDS } from '../../src/derive/scenarioFacts.ts';
import { compareRunsOf } from '../../src/derive/compare.ts';
import { trainingRunsOf } from '../../src/derive/toy.ts';
import type { LessonFactsInput } from '../../src/derive/lessons/index.ts';
import { c3 } from '../../src/i18n/figureFormat.ts';
import { statedNumbers } from './scenarioText.ts';

export interface StepAt {
  notices: UrlNotice[];
  input: LessonFactsInput;
}

export function stepAt(lesson: Lesson, i: number, opts: { reveal?: boolean; t?: number } = {}): StepAt {
  const step = lesson.steps[i];
  const { state, notices } = parseHash(`#${step.state}`);
  const revealAt = step.question?.revealAt ?? 'end';
  const t =
    opts.t ?? (opts.reveal ? (revealAt === 'end' ? state.steps : Math.min(revealAt, state.steps)) : state.t);
  const s = { ...pickFields(state, SCENARIO_FIELDS), t };
  return { notices, input: { step: i, s, runs: trainingRunsOf(s), trainCompared: compareRunsOf } };
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

/** The numbers a text states that are not facts' numbers (formula fragments removed first). */
export function strayNumbers(text: string, facts: unknown, fragments: readonly string[] = []): string[] {
  let rest = text;
  for (const f of fragments) rest = rest.split(f).join(' ');
  const allowed = factNumbers(facts);
  return statedNumbers(rest).filter((x) => !allowed.has(x));
}

/** A finished text: no hole a missing fact would leave. */
export const UNFINISHED = /undefined|NaN|null|\[object|\$\{/;
