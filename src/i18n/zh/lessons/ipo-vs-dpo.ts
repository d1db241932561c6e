// Lesson 'ipo-vs-dpo' in Chinese (facts: i18n/types/lessons/ipo-vs-dpo.ts).
import type { LessonText } from '../../types/lessons.ts';
import type { IpoVsDpoFacts } from '../../types/lessons/ipo-vs-dpo.ts';

export const ZH_ipoVsDpo: LessonText<IpoVsDpoFacts> = {
  title: 'ipo-vs-dpo',
  summary: '',
  steps: [{ heading: 'ipo-vs-dpo', body: () => '' }],
};
