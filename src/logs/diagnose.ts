// diagnoseTrainerLog: what a read log shows (CONVENTIONS §10). Every rule works on the train rows, is
// robust to the batch-to-batch noise of logged means (smoothing, noise-scaled thresholds) and states its
// thresholds here; each is tested where it holds and where it must not fire.
import type { DivergeCause, Finding, FindingId, LogSeries, TrainerLog } from './types.ts';

const LN2 = Math.LN2;

/** start-at-ln2: the first logged loss within this of ln 2 (HF rounds the loss to 4 decimals). */
const LN2_TOLERANCE = 1e-3;
/** …and every logged reward (chosen, rejected, margin) within this of 0 (β·log-ratio of a policy = reference). */
const ZERO_REWARD = 0.01;

/**
 * Significance of a change between two smoothed points, in units of its standard error. 4, not 2 or 3: the
 * rules take the largest of many such changes, which noise alone makes large now and then.
 */
const SIGNIFICANCE = 4;
/** chosen-reward-falls: the fall must also be at least this fraction of the margin gained meanwhile. */
const FALL_VS_MARGIN = 0.05;

/** margin-runaway: the smoothed loss stays below this to the end (DPO's loss 0.01 ⇔ margin ≈ 4.6). */
const LOSS_NEAR_ZERO = 0.01;
/** …for at least this many logged rows. */
const RUNAWAY_ROWS = 3;

/** accuracy-granularity: the largest batch reported (1/16 steps are coarse; finer ones look continuous). */
const MAX_BATCH = 16;
/** …a value fits k/b when within this (HF rounds some logs to 4 decimals; float32 means are ~1e-8 off). */
const FIT_TOLERANCE = 1e-4;
/** …judged on at least this many logged values with at least two distinct ones. */
const MIN_ACCURACY_ROWS = 4;

/** kto-kl-zero: at least this fraction of the logged kl values are 0 (TRL clamps its estimate at 0). */
const KL_ZERO_FRACTION = 0.5;

/** diverged: a running median (of this many rows, so single spikes do not count)… */
const EXPLODE_WINDOW = 5;
/** …above this many times the median of the first quarter of the run (loss; also at least +1 in value), */
const LOSS_EXPLODES = 10;
/** …or this many times for grad_norm, which grows a lot in healthy runs after warm-up. */
const GRAD_EXPLODES = 100;

const isFinite = Number.isFinite;

/** Rows where all the given series are finite: their steps and values. */
function finiteRows(log: LogSeries, keys: string[]): { step: number[]; cols: number[][] } | null {
  const cols = keys.map((k) => log.series[k]);
  if (cols.some((c) => !c)) return null;
  const step: number[] = [];
  const out: number[][] = keys.map(() => []);
  for (let i = 0; i < log.step.length; i++) {
    if (!cols.every((c) => isFinite(c[i]))) continue;
    step.push(log.step[i]);
    cols.forEach((c, j) => out[j].push(c[i]));
  }
  return { step, cols: out };
}

/**
 * The smoothing window for n rows: odd, about a fifth of the run, at least 5. Wide on purpose: the rules
 * look for the largest change between any two smoothed points, and a wide window leaves few independent
 * points for noise to make a spurious one from (with THRESHOLD below: a pure-noise run fires < 1 % of the time,
 * tests/unit/logs.diagnose.test.ts).
 */
function windowFor(n: number): number {
  return Math.max(5, 2 * Math.floor(n / 10) + 1);
}

/**
 * Centred moving mean over w rows (truncated at the ends), skipping non-finite values; NaN where a window
 * has none. The rules call it on finite rows; the page may smooth a whole series with it.
 */
export function movingMean(xs: number[], w: number): number[] {
  const h = w >> 1;
  const sum = [0];
  const count = [0];
  for (const x of xs) {
    const ok = Number.isFinite(x);
    sum.push(sum[sum.length - 1] + (ok ? x : 0));
    count.push(count[count.length - 1] + (ok ? 1 : 0));
  }
  return xs.map((_, i) => {
    const a = Math.max(0, i - h);
    const b = Math.min(xs.length, i + h + 1);
    const n = count[b] - count[a];
    return n > 0 ? (sum[b] - sum[a]) / n : NaN;
  });
}

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Noise σ of a series from its successive differences (a trend barely moves them): their mean absolute
 * value is σ·√2·√(2/π) = 1.128σ for Gaussian noise. The mean, not the median: the median of a few dozen
 * differences is too often far below σ, and a lone spike only makes the rules more cautious.
 */
function noiseOf(raw: number[]): number {
  let sum = 0;
  for (let i = 1; i < raw.length; i++) sum += Math.abs(raw[i] - raw[i - 1]);
  return sum / (raw.length - 1) / 1.128;
}

/** Standard error of the difference of two smoothed points of a series with noise σ. */
function diffError(sigma: number, w: number): number {
  return sigma * Math.sqrt(2 / w);
}

function startAtLn2(log: LogSeries): Finding | null {
  const loss = log.series.loss;
  if (!loss) return null;
  const first = loss.findIndex(isFinite);
  if (first < 0) return null;
  const rewardKeys = ['rewards/chosen', 'rewards/rejected', 'rewards/margins'].filter((k) => log.series[k]);
  const holds = (i: number) =>
    Math.abs(loss[i] - LN2) <= LN2_TOLERANCE &&
    rewardKeys.length > 0 &&
    rewardKeys.every((k) => isFinite(log.series[k][i])) &&
    rewardKeys.every((k) => Math.abs(log.series[k][i]) <= ZERO_REWARD);
  if (!holds(first)) return null;
  let last = first;
  while (last + 1 < loss.length && holds(last + 1)) last++;
  const values: Record<string, number> = { loss: loss[first], deviation: loss[first] - LN2 };
  for (const [k, name] of [
    ['rewards/chosen', 'rewardsChosen'],
    ['rewards/rejected', 'rewardsRejected'],
    ['rewards/margins', 'margins'],
    ['rewards/accuracies', 'accuracy'],
    ['learning_rate', 'learningRate'],
  ] as const) {
    const v = log.series[k]?.[first];
    if (v !== undefined && isFinite(v)) values[name] = v;
  }
  return { id: 'start-at-ln2', steps: [log.step[first], log.step[last]], values };
}

/**
 * rewards/chosen falling while rewards/margins grow (likelihood displacement). Judged on rewards (the
 * log-ratio against the reference; logps/* move with each batch's samples). The largest fall of the smoothed
 * chosen reward, from a peak to a later trough (both with full windows), counts when it is significant
 * against the noise, ends below 0, and the smoothed margin grew significantly over the same steps.
 */
function chosenRewardFalls(log: LogSeries): Finding | null {
  const rows = finiteRows(log, ['rewards/chosen', 'rewards/margins']);
  if (!rows) return null;
  const [chosen, margins] = rows.cols;
  const w = windowFor(chosen.length);
  const c = movingMean(chosen, w);
  const m = movingMean(margins, w);
  // Only points with a full window: a truncated one at the ends averages fewer rows and is noisier.
  const h = w >> 1;
  if (chosen.length - 2 * h < 3) return null;
  let peak = h;
  let best = { a: h, b: h, drop: 0 };
  for (let i = h + 1; i < c.length - h; i++) {
    if (c[i] > c[peak]) peak = i;
    else if (c[peak] - c[i] > best.drop) best = { a: peak, b: i, drop: c[peak] - c[i] };
  }
  const { a, b, drop } = best;
  const gain = m[b] - m[a];
  const ok =
    drop > SIGNIFICANCE * diffError(noiseOf(chosen), w) &&
    c[b] < 0 &&
    gain > SIGNIFICANCE * diffError(noiseOf(margins), w) &&
    drop >= FALL_VS_MARGIN * gain;
  if (!ok) return null;
  return {
    id: 'chosen-reward-falls',
    steps: [rows.step[a], rows.step[b]],
    values: { chosenFrom: c[a], chosenTo: c[b], marginsFrom: m[a], marginsTo: m[b], window: w },
  };
}

/**
 * Loss → ~0 with margins still growing: the smoothed loss stays below LOSS_NEAR_ZERO from some row to the
 * end, and over those rows the smoothed margin grows significantly and still grows in their second half
 * (IPO's and a converged run's margins level off instead).
 */
function marginRunaway(log: LogSeries): Finding | null {
  const rows = finiteRows(log, ['loss', 'rewards/margins']);
  if (!rows || rows.step.length < 6) return null;
  const [loss, margins] = rows.cols;
  const w = windowFor(loss.length);
  const l = movingMean(loss, w);
  const m = movingMean(margins, w);
  let k = l.length;
  while (k > 0 && l[k - 1] < LOSS_NEAR_ZERO) k--;
  const end = l.length - 1;
  if (end - k + 1 < RUNAWAY_ROWS) return null;
  const mid = (k + end) >> 1;
  const err = diffError(noiseOf(margins), w);
  const growing = m[end] - m[k] > Math.max(SIGNIFICANCE * err, 0) && m[end] - m[mid] > err && m[k] > 0;
  if (!growing) return null;
  return {
    id: 'margin-runaway',
    steps: [rows.step[k], rows.step[end]],
    values: { lossTo: l[end], marginsFrom: m[k], marginsTo: m[end], lastMargin: margins[end] },
  };
}

/**
 * rewards/accuracies can only be k/b: TRL logs the fraction of pairs with chosen reward > rejected reward,
 * averaged over the logged steps, so b is the number of pairs behind one logged value (per-device batch ×
 * devices × accumulation × logging_steps). Reported when every logged value is a multiple of 1/b for some
 * b ≤ MAX_BATCH (the smallest such b).
 */
function accuracyGranularity(log: LogSeries): Finding | null {
  const rows = finiteRows(log, ['rewards/accuracies']);
  if (!rows || rows.step.length < MIN_ACCURACY_ROWS) return null;
  const acc = rows.cols[0];
  const distinct = new Set(acc.map((a) => a.toFixed(4)));
  if (distinct.size < 2) return null;
  for (let b = 1; b <= MAX_BATCH; b++) {
    if (acc.every((a) => Math.abs(a * b - Math.round(a * b)) <= FIT_TOLERANCE * b)) {
      return {
        id: 'accuracy-granularity',
        steps: [rows.step[0], rows.step[rows.step.length - 1]],
        values: { batch: b, distinct: distinct.size, rows: acc.length },
      };
    }
  }
  return null;
}

function ktoKlZero(log: LogSeries): Finding | null {
  const rows = finiteRows(log, ['kl']);
  if (!rows || rows.step.length < 3) return null;
  const kl = rows.cols[0];
  const zero = kl.map((v, i) => (v === 0 ? i : -1)).filter((i) => i >= 0);
  if (zero.length < KL_ZERO_FRACTION * kl.length) return null;
  return {
    id: 'kto-kl-zero',
    steps: [rows.step[zero[0]], rows.step[zero[zero.length - 1]]],
    values: { zeroRows: zero.length, rows: kl.length, fraction: zero.length / kl.length },
  };
}

/** First and last index of a running median above `limit`, or null. */
function explodes(xs: number[], factor: number, minRise: number): [number, number] | null {
  if (xs.length < 2 * EXPLODE_WINDOW) return null;
  const base = median(xs.slice(0, Math.max(EXPLODE_WINDOW, Math.floor(xs.length / 4))));
  const limit = Math.max(factor * Math.abs(base), Math.abs(base) + minRise);
  let first = -1;
  let last = -1;
  for (let i = 0; i + EXPLODE_WINDOW <= xs.length; i++) {
    if (median(xs.slice(i, i + EXPLODE_WINDOW)) > limit) {
      if (first < 0) first = i;
      last = i + EXPLODE_WINDOW - 1;
    }
  }
  return first < 0 ? null : [first, last];
}

/**
 * A NaN or infinite train loss; a non-finite grad_norm in two rows in a row or in the last row (one alone
 * is a step fp16's loss scaler skipped, which the run survives); or loss / grad_norm exploding (running
 * median far above the run's start). One finding; `cause` names what happened first.
 */
function diverged(log: LogSeries): Finding | null {
  const hits: { cause: DivergeCause; from: number; to: number }[] = [];
  const loss = log.series.loss;
  const grad = log.series.grad_norm;
  // A NaN where the row did not log the loss is no divergence: take rows that logged something else finite.
  if (loss) {
    const logged = log.step.filter(
      (_, i) => !isFinite(loss[i]) && (!Number.isNaN(loss[i]) || rowLoggedOtherwise(log, i, 'loss')),
    );
    if (logged.length > 0) hits.push({ cause: 'nan-loss', from: logged[0], to: logged[logged.length - 1] });
  }
  if (grad) {
    const n = grad.length;
    const bad = (i: number) =>
      !isFinite(grad[i]) && (!Number.isNaN(grad[i]) || rowLoggedOtherwise(log, i, 'grad_norm'));
    const idx: number[] = [];
    for (let i = 0; i < n; i++)
      if (bad(i) && ((i + 1 < n && bad(i + 1)) || (i > 0 && bad(i - 1)) || i === n - 1)) idx.push(i);
    if (idx.length > 0)
      hits.push({ cause: 'nan-grad-norm', from: log.step[idx[0]], to: log.step[idx[idx.length - 1]] });
  }
  for (const [key, cause, factor, rise] of [
    ['loss', 'loss-explodes', LOSS_EXPLODES, 1],
    ['grad_norm', 'grad-norm-explodes', GRAD_EXPLODES, 0],
  ] as const) {
    const rows = finiteRows(log, [key]);
    if (!rows) continue;
    const at = explodes(rows.cols[0], factor, rise);
    if (at) hits.push({ cause, from: rows.step[at[0]], to: rows.step[at[1]] });
  }
  if (hits.length === 0) return null;
  hits.sort((a, b) => a.from - b.from);
  const values: Record<string, number> = { firstStep: hits[0].from };
  for (const [key, name] of [
    ['loss', 'lossMax'],
    ['grad_norm', 'gradNormMax'],
  ] as const) {
    const rows = finiteRows(log, [key]);
    if (rows && rows.cols[0].length > 0)
      values[name] = rows.cols[0].reduce((a, b) => Math.max(a, b), -Infinity);
  }
  return {
    id: 'diverged',
    steps: [hits[0].from, Math.max(...hits.map((h) => h.to))],
    values,
    cause: hits[0].cause,
  };
}

/** Whether row i logged some other finite value, so its NaN under `key` was logged, not missing. */
function rowLoggedOtherwise(log: LogSeries, i: number, key: string): boolean {
  return Object.entries(log.series).some(([k, s]) => k !== key && k !== 'epoch' && isFinite(s[i]));
}

const RULES: readonly ((log: LogSeries, t: TrainerLog) => Finding | null)[] = [
  (s) => startAtLn2(s),
  (s) => chosenRewardFalls(s),
  (s) => marginRunaway(s),
  (s) => accuracyGranularity(s),
  (s, t) => (t.trainer === 'kto' ? ktoKlZero(s) : null),
  (s) => diverged(s),
];

/** What the run shows, judged on its train rows, in the order of FINDING_IDS. */
export function diagnoseTrainerLog(log: TrainerLog): Finding[] {
  return RULES.map((rule) => rule(log.train, log)).filter((f): f is Finding => f !== null);
}

export const FINDING_IDS: readonly FindingId[] = [
  'start-at-ln2',
  'chosen-reward-falls',
  'margin-runaway',
  'accuracy-granularity',
  'kto-kl-zero',
  'diverged',
];
