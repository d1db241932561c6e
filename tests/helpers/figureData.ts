// Inputs for the figure-builder tests, made with the real math API, and loose views of Plotly objects.
import {
  ktoLoss,
  ktoPairCurve,
  marginGrid,
  optimalMargin,
  pairLoss,
  pairLossCurve,
  softmax,
  type LossId,
  type PairInput,
  type PairLossParams,
  type PairLossType,
} from '../../src/math/index.ts';
import type { Figure, LossCurveInput, PlaneGridInput, TrainingRunInput } from '../../src/figures/index.ts';
import type { FigureStrings } from '../../src/figures/index.ts';

/** ρw = 0.5, ρl = −0.5: margin h = 1. */
export const PAIR: PairInput = {
  policyChosen: -10,
  policyRejected: -12,
  refChosen: -10.5,
  refRejected: -11.5,
};
export const PAIR_MARGIN = 1;

/** A loss's curve over marginGrid(β) through PAIR, its optimum for preference probability p, and PAIR's numbers. */
export function curveInput(id: PairLossType | 'kto', params: PairLossParams, p = 0.9): LossCurveInput {
  const grid = marginGrid(params.beta);
  if (id === 'kto') {
    const kp = { beta: params.beta };
    const up = ktoLoss('kto', { policy: PAIR.policyChosen, ref: PAIR.refChosen, desirable: true }, kp);
    const down = ktoLoss('kto', { policy: PAIR.policyRejected, ref: PAIR.refRejected, desirable: false }, kp);
    return {
      id,
      curve: ktoPairCurve(kp, grid, PAIR),
      optimum: null,
      current: {
        margin: PAIR_MARGIN,
        loss: up.loss + down.loss,
        dChosen: up.dPolicy,
        dRejected: down.dPolicy,
      },
    };
  }
  const r = pairLoss(id, PAIR, params);
  return {
    id,
    curve: pairLossCurve(id, params, grid, PAIR),
    optimum: optimalMargin(id, p, params),
    current: { margin: PAIR_MARGIN, loss: r.loss, dChosen: r.dPolicyChosen, dRejected: r.dPolicyRejected },
  };
}

/**
 * A synthetic training run of K responses over `steps` steps: logits move linearly from 0 towards
 * `drift`, so π(y_w) rises and π(y_l) falls when drift = [1, −1, 0, …].
 */
export function syntheticRun(
  id: LossId,
  steps: number,
  drift: number[],
  refLogits?: number[],
): TrainingRunInput {
  const K = drift.length;
  const ref = refLogits ?? new Array<number>(K).fill(0);
  const refProbs = softmax(ref);
  const probs: number[][] = [];
  const chosenLogRatio: number[] = [];
  const rejectedLogRatio: number[] = [];
  const loss: number[] = [];
  const margins: number[] = [];
  const accuracies: number[] = [];
  for (let t = 0; t <= steps; t++) {
    const logits = ref.map((r, k) => r + (drift[k] * t) / steps);
    const pi = softmax(logits);
    probs.push(pi);
    const rw = Math.log(pi[0]) - Math.log(refProbs[0]);
    const rl = Math.log(pi[1]) - Math.log(refProbs[1]);
    chosenLogRatio.push(rw);
    rejectedLogRatio.push(rl);
    loss.push(Math.log1p(Math.exp(-(rw - rl))));
    margins.push(0.1 * (rw - rl));
    accuracies.push(rw > rl ? 1 : 0);
  }
  const metrics: Record<string, number[]> = { loss, 'rewards/margins': margins };
  if (id !== 'kto') metrics['rewards/accuracies'] = accuracies;
  return { id, probs, metrics, chosenLogRatio, rejectedLogRatio, loss };
}

/** loss[i][j] of a pair loss at (ρw = xs[j], ρl = ys[i]). */
export function planeGrid(
  id: PairLossType,
  params: PairLossParams,
  xs: number[],
  ys: number[],
): PlaneGridInput {
  const ref = -1000;
  const loss = ys.map((rl) =>
    xs.map(
      (rw) =>
        pairLoss(
          id,
          { policyChosen: ref + rw, policyRejected: ref + rl, refChosen: ref, refRejected: ref },
          params,
        ).loss,
    ),
  );
  return { id, chosenLogRatio: xs, rejectedLogRatio: ys, loss };
}

export function linspace(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

/** A loose, read-only view of a trace for assertions. */
export interface TraceView {
  type?: string;
  mode?: string;
  name?: string;
  showlegend?: boolean;
  legendgroup?: string;
  xaxis?: string;
  yaxis?: string;
  x?: ArrayLike<number>;
  y?: ArrayLike<number>;
  z?: ArrayLike<ArrayLike<number | null>>;
  a?: ArrayLike<number>;
  b?: ArrayLike<number>;
  c?: ArrayLike<number>;
  customdata?: ArrayLike<unknown>;
  hovertemplate?: string;
  colorscale?: unknown;
  colorbar?: { title?: { text?: string }; tickvals?: number[]; ticktext?: string[] };
  line?: { color?: string; dash?: string; width?: number };
  marker?: { symbol?: string | string[]; color?: string; size?: number };
}

export function traces(fig: Figure): TraceView[] {
  return fig.data as unknown as TraceView[];
}

export function traceNamed(fig: Figure, name: string): TraceView {
  const t = traces(fig).find((d) => d.name === name);
  if (!t)
    throw new Error(
      `no trace named ${name}; have ${traces(fig)
        .map((d) => d.name)
        .join(' | ')}`,
    );
  return t;
}

/** Paths of every NaN or ±Infinity number inside `value` (arrays, typed arrays and objects). */
export function nonFinitePaths(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  if (ArrayBuffer.isView(value)) {
    const out: string[] = [];
    const arr = value as unknown as ArrayLike<number>;
    for (let i = 0; i < arr.length; i++) if (!Number.isFinite(arr[i])) out.push(`${path}[${i}]`);
    return out;
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinitePaths(v, `${path}[${i}]`));
  return Object.entries(value).flatMap(([k, v]) => nonFinitePaths(v, `${path}.${k}`));
}

/** Every NaN in the traces (Infinity is allowed nowhere either). */
export function expectAllFinite(fig: Figure): string[] {
  return nonFinitePaths(fig.data, 'data');
}

/**
 * A copy of `strings` whose every string is wrapped in ⟦…⟧: a builder that shows text of its own (not
 * from the strings module) leaves text outside the brackets.
 */
export function bracketed<T>(strings: T): T {
  if (typeof strings === 'string') return `⟦${strings}⟧` as T;
  if (typeof strings === 'function') {
    const f = strings as (...args: unknown[]) => unknown;
    return ((...args: unknown[]) => bracketed(f(...args))) as T;
  }
  if (strings !== null && typeof strings === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(strings)) out[k] = bracketed(v);
    return out as T;
  }
  return strings;
}

/** Text left after removing bracketed strings, Plotly placeholders, tags and punctuation. */
export function strayText(text: string): string {
  let t = text;
  for (let prev = ''; prev !== t;) {
    prev = t;
    t = t.replace(/⟦[^⟦⟧]*⟧/g, '');
  }
  return t
    .replace(/%\{[^}]*\}/g, '')
    .replace(/<\/?(extra|br)>/g, '')
    .replace(/[\s:=(),.−\-+0-9]/g, '');
}

/** Every piece of visible text in a figure: names, hover templates, axis and colour-bar titles, notes. */
export function visibleTexts(fig: Figure): string[] {
  const out: string[] = [fig.summary];
  for (const t of traces(fig)) {
    if (t.name !== undefined) out.push(t.name);
    if (t.hovertemplate) out.push(t.hovertemplate);
    if (t.colorbar?.title?.text) out.push(t.colorbar.title.text);
  }
  const layout = fig.layout as Record<string, unknown>;
  for (const [key, axis] of Object.entries(layout)) {
    if (!/^[xy]axis\d*$/.test(key) || axis === null || typeof axis !== 'object') continue;
    const title = (axis as { title?: { text?: string } }).title?.text;
    if (title) out.push(title);
    const hoverTitle = (axis as { unifiedhovertitle?: { text?: string } }).unifiedhovertitle?.text;
    if (hoverTitle) out.push(hoverTitle);
  }
  const ternary = fig.layout.ternary as Record<string, { title?: { text?: string } }> | undefined;
  for (const k of ['aaxis', 'baxis', 'caxis']) {
    const title = ternary?.[k]?.title?.text;
    if (title) out.push(title);
  }
  for (const a of fig.layout.annotations ?? []) if (a.text) out.push(a.text);
  return out;
}

export type { FigureStrings };
