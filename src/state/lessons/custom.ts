// An instructor's own lesson as data: a small JSON file (or a `lessondata=` link) with a title and a list of
// steps, each a heading, plain text, an explorer state written like a link, the panels that matter, and an
// optional question. It comes from outside the app, so it is read like every link: size limits first, then
// every field checked, unknown fields ignored, each step's state read by the link reader (parseHash) whose
// notices are kept per step. Nothing here throws: a problem is returned as data (kind + where), and the
// i18n tables say it in plain words. The words stay plain text (the page renders them as text, never HTML).
import { VIEW_IDS } from '../viewIds.ts';
import { LESSON_DATA_KEY, parseHash, registerLessonData } from '../urlCodec.ts';
import type { UrlNotice } from '../urlNotice.ts';
import {
  LESSON_CONTROLS,
  type LessonControl,
  type LessonPanel,
  type LessonQuestion,
  type LessonStep,
} from './types.ts';

/** The panels a step may name: the six views, the TRL log table and the readout. */
export const CUSTOM_PANELS: readonly LessonPanel[] = [...VIEW_IDS, 'metrics', 'readout'];

/**
 * The limits of a custom lesson. 32 kB of JSON is a long lecture's worth of text (40 steps of ~600
 * characters); a `lessondata=` link of that is ~44,000 characters, which browsers open but some mail and
 * course tools cut: a link longer than `linkWarnChars` is said to be long (the file has no such limit).
 */
export const CUSTOM_LESSON_LIMITS = {
  bytes: 32 * 1024,
  steps: 40,
  title: 200,
  summary: 600,
  heading: 200,
  text: 4000,
  state: 2000,
  formula: 1000,
  prompt: 600,
  choice: 300,
  explain: 3000,
  panels: 4,
  choicesMin: 2,
  choicesMax: 6,
  linkWarnChars: 8000,
} as const;

export interface CustomQuestionText {
  prompt: string;
  choices: string[];
  explain: string;
}

export interface CustomLessonStep {
  /** The step as the built-in lessons' data (state link, panels, controls, formula, question shape). */
  step: LessonStep;
  heading: string;
  /** Paragraphs separated by a blank line; plain text. */
  text: string;
  question?: CustomQuestionText;
  /** What the link reader said about this step's `state` (an unknown key, a clamped value, …). */
  notices: UrlNotice[];
}

export interface CustomLesson {
  title: string;
  summary: string;
  /**
   * The language its words are written in (a BCP 47 tag such as `en`, `zh`, `zh-Hant`): the file's `lang`,
   * or, without one, `zh` / `ja` / `ko` when the words are in that script; '' when unknown (the words then
   * take the page's language). The player marks the words with it, so a screen reader reads them in their
   * own language and Chinese text gets Chinese glyphs on an English page.
   */
  lang: string;
  steps: CustomLessonStep[];
}

export const CUSTOM_PROBLEM_KINDS = [
  'too-large', // the text is over CUSTOM_LESSON_LIMITS.bytes (limit: bytes)
  'not-json', // not JSON at all
  'not-object', // JSON, but not an object (`where` says which part)
  'missing', // a required field is absent or empty
  'wrong-type', // a field of another type (expected: 'text' | 'list' | 'number' | 'object')
  'too-long', // a text over its limit (limit: characters)
  'no-steps', // `steps` is an empty list
  'too-many', // a list over its limit (limit: items)
  'too-few', // a list under its limit (limit: items)
  'unknown-panel', // not one of CUSTOM_PANELS (given)
  'unknown-control', // not one of LESSON_CONTROLS (given)
  'bad-answer', // `answer` is not the index of a choice (given)
  'bad-reveal', // `revealAt` is neither "end" nor a training step (given)
  'bad-link', // a `lessondata=` value that is not base64url of UTF-8 text
  'bad-lang', // `lang` is not a language tag (given)
] as const;
export type CustomProblemKind = (typeof CUSTOM_PROBLEM_KINDS)[number];

export interface CustomLessonProblem {
  kind: CustomProblemKind;
  /** The field, as the file spells it ('title', 'panels[1]', 'question.answer'); '' for the whole file. */
  field: string;
  /** The step it is in, counted from 1; absent for the lesson's own fields. */
  step?: number;
  /** What the file said (shortened). */
  given?: string;
  limit?: number;
  expected?: 'text' | 'list' | 'number' | 'object';
}

export type CustomLessonResult =
  { ok: true; lesson: CustomLesson } | { ok: false; problems: CustomLessonProblem[] };

/** At most this many problems are listed: a wrong file would otherwise list hundreds. */
const MAX_PROBLEMS = 20;

const shorten = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A field of the file's own (never an inherited one such as `constructor`). */
function own(o: Record<string, Json>, key: string): Json {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

class Reader {
  readonly problems: CustomLessonProblem[] = [];
  constructor(private readonly step?: number) {}

  report(p: Omit<CustomLessonProblem, 'step'>): void {
    this.problems.push(this.step === undefined ? p : { ...p, step: this.step });
  }

  /** A text field: required ones must be non-empty; every one within `limit` characters (after trimming). */
  text(o: Record<string, Json>, field: string, limit: number, required: boolean, where = field): string {
    return this.textValue(own(o, field), limit, required, where);
  }

  textValue(v: Json, limit: number, required: boolean, where: string): string {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      if (required) this.report({ kind: 'missing', field: where });
      return '';
    }
    if (typeof v !== 'string') {
      this.report({ kind: 'wrong-type', field: where, expected: 'text' });
      return '';
    }
    const s = v.trim();
    if (s.length > limit) {
      this.report({ kind: 'too-long', field: where, limit, given: `${s.length}` });
      return '';
    }
    return s;
  }

  /** A list field: null when absent (and not required) or wrong. */
  list(o: Record<string, Json>, field: string, required: boolean, where = field): Json[] | null {
    const v = own(o, field);
    if (v === undefined || v === null) {
      if (required) this.report({ kind: 'missing', field: where });
      return null;
    }
    if (!Array.isArray(v)) {
      this.report({ kind: 'wrong-type', field: where, expected: 'list' });
      return null;
    }
    return v;
  }

  /** Names from a fixed list (panels, controls), repeats dropped, at most `max`. */
  names<T extends string>(
    items: Json[],
    field: string,
    known: readonly T[],
    unknown: 'unknown-panel' | 'unknown-control',
    max: number,
  ): T[] {
    if (items.length > max) {
      this.report({ kind: 'too-many', field, limit: max, given: `${items.length}` });
      return [];
    }
    const out: T[] = [];
    items.forEach((item, i) => {
      const name = typeof item === 'string' ? item.trim().toLowerCase() : null;
      const found = known.find((k) => k === name);
      if (found === undefined) {
        this.report({ kind: unknown, field: `${field}[${i}]`, given: shorten(String(item)) });
      } else if (!out.includes(found)) out.push(found);
    });
    return out;
  }
}

function readQuestion(
  r: Reader,
  v: Json,
  steps: number,
): { shape: LessonQuestion; text: CustomQuestionText } | undefined {
  if (!isObject(v)) {
    r.report({ kind: 'wrong-type', field: 'question', expected: 'object' });
    return undefined;
  }
  const L = CUSTOM_LESSON_LIMITS;
  const prompt = r.text(v, 'prompt', L.prompt, true, 'question.prompt');
  const explain = r.text(v, 'explain', L.explain, false, 'question.explain');
  const items = r.list(v, 'choices', true, 'question.choices');
  const choices: string[] = [];
  if (items && items.length > L.choicesMax)
    r.report({ kind: 'too-many', field: 'question.choices', limit: L.choicesMax, given: `${items.length}` });
  else if (items && items.length < L.choicesMin)
    r.report({ kind: 'too-few', field: 'question.choices', limit: L.choicesMin, given: `${items.length}` });
  else if (items)
    items.forEach((item, i) => {
      choices.push(r.textValue(item, L.choice, true, `question.choices[${i}]`));
    });
  const answer = own(v, 'answer');
  if (answer === undefined) r.report({ kind: 'missing', field: 'question.answer' });
  else if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer >= choices.length)
    r.report({ kind: 'bad-answer', field: 'question.answer', given: shorten(JSON.stringify(answer) ?? '') });
  const reveal = own(v, 'revealAt');
  let revealAt: LessonQuestion['revealAt'];
  if (reveal === 'end') revealAt = 'end';
  else if (typeof reveal === 'number' && Number.isInteger(reveal) && reveal >= 0 && reveal <= steps)
    revealAt = reveal;
  else if (reveal !== undefined && reveal !== null)
    r.report({
      kind: 'bad-reveal',
      field: 'question.revealAt',
      given: shorten(JSON.stringify(reveal) ?? ''),
    });
  const shape: LessonQuestion = { choices: choices.length, answer: typeof answer === 'number' ? answer : 0 };
  if (revealAt !== undefined) shape.revealAt = revealAt;
  return { shape, text: { prompt, choices, explain } };
}

function readStep(v: Json, index: number): { step: CustomLessonStep; problems: CustomLessonProblem[] } {
  const r = new Reader(index + 1);
  const L = CUSTOM_LESSON_LIMITS;
  const empty: CustomLessonStep = { step: { state: '', panels: [] }, heading: '', text: '', notices: [] };
  if (!isObject(v)) {
    r.report({ kind: 'not-object', field: '' });
    return { step: empty, problems: r.problems };
  }
  const heading = r.text(v, 'heading', L.heading, true);
  const text = r.text(v, 'text', L.text, false);
  // A step's state is a link without '#': '' is the explorer's defaults.
  const state = r.text(v, 'state', L.state, false).replace(/^#/, '');
  const parsed = parseHash(state);
  const panelItems = r.list(v, 'panels', true);
  const panels = panelItems ? r.names(panelItems, 'panels', CUSTOM_PANELS, 'unknown-panel', L.panels) : [];
  if (panelItems && panelItems.length === 0)
    r.report({ kind: 'too-few', field: 'panels', limit: 1, given: '0' });
  const controlItems = r.list(v, 'controls', false);
  const controls = controlItems
    ? r.names(controlItems, 'controls', LESSON_CONTROLS, 'unknown-control', LESSON_CONTROLS.length)
    : [];
  const formula = r.text(v, 'formula', L.formula, false);
  const q = own(v, 'question');
  const question = q === undefined || q === null ? undefined : readQuestion(r, q, parsed.state.steps);

  const step: LessonStep = { state, panels };
  if (controls.length > 0) step.controls = controls satisfies LessonControl[];
  if (formula !== '') step.formula = formula;
  if (question) step.question = question.shape;
  const out: CustomLessonStep = { step, heading, text, notices: parsed.notices };
  if (question) out.question = question.text;
  return { step: out, problems: r.problems };
}

/** The UTF-8 size of a text, in bytes. */
function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Reads a custom lesson from the text of its JSON file. Never throws: any input, however hostile, gives
 * either a lesson or a list of problems (at most 20), each a kind and the field it is about.
 */
export function readCustomLesson(text: string): CustomLessonResult {
  const L = CUSTOM_LESSON_LIMITS;
  const fail = (p: CustomLessonProblem): CustomLessonResult => ({ ok: false, problems: [p] });
  if (typeof text !== 'string') return fail({ kind: 'not-json', field: '' });
  // Every UTF-16 unit is at least one UTF-8 byte: a text longer than the limit is too large before encoding it.
  const bytes = text.length > L.bytes ? text.length : utf8Bytes(text);
  if (bytes > L.bytes) return fail({ kind: 'too-large', field: '', limit: L.bytes, given: `${bytes}` });
  let data: Json;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch {
    return fail({ kind: 'not-json', field: '' });
  }
  if (!isObject(data)) return fail({ kind: 'not-object', field: '' });

  const r = new Reader();
  const title = r.text(data, 'title', L.title, true);
  const summary = r.text(data, 'summary', L.summary, false);
  const items = r.list(data, 'steps', true);
  const steps: CustomLessonStep[] = [];
  if (items && items.length === 0) r.report({ kind: 'no-steps', field: 'steps' });
  else if (items && items.length > L.steps)
    r.report({ kind: 'too-many', field: 'steps', limit: L.steps, given: `${items.length}` });
  else if (items)
    items.forEach((item, i) => {
      const read = readStep(item, i);
      steps.push(read.step);
      r.problems.push(...read.problems);
    });
  const declared = own(data, 'lang');
  let lang = '';
  if (declared !== undefined) {
    if (typeof declared === 'string' && LANGUAGE_TAG.test(declared)) lang = declared;
    else r.report({ kind: 'bad-lang', field: 'lang', given: shorten(String(declared)) });
  }
  if (r.problems.length > 0) return { ok: false, problems: r.problems.slice(0, MAX_PROBLEMS) };
  const words = [title, summary, ...steps.flatMap((s) => [s.heading, s.text, ...questionWords(s.question)])];
  return { ok: true, lesson: { title, summary, lang: lang || scriptLanguage(words.join(' ')), steps } };
}

/** A language tag as BCP 47 spells it: a 2–3 letter language, then subtags (script, region, variant). */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/;

function questionWords(q: CustomQuestionText | undefined): string[] {
  return q ? [q.prompt, ...q.choices, q.explain] : [];
}

/**
 * The language a text's script says for certain: kana is Japanese, hangul Korean, Han characters without
 * either Chinese. Latin letters could be many languages: '' (unknown) then.
 */
export function scriptLanguage(text: string): string {
  if (/[\u3040-\u30ff]/.test(text)) return 'ja';
  if (/[\uac00-\ud7af\u1100-\u11ff]/.test(text)) return 'ko';
  if (/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return 'zh';
  return '';
}

/** The lesson back as its JSON format (only the known fields, in the documented order). */
export function customLessonJson(lesson: CustomLesson): string {
  return JSON.stringify({
    title: lesson.title,
    ...(lesson.summary === '' ? {} : { summary: lesson.summary }),
    ...(lesson.lang === '' ? {} : { lang: lesson.lang }),
    steps: lesson.steps.map(({ step, heading, text, question }) => ({
      heading,
      ...(text === '' ? {} : { text }),
      state: step.state,
      panels: step.panels,
      ...(step.controls ? { controls: step.controls } : {}),
      ...(step.formula === undefined ? {} : { formula: step.formula }),
      ...(question && step.question
        ? {
            question: {
              prompt: question.prompt,
              choices: question.choices,
              answer: step.question.answer,
              ...(question.explain === '' ? {} : { explain: question.explain }),
              ...(step.question.revealAt === undefined ? {} : { revealAt: step.question.revealAt }),
            },
          }
        : {}),
    })),
  });
}

export { LESSON_DATA_KEY };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/**
 * The hash of a link that opens `lesson`: `#lessondata=` and the base64url of its UTF-8 JSON (not
 * compressed: CompressionStream is asynchronous and the link must be readable at once). `long` says the link
 * is over CUSTOM_LESSON_LIMITS.linkWarnChars, which some mail and course tools cut: share the file instead.
 */
export function customLessonHash(lesson: CustomLesson): { hash: string; long: boolean } {
  const hash = `#${LESSON_DATA_KEY}=${toBase64Url(new TextEncoder().encode(customLessonJson(lesson)))}`;
  return { hash, long: hash.length > CUSTOM_LESSON_LIMITS.linkWarnChars };
}

/** The `lessondata=` value of a hash, or null when it has none. */
export function lessonDataOf(hash: string): string | null {
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (part.startsWith(`${LESSON_DATA_KEY}=`)) return part.slice(LESSON_DATA_KEY.length + 1);
  }
  return null;
}

/** Reads the lesson of a `lessondata=` value (as lessonDataOf gives it). Never throws. */
export function readLessonData(value: string): CustomLessonResult {
  const L = CUSTOM_LESSON_LIMITS;
  // base64 is 4 characters per 3 bytes: a longer value is over the byte limit before decoding it.
  if (value.length > Math.ceil((L.bytes * 4) / 3))
    return { ok: false, problems: [{ kind: 'too-large', field: '', limit: L.bytes }] };
  const bytes = fromBase64Url(value);
  let text: string | null = null;
  if (bytes) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = null;
    }
  }
  if (text === null) return { ok: false, problems: [{ kind: 'bad-link', field: '' }] };
  return readCustomLesson(text);
}

// parseHash reads `lessondata=` links through this module once it has loaded (urlCodec.registerLessonData).
registerLessonData({
  read: readLessonData,
  write: (lesson) => customLessonHash(lesson).hash.slice(`#${LESSON_DATA_KEY}=`.length),
});
