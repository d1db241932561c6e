// Lesson 'kto': its steps as data (words: i18n/*/lessons/kto.ts; facts: derive/lessons/kto.ts).
import type { Lesson } from './types.ts';

export const KTO_LESSON: Lesson = {
  id: 'kto',
  steps: [{ state: '', panels: ['training'] }],
};
