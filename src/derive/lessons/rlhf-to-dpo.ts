// The facts lesson 'rlhf-to-dpo' states (i18n/types/lessons/rlhf-to-dpo.ts), from the state on screen and its runs.
import type { RlhfToDpoFacts } from '../../i18n/types/lessons/rlhf-to-dpo.ts';
import type { LessonFactsInput } from './types.ts';

export function rlhfToDpoFacts({ s }: LessonFactsInput): RlhfToDpoFacts {
  return { t: s.t };
}
