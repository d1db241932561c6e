// The facts lesson 'ipo-vs-dpo' states (i18n/types/lessons/ipo-vs-dpo.ts), from the state on screen and its runs.
import type { IpoVsDpoFacts } from '../../i18n/types/lessons/ipo-vs-dpo.ts';
import type { LessonFactsInput } from './types.ts';

export function ipoVsDpoFacts({ s }: LessonFactsInput): IpoVsDpoFacts {
  return { t: s.t };
}
