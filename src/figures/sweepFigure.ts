// The sweeps view (`sweeps`): π of responses 0 (solid) and 1 (dashed), y_w and y_l of one pair, where training ends as β or the reference
// probability of y_w is swept. Closed-form points are filled diamonds, points trained to convergence filled
// circles, points that did not converge (derive/sweeps.ts: unbounded, kink, stalled, iteration limit) open
// circles, with the reason in the hover and the text alternative; points whose numbers overflowed are left
// out. No trace is added for them: the legend lists only the curves.
import type { Data, LayoutAxis } from 'plotly.js';
import type { Figure, PlotTheme } from './types.ts';
import type { SweepInput } from '../derive/types.ts';
import { isUnfinished, unfinishedPoints } from '../derive/sweeps.ts';
import type { FigureStrings, ResponseData, SweepAxis, SweepSummaryPart } from '../i18n/types/figures.ts';
import { lossStyleOf } from './lossStyle.ts';
import { themeAxis, themeLayout } from './themes.ts';
import { LEGEND_ROW_MAX, emptyFigure, legendForCount } from './layout.ts';
import { formatCompact } from '../math/numberFormat.ts';
import { BETA_RANGE } from '../math/index.ts';

export interface SweepFigureOptions {
  theme: PlotTheme;
  strings: FigureStrings;
  axis: SweepAxis;
  /** The current β or reference probability, drawn as a vertical line. */
  current: number;
  /** What the toy was trained on, so responses are named for what they are (default: one pair). */
  data?: ResponseData;
  /** The sweeps have not arrived yet (their first run is under way): say so rather than "nothing chosen". */
  pending?: boolean;
}

/** The fixed x ranges: β from 1e-3 to 10 on a log axis, the reference probability from 0 to 1. */
export const SWEEP_BETA_RANGE: readonly [number, number] = [BETA_RANGE.min, BETA_RANGE.max];
export const SWEEP_REF_RANGE: readonly [number, number] = [0, 1];

/** One labelled tick per decade on the β axis. */
const BETA_TICKS = [1e-3, 1e-2, 1e-1, 1, 10];

export const CLOSED_FORM_SYMBOL = 'diamond';
export const TRAINED_SYMBOL = 'circle';
/** A point that did not converge: open, so it reads as "not an end". */
export const UNFINISHED_SYMBOL = 'circle-open';

/** Index of the point nearest `value` (in log distance on the β axis). */
export function nearestIndex(xs: readonly number[], value: number, log: boolean): number {
  let best = 0;
  let bestD = Infinity;
  const v = log ? Math.log(value) : value;
  for (let i = 0; i < xs.length; i++) {
    const d = Math.abs((log ? Math.log(xs[i]) : xs[i]) - v);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

export function sweepFigure(sweeps: readonly SweepInput[], opts: SweepFigureOptions): Figure {
  const { theme, strings: s, axis, current, data: responses } = opts;
  const uirevision = `sweep-${axis}`;
  const usable = sweeps.filter((w) => w.x.length > 0);
  if (usable.length === 0)
    return opts.pending
      ? emptyFigure(theme, s.note.computing, s.note.computing, uirevision)
      : emptyFigure(theme, s.note.noData, s.summary.empty, uirevision);

  const log = axis === 'beta';
  const xTitle = s.axis.sweep(axis, responses);
  const valueName = s.hover.sweepValue(axis, responses);
  const data: Data[] = [];
  const parts: SweepSummaryPart[] = [];

  usable.forEach((w) => {
    const label = s.lossLabel(w.id);
    // Points whose numbers overflowed are left out (gaps): their probabilities mean nothing.
    const bad = w.status.map((st) => st === 'diverged');
    const hide = (ys: number[]): number[] => (bad.some(Boolean) ? ys.map((v, k) => (bad[k] ? NaN : v)) : ys);
    const chosen = hide(w.chosen);
    const rejected = hide(w.rejected);
    const style = lossStyleOf(w.id, theme);
    const symbols = w.status.map((st, k) =>
      isUnfinished(st) ? UNFINISHED_SYMBOL : w.closedForm[k] ? CLOSED_FORM_SYMBOL : TRAINED_SYMBOL,
    );
    const how = w.status.map((st, k) =>
      isUnfinished(st) ? s.sweep.status(st) : w.closedForm[k] ? s.hover.closedForm : s.hover.trained,
    );
    const size = Math.round(theme.lineWidth * 1.5 + 5);
    const marker = {
      color: style.color,
      symbol: symbols,
      // Open circles a little larger, so that the hole shows.
      size: symbols.map((sym) => (sym === UNFINISHED_SYMBOL ? size + 2 : size)),
      line: { color: style.color, width: Math.max(1, theme.lineWidth * 0.6) },
    };
    for (const [which, y, dash] of [
      ['chosen', chosen, 'solid'],
      ['rejected', rejected, 'dash'],
    ] as const) {
      const name =
        which === 'chosen' ? s.trace.sweepChosen(label, responses) : s.trace.sweepRejected(label, responses);
      data.push({
        type: 'scatter',
        mode: 'lines+markers',
        name,
        legendgroup: w.id,
        // Many losses: one entry each (π(y_w)'s, solid), since the caption says the dashed line is π(y_l)
        // and the entry shows or hides both; two each would fill the legend's column.
        showlegend: which === 'chosen' || usable.length * 2 <= LEGEND_ROW_MAX,
        x: w.x,
        y,
        customdata: how,
        line: { color: style.color, dash, width: theme.lineWidth },
        marker,
        hovertemplate: `${name}: %{y:.3f} (%{customdata})<extra></extra>`,
      });
    }
    const j = nearestIndex(w.x, current, log);
    const kept = w.x.map((_, k) => k).filter((k) => !bad[k]);
    const first = kept.length > 0 ? kept[0] : 0;
    const last = kept.length > 0 ? kept[kept.length - 1] : w.x.length - 1;
    parts.push({
      label,
      total: w.x.length,
      unfinished: unfinishedPoints(w),
      x: w.x[j],
      chosen: w.chosen[j],
      rejected: w.rejected[j],
      closedForm: w.closedForm[j],
      status: w.status[j],
      firstX: w.x[first],
      firstChosen: w.chosen[first],
      lastX: w.x[last],
      lastChosen: w.chosen[last],
    });
  });

  const yRange: [number, number] = [-0.02, 1.02];
  if (Number.isFinite(current) && (!log || current > 0)) {
    const name = s.trace.currentValue(axis, responses);
    data.push({
      type: 'scatter',
      mode: 'lines',
      name,
      showlegend: false,
      x: [current, current],
      y: [0, 1],
      line: { color: theme.mutedText, dash: theme.referenceDash, width: Math.max(1, theme.lineWidth * 0.6) },
      hovertemplate: `${name}<extra></extra>`,
    });
  }

  const xaxis: Partial<LayoutAxis> = log
    ? {
        type: 'log',
        // A log axis's range is given in log10 units.
        range: [Math.log10(SWEEP_BETA_RANGE[0]), Math.log10(SWEEP_BETA_RANGE[1])],
        tickmode: 'array',
        tickvals: BETA_TICKS,
        ticktext: BETA_TICKS.map((b) => formatCompact(b)),
        hoverformat: '.3g',
        unifiedhovertitle: { text: `${valueName} = %{x:.3g}` },
      }
    : {
        type: 'linear',
        range: [SWEEP_REF_RANGE[0], SWEEP_REF_RANGE[1]],
        hoverformat: '.3f',
        unifiedhovertitle: { text: `${valueName} = %{x:.3f}` },
      };

  return {
    data,
    layout: legendForCount(
      {
        ...themeLayout(theme),
        uirevision,
        hovermode: 'x unified',
        xaxis: themeAxis(theme, { ...xaxis, autorange: false, title: { text: xTitle } }),
        yaxis: themeAxis(theme, {
          range: yRange,
          autorange: false,
          title: { text: s.axis.finalProbability },
        }),
      },
      // Two entries a loss until they are one (above): the legend moves beside the plot at the same count.
      usable.length * 2 <= LEGEND_ROW_MAX ? usable.length * 2 : usable.length,
      theme,
    ),
    summary: s.summary.sweep(parts, axis, current, usable[0].criterion, responses),
  };
}
