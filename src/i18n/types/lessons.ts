// The lessons' words, by lesson id and step index (the steps themselves are data: state/lessons/). A step's
// text is a template over its lesson's facts (derive/lessons/), computed from the state on screen, so every
// number it states is one the views draw; a claim is stated only while it holds of that state.
import type { LessonId } from '../../state/lessons/types.ts';
import type { RlhfToDpoFacts } from './lessons/rlhf-to-dpo.ts';
import type { BetaFacts } from './lessons/beta.ts';
import type { ReferenceFacts } from './lessons/reference.ts';
import type { IpoVsDpoFacts } from './lessons/ipo-vs-dpo.ts';
import type { KtoFacts } from './lessons/kto.ts';
import type { DisplacementFacts } from './lessons/displacement.ts';
import type { TrlLogsFacts } from './lessons/trl-logs.ts';

export interface LessonQuestionText<F> {
  prompt: string;
  /** As many as the step's question has (state/lessons/), in its order. */
  choices: string[];
  /** Shown once answered, about the revealed state: what happened and why. */
  explain: (f: F) => string;
}

export interface LessonStepText<F> {
  heading: string;
  /** Paragraphs separated by a blank line ('\n\n'); plain text (no HTML). */
  body: (f: F) => string;
  question?: LessonQuestionText<F>;
}

export interface LessonText<F> {
  title: string;
  /** One sentence: what the lesson is about (the lesson menu shows it). */
  summary: string;
  /** One per step of the lesson's data, in order. */
  steps: LessonStepText<F>[];
}

export interface LessonFactsById {
  'rlhf-to-dpo': RlhfToDpoFacts;
  beta: BetaFacts;
  reference: ReferenceFacts;
  'ipo-vs-dpo': IpoVsDpoFacts;
  kto: KtoFacts;
  displacement: DisplacementFacts;
  'trl-logs': TrlLogsFacts;
}

export type LessonTexts = { [K in LessonId]: LessonText<LessonFactsById[K]> };
