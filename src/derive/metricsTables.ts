// What the training view's TRL metrics tables show: each run's metrics at its last step, or, for a run that
// diverged, at the last step before it diverged (later numbers mean nothing).
import type { DivergedRun } from './divergence.ts';
import type { TrainingRunInput } from './types.ts';

/** The metrics at step t (default: the last), leaving out those with no finite value there. */
export function stepMetrics(metrics: Record<string, number[]>, t?: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, values] of Object.entries(metrics)) {
    const v = values[t ?? values.length - 1];
    if (Number.isFinite(v)) out[name] = v;
  }
  return out;
}

export interface MetricsTable {
  run: TrainingRunInput;
  metrics: Record<string, number>;
  /** The step shown. */
  step: number;
  /** Set when the run diverged: `step` is then its last trusted step. */
  diverged: DivergedRun | null;
}

/** One table per run, in the runs' order; `diverged` as divergence.ts `divergedRuns` gives them. */
export function metricsTablesOf(
  runs: readonly TrainingRunInput[],
  diverged: readonly DivergedRun[],
): MetricsTable[] {
  return runs.map((run) => {
    const d = diverged.find((x) => x.id === run.id) ?? null;
    const step = d ? d.lastTrustedStep : run.loss.length - 1;
    return { run, metrics: stepMetrics(run.metrics, d ? step : undefined), step, diverged: d };
  });
}
