// Lesson 'displacement' in Chinese (facts: i18n/types/lessons/displacement.ts).
import type { LessonText } from '../../types/lessons.ts';
import type { DisplacementFacts } from '../../types/lessons/displacement.ts';

export const ZH_displacement: LessonText<DisplacementFacts> = {
  title: 'displacement',
  summary: '',
  steps: [{ heading: 'displacement', body: () => '' }],
};
