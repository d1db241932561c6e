// Lesson 'reference': its steps as data (words: i18n/*/lessons/reference.ts; facts: derive/lessons/reference.ts).
import type { Lesson } from './types.ts';

export const REFERENCE_LESSON: Lesson = {
  id: 'reference',
  steps: [{ state: '', panels: ['training'] }],
};
