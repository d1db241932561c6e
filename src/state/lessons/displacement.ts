// Lesson 'displacement': its steps as data (words: i18n/*/lessons/displacement.ts; facts: derive/lessons/displacement.ts).
import type { Lesson } from './types.ts';

export const DISPLACEMENT_LESSON: Lesson = {
  id: 'displacement',
  steps: [{ state: '', panels: ['training'] }],
};
