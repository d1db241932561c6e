// One run's TRL metrics at one step: what the training view's "What TRL would log" tables show (at the time
// cursor's step, atStep.ts metricsAtStep, which picks the step for a run that diverged).

/** The metrics at step t (default: the last), leaving out those with no finite value there. */
export function stepMetrics(metrics: Record<string, number[]>, t?: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, values] of Object.entries(metrics)) {
    const v = values[t ?? values.length - 1];
    if (Number.isFinite(v)) out[name] = v;
  }
  return out;
}
