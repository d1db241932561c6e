// Every visible string of the numbers: the pair readout (its rows, notes and formula popovers) and the
// tables of TRL's training metrics.
import type { ExplorerMetricOf, ToyMetricName } from '../../math/index.ts';

/**
 * The rows of the pair readout: the two gradients and TRL's per-pair metrics (its DPO metrics that are
 * a loss or a reward; src/math/trlMetrics.ts).
 */
export type ReadoutRowKey =
  'dChosen' | 'dRejected' | Extract<ExplorerMetricOf<'DPOTrainer'>, 'loss' | `rewards/${string}`>;

/** TRL's logged metric names that the training table explains: the ones the toy trainer logs. */
export type TrlMetricKey = ToyMetricName;

export interface ReadoutStrings {
  heading: string;
  intro: string;
  metricColumn: string;
  rowHelp: Record<ReadoutRowKey, string>;
  formulaHeading: string;
  numbersHeading: string;
  notes: {
    ipoToken: string;
    ipoSum: string;
    cdpo: string;
    sigmoidNorm: string;
    robustNegative: string;
    accuracyStrict: string;
    logpsSummed: string;
    rewardsSummed: string;
    ktoZ0Estimated: (mode: 'kl' | 'batch') => string;
    ktoZ0Fixed: (z0: string) => string;
    ktoLossSum: (trlMean: string) => string;
    /** LD-DPO (ld_alpha ≠ 1): each side's log-probs scaled by its factor (m + α(L − m))/L. */
    ldAlpha: (alpha: string, factorChosen: string, factorRejected: string) => string;
    /** WPO (use_weighting): the loss and pushes times w_c·w_r. */
    wpo: (weight: string) => string;
    ktoNoAccuracy: string;
    ktoMargins: string;
    invalid: (detail: string) => string;
    /** SimPO / ORPO: the loss reads the policy's own log-probs; no π_ref. */
    noReference: string;
    /** SimPO / ORPO: rewards are β × the per-token mean log-prob. */
    rewardsNoReference: string;
    /** The TRL metrics table of a SimPO / ORPO run: logps/* are per-token means. */
    logpsPerToken: string;
  };

  /** A table of one run's TRL metrics (the training view's last steps). */
  trlMetrics: {
    caption: string;
    metricColumn: string;
    valueColumn: string;
    empty: string;
    descriptions: Record<TrlMetricKey, string>;
    /** The same metrics of a SimPO / ORPO run where their meaning differs (per-token means, no reference). */
    referenceFreeDescriptions: Record<
      'rewards/chosen' | 'rewards/rejected' | 'logps/chosen' | 'logps/rejected',
      string
    >;
  };
}
