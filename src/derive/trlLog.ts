// "Your TRL log": what the page makes of a read training log. Reading happens here (in a worker or in
// place, components/trlLog/readLog.ts), so the result is plain data either way; the plots' series (raw and
// smoothed) and where each finding's link goes are derived here, the figures only draw them.
import {
  diagnoseTrainerLog,
  movingMean,
  readTrainerLog,
  TrainerLogError,
  type Finding,
  type FindingId,
  type LogMetricGroup,
  type LogSeries,
  type NotPreferenceKind,
  type TrainerKind,
  type TrainerLog,
  type TrainerLogErrorKind,
} from '../logs/index.ts';
import { PICKER_METRICS, type LossId } from '../math/index.ts';

/** A read log and what it shows, or why it cannot be shown: plain data, so a worker can post it. */
export type LogReadResult =
  | { ok: true; log: TrainerLog; findings: Finding[] }
  | { ok: false; kind: TrainerLogErrorKind; found?: NotPreferenceKind };

/** readTrainerLog + diagnoseTrainerLog, with a TrainerLogError turned into data (anything else is a bug: thrown). */
export function readLogResult(text: string): LogReadResult {
  try {
    const log = readTrainerLog(text);
    return { ok: true, log, findings: diagnoseTrainerLog(log) };
  } catch (err) {
    if (err instanceof TrainerLogError)
      return err.found === undefined
        ? { ok: false, kind: err.kind }
        : { ok: false, kind: err.kind, found: err.found };
    throw err;
  }
}

/**
 * Keys of a log row that are bookkeeping, not training metrics: not plotted (epoch is the step axis again;
 * the rest are speeds and counters of the Trainer and of eval rows).
 */
const NOT_METRICS = new Set([
  'epoch',
  'step',
  'total_flos',
  'runtime',
  'samples_per_second',
  'steps_per_second',
  'num_input_tokens_seen',
  'num_tokens',
]);

/** The toy's loss whose colour a trainer's curves take ("What TRL would log" colours one loss each). */
export const TRAINER_STYLE: Readonly<Record<TrainerKind, LossId>> = {
  dpo: 'sigmoid',
  kto: 'kto',
  orpo: 'orpo',
  cpo: 'simpo',
};

/** The smoothing windows offered (rows of a centred moving mean; 1 = none). */
export const SMOOTHING_ROWS: readonly number[] = [1, 5, 11, 21, 51];

/** One plotted metric: its TRL name, the steps it was logged at, the values and their moving mean. */
export interface LogMetricSeries {
  name: string;
  step: number[];
  raw: number[];
  /** Null when not smoothed (window 1, or fewer rows than the window). */
  smooth: number[] | null;
}

/**
 * The metrics of a part (train or eval) worth a panel: those with at least one finite value, the toy's
 * metrics first in its order ("What TRL would log"), then the others (grad_norm, learning_rate, nll_loss, …)
 * by name.
 */
export function logMetricNames(part: LogSeries): string[] {
  const names = Object.keys(part.series).filter(
    (k) => !NOT_METRICS.has(k) && part.series[k].some((x) => Number.isFinite(x)),
  );
  const order = (k: string) => {
    const i = (PICKER_METRICS as readonly string[]).indexOf(k);
    return i < 0 ? PICKER_METRICS.length : i;
  };
  return names.sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Each metric's series with its moving mean over `rows` rows. A row without the metric (NaN) is left out
 * of that metric's line, so the line joins the rows that logged it (eval metrics, ORPO's sparse keys); the
 * mean is over the rows that did log it, its window centred on each (movingMean, as the findings smooth).
 */
export function logPartSeries(part: LogSeries, rows: number): LogMetricSeries[] {
  return logMetricNames(part).map((name) => {
    const all = part.series[name];
    const step: number[] = [];
    const raw: number[] = [];
    all.forEach((y, i) => {
      // ±∞ is kept (a diverged row is drawn off the axis, not hidden); NaN is a row without the key.
      if (!Number.isNaN(y)) {
        step.push(part.step[i]);
        raw.push(y);
      }
    });
    // No mean where the row itself is ±∞: movingMean skips it, so the line went on at the finite rows' level
    // beside a finding saying the metric had become infinite there (a gap says it instead).
    const smooth =
      rows > 1 && raw.length > rows
        ? movingMean(raw, rows).map((v, i) => (Number.isFinite(raw[i]) ? v : NaN))
        : null;
    return { name, step, raw, smooth };
  });
}

/** The metric groups in the order they are drawn, each its own plot (logs/types.ts LogMetricGroup). */
export const LOG_METRIC_GROUPS: readonly LogMetricGroup[] = ['optimisation', 'rewards', 'logps', 'trainer'];

const OPTIMISATION = new Set(['loss', 'grad_norm', 'learning_rate']);

/**
 * The group a metric is drawn in: TRL's prefixes say what a key is (rewards/…, logps/…, logits/…); the loss
 * and the optimiser's numbers go together; everything else is what one trainer logs of its own (KTO's kl,
 * ORPO's nll_loss and log_odds_*, LLaMA-Factory's sft_loss and odds_ratio_loss, CPO's nll_loss, and any key
 * this page has never seen, which is still drawn).
 */
export function logMetricGroup(name: string): LogMetricGroup {
  if (OPTIMISATION.has(name)) return 'optimisation';
  if (name.startsWith('rewards/')) return 'rewards';
  if (name.startsWith('logps/') || name.startsWith('logits/')) return 'logps';
  return 'trainer';
}

/** One plot's metrics. */
export interface LogMetricGroupSeries {
  group: LogMetricGroup;
  metrics: LogMetricSeries[];
}

/**
 * A part's metrics split into their groups (logMetricGroup), in LOG_METRIC_GROUPS order, each keeping the
 * metrics' own order (logMetricNames); a group with no metric is left out. Several small plots instead of one
 * with every panel: each Plotly draw is then a task of its own (the draw queue draws one plot per frame), and
 * a 10 MB log's plots no longer hold the page for a third of a second in one go.
 */
export function logMetricGroups(metrics: readonly LogMetricSeries[]): LogMetricGroupSeries[] {
  return LOG_METRIC_GROUPS.map((group) => ({
    group,
    metrics: metrics.filter((m) => logMetricGroup(m.name) === group),
  })).filter((g) => g.metrics.length > 0);
}

/** Where a finding's link goes: a lesson step, or the toy at a state (a link's query, no `#`). */
export type FindingLink = { lesson: 'trl-logs' | 'displacement' | 'kto'; step: number } | { toy: string };

/**
 * The toy or lesson step showing the same effect as each finding (none for accuracy-granularity: its
 * explanation is the per-device batch, which the toy's full-batch training has no counterpart of).
 */
export const FINDING_LINKS: Readonly<Record<FindingId, FindingLink | null>> = {
  'start-at-ln2': { lesson: 'trl-logs', step: 1 },
  'chosen-reward-falls': { lesson: 'displacement', step: 1 },
  // DPO over-fits deterministic preferences; the scenario compares IPO, which stops at 1/(2β).
  'margin-runaway': { toy: 'preset=deterministic' },
  'accuracy-granularity': null,
  'kto-kl-zero': { lesson: 'kto', step: 2 },
  // SGD at the top of the learning-rate range: IPO's quadratic loss overshoots and diverges at step 2 (DPO's
  // bounded gradient does not), and the toy's views say so.
  diverged: { toy: 'preset=start&opt=sgd&lr=10' },
};
