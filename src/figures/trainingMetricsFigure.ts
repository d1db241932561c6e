// The training view's second plot (`metrics`): TRL's logged metrics over the training steps, one subplot per
// metric (titled with TRL's name), one colour per loss.
import type { Annotation, Data } from 'plotly.js';
import { PICKER_METRICS, drawnSteps, isReferenceFreeLoss, trustedSteps } from '../math/index.ts';
import type { Figure, HeldRanges, PlotTheme } from './types.ts';
import type { TrainingRunInput } from '../derive/types.ts';
import type { FigureStrings, MetricsSummaryPart } from '../i18n/types/figures.ts';
import { lossStyleOf } from './lossStyle.ts';
import {
  axisName,
  emptyFigure,
  finiteExtent,
  lineTrace,
  quantisedRange,
  setStepAxes,
  stepGrid,
  withHeld,
} from './layout.ts';
import { decimatedSteps } from './decimate.ts';
import { stepCursorShapes } from './stepCursor.ts';

/** The TRL metrics the training view offers, in its order (src/math/trlMetrics.ts, `picker`). */
export const TRL_METRICS = PICKER_METRICS;

export interface TrainingMetricsFigureOptions {
  theme: PlotTheme;
  strings: FigureStrings;
  /** TRL metric names to plot, one subplot each; a run without a metric (KTO logs no accuracy) is skipped there. */
  metrics: readonly string[];
  /** Panels per row at most (default 4); narrow screens pass fewer. */
  maxColumns?: number;
  /** The time cursor's step: a vertical line over every panel (none when absent). */
  step?: number;
  /**
   * Points drawn per series at most (decimate.ts; default MAX_DRAWN_POINTS). The data exports pass
   * Infinity: a file holds every step.
   */
  maxDrawnPoints?: number;
  /** Ranges to keep covering (a drag's, HeldRanges): each panel's metric axis. */
  held?: HeldRanges;
}

export function trainingMetricsFigure(
  runs: readonly TrainingRunInput[],
  opts: TrainingMetricsFigureOptions,
): Figure {
  const { theme, strings: s, metrics } = opts;
  if (runs.length === 0 || metrics.length === 0) {
    return emptyFigure(theme, s.note.noData, s.summary.empty, 'metrics');
  }

  const gridOpts = { titled: false, gapX: 0.085, maxCols: opts.maxColumns };
  const { layout, panels } = stepGrid(metrics.length, theme, gridOpts, `metrics-${metrics.join(',')}`);
  const data: Data[] = [];
  const inLegend = new Set<string>();
  const annotations: Partial<Annotation>[] = [];
  const parts: MetricsSummaryPart[] = runs.map((run) => ({
    label: s.lossLabel(run.id),
    steps: Math.max(0, run.probs.length - 1),
    values: [],
    divergedAt: run.divergence?.step ?? null,
  }));

  metrics.forEach((metric, i) => {
    const { axes } = panels[i];
    const series: ArrayLike<number>[] = [];
    const divergedSeries: ArrayLike<number>[] = [];
    let lastStep = 1;
    runs.forEach((run, r) => {
      const all = run.metrics[metric];
      if (!all || all.length === 0) return;
      const label = parts[r].label;
      const style = lossStyleOf(run.id, theme);
      // A diverged run is drawn up to the step where it diverged, and sets the axis range only when every
      // run diverged (then with the steps before that): its swings would squash the other curves flat.
      const y = run.divergence ? all.slice(0, drawnSteps(run.divergence, all.length)) : all;
      if (run.divergence) divergedSeries.push(all.slice(0, trustedSteps(run.divergence, all.length)));
      else series.push(all);
      lastStep = Math.max(lastStep, all.length - 1);
      // Long runs are thinned for drawing, peaks and ends kept (decimate.ts).
      const drawn = decimatedSteps(y, opts.maxDrawnPoints);
      data.push(
        lineTrace(
          label,
          { color: style.color, dash: style.dash, width: theme.lineWidth },
          {
            legendgroup: run.id,
            showlegend: !inLegend.has(run.id),
            xaxis: axes.x,
            yaxis: axes.y,
            x: drawn.x,
            y: drawn.y,
          },
        ),
      );
      inLegend.add(run.id);
      if (!run.divergence) parts[r].values.push({ metric, value: y[y.length - 1] });
    });
    const hasData = [...series, ...divergedSeries].some((ys) =>
      Array.prototype.some.call(ys, Number.isFinite),
    );
    // A panel nobody logged a number for says why, instead of showing empty axes.
    if (!hasData) {
      const { cell } = panels[i];
      annotations.push({
        text: s.note.metricNoData(metric),
        xref: 'paper',
        yref: 'paper',
        x: (cell.x[0] + cell.x[1]) / 2,
        y: (cell.y[0] + cell.y[1]) / 2,
        xanchor: 'center',
        yanchor: 'middle',
        showarrow: false,
        font: { family: theme.fontFamily, size: Math.round(theme.fontSize * 0.85), color: theme.mutedText },
      });
    }
    const [lo, hi] = finiteExtent(series.length > 0 ? series : divergedSeries);
    // Rounded to steps (quantisedRange): a drag that keeps every panel's range is patched, not redrawn.
    // While a slider is dragged it also covers what the panel showed so far (HeldRanges): axes that only
    // widen during a drag are redrawn a few times, not on every move.
    const range = withHeld(quantisedRange(lo, hi), opts.held?.[axisName(axes.y)]);
    const metricAxis = { range, title: { text: s.axis.metric(metric) } };
    setStepAxes(layout, i, panels[i], lastStep, metricAxis, theme, s);
  });
  if (annotations.length > 0) layout.annotations = [...(layout.annotations ?? []), ...annotations];
  if (opts.step !== undefined)
    layout.shapes = stepCursorShapes(panels.slice(0, metrics.length), opts.step, theme);
  const summary = s.summary.metrics(parts.filter((p) => p.values.length > 0 || p.divergedAt != null));
  // SimPO / ORPO runs log the same names with another meaning (per-token means, no reference): say so.
  const free = runs.filter((run) => isReferenceFreeLoss(run.id)).map((run) => s.lossLabel(run.id));
  return {
    data,
    layout,
    summary:
      free.length === 0 ? summary : `${summary} ${s.note.metricsNoReference([...new Set(free)].join(', '))}`,
  };
}
