// The gradient view (`gradient`): how hard each loss pushes. Both pushes are divided by β so the DPO family
// reads on one scale: for DPO the push is β·σ(−βh), so the plotted value is the gradient weight
// σ(−βh) ∈ [0, 1].
//   solid  = −∂loss/∂log π(y_w) ÷ β (positive: y_w is pushed up)
//   dashed = +∂loss/∂log π(y_l) ÷ β (positive: y_l is pushed down)
import type { Annotation, Data } from 'plotly.js';
import type { Figure, PlotTheme } from './types.ts';
import type { LossCurveInput } from '../derive/types.ts';
import type { FigureStrings, GradientSummaryPart } from '../i18n/types/figures.ts';
import { lossStyle, openSymbol } from './lossStyle.ts';
import { addCornerNote, emptyFigure, lineTrace } from './layout.ts';
import { curveYRange, marginLayout, marginRange, offScale } from './lossFigure.ts';

export interface GradientFigureOptions {
  beta: number;
  theme: PlotTheme;
  strings: FigureStrings;
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

export function gradientFigure(curves: readonly LossCurveInput[], opts: GradientFigureOptions): Figure {
  const { beta, theme, strings: s } = opts;
  if (curves.length === 0) return emptyFigure(theme, s.note.noData, s.summary.empty, 'gradient');

  const xRange = marginRange(curves);
  const items = curves.map((c) => ({
    ...c,
    push: pushes(c.curve, beta),
    chosenNow: -c.current.dChosen / beta + 0,
    rejectedNow: c.current.dRejected / beta + 0,
  }));
  const yRange = curveYRange(
    items,
    (c) => [c.push.chosen, c.push.rejected],
    (c) => [c.chosenNow, c.rejectedNow],
    beta,
  );
  const lines: Data[] = [];
  const markers: Data[] = [];
  const annotations: Partial<Annotation>[] = [];
  const parts: GradientSummaryPart[] = [];

  items.forEach((c, i) => {
    const label = s.lossLabel(c.id);
    const style = lossStyle(i, theme);
    const p = c.push;

    const line = { color: style.color, width: theme.lineWidth };
    const along = { legendgroup: c.id, x: c.curve.margin };
    lines.push(
      lineTrace(s.trace.pushChosen(label), { ...line, dash: 'solid' }, { ...along, y: p.chosen }),
      lineTrace(s.trace.pushRejected(label), { ...line, dash: 'dash' }, { ...along, y: p.rejected }),
    );

    const m = c.current.margin;
    const cp = c.chosenNow;
    const rp = c.rejectedNow;
    const off = offScale([cp, rp], yRange);
    if (off !== null) addCornerNote(annotations, theme, s.note.offScale(label, off), style.color);
    if (Number.isFinite(m) && Number.isFinite(cp) && Number.isFinite(rp)) {
      markers.push({
        type: 'scatter',
        mode: 'markers',
        name: s.trace.currentOf(label),
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
        hovertemplate: `${s.trace.currentOf(label)}<br>%{customdata}: %{y:.3f}<extra></extra>`,
      });
    }
    parts.push({ id: c.id, label, chosenPush: cp, rejectedPush: rp });
  });

  return {
    data: [...lines, ...markers],
    layout: marginLayout(theme, s, 'gradient', xRange, s.axis.push, yRange, annotations),
    summary: s.summary.gradient(parts, curves[0].current.margin, beta),
  };
}
