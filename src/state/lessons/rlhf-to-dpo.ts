// Lesson 'rlhf-to-dpo': its steps as data (words: i18n/*/lessons/rlhf-to-dpo.ts; facts: derive/lessons/rlhf-to-dpo.ts).
import type { Lesson } from './types.ts';

export const RLHFTODPO_LESSON: Lesson = {
  id: 'rlhf-to-dpo',
  steps: [{ state: '', panels: ['training'] }],
};
