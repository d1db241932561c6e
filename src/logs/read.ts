// readTrainerLog: a Hugging Face trainer_state.json (its log_history) → TrainerLog (CONVENTIONS §10).
import { parseTolerantJson } from './tolerantJson.ts';
import { inferLogpUnit, rewardLogpRatio } from './infer.ts';
import {
  TrainerLogError,
  type LogSeries,
  type NotPreferenceKind,
  type TrainerKind,
  type TrainerLog,
} from './types.ts';

/**
 * The largest text read: 100 MiB of characters (checked on text.length before any parsing). Real
 * trainer_state.json files of long runs reach tens of MB; past this a browser tab risks running out of memory.
 */
export const MAX_LOG_CHARS = 100 * 1024 * 1024;

type Row = Record<string, unknown>;

/** Keys of the Trainer's final summary row (`train_runtime`, `train_loss`, …): no per-step metrics. */
const SUMMARY_KEYS = ['train_runtime', 'train_loss', 'train_samples_per_second', 'train_steps_per_second'];

/** Keys every logged row may carry that say nothing about which trainer wrote it. */
const BOOKKEEPING = new Set(['step', 'epoch', 'total_flos', 'num_input_tokens_seen', 'num_tokens']);

/** A logged value as a number: numbers as they are; null (a bare NaN, see tolerantJson.ts) and anything else NaN. */
function numberOf(v: unknown): number {
  if (typeof v === 'number') return v;
  // Some loggers write numbers as strings ("NaN", "inf", "0.5").
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'inf' || s === 'infinity' || s === '+inf') return Infinity;
    if (s === '-inf' || s === '-infinity') return -Infinity;
    return s === '' ? NaN : Number(s);
  }
  return NaN;
}

/** Whether a value can be a metric (so a string-valued key such as a checkpoint name makes no series). */
function isMetricValue(v: unknown): boolean {
  return typeof v === 'number' || v === null || (typeof v === 'string' && !Number.isNaN(numberOf(v)));
}

/** Rows of one split, keyed by step so that a repeated step (a resumed checkpoint) keeps the last row. */
class SplitBuilder {
  private readonly rows = new Map<number, Record<string, number>>();
  private readonly keys = new Set<string>();

  add(step: number, values: Record<string, number>): void {
    // Delete first so that the kept row also takes the later row's place in the order.
    this.rows.delete(step);
    this.rows.set(step, values);
    for (const k in values) this.keys.add(k);
  }

  build(): LogSeries {
    const steps = [...this.rows.keys()].sort((a, b) => a - b);
    const rows = steps.map((s) => this.rows.get(s) as Record<string, number>);
    const series: Record<string, number[]> = {};
    for (const k of [...this.keys].sort()) {
      const col = new Array<number>(rows.length);
      for (let i = 0; i < rows.length; i++) col[i] = rows[i][k] ?? NaN;
      series[k] = col;
    }
    return { step: steps, series };
  }
}

function parse(text: string): unknown {
  try {
    return parseTolerantJson(text);
  } catch {
    throw new TrainerLogError(
      'not-json',
      'This file is not readable JSON (it may be cut off or not a trainer_state.json).',
    );
  }
}

function isRow(v: unknown): v is Row {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** log_history of a trainer_state.json; a bare array of rows with a `step` each (a pasted log_history) too. */
function logHistoryOf(doc: unknown): unknown[] {
  if (isRow(doc) && Array.isArray(doc.log_history)) return doc.log_history;
  if (Array.isArray(doc) && doc.length > 0 && doc.every((r) => isRow(r) && typeof r.step === 'number'))
    return doc;
  throw new TrainerLogError(
    'no-log-history',
    'This JSON has no "log_history": open the trainer_state.json from a checkpoint or output folder.',
  );
}

interface KeyInfo {
  split: 'train' | 'eval' | 'both';
  /** TRL's name: the key without its prefix. */
  name: string;
  /** Not a metric of its own (step counters). */
  skip: boolean;
}

/** Which split a key belongs to and its TRL name: `eval_x` and `eval/x` → eval x; `train/x` → train x. */
function keyInfo(key: string): KeyInfo {
  const split =
    key.startsWith('eval_') || key.startsWith('eval/') ? 'eval' : key.startsWith('train/') ? 'train' : 'both';
  const name = split === 'eval' ? key.slice(5) : split === 'train' ? key.slice(6) : key;
  return { split, name, skip: name === 'step' || name === 'global_step' };
}

/** Splits log_history into train and eval rows (summary rows dropped, repeated steps keeping the last). */
function splitRows(history: unknown[]): { train: LogSeries; eval: LogSeries } {
  const train = new SplitBuilder();
  const evalRows = new SplitBuilder();
  // Real logs repeat the same few dozen keys on thousands of rows: look each up once.
  const infos = new Map<string, KeyInfo>();
  const info = (key: string): KeyInfo => {
    let i = infos.get(key);
    if (!i) infos.set(key, (i = keyInfo(key)));
    return i;
  };
  for (const row of history) {
    if (!isRow(row)) continue;
    const step = numberOf(row.step ?? row['train/global_step'] ?? row['train/step']);
    if (!Number.isFinite(step)) continue;
    let isEval = false;
    for (const key in row) if (info(key).split === 'eval' && isMetricValue(row[key])) isEval = true;
    const values: Record<string, number> = {};
    let metrics = false;
    let summary = false;
    for (const key in row) {
      const v = row[key];
      const { split, name, skip } = info(key);
      if (skip || !isMetricValue(v)) continue;
      // An eval row's unprefixed keys (epoch) describe the evaluation; a train row takes both others.
      if (isEval ? split === 'train' : split === 'eval') continue;
      if (isEval && split === 'both' && name in values) continue;
      values[name] = numberOf(v);
      if (!BOOKKEEPING.has(name)) metrics = true;
      if (SUMMARY_KEYS.includes(name)) summary = true;
    }
    if (isEval) evalRows.add(step, values);
    else if (metrics && !summary) train.add(step, values);
  }
  return { train: train.build(), eval: evalRows.build() };
}

/** On-policy RL metric names (GRPO, PPO, RLOO), which share `kl` and `rewards/…` with preference logs. */
function rlKind(has: (k: string) => boolean, keys: string[]): 'grpo' | 'ppo' | null {
  const starts = (p: string) => keys.some((k) => k.startsWith(p));
  if (starts('objective/') || starts('ppo/') || starts('policy/') || starts('val/') || starts('env/'))
    return 'ppo';
  if (
    has('reward_std') ||
    has('frac_reward_zero_std') ||
    starts('completions/') ||
    starts('clip_ratio') ||
    has('completion_length')
  )
    return 'grpo';
  return null;
}

/**
 * Which trainer wrote the log, by its key names (CONVENTIONS §10 "Recognition"), or what it is if not a
 * preference run. RL is checked first: GRPO logs `kl` and `rewards/<fn>/mean` too.
 */
function recognise(
  keys: string[],
): { trainer: TrainerKind; source: TrainerLog['source'] } | NotPreferenceKind {
  const set = new Set(keys);
  const has = (k: string) => set.has(k);
  const rl = rlKind(has, keys);
  if (rl) return rl;
  const rewards = keys.some((k) => k.startsWith('rewards/'));
  const logps = keys.some((k) => k.startsWith('logps/'));
  if (has('nll_loss') && has('log_odds_ratio')) return { trainer: 'orpo', source: 'trl' };
  if (has('odds_ratio_loss') && has('sft_loss')) return { trainer: 'orpo', source: 'llamafactory' };
  if (has('nll_loss') && rewards) return { trainer: 'cpo', source: 'trl' };
  if (has('rewards/accuracies') && rewards && logps) return { trainer: 'dpo', source: 'trl' };
  if (has('kl') && rewards && !has('rewards/accuracies')) return { trainer: 'kto', source: 'trl' };
  // Older DPO logs without logps/*, and DPO-style logs of other tools: rewards with accuracies or margins.
  if (has('rewards/accuracies') && has('rewards/chosen')) return { trainer: 'dpo', source: 'trl' };
  if (!rewards && !logps && !has('kl') && (has('loss') || has('mean_token_accuracy'))) return 'sft';
  return 'unknown';
}

/**
 * What the rewards say beyond the names. A DPO-named log whose rewards are β·logps on every row has no
 * reference model: a SimPO-style run (LLaMA-Factory's simpo logs DPO's names), the CPO trainer's family in
 * TRL. A CPO-named log (`nll_loss` with rewards) whose rewards clearly are not β·logps is TRL's DPOTrainer
 * with `rpo_alpha`, which logged `nll_loss` too (TRL 0.9–0.19); CPO's rewards are β·logps for every loss
 * but AlphaPO (`alpha` ≠ 0), which this would call DPO.
 */
function refineTrainer(
  named: TrainerKind,
  ratio: number | 'varies' | 'unknown',
  keys: string[],
): TrainerKind {
  if (named === 'dpo' && typeof ratio === 'number') return 'cpo';
  if (named === 'cpo' && ratio === 'varies' && keys.includes('rewards/accuracies')) return 'dpo';
  return named;
}

const FOUND_TEXT: Record<NotPreferenceKind, string> = {
  grpo: 'a GRPO run (it logs reward_std and completions/*: rewards of sampled completions, not of pairs)',
  ppo: 'a PPO/RLOO run (it logs objective/* or ppo/* metrics)',
  sft: 'a supervised fine-tuning (SFT) run (loss only, no rewards/* or logps/*)',
  unknown: 'no preference-training metrics (no rewards/*, logps/*, kl or odds-ratio losses)',
};

/**
 * Reads a trainer_state.json. Throws a TrainerLogError (kind 'too-large', 'empty', 'not-json',
 * 'no-log-history', 'not-preference' with `found`) when the text is not a readable preference-training log.
 */
export function readTrainerLog(text: string): TrainerLog {
  if (text.length > MAX_LOG_CHARS)
    throw new TrainerLogError(
      'too-large',
      `This file has ${Math.round(text.length / 1e6)} million characters; logs of up to ${MAX_LOG_CHARS / 1024 / 1024} MB are read.`,
    );
  if (text.trim() === '') throw new TrainerLogError('empty', 'The file is empty.');
  const history = logHistoryOf(parse(text));
  const { train, eval: ev } = splitRows(history);
  if (train.step.length === 0 && ev.step.length === 0)
    throw new TrainerLogError('empty', 'The log_history has no logged steps (the run logged nothing yet).');
  const keys = [...new Set([...Object.keys(train.series), ...Object.keys(ev.series)])];
  const what = recognise(keys);
  if (typeof what === 'string')
    throw new TrainerLogError(
      'not-preference',
      `This is not a preference-training log: it looks like ${FOUND_TEXT[what]}. The explorer reads DPO, KTO, ORPO and CPO/SimPO logs.`,
      what,
    );
  const ratio = rewardLogpRatio(train, ev);
  const beta = typeof ratio === 'number' ? ratio : null;
  const trainer = refineTrainer(what.trainer, ratio, keys);
  const unit = inferLogpUnit(trainer, beta !== null, train, ev);
  return {
    trainer,
    train,
    eval: ev,
    logpUnit: unit.unit,
    beta,
    inferred: { logpUnit: unit.basis, beta: beta === null ? 'none' : 'reward-ratio' },
    source: what.source,
  };
}
