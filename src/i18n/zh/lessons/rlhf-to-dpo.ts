// Lesson 'rlhf-to-dpo' in Chinese (facts: i18n/types/lessons/rlhf-to-dpo.ts).
import type { LessonText } from '../../types/lessons.ts';
import type { RlhfToDpoFacts } from '../../types/lessons/rlhf-to-dpo.ts';

export const ZH_rlhfToDpo: LessonText<RlhfToDpoFacts> = {
  title: 'rlhf-to-dpo',
  summary: '',
  steps: [{ heading: 'rlhf-to-dpo', body: () => '' }],
};
