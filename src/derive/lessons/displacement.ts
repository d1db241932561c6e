// The facts lesson 'displacement' states (i18n/types/lessons/displacement.ts), from the state on screen and its runs.
import type { DisplacementFacts } from '../../i18n/types/lessons/displacement.ts';
import type { LessonFactsInput } from './types.ts';

export function displacementFacts({ s }: LessonFactsInput): DisplacementFacts {
  return { t: s.t };
}
