// The public types of the math API (../shared/CONVENTIONS.md §7). Names are the contract: do not rename.
import type { ExplorerMetricOf } from './trlMetrics.ts';

export type PairLossType =
  | 'sigmoid'
  | 'cdpo'
  | 'robust'
  | 'ipo'
  | 'hinge'
  | 'exo_pair'
  | 'nca_pair'
  | 'bco_pair'
  | 'sppo_hard'
  | 'apo_zero'
  | 'apo_down'
  | 'discopop'
  | 'sigmoid_norm'
  | 'sft';

/**
 * TRL's `f_divergence_type` (the f-DPO paper): which score replaces each log-ratio ρ inside the loss.
 * reverse_kl ρ (DPO); forward_kl −e^(−ρ); js_divergence log σ(ρ); alpha_divergence e^((α−1)ρ)/(α−1).
 */
export type FDivergence = 'reverse_kl' | 'forward_kl' | 'js_divergence' | 'alpha_divergence';

/** A term of TRL's `loss_type=[…]`: every pair loss, plus the two that sort across the batch. */
export type BatchLossType = PairLossType | 'aot' | 'aot_unpaired';

/** One term of batchLoss: TRL's `loss_type[i]` and `loss_weights[i]` (default 1). */
export interface BatchLossTerm {
  type: BatchLossType;
  weight?: number;
}

export interface BatchLossResult {
  /** Σ wᵢ·(term i averaged over the batch), TRL's `loss`. */
  loss: number;
  /** ∂loss/∂ policyChosen of each pair, in the order given. */
  dPolicyChosen: number[];
  /** ∂loss/∂ policyRejected of each pair, in the order given. */
  dPolicyRejected: number[];
}

export interface PairInput {
  /** log π_θ(y_w), summed over completion tokens; ≤ 0. */
  policyChosen: number;
  /** log π_θ(y_l), summed over completion tokens; ≤ 0. */
  policyRejected: number;
  /** log π_ref(y_w); ≤ 0. */
  refChosen: number;
  /** log π_ref(y_l); ≤ 0. */
  refRejected: number;
  /** Completion tokens of y_w (integer ≥ 1, default 1). */
  chosenLength?: number;
  /** Completion tokens of y_l (integer ≥ 1, default 1). */
  rejectedLength?: number;
}

export interface PairLossParams {
  beta: number;
  /** ε: cdpo and robust take [0, 0.5), exo_pair (0, 0.5). Ignored by the other losses. */
  labelSmoothing?: number;
  /** DiscoPOP's modulation temperature τ (default 0.05). */
  discopopTau?: number;
  /** IPO: 'token' averages log-ratios per token (TRL, default), 'sum' uses the summed margin (paper). */
  ipoNormalization?: 'token' | 'sum';
  /** TRL's f_divergence_type (default 'reverse_kl'). Rewards stay β·ρ whatever it is. */
  fDivergence?: FDivergence;
  /** TRL's f_alpha_divergence_coef α (default 0.5), read by 'alpha_divergence' only; any finite number. */
  fAlphaDivergenceCoef?: number;
}

export interface PairLossResult {
  loss: number;
  /** ∂loss/∂ log π_θ(y_w). Negative: the loss pushes the chosen log-prob up. */
  dPolicyChosen: number;
  /** ∂loss/∂ log π_θ(y_l). Positive: the loss pushes the rejected log-prob down. */
  dPolicyRejected: number;
  /** β·(log π_θ(y_w) − log π_ref(y_w)): TRL's rewards/chosen. */
  rewardChosen: number;
  /** β·(log π_θ(y_l) − log π_ref(y_l)): TRL's rewards/rejected. */
  rewardRejected: number;
  rewardMargin: number;
  /** 1 when rewardChosen > rewardRejected (strict, as TRL). */
  rewardAccuracy: 0 | 1;
}

export type KtoLossType = 'kto' | 'apo_zero_unpaired';

export interface KtoInput {
  policy: number;
  ref: number;
  desirable: boolean;
}

export interface KtoParams {
  beta: number;
  /** The KL reference point z0, a constant for the gradient (default 0). */
  z0?: number;
  desirableWeight?: number;
  undesirableWeight?: number;
}

export interface KtoResult {
  loss: number;
  dPolicy: number;
  reward: number;
}

/** TRL's logged DPO metrics that batchMetrics computes (the rows of trlMetrics.ts logged by DPOTrainer). */
export type BatchMetricName = ExplorerMetricOf<'DPOTrainer'>;

export type BatchMetrics = Record<BatchMetricName, number>;

/** TRL's reference-free trainers (CONVENTIONS.md §7b): CPOTrainer(loss_type='simpo') and ORPOTrainer. */
export type ReferenceFreeLossType = 'simpo' | 'orpo';

export interface ReferenceFreeInput {
  /** log π_θ(y_w), summed over the chosen completion's tokens; ≤ 0. */
  policyChosen: number;
  /** log π_θ(y_l), summed over the rejected completion's tokens; ≤ 0. */
  policyRejected: number;
  /** Completion tokens of y_w (integer ≥ 1): both trainers average the log-prob over them. */
  chosenLength: number;
  /** Completion tokens of y_l (integer ≥ 1). */
  rejectedLength: number;
  /**
   * ORPO only: log π_θ of the prompt tokens its NLL predicts, summed; ≤ 0, default 0. TRL's causal shift
   * never predicts the sequence's first token (usually BOS), so this is every prompt token but the first.
   */
  policyPrompt?: number;
  /** ORPO only: how many prompt tokens policyPrompt sums (prompt tokens − 1; integer ≥ 0, default 0). */
  promptLength?: number;
}

export interface ReferenceFreeParams {
  /** SimPO's β; ORPO's λ (TRL's ORPOConfig.beta). > 0. */
  beta: number;
  /** SimPO's target margin γ (CPOConfig.simpo_gamma, default 0.5); any finite number. */
  simpoGamma?: number;
  /** Weight of SimPO's NLL term on the chosen tokens (CPOConfig.cpo_alpha, default 1); ≥ 0. */
  cpoAlpha?: number;
  /** SimPO's ε (CPOConfig.label_smoothing, default 0), in [0, 0.5). */
  labelSmoothing?: number;
}

export interface ReferenceFreeResult {
  loss: number;
  /** ∂loss/∂policyChosen (the summed log-prob), through the per-token average and the NLL. */
  dPolicyChosen: number;
  /** ∂loss/∂policyRejected (the summed log-prob). */
  dPolicyRejected: number;
  /** TRL's rewards/chosen: β·policyChosen/chosenLength (the per-token average, no reference). */
  rewardChosen: number;
  /** TRL's rewards/rejected: β·policyRejected/rejectedLength. */
  rewardRejected: number;
}
