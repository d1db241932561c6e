// Lesson 'trl-logs' in English (facts: i18n/types/lessons/trl-logs.ts).
import type { LessonText } from '../../types/lessons.ts';
import type { TrlLogsFacts } from '../../types/lessons/trl-logs.ts';

export const EN_trlLogs: LessonText<TrlLogsFacts> = {
  title: 'trl-logs',
  summary: '',
  steps: [{ heading: 'trl-logs', body: () => '' }],
};
