// The compared run drawn into a figure: its traces dashed (a solid line becomes dashed, a dashed one dotted),
// its markers open, in the same colour per loss (lossStyleOf), named with the run they belong to ("DPO · β = 1"),
// in a legend group of their own. The loss, gradient, training and metrics figures draw the second run with
// their own builder and overlay it here; the plane and simplex add its path and its marker at the time cursor
// only (their contours, reference and optimum belong to the main run).
import type { Data, Dash, Layout } from 'plotly.js';
import type { LossId } from '../math/index.ts';
import type { TrainingRunInput } from '../derive/types.ts';
import { drawnSteps } from '../math/index.ts';
import type { Figure, PlotTheme } from './types.ts';
import type { FigureStrings } from '../i18n/types/figures.ts';
import { runStepAt } from '../derive/atStep.ts';
import { lossStyleOf } from './lossStyle.ts';
import { QUADRATIC_LOSSES } from './lossFigure.ts';
import { stepMarkerName, stepMarkerTrace } from './stepCursor.ts';

/** How the two runs are named in legends and the text alternative (i18n CompareStrings). */
export interface CompareNames {
  /** The main run's side ('β = 0.1') and the second run's ('β = 1'). */
  main: string;
  other: string;
  traceName: (name: string, side: string) => string;
  summary: (main: string, other: string, mainSummary: string, otherSummary: string) => string;
  /**
   * Name the main run's traces with its side too (default true). Not for vs=loss: there the main run's
   * traces are each named by their own loss already, and "KTO · DPO" would say something false.
   */
  nameMain?: boolean;
}

/**
 * The dash of the second run's line for the main run's dash: a solid line becomes dashed, any other dotted.
 * In figures whose main lines already use dashes for something else (`dashesTaken`: the gradient view's
 * push on y_l, the training view's y_l), a solid line becomes dotted and any other dash-dotted instead.
 */
export function compareDash(dash: unknown, dashesTaken = false): Dash {
  const solid = dash === undefined || dash === 'solid';
  if (dashesTaken) return solid ? 'dot' : 'dashdot';
  return solid ? 'dash' : 'dot';
}

/**
 * A trace's `meta` for a mark whose words only the main run's figure carries (the gradient view's
 * sign-change lines are labelled by notes, and an overlay keeps the main figure's notes only): the second
 * run's copy would be an unlabelled line, so overlays leave it out.
 */
export const MAIN_RUN_ONLY = 'main-run-only';

/** The second run's opacity where it is drawn faint (CompareStyle.faded). */
export const COMPARE_FADED_OPACITY = 0.4;

/** How the second run is drawn: see compareDash. */
export interface CompareStyle {
  dashesTaken?: boolean;
  /**
   * Every dash already means something (the training view with three or more responses: y_w solid, y_l
   * dashed, y₃ dotted, y₄ dash-dotted): the second run keeps each line's dash and is drawn faint instead.
   */
  faded?: boolean;
  /**
   * Whose y ranges the overlay keeps: both runs' ('union', default), or one run's alone (the loss and
   * gradient views' rule that quadratic losses do not set the range beside bounded ones: pairYRangesFrom).
   */
  yFrom?: 'union' | 'main' | 'second';
}

/**
 * Whose y range the loss and gradient views keep when two runs' curves share a plot: quadratic losses (IPO,
 * SPPO) do not set the range beside bounded ones (lossFigure's curveYRange), so a run showing only
 * quadratic losses beside one with a bounded loss gives way to it.
 */
export function pairYRangesFrom(
  mainIds: readonly LossId[],
  otherIds: readonly LossId[],
): NonNullable<CompareStyle['yFrom']> {
  const bounded = (ids: readonly LossId[]) => ids.some((id) => !QUADRATIC_LOSSES.has(id));
  if (bounded(mainIds) && !bounded(otherIds)) return 'main';
  if (!bounded(mainIds) && bounded(otherIds)) return 'second';
  return 'union';
}

/** Legend group of a second-run trace: apart from the main run's, so each toggles on its own. */
export const COMPARE_GROUP_PREFIX = 'vs:';

type Loose = Record<string, unknown>;

function isRecord(v: unknown): v is Loose {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A trace of the second run: dashed, open markers, named with its run. */
export function asCompareTrace(trace: Data, names: CompareNames, style: CompareStyle = {}): Data {
  const t: Loose = { ...(trace as Loose) };
  if (style.faded) t.opacity = COMPARE_FADED_OPACITY;
  else if (isRecord(t.line)) t.line = { ...t.line, dash: compareDash(t.line.dash, style.dashesTaken) };
  else if (t.mode === undefined || String(t.mode).includes('lines'))
    t.line = { dash: compareDash(undefined, style.dashesTaken) };
  // A marker without a symbol is Plotly's default circle: open it too (the gradient view's dots have none).
  if (isRecord(t.marker)) {
    const open = (v: unknown) => {
      const symbol = typeof v === 'string' ? v : 'circle';
      return symbol.endsWith('-open') ? symbol : `${symbol}-open`;
    };
    const symbol = t.marker.symbol;
    t.marker = { ...t.marker, symbol: Array.isArray(symbol) ? symbol.map(open) : open(symbol) };
  }
  if (typeof t.name === 'string') t.name = names.traceName(t.name, names.other);
  t.legendgroup = `${COMPARE_GROUP_PREFIX}${typeof t.legendgroup === 'string' ? t.legendgroup : ''}`;
  return t as Data;
}

/** A trace of the main run, named with its run (its style unchanged). */
function asMainTrace(trace: Data, names: CompareNames): Data {
  const t: Loose = { ...(trace as Loose) };
  if (typeof t.name === 'string' && names.nameMain !== false) t.name = names.traceName(t.name, names.main);
  return t as Data;
}

const AXIS_KEY = /^[xy]axis\d*$/;

function finiteRange(v: unknown): [number, number] | null {
  return Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x))
    ? [v[0] as number, v[1] as number]
    : null;
}

/** The main layout with every axis range widened to cover the second figure's same axis. */
function unionRanges(
  main: Partial<Layout>,
  second: Partial<Layout>,
  yFrom: CompareStyle['yFrom'] = 'union',
): Partial<Layout> {
  const out: Loose = { ...(main as Loose) };
  const other = second as Loose;
  for (const key of Object.keys(out)) {
    if (!AXIS_KEY.test(key) || !isRecord(out[key]) || !isRecord(other[key])) continue;
    const a = finiteRange(out[key].range);
    const b = finiteRange(other[key].range);
    if (!a || !b || out[key].type === 'log') continue;
    const y = key.startsWith('y');
    const range: [number, number] =
      y && yFrom === 'main' ? a : y && yFrom === 'second' ? b : [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
    out[key] = { ...out[key], range };
  }
  return out as Partial<Layout>;
}

/**
 * `main` with the second run's figure drawn over it: every trace of `second` restyled (asCompareTrace), axis
 * ranges widened to show both, the main figure's annotations only (titles, notes), and a text alternative
 * that describes both runs. Both figures must come from the same builder, so their subplots line up.
 */
export function overlayCompare(
  main: Figure,
  second: Figure,
  names: CompareNames,
  style: CompareStyle = {},
): Figure {
  return {
    data: [
      ...main.data.map((t) => asMainTrace(t, names)),
      ...second.data
        .filter((t) => (t as Loose).meta !== MAIN_RUN_ONLY)
        .map((t) => asCompareTrace(t, names, style)),
    ],
    layout: unionRanges(main.layout, second.layout, style.yFrom),
    summary: names.summary(names.main, names.other, main.summary, second.summary),
  };
}

/** `main` with some traces of the second run added (already styled) and both runs in the text alternative. */
export function withCompareTraces(
  main: Figure,
  traces: readonly Data[],
  names: CompareNames,
  otherSummary: string,
): Figure {
  return {
    data: [...main.data.map((t) => asMainTrace(t, names)), ...traces],
    layout: main.layout,
    summary: names.summary(names.main, names.other, main.summary, otherSummary),
  };
}

/**
 * The second run's dots alone over `main`, for a setting that changes only how the run trains (learning rate,
 * optimiser, features): its curves are `main`'s, but at a step past 0 it sits elsewhere on them.
 */
export function overlayCompareDots(main: Figure, second: Figure, names: CompareNames): Figure {
  const dots = second.data
    .filter((t) => (t as Loose).mode === 'markers')
    .map((t) => asCompareTrace(t, names));
  return withCompareTraces(main, dots, names, second.summary);
}

/** The time cursor in the plane and simplex: its step, and the strings that name a marker at it. */
export interface CompareCursor {
  step: number;
  strings: FigureStrings;
}

/**
 * The second run's marker at the time cursor: the main runs' diamond (stepMarkerTrace) at its own run's step
 * t (runStepAt: the last trusted step when it diverged before t), open, its outline in the loss's colour, so
 * that two diamonds of one colour tell the runs apart the way their solid and dashed paths do.
 */
function compareStepMarker(
  run: TrainingRunInput,
  cursor: CompareCursor,
  theme: PlotTheme,
  names: CompareNames,
  label: string,
  point: (step: number) => Record<string, number[]>,
  hoverValues: string,
  extra: Partial<Data> = {},
): Data {
  const colour = lossStyleOf(run.id, theme).color;
  const name = stepMarkerName(cursor.strings, label, runStepAt(run, cursor.step));
  const hovertemplate = `${names.traceName(name, names.other)}<br>${hoverValues}<extra></extra>`;
  const marker = stepMarkerTrace(theme, colour, name, point(runStepAt(run, cursor.step).step), {
    ...extra,
    hovertemplate,
  });
  const t = asCompareTrace(marker, names) as Loose;
  const m = isRecord(t.marker) ? t.marker : {};
  return { ...t, marker: { ...m, line: { color: colour, width: 2 } } } as Data;
}

/**
 * The second run's path and end marker over the (ρw, ρl) plane, for the plane's loss (or vs=loss's other
 * loss), and with a time cursor its open diamond at step t.
 */
export function planeCompareTraces(
  run: TrainingRunInput | undefined,
  theme: PlotTheme,
  names: CompareNames,
  pathName: (label: string) => string,
  label: string,
  cursor?: CompareCursor,
): Data[] {
  if (!run) return [];
  const n = drawnSteps(run.divergence, Math.min(run.chosenLogRatio.length, run.rejectedLogRatio.length));
  if (n === 0) return [];
  const colour = lossStyleOf(run.id, theme).color;
  const x = run.chosenLogRatio.slice(0, n);
  const y = run.rejectedLogRatio.slice(0, n);
  const name = pathName(label);
  const path: Data = {
    type: 'scatter',
    mode: 'lines',
    name,
    x,
    y,
    line: { color: colour, width: theme.lineWidth },
    hovertemplate: `${names.traceName(name, names.other)}<br>(%{x:.2f}, %{y:.2f})<extra></extra>`,
  };
  const end: Data = {
    type: 'scatter',
    mode: 'markers',
    name,
    showlegend: false,
    x: [x[n - 1]],
    y: [y[n - 1]],
    marker: { symbol: 'star', size: Math.round(theme.lineWidth * 2 + 12), color: colour },
    hovertemplate: `${names.traceName(name, names.other)}<br>(%{x:.2f}, %{y:.2f})<extra></extra>`,
  };
  const drawn = run.divergence
    ? [asCompareTrace(path, names)]
    : [path, end].map((t) => asCompareTrace(t, names));
  if (!cursor) return drawn;
  const at = compareStepMarker(
    run,
    cursor,
    theme,
    names,
    label,
    (k) => ({
      x: [run.chosenLogRatio[k]],
      y: [run.rejectedLogRatio[k]],
    }),
    '(%{x:.2f}, %{y:.2f})',
  );
  return [...drawn, at];
}

/**
 * The second runs' paths on the simplex (K = 3): one dashed line and open end marker per loss, and with a
 * time cursor each run's open diamond at step t (after every path, like the main runs' diamonds).
 */
export function simplexCompareTraces(
  runs: readonly TrainingRunInput[],
  theme: PlotTheme,
  names: CompareNames,
  lossLabel: (id: LossId) => string,
  cursor?: CompareCursor,
): Data[] {
  const out: Data[] = [];
  const markers: Data[] = [];
  for (const run of runs) {
    const n = drawnSteps(run.divergence, run.probs.length);
    if (n === 0 || run.probs[0].length !== 3) continue;
    const colour = lossStyleOf(run.id, theme).color;
    const col = (k: number) => run.probs.slice(0, n).map((p) => p[k]);
    const label = lossLabel(run.id);
    const hover = `${names.traceName(label, names.other)}<br>%{a:.3f}, %{b:.3f}, %{c:.3f}<extra></extra>`;
    const [a, b, c] = [col(0), col(1), col(2)];
    out.push(
      asCompareTrace(
        {
          type: 'scatterternary',
          mode: 'lines',
          name: label,
          legendgroup: run.id,
          a,
          b,
          c,
          line: { color: colour, width: theme.lineWidth },
          hovertemplate: hover,
        },
        names,
      ),
    );
    if (!run.divergence)
      out.push(
        asCompareTrace(
          {
            type: 'scatterternary',
            mode: 'markers',
            name: label,
            legendgroup: run.id,
            showlegend: false,
            a: [a[n - 1]],
            b: [b[n - 1]],
            c: [c[n - 1]],
            marker: {
              symbol: lossStyleOf(run.id, theme).symbol,
              size: Math.round(theme.lineWidth * 2 + 9),
              color: colour,
            },
            hovertemplate: hover,
          },
          names,
        ),
      );
    if (cursor)
      markers.push(
        compareStepMarker(
          run,
          cursor,
          theme,
          names,
          label,
          (k) => ({ a: [run.probs[k][0]], b: [run.probs[k][1]], c: [run.probs[k][2]] }),
          '%{a:.3f}, %{b:.3f}, %{c:.3f}',
          { type: 'scatterternary', legendgroup: run.id },
        ),
      );
  }
  return [...out, ...markers];
}

/**
 * The sweeps: where the swept setting is the compared one (β on the β sweep, π_ref(y_w) on the reference
 * sweep), the second run's value as a vertical line in the second run's dash beside the current one's, so
 * the sweep's curves read off where each run ends.
 */
export function sweepCompareMarker(main: Figure, x: number, theme: PlotTheme, names: CompareNames): Figure {
  if (!Number.isFinite(x)) return main;
  const line: Data = {
    type: 'scatter',
    mode: 'lines',
    name: names.other,
    showlegend: false,
    x: [x, x],
    y: [0, 1],
    line: { color: theme.text, width: Math.max(1, theme.lineWidth * 0.8) },
    hovertemplate: `${names.other}<extra></extra>`,
  };
  const t = asCompareTrace(line, names) as Loose;
  // The line is the run itself: its name is the run's, not "<name> · <run>".
  return { ...main, data: [...main.data, { ...t, name: names.other } as Data] };
}
