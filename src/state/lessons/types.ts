// A lesson is data: a short list of steps, each an explorer state (a link), the views that matter, the
// controls it needs, an optional formula and an optional question asked before the answer is shown. The
// words are in the i18n tables (i18n/types/lessons.ts), keyed by lesson id and step index, and the facts
// they state are computed from the page (derive/lessons/), so text and plots describe one state.
import type { ViewId } from '../viewIds.ts';

/** The built-in lessons, in the order a course takes them (their ids are the `lesson=` values of a link). */
export const LESSON_IDS = [
  'rlhf-to-dpo',
  'beta',
  'reference',
  'ipo-vs-dpo',
  'kto',
  'displacement',
  'trl-logs',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

export function isLessonId(id: string): id is LessonId {
  return (LESSON_IDS as readonly string[]).includes(id);
}

/**
 * What a step may show beside its views: the views of the page (VIEW_IDS) and the readout's panels.
 * 'metrics' is the "What TRL would log" table under the training view.
 */
export type LessonPanel = ViewId | 'metrics' | 'readout';

/** Controls a step may need on screen (the presenter layout hides every other control). */
export const LESSON_CONTROLS = ['time', 'beta', 'p', 'ref', 'loss', 'compare', 'kto', 'sft'] as const;
export type LessonControl = (typeof LESSON_CONTROLS)[number];

/**
 * Predict, then reveal (Distill): the question is asked with the views at the step's own `t` (usually the
 * start); answering moves the time cursor to `revealAt` (default: the end of training, played) and shows
 * the answer's explanation. `answer` indexes the choices of the step's text (i18n), whose count must match.
 */
export interface LessonQuestion {
  choices: number;
  answer: number;
  /** The step the views show once answered: 'end' (default) or a step number. */
  revealAt?: 'end' | number;
}

export interface LessonStep {
  /**
   * The explorer at this step, as the keys of a link without '#' (e.g. 'preset=deterministic&loss=sigmoid,ipo&t=0').
   * It is read by the same reader as every link (urlCodec.parseHash), so a step is exactly a shareable state.
   */
  state: string;
  /** The one or two panels that matter, drawn large; the rest are folded. */
  panels: LessonPanel[];
  /** Controls the step needs on screen; none by default. */
  controls?: LessonControl[];
  /** A formula shown under the text (KaTeX source; the same in every language). */
  formula?: string;
  question?: LessonQuestion;
}

export interface Lesson {
  id: LessonId;
  steps: LessonStep[];
}
