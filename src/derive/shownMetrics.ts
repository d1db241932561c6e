// Which TRL metrics the training view plots: the ones the reader ticked, or, while nothing is ticked
// (automatic), the usual ones that have data in these runs, topped up with others that do. KTO logs no
// rewards/accuracies, and for a class without examples (thumbs-down only) its rewards/chosen,
// rewards/margins and logps/chosen are NaN: plotting those would draw empty axes.
import { PICKER_METRICS, PICKER_TICKED, type ExplorerMetricName } from '../math/index.ts';
import type { TrainingRunInput } from './types.ts';

/** True when some run logged a finite value of `metric` at some step. */
export function metricHasData(runs: readonly TrainingRunInput[], metric: string): boolean {
  return runs.some((run) => (run.metrics[metric] ?? []).some((v) => Number.isFinite(v)));
}

/** The metrics to plot for the state's choice `ticked` ([] = automatic). */
export function shownMetrics(
  ticked: readonly ExplorerMetricName[],
  runs: readonly TrainingRunInput[],
): ExplorerMetricName[] {
  if (ticked.length > 0) return [...ticked];
  const usual = PICKER_TICKED.filter((m) => metricHasData(runs, m));
  const others = PICKER_METRICS.filter((m) => !PICKER_TICKED.includes(m) && metricHasData(runs, m));
  const shown = [...usual, ...others].slice(0, Math.max(usual.length, PICKER_TICKED.length));
  // Nothing has data (no runs yet): the usual ones, so the picker is never all unticked.
  return shown.length > 0 ? PICKER_METRICS.filter((m) => shown.includes(m)) : [...PICKER_TICKED];
}

/** The choice after toggling `name` in what is shown: never empty (the last ticked one stays). */
export function toggledMetrics(
  shown: readonly ExplorerMetricName[],
  name: ExplorerMetricName,
): ExplorerMetricName[] {
  if (!shown.includes(name)) return [...shown, name];
  return shown.length > 1 ? shown.filter((m) => m !== name) : [...shown];
}
