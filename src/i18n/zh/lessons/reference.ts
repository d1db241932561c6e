// Lesson 'reference' in Chinese (facts: i18n/types/lessons/reference.ts).
import type { LessonText } from '../../types/lessons.ts';
import type { ReferenceFacts } from '../../types/lessons/reference.ts';

export const ZH_reference: LessonText<ReferenceFacts> = {
  title: 'reference',
  summary: '',
  steps: [{ heading: 'reference', body: () => '' }],
};
