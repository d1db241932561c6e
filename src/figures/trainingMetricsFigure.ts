// View 3, second plot: TRL's logged metrics over the training steps, one subplot per metric (titled with
// TRL's name), one colour per loss.
import type { Data, Layout } from 'plotly.js';
import { drawnSteps, trustedSteps } from '../math/index.ts';
import type { Figure, PlotTheme, TrainingRunInput } from './types.ts';
import type { FigureStrings, MetricsSummaryPart } from './strings.ts';
import { lossStyle } from './lossStyle.ts';
import { themeAxis, themeLayout } from './themes.ts';
import {
  emptyFigure,
  finiteExtent,
  paddedRange,
  setSubplotAxes,
  steps,
  subplotAxes,
  subplotGrid,
} from './layout.ts';

/** The metrics TRL's DPOTrainer logs, in the order the explorer offers them. */
export const TRL_METRICS = [
  'rewards/margins',
  'rewards/accuracies',
  'rewards/chosen',
  'rewards/rejected',
  'logps/chosen',
  'logps/rejected',
  'loss',
] as const;

export interface TrainingMetricsFigureOptions {
  theme: PlotTheme;
  strings: FigureStrings;
  /** TRL metric names to plot, one subplot each; a run without a metric (KTO logs no accuracy) is skipped there. */
  metrics: readonly string[];
  /** Panels per row at most (default 4); narrow screens pass fewer. */
  maxColumns?: number;
}

export function trainingMetricsFigure(
  runs: readonly TrainingRunInput[],
  opts: TrainingMetricsFigureOptions,
): Figure {
  const { theme, strings: s, metrics } = opts;
  if (runs.length === 0 || metrics.length === 0) {
    return emptyFigure(theme, s.note.noData, s.summary.empty, 'metrics');
  }

  const grid = subplotGrid(metrics.length, theme, { titled: false, gapX: 0.085, maxCols: opts.maxColumns });
  const data: Data[] = [];
  const inLegend = new Set<string>();
  const layout: Partial<Layout> = {
    ...themeLayout(theme),
    uirevision: `metrics-${metrics.join(',')}`,
    hovermode: 'x unified',
    height: grid.height,
    margin: { ...grid.margin, pad: 0 },
  };
  const parts: MetricsSummaryPart[] = runs.map((run) => ({
    label: s.lossLabel(run.id),
    steps: Math.max(0, run.probs.length - 1),
    values: [],
    divergedAt: run.divergence?.step ?? null,
  }));

  metrics.forEach((metric, i) => {
    const cell = grid.cells[i];
    const axes = subplotAxes(i);
    const series: ArrayLike<number>[] = [];
    const divergedSeries: ArrayLike<number>[] = [];
    let lastStep = 1;
    runs.forEach((run, r) => {
      const all = run.metrics[metric];
      if (!all || all.length === 0) return;
      const label = parts[r].label;
      const style = lossStyle(r, theme);
      // A diverged run is drawn up to the step where it diverged, and sets the axis range only when every
      // run diverged (then with the steps before that): its swings would squash the other curves flat.
      const y = run.divergence ? all.slice(0, drawnSteps(run.divergence, all.length)) : all;
      if (run.divergence) divergedSeries.push(all.slice(0, trustedSteps(run.divergence, all.length)));
      else series.push(all);
      lastStep = Math.max(lastStep, all.length - 1);
      data.push({
        type: 'scatter',
        mode: 'lines',
        name: label,
        legendgroup: run.id,
        showlegend: !inLegend.has(run.id),
        xaxis: axes.x,
        yaxis: axes.y,
        x: steps(y.length),
        y,
        line: { color: style.color, dash: style.dash, width: theme.lineWidth },
        hovertemplate: `${label}: %{y:.3f}<extra></extra>`,
      });
      inLegend.add(run.id);
      if (!run.divergence) parts[r].values.push({ metric, value: y[y.length - 1] });
    });
    const [lo, hi] = finiteExtent(series.length > 0 ? series : divergedSeries);
    setSubplotAxes(
      layout,
      i,
      themeAxis(theme, {
        domain: cell.x,
        anchor: axes.y,
        range: [0, lastStep],
        autorange: false,
        title: { text: cell.bottom ? s.axis.step : '' },
        unifiedhovertitle: { text: `${s.hover.step} %{x}` },
      }),
      themeAxis(theme, {
        domain: cell.y,
        anchor: axes.x,
        range: paddedRange(lo, hi, 0.06),
        autorange: false,
        title: { text: s.axis.metric(metric) },
      }),
    );
  });
  return {
    data,
    layout,
    summary: s.summary.metrics(parts.filter((p) => p.values.length > 0 || p.divergedAt != null)),
  };
}
