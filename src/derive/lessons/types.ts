// What every lesson's facts are computed from: the step shown, the state on screen and the runs its views draw.
import type { ScenarioFields, TrainCompared } from '../scenarioFacts.ts';
import type { ToyRuns } from '../toy.ts';

/** The state fields a lesson's facts may read: the toy's, the compared run's choice, and the time cursor. */
export type LessonFields = ScenarioFields & { t: number };

export interface LessonFactsInput {
  /** The step shown, from 0 (a link's step=1 is 0 here). */
  step: number;
  s: LessonFields;
  /** The views' runs of `s` (trainingRunsOf), and how to train the compared run (compareRunsOf by default). */
  runs: ToyRuns;
  trainCompared: TrainCompared;
}
