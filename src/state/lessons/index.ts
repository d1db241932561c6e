// The built-in lessons by id (each in its own file), and the lookups the link reader and the page use.
import { LESSON_IDS, type Lesson, type LessonId } from './types.ts';
import { RLHFTODPO_LESSON } from './rlhf-to-dpo.ts';
import { BETA_LESSON } from './beta.ts';
import { REFERENCE_LESSON } from './reference.ts';
import { IPOVSDPO_LESSON } from './ipo-vs-dpo.ts';
import { KTO_LESSON } from './kto.ts';
import { DISPLACEMENT_LESSON } from './displacement.ts';
import { TRLLOGS_LESSON } from './trl-logs.ts';

export * from './types.ts';

export const LESSONS: { readonly [K in LessonId]: Lesson } = {
  'rlhf-to-dpo': RLHFTODPO_LESSON,
  beta: BETA_LESSON,
  reference: REFERENCE_LESSON,
  'ipo-vs-dpo': IPOVSDPO_LESSON,
  kto: KTO_LESSON,
  displacement: DISPLACEMENT_LESSON,
  'trl-logs': TRLLOGS_LESSON,
};

/** The lessons in course order. */
export const LESSON_LIST: readonly Lesson[] = LESSON_IDS.map((id) => LESSONS[id]);
