// The facts lesson 'trl-logs' states (i18n/types/lessons/trl-logs.ts), from the state on screen and its runs.
import type { TrlLogsFacts } from '../../i18n/types/lessons/trl-logs.ts';
import type { LessonFactsInput } from './types.ts';

export function trlLogsFacts({ s }: LessonFactsInput): TrlLogsFacts {
  return { t: s.t };
}
