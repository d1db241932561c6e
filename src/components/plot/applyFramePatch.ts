// Writes a frame patch (figures/framePatch.ts) into a plot Plotly has drawn: each moved trace's line path
// and marker positions, each moved cursor line, through the axes Plotly laid out (their own pixel maps), so
// the picture is the one a full draw would make. Costs well under a millisecond per trace, against 20–80 ms
// for `Plotly.react`. It returns false (and the caller draws in full) whenever the drawn SVG is not what it
// expects: a trace whose point count changed, a line Plotly has not drawn yet, an unknown Plotly version.
//
// What it relies on (plotly.js 3–4, checked by tests/browser/framePatch.test.ts against a full draw): each
// scatter trace is a `g.trace` in a `.scatterlayer`, bound to its calcdata (`[0].trace.index`), with its line
// as `path.js-line` and its markers as `path.point` translated to c2p(x), c2p(y) of the trace's axes; a
// ternary trace maps (a, b, c) normalised to the ternary's sum onto x = c − b, y = a; a line shape's path is
// `M x0,y0 L x1,y1` with x = axis offset + r2p(x).
import type { Data } from 'plotly.js';
import { tracePositions, type FramePatch } from '../../figures/framePatch.ts';
import type { RedrawNotes } from './plotlyLoader.ts';

interface PixelAxis {
  c2p: (v: number) => number;
  r2p?: (v: number) => number;
  _offset?: number;
}

interface FullTrace {
  index: number;
  type?: string;
  xaxis?: string;
  yaxis?: string;
  subplot?: string;
  mode?: string;
}

interface GraphDiv extends HTMLElement {
  _fullLayout?: Record<string, unknown>;
}

type Bound = Element & { __data__?: { trace?: FullTrace }[] };

/** A point past this many pixels is drawn at it: far off the clipped plot either way, and finite. */
const FAR = 1e6;
const px = (v: number) => Math.max(-FAR, Math.min(FAR, v));

function axisOf(
  layout: Record<string, unknown>,
  id: string | undefined,
  letter: 'x' | 'y',
): PixelAxis | null {
  const name = `${letter}axis${(id ?? letter).slice(1)}`;
  const ax = layout[name] as PixelAxis | undefined;
  return ax && typeof ax.c2p === 'function' ? ax : null;
}

function ternaryAxes(layout: Record<string, unknown>, id: string | undefined) {
  const sub =
    (layout[id ?? 'ternary'] as { _subplot?: { xaxis?: PixelAxis; yaxis?: PixelAxis }; sum?: number }) ??
    undefined;
  const xa = sub?._subplot?.xaxis;
  const ya = sub?._subplot?.yaxis;
  if (!xa || !ya || typeof xa.c2p !== 'function' || typeof ya.c2p !== 'function') return null;
  return { xa, ya, sum: typeof sub.sum === 'number' && sub.sum > 0 ? sub.sum : 1 };
}

const num = (v: unknown): number =>
  typeof v === 'number' ? v : v === null || v === undefined ? NaN : Number(v);

/** Pixel positions of a trace's points; NaN where Plotly would leave a gap. */
function pixels(trace: Data, full: FullTrace, layout: Record<string, unknown>): Float64Array[] | null {
  const { kind, arrays } = tracePositions(trace);
  if (kind === 'xy') {
    const xa = axisOf(layout, full.xaxis, 'x');
    const ya = axisOf(layout, full.yaxis, 'y');
    if (!xa || !ya) return null;
    const [xs = [], ys = []] = arrays;
    const n = Math.min(xs.length, ys.length);
    const X = new Float64Array(n);
    const Y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      X[i] = xa.c2p(num(xs[i]));
      Y[i] = ya.c2p(num(ys[i]));
    }
    return [X, Y];
  }
  const t = ternaryAxes(layout, full.subplot);
  if (!t) return null;
  const [as = [], bs = [], cs = []] = arrays;
  const n = Math.min(as.length, bs.length, cs.length);
  const X = new Float64Array(n);
  const Y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let a = num(as[i]);
    let b = num(bs[i]);
    let c = num(cs[i]);
    const norm = t.sum / (a + b + c);
    if (norm !== 1) {
      a *= norm;
      b *= norm;
      c *= norm;
    }
    X[i] = t.xa.c2p(c - b);
    Y[i] = t.ya.c2p(a);
  }
  return [X, Y];
}

/** One SVG path through the points, a new subpath after each gap (Plotly's connectgaps: false). */
function linePath(X: Float64Array, Y: Float64Array): string {
  let d = '';
  let open = false;
  for (let i = 0; i < X.length; i++) {
    const x = X[i] as number;
    const y = Y[i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      open = false;
      continue;
    }
    d += `${open ? 'L' : 'M'}${px(x)},${px(y)}`;
    open = true;
  }
  return d;
}

interface TraceWrite {
  lines: NodeListOf<Element>;
  points: NodeListOf<Element>;
  X: Float64Array;
  Y: Float64Array;
}

/** The writes that move one drawn trace to X, Y; null when its drawn SVG cannot take them. */
function planTrace(group: Element, full: FullTrace, X: Float64Array, Y: Float64Array): TraceWrite | null {
  const lines = group.querySelectorAll('path.js-line');
  const points = group.querySelectorAll('path.point');
  let valid = 0;
  for (let i = 0; i < X.length; i++) if (Number.isFinite(X[i]) && Number.isFinite(Y[i])) valid++;
  if (points.length > 0 && points.length !== valid) return null;
  // A line Plotly did not draw (fewer than two points before) has no styled path to write into.
  const mode = typeof full.mode === 'string' ? full.mode : '';
  if (mode.includes('lines') && lines.length === 0 && valid > 1) return null;
  if (mode.includes('markers') && points.length === 0 && valid > 0) return null;
  return { lines, points, X, Y };
}

function writeTrace({ lines, points, X, Y }: TraceWrite): void {
  if (lines.length > 0) {
    const d = linePath(X, Y);
    lines.forEach((line, k) => line.setAttribute('d', k === 0 ? d : ''));
  }
  let k = 0;
  for (let i = 0; i < X.length && k < points.length; i++) {
    const x = X[i] as number;
    const y = Y[i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    points[k++]?.setAttribute('transform', `translate(${px(x)},${px(y)})`);
  }
}

const LINE_PATH = /^M([^,]+),([^L]+)L([^,]+),(.+)$/;

/**
 * Moves the drawn plot to `data` and the cursor lines by `patch`; false when the drawn SVG is not the
 * expected one (nothing is written then).
 */
export function applyFramePatch(
  gd: GraphDiv,
  data: readonly Data[],
  patch: FramePatch,
  redrawNotes: RedrawNotes,
): boolean {
  const layout = gd._fullLayout;
  if (!layout) return false;
  const byIndex = new Map<number, Bound>();
  for (const g of gd.querySelectorAll<Bound>('.scatterlayer > g.trace')) {
    const index = g.__data__?.[0]?.trace?.index;
    if (typeof index === 'number') byIndex.set(index, g);
  }
  // Plan every write first, so that a mismatch found half-way leaves the plot untouched.
  const writes: TraceWrite[] = [];
  for (const i of patch.traces) {
    const group = byIndex.get(i);
    const trace = data[i];
    const full = group?.__data__?.[0]?.trace;
    if (!group || !trace || !full) {
      // A trace with no points drawn has no group; it must still have none.
      if (!group && trace && tracePositions(trace).arrays.every((a) => a.length === 0)) continue;
      return false;
    }
    const xy = pixels(trace, full, layout);
    if (!xy) return false;
    const [X, Y] = xy as [Float64Array, Float64Array];
    const write = planTrace(group, full, X, Y);
    if (!write) return false;
    writes.push(write);
  }
  const shapeWrites: { path: Element; d: string }[] = [];
  for (const move of patch.shapes) {
    const path = gd.querySelector(`.shapelayer path[data-index="${move.index}"]`);
    const shape = (layout.shapes as { xref?: string }[] | undefined)?.[move.index];
    const xa = shape ? axisOf(layout, shape.xref, 'x') : null;
    const m = path?.getAttribute('d')?.match(LINE_PATH);
    if (!path || !xa || typeof xa.r2p !== 'function' || !m) return false;
    const x = px((xa._offset ?? 0) + xa.r2p(move.x));
    shapeWrites.push({ path, d: `M${x},${m[2]}L${x},${m[4]}` });
  }
  // A note's text is laid out by Plotly (its width, background, anchor): it redraws just those notes. First,
  // because laying out a note measures its text, which makes the browser lay out everything written before
  // it: written after the paths, each note's measure paid for laying out every moved path of the frame.
  if (patch.notes.length > 0 && !redrawNotes(gd, patch.notes)) return false;
  writes.forEach(writeTrace);
  for (const w of shapeWrites) w.path.setAttribute('d', w.d);
  return true;
}
