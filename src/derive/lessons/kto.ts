// The facts lesson 'kto' states (i18n/types/lessons/kto.ts), from the state on screen and its runs.
import type { KtoFacts } from '../../i18n/types/lessons/kto.ts';
import type { LessonFactsInput } from './types.ts';

export function ktoFacts({ s }: LessonFactsInput): KtoFacts {
  return { t: s.t };
}
