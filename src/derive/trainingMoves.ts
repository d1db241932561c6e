// Which runs moved π of response 0 (y_w, or the thumbs-down A) up or down over training, for the training
// view's caption. A change smaller than the texts can show (they give probabilities to two decimals) is
// neither a rise nor a fall: "π(y_w) fell under IPO" for 0.3611 → 0.3606 would contradict a summary that
// reads 0.36 → 0.36 and a scenario text saying IPO leaves π(y_w) where it began.
import { trustedSteps } from '../math/index.ts';
import type { TrainingRunInput } from './types.ts';

/** The smallest change of π called a rise or a fall: half the last digit the texts show. */
export const MOVE_TOLERANCE = 0.005;

/** The runs (not diverged) in which π of response 0 ended clearly above / below its start. */
export function firstResponseMoves(runs: readonly TrainingRunInput[]): {
  rose: TrainingRunInput[];
  fell: TrainingRunInput[];
} {
  const rose: TrainingRunInput[] = [];
  const fell: TrainingRunInput[] = [];
  for (const run of runs) {
    if (run.divergence || run.probs.length < 2) continue;
    const end = run.probs[trustedSteps(run.divergence, run.probs.length) - 1][0];
    const start = run.probs[0][0];
    if (end - start >= MOVE_TOLERANCE) rose.push(run);
    else if (start - end >= MOVE_TOLERANCE) fell.push(run);
  }
  return { rose, fell };
}
