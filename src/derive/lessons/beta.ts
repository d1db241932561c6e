// The facts lesson 'beta' states (i18n/types/lessons/beta.ts), from the state on screen and its runs.
import type { BetaFacts } from '../../i18n/types/lessons/beta.ts';
import type { LessonFactsInput } from './types.ts';

export function betaFacts({ s }: LessonFactsInput): BetaFacts {
  return { t: s.t };
}
