// A figure's plotted numbers as data files: long-format CSV (one row per point) and JSON (one object per
// trace). Pure: a Figure in, strings out, so the downloads' contents are unit-tested without a DOM.
//
// Columns are the trace's own coordinates: x, y for scatter; x, y, z for contour (its z grid flattened row
// by row, each value with its own x and y); a, b, c for scatterternary. A figure with subplots gets a
// `panel` column (the subplot's title) because the same trace name repeats in every panel. Numbers are
// written exactly as plotted (shortest round-trip form); NaN, ±Infinity and gaps (null) become empty cells
// in CSV and null in JSON.
import type { Layout } from 'plotly.js';
import type { Figure } from './types.ts';

export type ExportColumn = 'x' | 'y' | 'z' | 'a' | 'b' | 'c';
export type ExportCell = number | string | null;

const COLUMNS: readonly ExportColumn[] = ['x', 'y', 'z', 'a', 'b', 'c'];

/** One trace, flattened: every column has one entry per point. */
export interface ExportTrace {
  name: string;
  type: string;
  /** The subplot's title, when the figure has several panels. */
  panel?: string;
  columns: Partial<Record<ExportColumn, ExportCell[]>>;
}

type Loose = Record<string, unknown>;

/** Plotly's rich-text tags (<b>, <sub>, <br>, …) dropped; the text itself kept. */
export function plainText(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?(?:b|i|em|strong|sub|sup|span|a|s|u)\b[^>]*>/gi, '')
    .trim();
}

function cell(v: unknown): ExportCell {
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : null;
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  return null;
}

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || ArrayBuffer.isView(v);
}

/** A plain array of cells from an array, a typed array or nothing. */
function cells(v: unknown): ExportCell[] | undefined {
  if (!isArrayLike(v) || v instanceof DataView) return undefined;
  return Array.from(v as ArrayLike<unknown>, cell);
}

/** A z grid (rows of cells), or undefined when z is not two-dimensional. */
function grid(v: unknown): ExportCell[][] | undefined {
  if (!isArrayLike(v) || v instanceof DataView) return undefined;
  const rows = Array.from(v as ArrayLike<unknown>);
  if (rows.length === 0 || !rows.every((r) => isArrayLike(r) && !(r instanceof DataView))) return undefined;
  return rows.map((r) => Array.from(r as ArrayLike<unknown>, cell));
}

function indices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function titleText(t: unknown): string {
  if (typeof t === 'string') return plainText(t);
  if (t && typeof t === 'object' && typeof (t as Loose).text === 'string')
    return plainText((t as Loose).text as string);
  return '';
}

function axisKey(ref: unknown, letter: 'x' | 'y'): string {
  const s = typeof ref === 'string' ? ref : letter;
  const n = s.slice(1);
  return `${letter}axis${n === '1' ? '' : n}`;
}

function domain(layout: Partial<Layout>, key: string): [number, number] {
  const d = ((layout as Loose)[key] as Loose | undefined)?.domain;
  return Array.isArray(d) && d.length === 2 ? [Number(d[0]), Number(d[1])] : [0, 1];
}

/**
 * The title of the subplot a trace is drawn in: a paper-anchored annotation centred above its axes' cell
 * (how the builders title their panels), else its own y axis's title (panels of different quantities).
 * '' when the figure has one panel or the panel has no title.
 */
function panelOf(trace: Loose, layout: Partial<Layout>, multiPanel: boolean): string {
  if (!multiPanel) return '';
  const yKey = axisKey(trace.yaxis, 'y');
  const [x0, x1] = domain(layout, axisKey(trace.xaxis, 'x'));
  const [, yTop] = domain(layout, yKey);
  const eps = 1e-6;
  for (const a of (layout.annotations ?? []) as Loose[]) {
    if (a.xref !== 'paper' || a.yref !== 'paper' || typeof a.text !== 'string') continue;
    const x = Number(a.x);
    const y = Number(a.y);
    if (x >= x0 - eps && x <= x1 + eps && Math.abs(y - yTop) < eps) return plainText(a.text);
  }
  return titleText(((layout as Loose)[yKey] as Loose | undefined)?.title);
}

function traceColumns(t: Loose): Partial<Record<ExportColumn, ExportCell[]>> {
  const z = t.type === 'contour' || t.type === 'heatmap' ? grid(t.z) : undefined;
  if (z) {
    // z[i][j] sits at (x[j], y[i]); missing coordinates are the column and row indices, as Plotly draws them.
    const width = Math.max(0, ...z.map((r) => r.length));
    const xs = cells(t.x) ?? indices(width);
    const ys = cells(t.y) ?? indices(z.length);
    const out: Record<'x' | 'y' | 'z', ExportCell[]> = { x: [], y: [], z: [] };
    z.forEach((row, i) => {
      row.forEach((v, j) => {
        out.x.push(xs[j] ?? null);
        out.y.push(ys[i] ?? null);
        out.z.push(v);
      });
    });
    return out;
  }
  const cols: Partial<Record<ExportColumn, ExportCell[]>> = {};
  for (const c of COLUMNS) {
    const v = cells(t[c]);
    if (v) cols[c] = v;
  }
  const n = Math.max(0, ...Object.values(cols).map((v) => v.length));
  for (const c of Object.keys(cols) as ExportColumn[]) {
    const v = cols[c]!;
    while (v.length < n) v.push(null);
  }
  return cols;
}

/** Every trace of the figure with its data, flattened to equal-length columns. */
export function exportTraces(figure: Figure): ExportTrace[] {
  const layout = figure.layout ?? {};
  const traces = (figure.data ?? []) as Loose[];
  const multiPanel = new Set(traces.map((t) => axisKey(t.xaxis, 'x'))).size > 1;
  return traces.map((t, i) => {
    const name = typeof t.name === 'string' && t.name.trim() ? plainText(t.name) : `trace ${i + 1}`;
    const panel = panelOf(t, layout, multiPanel);
    return {
      name,
      type: typeof t.type === 'string' ? t.type : 'scatter',
      ...(panel ? { panel } : {}),
      columns: traceColumns(t),
    };
  });
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(v: ExportCell | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : v;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Long format: `trace,x,y` (plus `z` for contours, `a,b,c` for ternary plots, a leading `panel` for a
 * figure with subplots), one row per plotted point, rows ending in \n.
 */
export function figureToCsv(figure: Figure): string {
  const traces = exportTraces(figure);
  const used = COLUMNS.filter((c) => traces.some((t) => t.columns[c]));
  const withPanel = traces.some((t) => t.panel);
  const header = [...(withPanel ? ['panel'] : []), 'trace', ...used];
  const lines = [header.join(',')];
  for (const t of traces) {
    const n = Math.max(0, ...used.map((c) => t.columns[c]?.length ?? 0));
    const lead = [...(withPanel ? [csvField(t.panel ?? '')] : []), csvField(t.name)];
    for (let i = 0; i < n; i++) {
      lines.push([...lead, ...used.map((c) => csvField(t.columns[c]?.[i] ?? null))].join(','));
    }
  }
  return lines.join('\n') + '\n';
}

/** The axis titles a trace is drawn against (the first titled axis of the kind when its own has none). */
function axisLabels(trace: Loose, layout: Partial<Layout>): { xLabel?: string; yLabel?: string } {
  const out: { xLabel?: string; yLabel?: string } = {};
  for (const letter of ['x', 'y'] as const) {
    const own = titleText(((layout as Loose)[axisKey(trace[`${letter}axis`], letter)] as Loose)?.title);
    const any =
      own ||
      Object.keys(layout)
        .filter((k) => new RegExp(`^${letter}axis\\d*$`).test(k))
        .map((k) => titleText(((layout as Loose)[k] as Loose)?.title))
        .find((s) => s) ||
      '';
    if (any) out[`${letter}Label`] = any;
  }
  return out;
}

/** A JSON value written with objects indented and arrays of numbers kept on one line. */
function writeJson(v: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object'))
      return `[${v.map((x) => JSON.stringify(x)).join(', ')}]`;
    return `[\n${v.map((x) => inner + writeJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (v && typeof v === 'object') {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${writeJson(x, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(v ?? null);
}

/**
 * `{ title, traces: [{ name, type, panel?, xLabel?, yLabel?, x, y, z?, a?, b?, c? }] }`. Unlike the CSV,
 * a contour's z stays a grid of rows (z[i][j] at x[j], y[i]), as Plotly takes it.
 */
export function figureToJson(figure: Figure, title?: string): string {
  const layout = figure.layout ?? {};
  const flat = exportTraces(figure);
  const traces = ((figure.data ?? []) as Loose[]).map((t, i) => {
    const z = t.type === 'contour' || t.type === 'heatmap' ? grid(t.z) : undefined;
    const data: Partial<Record<ExportColumn, ExportCell[] | ExportCell[][]>> = {};
    if (z) {
      data.x = cells(t.x) ?? indices(Math.max(0, ...z.map((r) => r.length)));
      data.y = cells(t.y) ?? indices(z.length);
      data.z = z;
    } else Object.assign(data, flat[i].columns);
    const ternary = t.type === 'scatterternary';
    return {
      name: flat[i].name,
      type: flat[i].type,
      panel: flat[i].panel,
      ...(ternary ? {} : axisLabels(t, layout)),
      ...data,
    };
  });
  return writeJson({ title: title ?? titleText(layout.title), traces }) + '\n';
}

/** `dpo-explorer-loss.png` for view `loss`: a file name of safe characters only. */
export function exportFileName(viewId: string, extension: string): string {
  const stem = viewId
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `dpo-explorer${stem ? `-${stem}` : ''}.${extension}`;
}
