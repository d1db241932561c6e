// "Your TRL log": a training log's metrics over its steps, one subplot per metric titled with TRL's name
// (as the toy's "What TRL would log" plot, in the colour of the toy's matching loss). Every logged row is
// drawn faint and its moving mean solid; loss-like metrics spanning a decade or more get a log axis.
import type { Data, ScatterData } from 'plotly.js';
import type { LossId } from '../math/index.ts';
import type { LogMetricSeries } from '../derive/trlLog.ts';
import type { FigureStrings } from '../i18n/types/figures.ts';
import type { TrlLogStrings } from '../i18n/types/trlLog.ts';
import type { Figure, PlotTheme } from './types.ts';
import { lossStyleOf } from './lossStyle.ts';
import { emptyFigure, finiteExtent, lineTrace, quantisedRange, setSubplotAxes, stepGrid } from './layout.ts';
import { themeAxis } from './themes.ts';
import { decimatedIndices } from './decimate.ts';

export interface TrlLogFigureInput {
  /** The toy loss whose colour the curves take (derive/trlLog.ts TRAINER_STYLE). */
  style: LossId;
  /** The trainer's name in legends ("DPO"). */
  trainer: string;
  /** What is drawn, for the text alternative ("Training", "Evaluation"). */
  part: string;
  metrics: readonly LogMetricSeries[];
}

export interface TrlLogFigureOptions {
  theme: PlotTheme;
  strings: FigureStrings;
  text: TrlLogStrings;
  /** Panels per row at most (default 4). */
  maxColumns?: number;
  /** Points drawn per series at most (decimate.ts); the data exports pass Infinity. */
  maxDrawnPoints?: number;
}

/** Metrics that are positive by construction and read best in decades when they span some (loss → 0). */
const LOG_SCALE_METRICS = new Set(['loss', 'grad_norm', 'nll_loss', 'sft_loss', 'odds_ratio_loss']);

/**
 * Whether a metric's axis is logarithmic: a loss-like metric whose finite values are all positive and
 * span a factor of 10 or more (on a linear axis a loss going to 0 flattens everything after its fall).
 */
export function logScaleHelps(name: string, values: readonly number[]): boolean {
  if (!LOG_SCALE_METRICS.has(name)) return false;
  const [lo, hi] = finiteExtent([values]);
  return lo > 0 && hi / lo >= 10;
}

/** Faint, so the smoothed line reads over them; the rows themselves stay visible (and hoverable). */
export const RAW_OPACITY = 0.35;

/** A series has few enough points that markers help (eval rows, short runs). */
const MARKERS_UP_TO = 40;

/**
 * The range of a metric logged at one value throughout (a constant learning rate of 5e-7): ±10 % around it.
 * The shared padding (±0.5 at least, layout.ts paddedRange) put 5e-7 on a −0.5…0.5 axis, where the line read
 * as a learning rate of 0. Null for a metric that varies (or one at 0, which that padding already shows).
 */
export function constantRange(lo: number, hi: number): [number, number] | null {
  if (!Number.isFinite(lo) || lo !== hi || lo === 0) return null;
  const d = Math.abs(lo) * 0.1;
  return [lo - d, hi + d];
}

function thinned(steps: readonly number[], y: readonly number[], max: number | undefined) {
  const idx = decimatedIndices(y, max);
  return { x: idx.map((i) => steps[i]), y: idx.map((i) => y[i]) };
}

export function trlLogFigure(input: TrlLogFigureInput, opts: TrlLogFigureOptions): Figure {
  const { theme, strings: s, text } = opts;
  const { metrics } = input;
  if (metrics.length === 0)
    return emptyFigure(theme, s.note.noData, text.summary(input.part, input.trainer, [], []), 'trl-log');

  const { layout, panels } = stepGrid(
    metrics.length,
    theme,
    { titled: false, gapX: 0.085, maxCols: opts.maxColumns },
    `trl-log-${metrics.map((m) => m.name).join(',')}`,
  );
  const style = lossStyleOf(input.style, theme);
  const data: Data[] = [];
  const logAxes: string[] = [];
  const last: { metric: string; value: number }[] = [];
  // Steps are ascending in each series: its ends bound it (no spread of 100,000s of steps into Math.min).
  const firstStep = Math.min(...metrics.map((m) => m.step[0]));
  const lastStep = Math.max(...metrics.map((m) => m.step[m.step.length - 1]));
  const xRange: [number, number] =
    lastStep > firstStep ? [firstStep, lastStep] : [firstStep - 1, lastStep + 1];
  let rawShown = false;
  let smoothShown = false;

  metrics.forEach((m, i) => {
    const { axes, cell } = panels[i];
    const smoothed = m.smooth !== null;
    const raw = thinned(m.step, m.raw, opts.maxDrawnPoints);
    const markers = m.raw.length <= MARKERS_UP_TO;
    const rawTrace: Partial<ScatterData> = lineTrace(
      text.raw(input.trainer),
      { color: style.color, width: smoothed ? 1 : theme.lineWidth },
      {
        legendgroup: 'raw',
        showlegend: !rawShown,
        xaxis: axes.x,
        yaxis: axes.y,
        x: raw.x,
        y: raw.y,
        mode: markers ? 'lines+markers' : 'lines',
        opacity: smoothed ? RAW_OPACITY : 1,
        hovertemplate: `${m.name}: %{y:.4g}<extra></extra>`,
      },
    );
    data.push(rawTrace);
    rawShown = true;
    if (m.smooth) {
      const sm = thinned(m.step, m.smooth, opts.maxDrawnPoints);
      data.push(
        lineTrace(
          text.smoothed(input.trainer),
          { color: style.color, dash: style.dash, width: theme.lineWidth },
          {
            legendgroup: 'smooth',
            showlegend: !smoothShown,
            xaxis: axes.x,
            yaxis: axes.y,
            x: sm.x,
            y: sm.y,
            hovertemplate: `${text.smoothed(m.name)}: %{y:.4g}<extra></extra>`,
          },
        ),
      );
      smoothShown = true;
    }
    const finite = m.raw.filter((y) => Number.isFinite(y));
    if (finite.length > 0) last.push({ metric: m.name, value: finite[finite.length - 1] });
    const log = logScaleHelps(m.name, m.raw);
    if (log) logAxes.push(m.name);
    const [lo, hi] = finiteExtent([m.raw]);
    // Plotly's log axis takes its range in decades.
    const range: [number, number] = log
      ? [Math.log10(lo) - 0.1, Math.log10(hi) + 0.1]
      : (constantRange(lo, hi) ?? quantisedRange(lo, hi));
    setSubplotAxes(
      layout,
      i,
      themeAxis(theme, {
        domain: cell.x,
        anchor: axes.y,
        range: xRange,
        autorange: false,
        title: { text: cell.bottom ? s.axis.step : '' },
        unifiedhovertitle: { text: `${s.hover.step} %{x}` },
      }),
      themeAxis(theme, {
        domain: cell.y,
        anchor: axes.x,
        autorange: false,
        range,
        type: log ? 'log' : 'linear',
        title: { text: s.axis.metric(m.name) },
      }),
    );
  });
  return { data, layout, summary: text.summary(input.part, input.trainer, last, logAxes) };
}
