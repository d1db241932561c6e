// The shapes of a read training log and of what it shows (../shared/CONVENTIONS.md §10). Pure data.

/** The preference trainers whose logs the explorer reads. */
export type TrainerKind = 'dpo' | 'kto' | 'orpo' | 'cpo';

/** What a refused log was recognised as: on-policy RL (GRPO, PPO/RLOO), plain SFT, or nothing known. */
export type NotPreferenceKind = 'grpo' | 'ppo' | 'sft' | 'unknown';

/**
 * Logged rows over steps, with TRL's key names (prefixes `train/`, `eval_`, `eval/` removed). Every series
 * has the length of `step`; `series[k][i]` is NaN where row i lacks key k or logged NaN.
 */
export interface LogSeries {
  step: number[];
  series: Record<string, number[]>;
}

/** How `logpUnit` and `beta` were inferred, so the page can say how (the words live in i18n). */
export type LogpUnitBasis =
  /** The trainer always averages log-probs per token (ORPO: TRL and LLaMA-Factory). */
  | 'trainer'
  /** Reference-free rewards are β·logps, and such runs (SimPO, ORPO) average per token. */
  | 'reward-ratio'
  /** The size of the logged log-probs (summed ≤ −20, per-token means in (−10, 0)). */
  | 'magnitude'
  /** Nothing decides it. */
  | 'none';

export interface TrainerLog {
  trainer: TrainerKind;
  /** Rows of log_history with training metrics (not the final summary row). */
  train: LogSeries;
  /** Rows whose keys start with `eval_` or `eval/` (prefix removed). */
  eval: LogSeries;
  logpUnit: 'summed' | 'mean' | 'unknown';
  /** β only where the log itself shows it (reference-free runs: rewards = β·logps); null otherwise. */
  beta: number | null;
  /** Extra: how logpUnit and beta were inferred. */
  inferred: { logpUnit: LogpUnitBasis; beta: 'reward-ratio' | 'none' };
  /** Extra: which tool wrote it, when the key names tell (LLaMA-Factory's ORPO names). */
  source: 'trl' | 'llamafactory';
}

export type FindingId =
  | 'start-at-ln2'
  | 'chosen-reward-falls'
  | 'margin-runaway'
  | 'accuracy-granularity'
  | 'kto-kl-zero'
  | 'diverged';

/** Why a run is called diverged (extra field of the `diverged` finding). */
export type DivergeCause = 'nan-loss' | 'nan-grad-norm' | 'loss-explodes' | 'grad-norm-explodes';

export interface Finding {
  id: FindingId;
  /** The first and last train step where the finding holds. */
  steps: [number, number];
  /** The numbers a page needs to state it; which keys each finding gives is listed in README "Training logs". */
  values: Record<string, number>;
  /** Only for `diverged`: what went wrong first. */
  cause?: DivergeCause;
}

export type TrainerLogErrorKind = 'not-json' | 'no-log-history' | 'not-preference' | 'empty' | 'too-large';

/** Thrown by readTrainerLog: `kind` says what is wrong, `found` what a refused log is, the message says it plainly. */
export class TrainerLogError extends Error {
  readonly kind: TrainerLogErrorKind;
  readonly found?: NotPreferenceKind;
  constructor(kind: TrainerLogErrorKind, message: string, found?: NotPreferenceKind) {
    super(message);
    this.name = 'TrainerLogError';
    this.kind = kind;
    if (found !== undefined) this.found = found;
  }
}

/**
 * The groups a log's metrics are drawn in, one plot each (so no single Plotly draw holds a 10 MB log's dozen
 * panels): loss and optimisation (loss, grad_norm, learning_rate), rewards (rewards/*), log-probs and logits
 * (logps/*, logits/*), and what only some trainers log (kl, nll_loss, log_odds_*, sft_loss, …).
 */
export type LogMetricGroup = 'optimisation' | 'rewards' | 'logps' | 'trainer';
