// The gradient view (`gradient`): how hard each loss pushes. Both pushes are divided by β so the DPO family
// reads on one scale: for DPO the push is β·σ(−βh), so the plotted value is the gradient weight
// σ(−βh) ∈ [0, 1].
//   solid  = −∂loss/∂log π(y_w) ÷ β (positive: y_w is pushed up)
//   dashed = +∂loss/∂log π(y_l) ÷ β (positive: y_l is pushed down)
// A loss of h alone pushes both equally: one solid line for both. The y range is symmetric about 0, so a
// push that changes sign (IPO past its target h* = 1/(2β)) shows its negative side; where it does, a
// dotted vertical line marks h* with a label.
import type { Annotation, Data } from 'plotly.js';
import type { Figure, HeldRanges, PlotTheme } from './types.ts';
import type { LossCurveInput } from '../derive/types.ts';
import type { FigureStrings, GradientSummaryPart } from '../i18n/types/figures.ts';
import { openSymbol } from './lossStyle.ts';
import {
  addCornerNote,
  emptyFigure,
  legendForCount,
  lineTrace,
  visibleWithin,
  type NumberArray,
} from './layout.ts';
import { lossStyleOf } from './lossStyle.ts';
import { MAIN_RUN_ONLY } from './compare.ts';
import {
  curveYRange,
  dotNameOf,
  marginLayout,
  marginRange,
  noReferenceNote,
  offScale,
  withNoReference,
} from './lossFigure.ts';

export interface GradientFigureOptions {
  beta: number;
  theme: PlotTheme;
  strings: FigureStrings;
  /** Ranges to keep covering (a drag's, HeldRanges): only the y axis is held, x follows the curves' grid. */
  held?: HeldRanges;
}

/** −d/β and d/β along the curve: the pushes the gradient view plots. */
export function pushes(
  curve: LossCurveInput['curve'],
  beta: number,
): { chosen: Float64Array; rejected: Float64Array } {
  const n = curve.margin.length;
  const chosen = new Float64Array(n);
  const rejected = new Float64Array(n);
  const inv = 1 / beta;
  for (let i = 0; i < n; i++) {
    chosen[i] = -curve.dChosen[i] * inv + 0; // + 0 turns −0 into 0
    rejected[i] = curve.dRejected[i] * inv + 0;
  }
  return { chosen, rejected };
}

/** Whether two pushes are the same line (a loss of h alone): equal to 1e-12 relative at every point. */
export function samePush(a: NumberArray, b: NumberArray): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (Number.isNaN(x) !== Number.isNaN(y)) return false;
    if (Math.abs(x - y) > 1e-12 * Math.max(1, Math.abs(x), Math.abs(y))) return false;
  }
  return true;
}

/** At most this many sign-change labels are written on the plot (the rest are on their lines' hover). */
export const TURN_LABELS_MAX = 3;

/**
 * The first margin where `push` goes from positive to negative along `x` (linearly interpolated between
 * grid points): where the loss stops pushing y_w up and starts pulling it back, IPO's target h*. Null if
 * it never does.
 */
export function signChange(x: NumberArray, push: NumberArray): number | null {
  for (let i = 1; i < x.length; i++) {
    const a = push[i - 1];
    const b = push[i];
    if (!(a > 0) || !(b <= 0) || !Number.isFinite(b)) continue;
    return x[i - 1] + ((x[i] - x[i - 1]) * a) / (a - b);
  }
  return null;
}

export function gradientFigure(curves: readonly LossCurveInput[], opts: GradientFigureOptions): Figure {
  const { beta, theme, strings: s } = opts;
  if (curves.length === 0) return emptyFigure(theme, s.note.noData, s.summary.empty, 'gradient');

  const xRange = marginRange(curves);
  const items = curves.map((c) => ({
    ...c,
    push: pushes(c.curve, beta),
    // The axes hold the start pair's pushes (they stay put while a time cursor moves the dots).
    chosenStart: -c.current.dChosen / beta + 0,
    rejectedStart: c.current.dRejected / beta + 0,
    chosenNow: -(c.atStep ?? c.current).dChosen / beta + 0,
    rejectedNow: (c.atStep ?? c.current).dRejected / beta + 0,
  }));
  const yRange = curveYRange(
    items,
    (c) => [c.push.chosen, c.push.rejected],
    (c) => [c.chosenStart, c.rejectedStart],
    beta,
    { symmetric: true, include: [1], held: opts.held?.yaxis },
  );
  const [yLo, yHi] = yRange;
  const lines: Data[] = [];
  const turns: Data[] = [];
  const markers: Data[] = [];
  const annotations: Partial<Annotation>[] = [];
  const labels: Partial<Annotation>[] = [];
  const parts: GradientSummaryPart[] = [];

  for (const c of items) {
    const label = s.lossLabel(c.id);
    const style = lossStyleOf(c.id, theme);
    const p = c.push;

    const line = { color: style.color, width: theme.lineWidth };
    const along = { legendgroup: c.id, x: c.curve.margin };
    // The legend lists only lines that are drawn: not a second line under the first, not one off the scale.
    if (samePush(p.chosen, p.rejected)) {
      lines.push(
        lineTrace(
          s.trace.pushBoth(label),
          { ...line, dash: 'solid' },
          { ...along, y: p.chosen, showlegend: visibleWithin(p.chosen, yRange) },
        ),
      );
    } else {
      lines.push(
        lineTrace(
          s.trace.pushChosen(label),
          { ...line, dash: 'solid' },
          { ...along, y: p.chosen, showlegend: visibleWithin(p.chosen, yRange) },
        ),
        lineTrace(
          s.trace.pushRejected(label),
          { ...line, dash: 'dash' },
          { ...along, y: p.rejected, showlegend: visibleWithin(p.rejected, yRange) },
        ),
      );
    }

    const turn = signChange(c.curve.margin, p.chosen);
    if (turn !== null) {
      const text = s.note.pushTurns(label, turn);
      turns.push({
        type: 'scatter',
        mode: 'lines',
        name: text,
        legendgroup: c.id,
        showlegend: false,
        x: [turn, turn],
        y: [yLo, yHi],
        line: { color: style.color, dash: theme.referenceDash, width: Math.max(1, theme.lineWidth * 0.6) },
        hovertemplate: `${text}<extra></extra>`,
        // Its words are a note of this figure's: a compared run's copy would be an unlabelled line.
        meta: MAIN_RUN_ONLY,
      });
      const right = turn < (xRange[0] + xRange[1]) / 2;
      // The first few only: stacked from the bottom, more would climb over the curves. The line of every
      // one stays, with the same words on hover.
      if (labels.length < TURN_LABELS_MAX)
        labels.push({
          text,
          x: turn,
          y: yLo,
          xref: 'x',
          yref: 'y',
          xanchor: right ? 'left' : 'right',
          yanchor: 'bottom',
          xshift: right ? 4 : -4,
          yshift: labels.length * Math.round(theme.fontSize * 1.6),
          showarrow: false,
          bgcolor: theme.paper,
          opacity: 0.9,
          font: { family: theme.fontFamily, size: Math.round(theme.fontSize * 0.92), color: style.color },
        });
    }

    const m = (c.atStep ?? c.current).margin;
    const dotName = dotNameOf(c, label, s);
    const cp = c.chosenNow;
    const rp = c.rejectedNow;
    const off = offScale([cp, rp], yRange);
    if (off !== null) addCornerNote(annotations, theme, s.note.offScale(label, off), style.color);
    if (c.atStep && Number.isFinite(m) && (m < xRange[0] || m > xRange[1]))
      addCornerNote(annotations, theme, s.note.marginOffPlot(dotName, m), style.color);
    if (Number.isFinite(m) && Number.isFinite(cp) && Number.isFinite(rp)) {
      markers.push({
        type: 'scatter',
        mode: 'markers',
        name: dotName,
        legendgroup: c.id,
        showlegend: false,
        x: [m, m],
        y: [cp, rp],
        customdata: [s.trace.pushChosen(label), s.trace.pushRejected(label)],
        marker: {
          color: style.color,
          symbol: [style.symbol, openSymbol(style.symbol)],
          size: Math.round(theme.lineWidth * 2 + 7),
          line: { color: style.color, width: Math.max(1.5, theme.lineWidth * 0.75) },
        },
        hovertemplate: `${dotName}<br>%{customdata}: %{y:.3f}<extra></extra>`,
      });
    }
    const at = c.atStep && { step: c.atStep.step, margin: m };
    parts.push({ id: c.id, label, chosenPush: cp, rejectedPush: rp, ...(at ? { at } : {}) });
  }

  noReferenceNote(curves, s, annotations, theme);
  return {
    data: [...lines, ...turns, ...markers],
    layout: legendForCount(
      marginLayout(theme, s, 'gradient', xRange, s.axis.push, yRange, [...annotations, ...labels]),
      curves.length,
      theme,
    ),
    summary: withNoReference(
      curves,
      s,
      s.summary.gradient(parts, (curves[0].atStep ?? curves[0].current).margin, beta),
    ),
  };
}
