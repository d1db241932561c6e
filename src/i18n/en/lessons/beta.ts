// Lesson 'beta' in English (facts: i18n/types/lessons/beta.ts).
import type { LessonText } from '../../types/lessons.ts';
import type { BetaFacts } from '../../types/lessons/beta.ts';

export const EN_beta: LessonText<BetaFacts> = {
  title: 'beta',
  summary: '',
  steps: [{ heading: 'beta', body: () => '' }],
};
