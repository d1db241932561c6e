// Which toy training runs diverged (math/toy/divergence.ts), gathered for the training view's warning. (Sweep
// points are solved to their end whatever the learning rate; derive/sweeps.ts says which did not converge.)
import { trustedSteps, type LossId } from '../math/index.ts';
import type { TrainingRunInput } from './types.ts';

export interface DivergedRun {
  id: LossId;
  /** The first diverged step. */
  step: number;
  /** The last step before it (at least 0): the one whose numbers can still be shown. */
  lastTrustedStep: number;
}

/** The runs that diverged, in the order given. */
export function divergedRuns(runs: readonly TrainingRunInput[]): DivergedRun[] {
  const out: DivergedRun[] = [];
  for (const run of runs) {
    const d = run.divergence;
    if (d) out.push({ id: run.id, step: d.step, lastTrustedStep: trustedSteps(d, run.loss.length) - 1 });
  }
  return out;
}
