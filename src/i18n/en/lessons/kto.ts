// Lesson 'kto' in English (facts: i18n/types/lessons/kto.ts).
import type { LessonText } from '../../types/lessons.ts';
import type { KtoFacts } from '../../types/lessons/kto.ts';

export const EN_kto: LessonText<KtoFacts> = {
  title: 'kto',
  summary: '',
  steps: [{ heading: 'kto', body: () => '' }],
};
