// Every lesson's facts by lesson id, and the text of a step about the state on screen.
import type { LessonId } from '../../state/lessons/types.ts';
import type { LessonFactsById, LessonText } from '../../i18n/types/lessons.ts';
import type { LessonFactsInput } from './types.ts';
import { rlhfToDpoFacts } from './rlhf-to-dpo.ts';
import { betaFacts } from './beta.ts';
import { referenceFacts } from './reference.ts';
import { ipoVsDpoFacts } from './ipo-vs-dpo.ts';
import { ktoFacts } from './kto.ts';
import { displacementFacts } from './displacement.ts';
import { trlLogsFacts } from './trl-logs.ts';

export type { LessonFactsInput, LessonFields } from './types.ts';

export const LESSON_FACTS: { [K in LessonId]: (input: LessonFactsInput) => LessonFactsById[K] } = {
  'rlhf-to-dpo': rlhfToDpoFacts,
  beta: betaFacts,
  reference: referenceFacts,
  'ipo-vs-dpo': ipoVsDpoFacts,
  kto: ktoFacts,
  displacement: displacementFacts,
  'trl-logs': trlLogsFacts,
};

export function lessonFacts<K extends LessonId>(id: K, input: LessonFactsInput): LessonFactsById[K] {
  return LESSON_FACTS[id](input);
}

/** Step `input.step`'s body (and its question's explanation) in one language, about the state on screen. */
export function lessonStepText<K extends LessonId>(
  text: LessonText<LessonFactsById[K]>,
  id: K,
  input: LessonFactsInput,
): { body: string; explain: string | null } {
  const f = lessonFacts(id, input);
  const step = text.steps[input.step];
  return { body: step.body(f), explain: step.question ? step.question.explain(f) : null };
}
