// The loss and gradient views under thumbs-down data (one undesirable example on A, nothing else): each
// KTO-style loss against ρ_A = log π(A) − log π_ref(A), its dot at the time cursor on its own run. No pair,
// so no margin axis, no y_w / y_l traces and no optimum line; pair losses, which cannot train on these data,
// get a note instead of a curve.
import type { Annotation, Data, Layout } from 'plotly.js';
import type { Figure, PlotTheme } from './types.ts';
import type { ThumbsCurveInput, ThumbsCurves } from '../derive/thumbsDown.ts';
import type { FigureStrings } from '../i18n/types/figures.ts';
import type { ThumbsStrings, ThumbsSummaryPart } from '../i18n/types/thumbs.ts';
import { themeAxis, themeLayout } from './themes.ts';
import { addCornerNote, emptyFigure, finiteExtent, lineTrace, quantisedRange } from './layout.ts';
import { lossStyleOf } from './lossStyle.ts';
import { stepMarkerName } from './stepCursor.ts';

export interface ThumbsFigureOptions {
  theme: PlotTheme;
  /** The shared figure words (loss labels, the dot's "at step t" name). */
  figures: FigureStrings;
  strings: ThumbsStrings;
}

type Which = 'loss' | 'dLogp';

const seriesOf = (c: ThumbsCurveInput, which: Which): Float64Array =>
  which === 'loss' ? c.curve.loss : c.curve.dPolicy;
const dotOf = (c: ThumbsCurveInput, which: Which): number => (which === 'loss' ? c.at.loss : c.at.dLogp);

/** y range: 0, every curve and every dot, rounded outwards and padded (quantisedRange). */
function yRangeOf(curves: readonly ThumbsCurveInput[], which: Which): [number, number] {
  const [lo, hi] = finiteExtent([
    ...curves.map((c) => seriesOf(c, which)),
    curves.map((c) => dotOf(c, which)),
  ]);
  return quantisedRange(Math.min(0, lo), Math.max(0, hi));
}

function thumbsFigure(input: ThumbsCurves, opts: ThumbsFigureOptions, which: Which): Figure {
  const { theme, figures: fs, strings: s } = opts;
  const id = which === 'loss' ? 'loss' : 'gradient';
  const pairNames = input.pairLosses.map((l) => fs.lossLabel(l)).join(', ');
  if (input.curves.length === 0) return emptyFigure(theme, s.noKto, s.summary.noKto, id);

  const curves = input.curves;
  const xRange: [number, number] = [
    curves[0].curve.rho[0],
    curves[0].curve.rho[curves[0].curve.rho.length - 1],
  ];
  const yRange = yRangeOf(curves, which);
  const lines: Data[] = [];
  const markers: Data[] = [];
  const annotations: Partial<Annotation>[] = [];
  const parts: ThumbsSummaryPart[] = [];
  const yHover = which === 'loss' ? s.hover.loss : s.hover.dLogp;

  for (const c of curves) {
    const label = fs.lossLabel(c.id);
    const style = lossStyleOf(c.id, theme);
    lines.push(
      lineTrace(
        which === 'loss' ? s.trace.loss(label) : s.trace.dLogp(label),
        { color: style.color, dash: style.dash, width: theme.lineWidth },
        { legendgroup: c.id, x: c.curve.rho, y: seriesOf(c, which), showlegend: true },
      ),
    );
    const dotName = stepMarkerName(fs, label, c.at);
    const y = dotOf(c, which);
    if (Number.isFinite(c.at.rho) && Number.isFinite(y)) {
      markers.push({
        type: 'scatter',
        mode: 'markers',
        name: dotName,
        legendgroup: c.id,
        showlegend: false,
        x: [c.at.rho],
        y: [y],
        marker: {
          color: style.color,
          symbol: style.symbol,
          size: Math.round(theme.lineWidth * 2 + 7),
          line: { color: theme.paper, width: Math.max(1, theme.lineWidth * 0.5) },
        },
        hovertemplate: `${dotName}<br>${s.hover.rho} = %{x:.2f}<br>${yHover} = %{y:.4f}<extra></extra>`,
      });
    }
    parts.push({ label, step: c.at.step, rho: c.at.rho, value: y });
  }
  if (pairNames !== '') addCornerNote(annotations, theme, s.pairLossesNote(pairNames));

  const layout: Partial<Layout> = {
    ...themeLayout(theme),
    uirevision: `${id}-thumbs`,
    hovermode: 'closest',
    xaxis: themeAxis(theme, { title: { text: s.axis.rho }, range: xRange, autorange: false }),
    yaxis: themeAxis(theme, {
      title: { text: which === 'loss' ? s.axis.loss : s.axis.dLogp },
      range: yRange,
      autorange: false,
    }),
    annotations,
  };
  // The dots last, as in the pair views: a time cursor changes only them (and the curves' z0).
  return {
    data: [...lines, ...markers],
    layout,
    summary: [
      which === 'loss' ? s.summary.loss(parts) : s.summary.gradient(parts),
      ...(pairNames !== '' ? [s.pairLossesNote(pairNames)] : []),
    ].join(' '),
  };
}

/** The loss view under thumbs-down data. */
export function thumbsLossFigure(input: ThumbsCurves, opts: ThumbsFigureOptions): Figure {
  return thumbsFigure(input, opts, 'loss');
}

/** The gradient view under thumbs-down data: ∂loss/∂log π(A), positive = π(A) pushed down. */
export function thumbsGradientFigure(input: ThumbsCurves, opts: ThumbsFigureOptions): Figure {
  return thumbsFigure(input, opts, 'dLogp');
}

/** The plane view under thumbs-down data: a note, since the data have no pair and no response is chosen. */
export function thumbsPlaneFigure(opts: Pick<ThumbsFigureOptions, 'theme' | 'strings'>): Figure {
  return emptyFigure(opts.theme, opts.strings.planeNote, opts.strings.summary.plane, 'plane-thumbs');
}
