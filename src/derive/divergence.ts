// Which toy training runs and sweep points diverged (math/toy/divergence.ts), gathered for the warnings of
// the training and sweeps views.
import { trustedSteps, type LossId } from '../math/index.ts';
import type { SweepInput, TrainingRunInput } from './types.ts';

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

export interface DivergedSweep {
  id: LossId;
  /** Points where training diverged, of `total`. */
  count: number;
  total: number;
  /** The smallest and largest swept value among them. */
  from: number;
  to: number;
}

/** The sweeps with points where training diverged, in the order given. */
export function divergedSweeps(sweeps: readonly SweepInput[]): DivergedSweep[] {
  const out: DivergedSweep[] = [];
  for (const w of sweeps) {
    const xs = w.x.filter((_, i) => w.diverged?.[i] === true);
    if (xs.length > 0)
      out.push({ id: w.id, count: xs.length, total: w.x.length, from: Math.min(...xs), to: Math.max(...xs) });
  }
  return out;
}
