// Lesson 'beta': its steps as data (words: i18n/*/lessons/beta.ts; facts: derive/lessons/beta.ts).
import type { Lesson } from './types.ts';

export const BETA_LESSON: Lesson = {
  id: 'beta',
  steps: [{ state: '', panels: ['training'] }],
};
