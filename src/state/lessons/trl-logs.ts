// Lesson 'trl-logs': its steps as data (words: i18n/*/lessons/trl-logs.ts; facts: derive/lessons/trl-logs.ts).
import type { Lesson } from './types.ts';

export const TRLLOGS_LESSON: Lesson = {
  id: 'trl-logs',
  steps: [{ state: '', panels: ['training'] }],
};
