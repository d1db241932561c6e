// Drag frames without a Plotly redraw (issue 11). During a drag most figures differ from the one last drawn
// only in where their points are: the axes, legend, notes, styles and trace list stay the same, because the
// figure builders fix every range and keep the cursor's shapes and markers apart (stepCursor.ts). A full
// `Plotly.react` then spends 20–80 ms laying out what did not change. This module decides, as data, whether
// the next figure is such a move of the drawn one and what moved; the plot wrapper then rewrites only those
// SVG paths (components/plot/applyFramePatch.ts) and settles with a full draw once the drag rests. Anything
// else (a new range, a note restyled or added, a trace added, a style, a contour, drawn text) is not a move,
// and is drawn in full.
import type { Data, Layout } from 'plotly.js';
import type { Figure } from './types.ts';

/** The trace types whose points can be moved in place: their positions are all that may differ. */
const POSITION_KEYS: Readonly<Record<string, readonly string[]>> = {
  scatter: ['x', 'y'],
  scatterternary: ['a', 'b', 'c'],
};

/** What a trace shows only on hover (stale for the few frames until the settling draw; never on screen). */
const HOVER_KEYS = ['customdata', 'hovertext', 'hovertemplate', 'meta'] as const;

/** A vertical line shape (the time cursor) whose x moved: the index in `layout.shapes` and its new x. */
export interface ShapeMove {
  index: number;
  x: number;
}

/** A note (layout annotation) whose text or data position changed, nothing else: its index and new values. */
export interface NoteText {
  index: number;
  changes: Partial<Record<NoteKey, string | number>>;
}

/** What a note may change in a move: Plotly redraws just that note for these (its `arraydraw` edit). */
const NOTE_KEYS = ['text', 'x', 'y'] as const;
type NoteKey = (typeof NOTE_KEYS)[number];

export interface FramePatch {
  /** Indices of the traces whose positions changed (the others are left as drawn). */
  traces: number[];
  shapes: ShapeMove[];
  notes: NoteText[];
  /**
   * Axes whose range changed, nothing else about them: Plotly redraws just the axes for these (a relayout,
   * ~4× cheaper than a full draw) before the moves are written.
   */
  ranges: Record<string, [number, number]>;
}

type Loose = Record<string, unknown>;

/** Structural equality of plain figure data (NaN equals NaN; key order ignored; undefined = absent). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const aArr = Array.isArray(a) || ArrayBuffer.isView(a);
  const bArr = Array.isArray(b) || ArrayBuffer.isView(b);
  if (aArr !== bArr) return false;
  if (aArr) {
    const x = a as ArrayLike<unknown>;
    const y = b as ArrayLike<unknown>;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameValue(x[i], y[i])) return false;
    return true;
  }
  return sameEntries(a as Loose, b as Loose, null);
}

/** Equal objects, ignoring the keys in `skip`. */
function sameEntries(a: Loose, b: Loose, skip: ReadonlySet<string> | null): boolean {
  for (const k of Object.keys(a)) {
    if (skip?.has(k)) continue;
    if (!sameValue(a[k], b[k])) return false;
  }
  for (const k of Object.keys(b)) {
    if (skip?.has(k) || k in a) continue;
    if (b[k] !== undefined) return false;
  }
  return true;
}

function hasText(trace: Loose): boolean {
  return typeof trace.mode === 'string' && trace.mode.includes('text');
}

/**
 * Whether moving the trace is only moving its line and markers: applyFramePatch writes one straight
 * polyline (`path.js-line`) and the markers' places. Drawn text, a fill, a curved or stepped line, bridged
 * gaps and error bars are drawn elsewhere in the SVG or otherwise, and would stay where the old points were.
 */
function drawnAsPolyline(trace: Loose): boolean {
  const line = (trace.line ?? {}) as Loose;
  return (
    !hasText(trace) &&
    (trace.fill ?? 'none') === 'none' &&
    (line.shape ?? 'linear') === 'linear' &&
    trace.connectgaps !== true &&
    !trace.error_x &&
    !trace.error_y
  );
}

/**
 * Which of a trace's keys may differ in a move: its positions, what only hover shows (its text too: text
 * that is drawn makes the trace unmovable), and its name when it is not in the legend. `null`: the trace
 * cannot be moved in place.
 */
function movableKeys(trace: Loose): Set<string> | null {
  const positions = POSITION_KEYS[typeof trace.type === 'string' ? trace.type : 'scatter'];
  if (!positions || !drawnAsPolyline(trace)) return null;
  const keys = new Set<string>([...positions, ...HOVER_KEYS, 'text']);
  if (trace.showlegend === false) keys.add('name');
  return keys;
}

/** A vertical line (x0 = x1) that differs from `a` in x only: the time cursor. */
function shapeMove(a: Loose, b: Loose, index: number): ShapeMove | null | 'same' {
  if (sameValue(a, b)) return 'same';
  if (b.type !== 'line' || typeof b.x0 !== 'number' || b.x0 !== b.x1) return null;
  if (!Number.isFinite(b.x0) || typeof a.x0 !== 'number' || a.x0 !== a.x1) return null;
  return sameEntries(a, b, new Set(['x0', 'x1'])) ? { index, x: b.x0 } : null;
}

const AXIS_KEY = /^[xy]axis\d*$/;
const RANGE_ONLY: ReadonlySet<string> = new Set(['range']);

const finitePair = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/**
 * The axes whose fixed range changed (nothing else about them), if the layouts are otherwise the same but
 * for shapes and notes (planned apart); null when anything else differs.
 */
function rangeChanges(a: Partial<Layout>, b: Partial<Layout>): Record<string, [number, number]> | null {
  const la = a as Loose;
  const lb = b as Loose;
  const axes = Object.keys(lb).filter((k) => AXIS_KEY.test(k));
  if (!sameEntries(la, lb, new Set(['shapes', 'annotations', ...axes]))) return null;
  const ranges: Record<string, [number, number]> = {};
  for (const k of axes) {
    const x = la[k] as Loose | undefined;
    const y = lb[k] as Loose | undefined;
    if (x === y || sameValue(x, y)) continue;
    if (!x || !y || !sameEntries(x, y, RANGE_ONLY)) return null;
    if (y.autorange === true || !finitePair(y.range)) return null;
    ranges[k] = y.range;
  }
  return ranges;
}

const NOTE_MOVES: ReadonlySet<string> = new Set(NOTE_KEYS);

/** The notes that changed text or position only, or null when a note changed otherwise or was added. */
function noteTexts(a: Partial<Layout>, b: Partial<Layout>): NoteText[] | null {
  const notesA = (a.annotations ?? []) as Loose[];
  const notesB = (b.annotations ?? []) as Loose[];
  if (notesA.length !== notesB.length) return null;
  const out: NoteText[] = [];
  for (let i = 0; i < notesB.length; i++) {
    const x = notesA[i] ?? {};
    const y = notesB[i] ?? {};
    if (x === y || sameValue(x, y)) continue;
    if (!sameEntries(x, y, NOTE_MOVES)) return null;
    const changes: NoteText['changes'] = {};
    for (const k of NOTE_KEYS) {
      const v = y[k];
      if (sameValue(x[k], v)) continue;
      if (typeof v !== (k === 'text' ? 'string' : 'number')) return null;
      changes[k] = v as string | number;
    }
    out.push({ index: i, changes });
  }
  return out;
}

/**
 * The patch that turns the drawn figure `drawn` into `next` by moving points and cursor lines, or `null`
 * when `next` differs in anything else and needs a full draw. An identical figure is an empty patch.
 */
export function planFramePatch(drawn: Figure, next: Figure): FramePatch | null {
  if (drawn.data.length !== next.data.length) return null;
  const ranges = rangeChanges(drawn.layout, next.layout);
  if (!ranges) return null;
  const notes = noteTexts(drawn.layout, next.layout);
  if (!notes) return null;
  const traces: number[] = [];
  for (let i = 0; i < next.data.length; i++) {
    const a = drawn.data[i] as Loose;
    const b = next.data[i] as Loose;
    if (a === b) continue;
    const keys = movableKeys(b);
    if (!keys || (a.type ?? 'scatter') !== (b.type ?? 'scatter')) {
      if (sameValue(a, b)) continue;
      return null;
    }
    if (!sameEntries(a, b, keys)) return null;
    const positions = POSITION_KEYS[(b.type as string | undefined) ?? 'scatter'] ?? [];
    if (positions.some((k) => !sameValue(a[k], b[k]))) traces.push(i);
  }
  const shapesA = (drawn.layout.shapes ?? []) as Loose[];
  const shapesB = (next.layout.shapes ?? []) as Loose[];
  if (shapesA.length !== shapesB.length) return null;
  const shapes: ShapeMove[] = [];
  for (let i = 0; i < shapesB.length; i++) {
    const move = shapeMove(shapesA[i] ?? {}, shapesB[i] ?? {}, i);
    if (move === null) return null;
    if (move !== 'same') shapes.push(move);
  }
  return { traces, shapes, notes, ranges };
}

/** The positions of trace `trace` that a patch writes: x and y, or a, b and c on a ternary plot. */
export function tracePositions(trace: Data): { kind: 'xy' | 'abc'; arrays: readonly unknown[][] } {
  const t = trace as Loose;
  const arr = (k: string): unknown[] => {
    const v = t[k];
    return Array.isArray(v) ? v : ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : [];
  };
  return t.type === 'scatterternary'
    ? { kind: 'abc', arrays: [arr('a'), arr('b'), arr('c')] }
    : { kind: 'xy', arrays: [arr('x'), arr('y')] };
}
