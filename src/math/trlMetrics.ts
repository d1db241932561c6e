// TRL's logged metric names, written once, with what each one is (../shared/CONVENTIONS.md §4; TRL 1.9
// DPOTrainer and KTOTrainer `_metrics`). Types of the math API (BatchMetricName, ToyMetricName) and every
// list of metric names in the app are derived from this array.
import type { TrlTrainer } from './lossInfo.ts';

/**
 * What a metric's number measures: 'loss' (nats for the log-losses, nats² for IPO / SPPO), 'reward' (β·nats:
 * β times a summed log-ratio), 'logprob' (a summed log-probability, nats), 'fraction' (0…1), 'nats',
 * 'logit', 'natsPerToken', 'tokens' (a count).
 */
export type TrlMetricUnit =
  'loss' | 'reward' | 'logprob' | 'fraction' | 'nats' | 'logit' | 'natsPerToken' | 'tokens';

export interface TrlMetricInfo {
  /** TRL's key in `log_history` (without an `eval_` prefix). */
  name: string;
  /** The trainers that log it (every loss of that trainer: LOSS_INFO[id].trl.trainer). */
  loggedBy: readonly TrlTrainer[];
  unit: TrlMetricUnit;
  /**
   * The explorer computes it (batchMetrics, the toy's trajectory, the readout); false: TRL logs it but the
   * toy has no such quantity (it has no vocabulary, tokens or logits).
   */
  computed: boolean;
  /** The training view's metric picker: position, and whether ticked when the page opens; null: not offered. */
  picker: { order: number; ticked: boolean } | null;
  /** What TRL computes, for engineers (the page's own wording is in each language's strings). */
  about: string;
}

const BOTH = ['DPOTrainer', 'KTOTrainer'] as const;
/** Every trainer the explorer maps a loss to: DPO, KTO and the reference-free CPOTrainer (SimPO) and ORPOTrainer. */
const ALL = ['DPOTrainer', 'KTOTrainer', 'CPOTrainer', 'ORPOTrainer'] as const;
/** What the pair trainers log alike (get_batch_loss_metrics of DPO, CPO and ORPO). */
const PAIRED = ['DPOTrainer', 'CPOTrainer', 'ORPOTrainer'] as const;
/** TRL's trainers without a reference model (trl.experimental): their rewards are β × per-token means. */
const REFERENCE_FREE = ['CPOTrainer', 'ORPOTrainer'] as const;

/** In the order TRL logs them (loss first, then its `_metrics`), the ones the explorer computes first. */
export const TRL_METRIC_INFO = [
  {
    name: 'loss',
    loggedBy: ALL,
    unit: 'loss',
    computed: true,
    picker: { order: 7, ticked: false },
    about:
      'The objective: the mean per-pair loss over the batch (KTO: over its examples, weighted by λD, λU).',
  },
  {
    name: 'rewards/chosen',
    loggedBy: ALL,
    unit: 'reward',
    computed: true,
    picker: { order: 3, ticked: true },
    about:
      'Mean β·(log πθ(y_w) − log πref(y_w)), summed log-ratio whatever the loss (KTO: desirable examples; CPO / ORPO: β·log πθ(y_w) per token, no reference).',
  },
  {
    name: 'rewards/rejected',
    loggedBy: ALL,
    unit: 'reward',
    computed: true,
    picker: { order: 4, ticked: false },
    about: 'Mean β·(log πθ(y_l) − log πref(y_l)) (KTO: undesirable examples).',
  },
  {
    name: 'rewards/accuracies',
    loggedBy: PAIRED,
    unit: 'fraction',
    computed: true,
    picker: { order: 2, ticked: true },
    about:
      'Share of pairs with rewards/chosen > rewards/rejected, strict > (0 at the reference). KTO logs none.',
  },
  {
    name: 'rewards/margins',
    loggedBy: ALL,
    unit: 'reward',
    computed: true,
    picker: { order: 1, ticked: true },
    about: 'Mean of rewards/chosen − rewards/rejected per pair (KTO: the difference of the two class means).',
  },
  {
    name: 'logps/chosen',
    loggedBy: ALL,
    unit: 'logprob',
    computed: true,
    picker: { order: 5, ticked: true },
    about:
      'Mean log πθ(y_w), summed over completion tokens (not per token, whatever the docs suggest); CPO (SimPO) and ORPO: the per-token mean.',
  },
  {
    name: 'logps/rejected',
    loggedBy: ALL,
    unit: 'logprob',
    computed: true,
    picker: { order: 6, ticked: false },
    about: 'Mean log πθ(y_l), summed over completion tokens.',
  },
  {
    name: 'kl',
    loggedBy: ['KTOTrainer'],
    unit: 'nats',
    computed: true,
    picker: null,
    about: 'KTO’s reference point z0 = max(0, mean(log πθ − log πref)) over mismatched pairs; not times β.',
  },
  {
    name: 'nll_loss',
    loggedBy: REFERENCE_FREE,
    unit: 'loss',
    computed: true,
    picker: null,
    about:
      'The NLL term: SimPO (CPOTrainer) −mean log πθ per chosen completion token (0 when cpo_alpha = 0); ORPO over prompt and chosen tokens.',
  },
  {
    name: 'log_odds_ratio',
    loggedBy: ['ORPOTrainer'],
    unit: 'nats',
    computed: true,
    picker: null,
    about: 'ORPO: mean log σ(log_odds), the term λ multiplies (≤ 0).',
  },
  {
    name: 'log_odds_chosen',
    loggedBy: ['ORPOTrainer'],
    unit: 'nats',
    computed: true,
    picker: null,
    about: 'ORPO: mean log_odds = log(odds(y_w) / odds(y_l)), odds(y) = p/(1 − p) of the per-token mean p.',
  },
  {
    name: 'logits/chosen',
    loggedBy: ALL,
    unit: 'logit',
    computed: false,
    picker: null,
    about: 'Mean logit over the vocabulary and the chosen completion tokens.',
  },
  {
    name: 'logits/rejected',
    loggedBy: ALL,
    unit: 'logit',
    computed: false,
    picker: null,
    about: 'Mean logit over the vocabulary and the rejected completion tokens.',
  },
  {
    name: 'entropy',
    loggedBy: BOTH,
    unit: 'natsPerToken',
    computed: false,
    picker: null,
    about: 'Mean per-token entropy of the policy over completion tokens.',
  },
  {
    name: 'mean_token_accuracy',
    loggedBy: ['DPOTrainer'],
    unit: 'fraction',
    computed: false,
    picker: null,
    about: 'Share of chosen completion tokens that are the policy’s most likely token.',
  },
  {
    name: 'num_tokens',
    loggedBy: BOTH,
    unit: 'tokens',
    computed: false,
    picker: null,
    about: 'Tokens seen in training so far (prompt and completions, cumulative).',
  },
] as const satisfies readonly TrlMetricInfo[];

type MetricRow = (typeof TRL_METRIC_INFO)[number];

/** Every TRL metric name the explorer knows. */
export type TrlMetricName = MetricRow['name'];

/** The rows logged by trainer T. */
type LoggedBy<T extends TrlTrainer, R extends MetricRow = MetricRow> = R extends {
  loggedBy: readonly (infer U)[];
}
  ? T extends U
    ? R
    : never
  : never;

/** The metrics the explorer computes (the toy's trajectory: ToyMetricName). */
export type ExplorerMetricName = Extract<MetricRow, { computed: true }>['name'];

/** The metrics trainer T logs that the explorer computes (DPOTrainer: batchMetrics' BatchMetricName). */
export type ExplorerMetricOf<T extends TrlTrainer> = Extract<LoggedBy<T>, { computed: true }>['name'];

/** Every TRL metric name, in TRL's order. */
export const TRL_METRIC_NAMES: readonly TrlMetricName[] = TRL_METRIC_INFO.map((m) => m.name);

export function isTrlMetricName(name: string): name is TrlMetricName {
  return (TRL_METRIC_NAMES as readonly string[]).includes(name);
}

/** The metrics the explorer computes, in TRL's order. */
export const EXPLORER_METRIC_NAMES: readonly ExplorerMetricName[] = TRL_METRIC_INFO.filter(
  (m) => m.computed,
).map((m) => m.name as ExplorerMetricName);

export function isExplorerMetricName(name: string): name is ExplorerMetricName {
  return (EXPLORER_METRIC_NAMES as readonly string[]).includes(name);
}

/** The row of one metric. */
export function trlMetric(name: TrlMetricName): TrlMetricInfo {
  return TRL_METRIC_INFO.find((m) => m.name === name) as TrlMetricInfo;
}

/** The metrics `trainer` logs, in TRL's order; `computed` keeps only those the explorer computes. */
export function metricsLoggedBy<T extends TrlTrainer>(
  trainer: T,
  computed: true,
): readonly ExplorerMetricOf<T>[];
export function metricsLoggedBy(trainer: TrlTrainer, computed?: boolean): readonly TrlMetricName[];
export function metricsLoggedBy(trainer: TrlTrainer, computed = false): readonly TrlMetricName[] {
  return TRL_METRIC_INFO.filter(
    (m) => (m.loggedBy as readonly TrlTrainer[]).includes(trainer) && (!computed || m.computed),
  ).map((m) => m.name);
}

/** The training view's metric picker, in its order, and the metrics ticked at first. */
export const PICKER_METRICS: readonly ExplorerMetricName[] = TRL_METRIC_INFO.filter((m) => m.picker !== null)
  .sort((a, b) => (a.picker?.order ?? 0) - (b.picker?.order ?? 0))
  .map((m) => m.name as ExplorerMetricName);
export const PICKER_TICKED: readonly ExplorerMetricName[] = PICKER_METRICS.filter(
  (name) => trlMetric(name).picker?.ticked === true,
);
