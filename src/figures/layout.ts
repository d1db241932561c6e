// Helpers shared by the figure builders: empty figures, notes, ranges and subplot grids.
import type { Annotation, Layout, LayoutAxis, ScatterData, XAxisName, YAxisName } from 'plotly.js';
import type { Figure, PlotTheme } from './types.ts';
import type { FigureStrings } from '../i18n/types/figures.ts';
import { themeAxis, themeLayout } from './themes.ts';
import { niceCeil } from '../derive/pairCurves.ts';

export type NumberArray = ArrayLike<number>;

/** A figure with no traces, hidden axes and `message` in the middle. */
export function emptyFigure(theme: PlotTheme, message: string, summary: string, uirevision: string): Figure {
  const base = themeLayout(theme);
  return {
    data: [],
    layout: {
      ...base,
      uirevision,
      hovermode: false,
      xaxis: themeAxis(theme, { visible: false, range: [0, 1] }),
      yaxis: themeAxis(theme, { visible: false, range: [0, 1] }),
      annotations: [
        {
          text: message,
          xref: 'paper',
          yref: 'paper',
          x: 0.5,
          y: 0.5,
          xanchor: 'center',
          yanchor: 'middle',
          showarrow: false,
          font: { family: theme.fontFamily, size: theme.fontSize, color: theme.mutedText },
        },
      ],
    },
    summary,
  };
}

/** A note in the top-right corner of the plot area; `index` stacks several notes downwards. */
export function cornerNote(
  theme: PlotTheme,
  text: string,
  index: number,
  color = theme.text,
): Partial<Annotation> {
  return {
    text,
    xref: 'paper',
    yref: 'paper',
    x: 1,
    y: 1,
    xanchor: 'right',
    yanchor: 'top',
    yshift: -index * Math.round(theme.fontSize * 1.7),
    showarrow: false,
    align: 'right',
    bgcolor: theme.paper,
    opacity: 0.9,
    font: { family: theme.fontFamily, size: Math.round(theme.fontSize * 0.92), color },
  };
}

/** Adds a corner note below the ones already in `annotations`. */
export function addCornerNote(
  annotations: Partial<Annotation>[],
  theme: PlotTheme,
  text: string,
  color?: string,
): void {
  annotations.push(cornerNote(theme, text, annotations.length, color));
}

/** A line trace named `name` whose hover reads "name: y" to three decimals; `trace` gives x, y and the rest. */
export function lineTrace(
  name: string,
  line: ScatterData['line'],
  trace: Partial<ScatterData>,
): Partial<ScatterData> {
  return {
    type: 'scatter',
    mode: 'lines',
    name,
    line,
    hovertemplate: `${name}: %{y:.3f}<extra></extra>`,
    ...trace,
  };
}

/** Smallest and largest finite value over several arrays ([+∞, −∞] when there is none). */
export function finiteExtent(arrays: readonly NumberArray[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [lo, hi];
}

/** [lo, hi] widened by `pad` of its span on each side; a degenerate or empty range becomes a unit one. */
export function paddedRange(lo: number, hi: number, pad = 0.05): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi - lo <= 1e-12 * Math.max(1, Math.abs(lo), Math.abs(hi))) {
    const d = Math.max(0.5, Math.abs(lo) * 0.1);
    return [lo - d, hi + d];
  }
  const span = hi - lo;
  return [lo - pad * span, hi + pad * span];
}

/**
 * The data extent [lo, hi] rounded outwards to whole steps of a tenth of its span's 1-2-5 ceiling (a span of
 * 5.3 → steps of 1), then padded by 4 % so that no curve or zero line sits on the frame. The range changes
 * only when the data crosses a step: a drag frame that keeps every range is drawn by moving the traces
 * (figures/framePatch.ts, ~2 ms), one that changes a range needs a full Plotly draw (~30 ms, 4× that on a
 * slow laptop), so coarse steps mean few slow frames, at the price of up to a quarter of the span as headroom.
 */
export function quantisedRange(lo: number, hi: number): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) return paddedRange(lo, hi);
  const step = niceCeil(hi - lo) / 10;
  // Data up to SLACK of a step past a whole step keeps that step: it stays inside the padding (≥ 0.16 of a
  // step, as the span is ≥ 4 steps), and a curve whose peak sits on a step (DPO's softplus(5) ≈ 5.007) does
  // not flip the range back and forth as its grid points move.
  const SLACK = 0.15;
  const a = Math.floor(lo / step + SLACK) * step + 0;
  const b = Math.ceil(hi / step - SLACK) * step;
  return paddedRange(a, b, 0.04);
}

/** `range` widened to cover `held` too (a range held during a drag, HeldRanges); `range` itself without one. */
export function withHeld(
  range: [number, number],
  held: readonly [number, number] | undefined,
): [number, number] {
  if (!held || !Number.isFinite(held[0]) || !Number.isFinite(held[1])) return range;
  return [Math.min(range[0], held[0]), Math.max(range[1], held[1])];
}

const AXIS_NAME = /^[xy]axis\d*$/;

/** The fixed ranges of a figure's axes, by layout axis name: what a view holds during a drag. */
export function figureRanges(figure: Figure): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const [k, v] of Object.entries(figure.layout)) {
    if (!AXIS_NAME.test(k) || typeof v !== 'object' || v === null) continue;
    const r = (v as { range?: unknown }).range;
    if (Array.isArray(r) && r.length === 2 && r.every((x) => typeof x === 'number' && Number.isFinite(x)))
      out[k] = [r[0] as number, r[1] as number];
  }
  return out;
}

/** The layout key of axis id `id`: 'y' → 'yaxis', 'y3' → 'yaxis3'. */
export const axisName = (id: string): string => `${id.charAt(0)}axis${id.slice(1)}`;

/**
 * Whether the line through `y` shows within [lo, hi] at all: a point inside, or a segment that crosses the
 * whole band between two points (a steep line is drawn across the plot though no grid point is inside it;
 * counting only points made its legend entry flicker on and off during a β drag).
 */
export function visibleWithin(y: NumberArray, [lo, hi]: readonly [number, number]): boolean {
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v >= lo && v <= hi) return true;
    const u = i > 0 ? y[i - 1] : NaN;
    if ((u < lo && v > hi) || (u > hi && v < lo)) return true;
  }
  return false;
}

/** 0, 1, …, n − 1. */
export function steps(n: number): Float64Array {
  const out = new Float64Array(Math.max(0, n));
  for (let i = 0; i < out.length; i++) out[i] = i;
  return out;
}

/** The axis ids of subplot `i`: 'x'/'y' for the first, then 'x2'/'y2', … */
export function subplotAxes(i: number): { x: XAxisName; y: YAxisName } {
  const n = i === 0 ? '' : String(i + 1);
  // Plotly's axis-name types stop at 999 subplots; we never come near that.
  return { x: `x${n}` as XAxisName, y: `y${n}` as YAxisName };
}

/** Puts the axes of subplot `i` into the layout (xaxis/yaxis, xaxis2/yaxis2, …). */
export function setSubplotAxes(
  layout: Partial<Layout>,
  i: number,
  xaxis: Partial<LayoutAxis>,
  yaxis: Partial<LayoutAxis>,
): void {
  if (i === 0) {
    layout.xaxis = xaxis;
    layout.yaxis = yaxis;
  } else {
    const n = i + 1;
    layout[`xaxis${n}`] = xaxis;
    layout[`yaxis${n}`] = yaxis;
  }
}

export interface GridCell {
  row: number;
  col: number;
  x: [number, number];
  y: [number, number];
  /** No cell below: this one carries the x-axis title. */
  bottom: boolean;
  /** First column: this one carries the y-axis title. */
  left: boolean;
}

export interface SubplotGrid {
  rows: number;
  cols: number;
  cells: GridCell[];
  /** The layout height (px) the domains were computed for. */
  height: number;
  margin: { l: number; r: number; t: number; b: number };
}

/**
 * `n` subplots in rows of at most `maxCols`, balanced (5 → 3 + 2, 7 → 4 + 3). Heights are in pixels
 * scaled by the theme's font size, so titles and tick labels have room at any size; the caller sets
 * `layout.height` to the returned height.
 */
export function subplotGrid(
  n: number,
  theme: PlotTheme,
  opts: { maxCols?: number; titled: boolean; gapX: number },
): SubplotGrid {
  const maxCols = opts.maxCols ?? 4;
  const rows = Math.max(1, Math.ceil(n / maxCols));
  const cols = Math.max(1, Math.ceil(n / rows));
  const fs = theme.fontSize;
  const rowPx = Math.round(190 + 4 * fs);
  const titlePx = opts.titled ? Math.round(1.8 * fs) : 0;
  const gapPx = titlePx + Math.round(3.6 * fs);
  const margin = {
    l: Math.round(4.5 * fs),
    r: Math.round(1.5 * fs),
    t: Math.round(3 * fs),
    b: Math.round(4 * fs),
  };
  const plotPx = titlePx + rows * rowPx + (rows - 1) * gapPx;
  const height = margin.t + margin.b + plotPx;
  const width = (1 - (cols - 1) * opts.gapX) / cols;
  const cells: GridCell[] = [];
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / cols);
    const col = i % cols;
    const topPx = titlePx + row * (rowPx + gapPx);
    const top = 1 - topPx / plotPx;
    const bottom = 1 - (topPx + rowPx) / plotPx;
    const x0 = col * (width + opts.gapX);
    cells.push({
      row,
      col,
      x: [clamp01(x0), clamp01(x0 + width)],
      y: [clamp01(bottom), clamp01(top)],
      bottom: i + cols >= n,
      left: col === 0,
    });
  }
  return { rows, cols, cells, height, margin };
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}

/** A panel of a grid of subplots: its cell and the ids of its axes (what its traces name as xaxis, yaxis). */
export interface GridPanel {
  cell: GridCell;
  axes: { x: XAxisName; y: YAxisName };
}

/** `n` subplots over training steps (the training and metrics views): the layout and each panel. */
export function stepGrid(
  n: number,
  theme: PlotTheme,
  opts: { maxCols?: number; titled: boolean; gapX: number },
  uirevision: string,
): { layout: Partial<Layout>; panels: GridPanel[] } {
  const grid = subplotGrid(n, theme, opts);
  return {
    layout: {
      ...themeLayout(theme),
      uirevision,
      hovermode: 'x unified',
      height: grid.height,
      margin: { ...grid.margin, pad: 0 },
    },
    panels: grid.cells.map((cell, i) => ({ cell, axes: subplotAxes(i) })),
  };
}

/**
 * The axes of step panel `i`: steps 0 … lastStep across (titled on the bottom row only), and `yaxis`
 * (range, title) up.
 */
export function setStepAxes(
  layout: Partial<Layout>,
  i: number,
  { cell, axes }: GridPanel,
  lastStep: number,
  yaxis: Partial<LayoutAxis>,
  theme: PlotTheme,
  s: FigureStrings,
): void {
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
    themeAxis(theme, { domain: cell.y, anchor: axes.x, autorange: false, ...yaxis }),
  );
}

/** A subplot title above a grid cell. */
export function cellTitle(theme: PlotTheme, cell: GridCell, text: string): Partial<Annotation> {
  return {
    text,
    xref: 'paper',
    yref: 'paper',
    x: (cell.x[0] + cell.x[1]) / 2,
    y: cell.y[1],
    xanchor: 'center',
    yanchor: 'bottom',
    yshift: 4,
    showarrow: false,
    font: { family: theme.fontFamily, size: Math.round(theme.fontSize * 1.05), color: theme.text },
  };
}

/**
 * More losses than this and the legend moves beside the plot. Above it (the theme's default, so it
 * never covers a curve) a dozen losses wrap into three or four rows that take the plot's height: at 12
 * losses the sweeps' legend left the plot a quarter of its frame. Beside it, one column takes width, which a
 * 16:9 slide or a wide page has to spare.
 */
export const LEGEND_ROW_MAX = 6;

/**
 * `layout` with its legend beside the plot (top right, one column) when it shows more than LEGEND_ROW_MAX
 * losses. Counted in losses, not in the entries listed: an entry comes and goes as its line leaves the
 * scale during a drag, and the legend must not jump between places with it.
 */
export function legendForCount(layout: Partial<Layout>, losses: number, theme: PlotTheme): Partial<Layout> {
  if (losses <= LEGEND_ROW_MAX) return layout;
  return {
    ...layout,
    legend: {
      ...layout.legend,
      orientation: 'v',
      x: 1.02,
      xanchor: 'left',
      y: 1,
      yanchor: 'top',
      // Each loss is a legend group: without this Plotly puts 10 px between groups, a third of an entry.
      tracegroupgap: 0,
      font: { family: theme.fontFamily, size: Math.round(theme.fontSize * 0.92), color: theme.text },
    },
  };
}
