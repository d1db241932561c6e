// The facts lesson 'reference' states (i18n/types/lessons/reference.ts), from the state on screen and its runs.
import type { ReferenceFacts } from '../../i18n/types/lessons/reference.ts';
import type { LessonFactsInput } from './types.ts';

export function referenceFacts({ s }: LessonFactsInput): ReferenceFacts {
  return { t: s.t };
}
