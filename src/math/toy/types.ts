// The toy policy's public types (../shared/CONVENTIONS.md §5, §7). Names are the contract: do not rename.
import type { FDivergence, KtoLossType, PairLossType, ReferenceFreeLossType } from '../types.ts';
import type { ExplorerMetricName } from '../trlMetrics.ts';

export interface ToyPair {
  chosen: number;
  rejected: number;
  /** Probability that `chosen` really is preferred: the expected loss is p·L(c, r) + (1 − p)·L(r, c). */
  p: number;
  /** Weight in the objective (default 1). */
  weight?: number;
}

export interface ToyUnpaired {
  response: number;
  desirable: boolean;
  weight?: number;
}

export interface ToyProblem {
  /** Logits = baseLogits + features·θ; features is K×d, the identity for a tabular policy. */
  policy: { baseLogits: number[]; features: number[][] };
  refLogits: number[];
  /** Tokens per response (default 1); only losses that normalise by length use them. */
  lengths?: number[];
  pairs?: ToyPair[];
  unpaired?: ToyUnpaired[];
}

/**
 * Any pair loss, an unpaired one ('kto', or APO-zero's unpaired form) trained on the unpaired examples, or a
 * reference-free one ('simpo', 'orpo'), trained on the pairs from the policy's own log-probs and `lengths`.
 */
export type ToyLossType = PairLossType | KtoLossType | ReferenceFreeLossType;

/** One further term of TRL's loss list: its loss_type and its loss_weights entry. */
export interface ExtraTerm {
  type: PairLossType;
  weight: number;
}

export interface ToyLossConfig {
  type: ToyLossType;
  beta: number;
  labelSmoothing?: number;
  ipoNormalization?: 'token' | 'sum';
  discopopTau?: number;
  desirableWeight?: number;
  undesirableWeight?: number;
  /** SimPO's target margin γ (CPOConfig.simpo_gamma). */
  simpoGamma?: number;
  /** SimPO's NLL weight (CPOConfig.cpo_alpha). */
  cpoAlpha?: number;
  /** KTO's reference point: exact KL(π‖πref) ('kl', default), TRL's batch estimate, or a constant. */
  z0?: 'kl' | 'batch' | number;
  /** TRL's f_divergence_type and f_alpha_divergence_coef (pair losses; PairLossParams). */
  fDivergence?: FDivergence;
  fAlphaDivergenceCoef?: number;
  /**
   * Weight w of TRL's "sft" term beside a pair loss (loss_type=[type, "sft"], loss_weights=[1, w]; default 0):
   * the data's chosen responses' cross-entropy, token-weighted over the dataset as TRL's over a batch.
   */
  sftWeight?: number;
  /**
   * Further DPOTrainer pair losses trained beside `type` (TRL's loss_type=[type, …extraTerms, "sft"] with
   * loss_weights=[mainWeight, …weights, sftWeight]): each term's objective over the same pairs, weighted and
   * summed, sharing β and every other setting as TRL's one config does; ldAlpha, wpoWeighting and the
   * f-divergence apply to each term as TRL applies them (lossInfo.ts). Only beside a pair loss; each type must
   * pass takesAsExtraTerm (no KTO, reference-free, cdpo, sft: that is sftWeight; no aot: the toy has no batch
   * to sort). Weights are finite numbers (TRL checks none); a type may repeat, as in TRL's list.
   */
  extraTerms?: readonly ExtraTerm[];
  /**
   * TRL's loss_weights[0], the weight of `type` itself in the list (default 1, as TRL's loss_weights=None).
   * Only for a pair loss: KTOTrainer, CPOTrainer and ORPOTrainer have no loss list.
   */
  mainWeight?: number;
  /**
   * LD-DPO's ld_alpha α in [0, 1] (default 1: off, TRL's None): for each pair, log π and log π_ref of y are
   * scaled by (m + α(L_y − m))/L_y with m = min(Lc, Lr) (math/ldWpo.ts). Not applied to sft or the SFT term.
   */
  ldAlpha?: number;
  /**
   * WPO's use_weighting (default false): each pair's loss, the SFT term's included, times w_c·w_r of the
   * current policy, held constant for the gradient (math/ldWpo.ts).
   */
  wpoWeighting?: boolean;
}

export type ToyOptimizer = 'sgd' | 'adam';

export interface ToyTrainConfig {
  loss: ToyLossConfig;
  optimizer: ToyOptimizer;
  learningRate: number;
  steps: number;
  /**
   * TR-DPO's moving reference (TRL's sync_ref_model with ref_model_mixup_alpha α and ref_model_sync_steps S;
   * absent: a fixed reference). The toy's logits are linear in its parameters, so TRL's parameter mix
   * ref ← (1−α)·ref + α·policy is a mix of logits, and, softmax ignoring a constant shift, of log-probs: after
   * update t (TRL's global_step t, from 1) with t % S == 0, log π_ref ← logsoftmax((1−α)·log π_ref + α·log π_θt).
   * Step t of the trajectory shows the state after update t and its sync. Adam's state is untouched by a sync.
   */
  refSync?: ToyRefSync;
}

/** TRL's ref_model_mixup_alpha (α in [0, 1]) and ref_model_sync_steps (S, a whole number ≥ 1). */
export interface ToyRefSync {
  mixupAlpha: number;
  syncSteps: number;
}

/**
 * TRL's logged names that the toy computes (trlMetrics.ts rows with `computed`). Pair losses log all but
 * 'kl'; KTO logs all but 'rewards/accuracies'.
 */
export type ToyMetricName = ExplorerMetricName;

/**
 * Everything a plot of the run needs, step by step (index t = 0…steps; step 0 is before any update).
 * A type alias, not an interface, so that it stays assignable to Record<string, unknown>.
 */
export type ToyTrajectory = {
  probs: number[][];
  /** The objective at θ_t (for KTO with the z0 of that step). */
  loss: number[];
  logProbs: number[][];
  /** logRatios[t][k] = log π(k) − log πref(k) = ρ(k), TRL's "logratios". */
  logRatios: number[][];
  /** margins[t][i]: pair i's summed margin h = ρw − ρl, chosen and rejected as the pair states them. */
  margins: number[][];
  /**
   * Per-step TRL metrics under TRL's names (ToyMetricName), each an array over steps: what TRL would log
   * averaged over the dataset the problem stands for. 'loss' is the objective (the same array as `loss`).
   * Pair losses: a pair counts as (chosen, rejected) with weight w·p and flipped with weight w·(1 − p), so
   * with p = 0.9 'rewards/accuracies' is at most 0.9 (one label in ten disagrees). KTO: class means over
   * desirable / undesirable examples weighted by their weights (NaN for an empty class, where TRL logs
   * nothing), 'kl' = the z0 used at that step, and no 'rewards/accuracies' (TRL logs none for KTO).
   */
  metrics: Record<string, number[]>;
  /** Exact KL(π‖πref) at every step, whatever the loss. */
  kl: number[];
  /** SimPO's target margin γ (CPOConfig.simpo_gamma). */
  simpoGamma?: number;
  /** SimPO's NLL weight (CPOConfig.cpo_alpha). */
  cpoAlpha?: number;
  /** KTO's reference point z0 at every step; null for pair and reference-free losses. */
  z0: number[] | null;
  /** θ at every step (d numbers each). */
  theta: number[][];
  /**
   * log π_ref(k) at every step when the reference moves (ToyTrainConfig.refSync), null when it is fixed.
   * Everything derived from ρ at step t (logRatios, margins, rewards/*, kl, KTO's z0) uses step t's row.
   */
  refLogProbs: number[][] | null;
};
