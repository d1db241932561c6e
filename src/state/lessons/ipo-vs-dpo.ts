// Lesson 'ipo-vs-dpo': its steps as data (words: i18n/*/lessons/ipo-vs-dpo.ts; facts: derive/lessons/ipo-vs-dpo.ts).
import type { Lesson } from './types.ts';

export const IPOVSDPO_LESSON: Lesson = {
  id: 'ipo-vs-dpo',
  steps: [{ state: '', panels: ['training'] }],
};
