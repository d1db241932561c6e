// The loss view (`loss`): loss against the margin h for every chosen loss, the current pair marked on each
// curve and the closed-form optimum of h as a dotted vertical line.
import type { Annotation, Data, Layout } from 'plotly.js';
import { LOSS_IDS, LOSS_INFO, isReferenceFreeLoss, type LossId, type MarginCurve } from '../math/index.ts';
import type { Figure, HeldRanges, PlotTheme } from './types.ts';
import type { LossCurveInput } from '../derive/types.ts';
import type { FigureStrings, LossSummaryPart } from '../i18n/types/figures.ts';
import { formatFixed } from '../math/numberFormat.ts';
import { themeAxis, themeLayout } from './themes.ts';
import {
  addCornerNote,
  emptyFigure,
  finiteExtent,
  lineTrace,
  paddedRange,
  quantisedRange,
  legendForCount,
  visibleWithin,
  withHeld,
  type NumberArray,
} from './layout.ts';
import { lossStyleOf } from './lossStyle.ts';
import { stepMarkerName } from './stepCursor.ts';

export interface LossFigureOptions {
  beta: number;
  theme: PlotTheme;
  strings: FigureStrings;
  /** The preference probability p, only for the wording of "no finite optimum (p = 1)" notes. */
  preferenceProb?: number;
  /** Ranges to keep covering (a drag's, HeldRanges): only the y axis is held, x follows the curves' grid. */
  held?: HeldRanges;
}

/**
 * The y range covers every curve where |βh| ≤ this (plus 0 and every current point), not the whole
 * grid, whose tails say nothing new. Since DPO-family curves are functions of βh, their extent there does
 * not change with β: the y range stays put while the curves steepen or flatten on the fixed margin axis.
 */
export const LOSS_Y_WINDOW = 5;

/**
 * Losses that grow quadratically in h (IPO's and SPPO's squares, in nats², so 1/β² times larger than the
 * others at the reference). Shown beside other losses they would flatten them, so they do not set the y
 * range then: they are clipped, and a note gives the current value when it is off the scale. Shown alone,
 * the range runs from 0 to their value at h = 0 (the reference) or at the current pair. Which losses: the
 * `quadratic` column of src/math/lossInfo.ts.
 */
export const QUADRATIC_LOSSES: ReadonlySet<LossId> = new Set(
  LOSS_IDS.filter((id) => LOSS_INFO[id].quadratic),
);

/** Finite min and max of `ys` where |β·x| ≤ window. */
export function windowExtent(
  x: NumberArray,
  ys: readonly NumberArray[],
  beta: number,
  window: number,
): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const limit = window / beta;
  for (let i = 0; i < x.length; i++) {
    if (Math.abs(x[i]) > limit) continue;
    for (const y of ys) {
      const v = y[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [lo, hi];
}

/** y at h = 0, linearly interpolated on the grid (the nearer end when 0 lies outside it). */
function valueAtZero(x: NumberArray, y: NumberArray): number {
  const n = x.length;
  if (n === 0) return NaN;
  if (x[0] >= 0) return y[0];
  for (let i = 1; i < n; i++) {
    if (x[i] >= 0) {
      const t = (0 - x[i - 1]) / (x[i] - x[i - 1]);
      return y[i - 1] + t * (y[i] - y[i - 1]);
    }
  }
  return y[n - 1];
}

export interface CurveYRangeOptions {
  /** A range held during a drag (HeldRanges): the result covers it too. */
  held?: readonly [number, number];
  /** Symmetric about 0 (the gradient view: a push that changes sign shows both sides). */
  symmetric?: boolean;
  /** Values the range always covers when a bounded loss is shown (the gradient view: ±1, DPO's σ(−βh)). */
  include?: readonly number[];
}

/**
 * The fixed y range of the loss and gradient views: 0, the window |βh| ≤ LOSS_Y_WINDOW of every curve
 * and every current value, rounded outwards and padded (quantisedRange); quadratic losses count
 * only when nothing else is shown.
 */
export function curveYRange<C extends { id: LossId; curve: MarginCurve }>(
  items: readonly C[],
  series: (c: C) => readonly NumberArray[],
  currentValues: (c: C) => readonly number[],
  beta: number,
  opts: CurveYRangeOptions = {},
): [number, number] {
  const bounded = items.filter((c) => !QUADRATIC_LOSSES.has(c.id));
  const use = bounded.length > 0 ? bounded : items;
  let lo = 0;
  let hi = 0;
  const take = (v: number): void => {
    if (!Number.isFinite(v)) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const c of use) {
    const ys = series(c);
    if (QUADRATIC_LOSSES.has(c.id)) {
      for (const y of ys) take(valueAtZero(c.curve.margin, y));
    } else {
      const [a, b] = windowExtent(c.curve.margin, ys, beta, LOSS_Y_WINDOW);
      take(a);
      take(b);
    }
    for (const v of currentValues(c)) take(v);
  }
  if (bounded.length > 0) for (const v of opts.include ?? []) take(v);
  if (opts.symmetric) {
    const m = Math.max(-lo, hi);
    if (m > 0) [lo, hi] = [-m, m];
  }
  const [qa, qb] = withHeld(quantisedRange(lo, hi), opts.held);
  if (!opts.symmetric) return [qa, qb];
  const m = Math.max(-qa, qb);
  return [-m, m];
}

/** The labels of the reference-free losses shown (SimPO, ORPO), joined; '' when none. */
function referenceFreeLabels(curves: readonly LossCurveInput[], s: FigureStrings): string {
  return curves
    .filter((c) => isReferenceFreeLoss(c.id))
    .map((c) => s.lossLabel(c.id))
    .join(s.listSeparator);
}

/**
 * SimPO / ORPO have no reference model: a corner note says how their curves move along h (the policy's own
 * log-probs), so that the axis's ρ is never read as something they compare with π_ref.
 */
export function noReferenceNote(
  curves: readonly LossCurveInput[],
  s: FigureStrings,
  annotations: Partial<Annotation>[],
  theme: PlotTheme,
): void {
  const labels = referenceFreeLabels(curves, s);
  if (labels !== '') addCornerNote(annotations, theme, s.note.noReference(labels));
}

/** The text alternative, with the sentence on the reference-free losses when any is shown. */
export function withNoReference(
  curves: readonly LossCurveInput[],
  s: FigureStrings,
  summary: string,
): string {
  const labels = referenceFreeLabels(curves, s);
  return labels === '' ? summary : `${summary} ${s.note.noReferenceExplained(labels)}`;
}

/** The first current value outside [lo, hi], for an "off the scale" note. */
export function offScale(values: readonly number[], [lo, hi]: readonly [number, number]): number | null {
  for (const v of values) if (Number.isFinite(v) && (v < lo || v > hi)) return v;
  return null;
}

/** x range of the curves: from the smallest to the largest margin of their grids. */
export function marginRange(curves: readonly LossCurveInput[]): [number, number] {
  const [lo, hi] = finiteExtent(curves.map((c) => c.curve.margin));
  return lo < hi ? [lo, hi] : paddedRange(lo, hi);
}

/** The layout of the loss and gradient views: the margin h across on `xRange`, `yTitle` up on `yRange`. */
export function marginLayout(
  theme: PlotTheme,
  s: FigureStrings,
  uirevision: string,
  xRange: [number, number],
  yTitle: string,
  yRange: [number, number],
  annotations: Partial<Annotation>[],
): Partial<Layout> {
  return {
    ...themeLayout(theme),
    uirevision,
    hovermode: 'x unified',
    xaxis: themeAxis(theme, {
      title: { text: s.axis.margin },
      range: xRange,
      autorange: false,
      hoverformat: '.2f',
      unifiedhovertitle: { text: `${s.hover.margin} = %{x:.2f}` },
    }),
    yaxis: themeAxis(theme, { title: { text: yTitle }, range: yRange, autorange: false }),
    annotations,
  };
}

/**
 * The name of a loss's dot: "current pair" at the start; at a time cursor's step, that step, and when the
 * run diverged before it, the last step before (with the step where it diverged).
 */
export function dotNameOf(c: LossCurveInput, label: string, s: FigureStrings): string {
  return c.atStep ? stepMarkerName(s, label, c.atStep) : s.trace.currentOf(label);
}

export function lossFigure(curves: readonly LossCurveInput[], opts: LossFigureOptions): Figure {
  const { beta, theme, strings: s } = opts;
  if (curves.length === 0) return emptyFigure(theme, s.note.noData, s.summary.empty, 'loss');

  const xRange = marginRange(curves);
  const yRange = curveYRange(
    curves,
    (c) => [c.curve.loss],
    (c) => [c.current.loss],
    beta,
    { held: opts.held?.yaxis },
  );
  const [yLo, yHi] = yRange;

  const lines: Data[] = [];
  const optima: Data[] = [];
  const markers: Data[] = [];
  const annotations: Partial<Annotation>[] = [];
  const parts: LossSummaryPart[] = [];

  for (const c of curves) {
    const label = s.lossLabel(c.id);
    const style = lossStyleOf(c.id, theme);
    lines.push(
      lineTrace(
        label,
        { color: style.color, dash: style.dash, width: theme.lineWidth },
        // The legend lists only lines that are drawn: not one wholly off the scale.
        {
          legendgroup: c.id,
          x: c.curve.margin,
          y: c.curve.loss,
          showlegend: visibleWithin(c.curve.loss, yRange),
        },
      ),
    );

    const h = c.optimum;
    if (h !== null && !Number.isNaN(h)) {
      if (!Number.isFinite(h)) {
        const text = s.note.noFiniteOptimum(label, h > 0 ? 1 : -1, opts.preferenceProb ?? null);
        addCornerNote(annotations, theme, text, style.color);
      } else if (h < xRange[0] || h > xRange[1]) {
        addCornerNote(annotations, theme, s.note.optimumOffPlot(label, h), style.color);
      } else {
        optima.push({
          type: 'scatter',
          mode: 'lines',
          name: s.trace.optimum(label),
          legendgroup: c.id,
          showlegend: false,
          x: [h, h],
          y: [yLo, yHi],
          line: { color: style.color, dash: theme.referenceDash, width: Math.max(1, theme.lineWidth * 0.6) },
          hovertemplate: `${s.trace.optimum(label)} = ${formatFixed(h, 2)}<extra></extra>`,
        });
      }
    }

    // The dot is the pair at the time cursor (its own run's step), the start pair without one.
    const now = c.atStep ?? c.current;
    const dotName = dotNameOf(c, label, s);
    const m = now.margin;
    const l = now.loss;
    const off = offScale([l], yRange);
    if (off !== null) addCornerNote(annotations, theme, s.note.offScale(label, off), style.color);
    if (c.atStep && Number.isFinite(m) && (m < xRange[0] || m > xRange[1]))
      addCornerNote(annotations, theme, s.note.marginOffPlot(dotName, m), style.color);
    if (Number.isFinite(m) && Number.isFinite(l)) {
      markers.push({
        type: 'scatter',
        mode: 'markers',
        name: dotName,
        legendgroup: c.id,
        showlegend: false,
        x: [m],
        y: [l],
        marker: {
          color: style.color,
          symbol: style.symbol,
          size: Math.round(theme.lineWidth * 2 + 7),
          line: { color: theme.paper, width: Math.max(1, theme.lineWidth * 0.5) },
        },
        hovertemplate: `${dotName}<br>${s.hover.margin} = %{x:.2f}<br>${s.hover.loss} = %{y:.3f}<extra></extra>`,
      });
    }
    const at = c.atStep && { step: c.atStep.step, margin: m };
    parts.push({
      id: c.id,
      label,
      loss: l,
      weight: -now.dChosen / beta,
      optimum: h,
      ...(at ? { at } : {}),
      ...(c.modified ? { modified: true } : {}),
    });
  }

  noReferenceNote(curves, s, annotations, theme);
  // The dots last: a time cursor changes only these traces (and the notes), never the curves before them.
  return {
    data: [...lines, ...optima, ...markers],
    layout: legendForCount(
      marginLayout(theme, s, 'loss', xRange, s.axis.loss, [yLo, yHi], annotations),
      curves.length,
      theme,
    ),
    summary: withNoReference(
      curves,
      s,
      s.summary.loss(parts, (curves[0].atStep ?? curves[0].current).margin, beta),
    ),
  };
}
