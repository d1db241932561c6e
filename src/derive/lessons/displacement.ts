// The facts lesson 'displacement' states (i18n/types/lessons/displacement.ts), from the state on screen and its
// runs: the three scenarios' facts (derive/scenarioFacts.ts) about that state, so the lesson says what the
// scenario explanations say and checks every claim the same way.
import type { DisplacementFacts } from '../../i18n/types/lessons/displacement.ts';
import { scenarioFacts } from '../scenarioFacts.ts';
import type { LessonFactsInput } from './types.ts';

export function displacementFacts({ s, runs, trainCompared }: LessonFactsInput): DisplacementFacts {
  const shared = s.features === 'shared';
  const sim = s.similarity;
  // build.ts sharedFeatures: f_w = (1 − s)·e₀ + s·u, f_l = (1 − s)·e₁ + 2s·u.
  const slope = shared ? (1 - sim) ** 2 - sim ** 2 : null;
  return {
    t: s.t,
    similarity: sim,
    scoreSlope: slope,
    // The step is along f_w − f_l only under plain SGD (Adam rescales each coordinate).
    scoreFallsHolds: slope !== null && slope < 0 && s.optimizer === 'sgd' && s.dataset === 'pair',
    razin: scenarioFacts('razin-displacement', s, runs, trainCompared),
    squeezing: scenarioFacts('squeezing', s, runs, trainCompared),
    sft: scenarioFacts('sft-term', s, runs, trainCompared),
  };
}
