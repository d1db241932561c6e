// Reading the views' runs at the time cursor, for the lessons' facts (lessons rlhf-to-dpo, beta, reference):
// every number a step's text states at step t is the one the training view, the metrics table and the
// readout show there (derive/atStep.ts runStepAt: t clamped to the run, or its last trusted step).
import type { LossId } from '../../math/index.ts';
import type { TrainingRunInput } from '../types.ts';
import type { ToyRuns } from '../toy.ts';
import { runStepAt } from '../atStep.ts';

export const runOf = (runs: ToyRuns, id: LossId): TrainingRunInput | undefined =>
  runs.runs.find((r) => r.id === id);

/** The step of `run` the views show at cursor t (null: no run). */
export const stepOf = (run: TrainingRunInput | undefined, t: number): number | null =>
  run ? runStepAt(run, t).step : null;

/** π(k) of `run` at cursor t (null: no run, or no response k). */
export function probAt(run: TrainingRunInput | undefined, k: number, t: number): number | null {
  const step = stepOf(run, t);
  if (run === undefined || step === null) return null;
  return run.probs[step]?.[k] ?? null;
}

/** Every π of `run` at cursor t. */
export function policyAt(run: TrainingRunInput | undefined, t: number): number[] | null {
  const step = stepOf(run, t);
  return run === undefined || step === null ? null : (run.probs[step] ?? null);
}

/** TRL metric `name` of `run` at cursor t, as the metrics table shows it. */
export function metricAt(run: TrainingRunInput | undefined, name: string, t: number): number | null {
  const step = stepOf(run, t);
  if (run === undefined || step === null) return null;
  return run.metrics[name]?.[step] ?? null;
}

/** The log-ratio margin h = ρw − ρl of `run` at cursor t. */
export function marginAt(run: TrainingRunInput | undefined, t: number): number | null {
  const step = stepOf(run, t);
  if (run === undefined || step === null) return null;
  return run.chosenLogRatio[step] - run.rejectedLogRatio[step];
}

/** Where `run` ends: its last trusted step (a step past every cursor). */
export const END = Infinity;

/** The largest |a_k − b_k|: how far two policies are apart in any one probability. */
export function maxGap(a: readonly number[], b: readonly number[]): number {
  return a.reduce((m, x, k) => Math.max(m, Math.abs(x - b[k])), 0);
}

/**
 * `compute()`, or null when the math module refuses the setting (its RangeError: a setting out of a loss's
 * domain, as the views' own guards treat it), so a student's edit drops a number instead of breaking the text.
 */
export function orNull<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}
