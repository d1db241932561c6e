// One row per loss: every fact about a loss that is not its formula (the formula is its kernel, in
// pairKernels.ts or kto.ts). Which settings it reads and their defaults, whether its margin is per token,
// its closed-form optimum, and its TRL name, trainer and config fields. Code that needs such a fact reads
// it here instead of listing loss ids; a missing row or a setting name that PairLossParams / KtoParams do
// not have is a compile error. ../shared/CONVENTIONS.md §2, §3 and §6 state the same facts in prose
// (tests/unit/math.lossInfo.test.ts checks them against each other and against the kernels).
import type {
  KtoLossType,
  KtoParams,
  PairLossParams,
  PairLossType,
  ReferenceFreeLossType,
  ReferenceFreeParams,
} from './types.ts';
import { DEFAULT_CPO_ALPHA, DEFAULT_SIMPO_GAMMA } from './referenceFree.ts';
import {
  cdpoOptimalMargin,
  dpoOptimalMargin,
  exoOptimalMargin,
  hingeOptimalMargin,
  ipoOptimalMargin,
  robustOptimalMargin,
} from './optima.ts';
import { fail } from './validate.ts';
import { checkDivergence } from './fDivergence.ts';

export type LossId = PairLossType | KtoLossType | ReferenceFreeLossType;

/**
 * 'pair': one (chosen, rejected) pair (`pairLoss`); 'unpaired': thumbs-up / thumbs-down examples (`ktoLoss`);
 * 'reference-free': one pair, but no reference model (`referenceFreeLoss`: SimPO, ORPO), so it reads the
 * policy's own log-probs and the completion lengths instead of log-ratios.
 */
export type LossFamily = 'pair' | 'unpaired' | 'reference-free';

/**
 * A setting a pair loss may read: a field of PairLossParams other than β (every loss reads β) and the
 * f-divergence pair, which is trainer-wide in TRL: how each loss uses it is its row's `divergence`.
 */
export type PairSetting = Exclude<keyof PairLossParams, 'beta' | DivergenceSetting>;
/** The f-divergence fields of PairLossParams (TRL's f_divergence_type, f_alpha_divergence_coef). */
export type DivergenceSetting = 'fDivergence' | 'fAlphaDivergenceCoef';
/** A setting an unpaired loss may read: a field of KtoParams other than β. */
export type UnpairedSetting = Exclude<keyof KtoParams, 'beta'>;
/** A setting a reference-free loss may read: a field of ReferenceFreeParams other than β. */
export type ReferenceFreeSetting = Exclude<keyof ReferenceFreeParams, 'beta'>;
export type LossSetting = PairSetting | UnpairedSetting | ReferenceFreeSetting;

/** The settings a loss reads, each with the value the math uses when the caller gives none. */
type SettingDefaults<P, S extends keyof P> = { readonly [K in S]?: NonNullable<P[K]> };

export type TrlTrainer = 'DPOTrainer' | 'KTOTrainer' | 'CPOTrainer' | 'ORPOTrainer';
export type TrlConfigClass = 'DPOConfig' | 'KTOConfig' | 'CPOConfig' | 'ORPOConfig';

/** TRL config fields the explorer writes (besides loss_type), and the math setting each one carries. */
export const TRL_CONFIG_FIELDS = {
  beta: 'beta',
  label_smoothing: 'labelSmoothing',
  discopop_tau: 'discopopTau',
  desirable_weight: 'desirableWeight',
  undesirable_weight: 'undesirableWeight',
  simpo_gamma: 'simpoGamma',
  cpo_alpha: 'cpoAlpha',
} as const satisfies Record<string, LossSetting | 'beta'>;
export type TrlConfigField = keyof typeof TRL_CONFIG_FIELDS;

export interface TrlLossInfo {
  /** TRL 1.9's `loss_type` value for this loss; null when no loss_type computes it. */
  lossType: string | null;
  /** Where lossType is null: the loss_type the "Use in TRL" code writes instead (with a comment). */
  nearest?: LossId;
  /** The TRL version that dropped this loss, where lossType is null. */
  removedIn?: string;
  /** The config has no loss_type field at all (ORPOConfig: ORPO is its trainer's only loss). */
  withoutLossType?: true;
  trainer: TrlTrainer;
  config: TrlConfigClass;
  /** Where the trainer and config are imported from (SimPO's and ORPO's trainers are in trl.experimental). */
  module: 'trl' | 'trl.experimental.cpo' | 'trl.experimental.orpo';
  /** The config's keyword arguments this loss needs besides loss_type, in the order to write them. */
  fields: readonly TrlConfigField[];
}

/** A closed-form optimum of the loss's own margin (CONVENTIONS §6). */
export interface ClosedFormOptimum {
  /**
   * The optimal margin for preference probability p: h for most losses, h̄ = ρw/Lw − ρl/Ll where the margin
   * is per token. ±Infinity: the loss drives the margin without bound. `params` carry the row's defaults.
   */
  margin(p: number, params: PairLossParams): number;
  /** Training converges to it (a stationary point); false for hinge, which stops anywhere past its kink. */
  stationary: boolean;
}

interface LossInfoBase {
  /**
   * A function of its own margin alone (h, or h̄ where the margin is per token), so ∂L/∂ρw = −∂L/∂ρl up to
   * the length weights: the log-normaliser cancels and one pair moves θ along one direction. false: the
   * loss reads ρw and ρl separately (NCA, BCO, SPPO, APO) or is unpaired.
   */
  marginOnly: boolean;
  /**
   * Whether the loss's margin is per token (h̄ = ρw/Lw − ρl/Ll, so it reads the completion lengths):
   * true, false, or 'ipoNormalization': per token when that setting is 'token' (TRL), summed for 'sum'.
   */
  perToken: boolean | 'ipoNormalization';
  /** Grows like h² (nats²): the loss figure does not let it set the y range beside the other losses. */
  quadratic: boolean;
  trl: TrlLossInfo;
}

/**
 * How TRL's f-divergence (`f_divergence_type`) enters a pair loss (`_compute_loss`): 'scores': wherever the
 * loss reads a log-ratio it reads the score instead (chosen_scores, rejected_scores, delta_score); 'ignored':
 * the loss reads the log-ratios (apo_zero) or no ratio at all (sft); 'secondTerm': APO-down's first term
 * reads ρw, its second σ(β·delta_score).
 */
export type DivergenceUse = 'scores' | 'ignored' | 'secondTerm';

export interface PairLossInfo extends LossInfoBase {
  family: 'pair';
  divergence: DivergenceUse;
  /**
   * What its kernel reads: the log-ratios ρw, ρl (every preference loss) or the policy's own log-probs
   * log π(y_w), log π(y_l) (sft: TRL's cross-entropy on the chosen tokens, no reference).
   */
  reads: 'logRatios' | 'logProbs';
  settings: SettingDefaults<PairLossParams, PairSetting>;
  /** Settings that must be > 0 for this loss although 0 is valid for others (EXO's ε: it divides by log ε). */
  excludesZero?: readonly PairSetting[];
  /** null: no closed form (the loss is not a function of one margin, or has none: DiscoPOP). */
  optimum: ClosedFormOptimum | null;
}

export interface UnpairedLossInfo extends LossInfoBase {
  family: 'unpaired';
  settings: SettingDefaults<KtoParams, UnpairedSetting>;
  /** KTO has no interior optimum: it saturates. */
  optimum: null;
  marginOnly: false;
  perToken: false;
  quadratic: false;
}

export interface ReferenceFreeLossInfo extends LossInfoBase {
  family: 'reference-free';
  settings: SettingDefaults<ReferenceFreeParams, ReferenceFreeSetting>;
  /** No closed form in the explorer's margin: the loss reads the two per-token means separately. */
  optimum: null;
  marginOnly: false;
  /** Both trainers average each completion's log-prob per token: they read the lengths. */
  perToken: true;
  quadratic: false;
}

export type LossInfo = PairLossInfo | UnpairedLossInfo | ReferenceFreeLossInfo;

/** A row for every loss, of its family's shape. */
type LossTable = {
  readonly [K in LossId]: K extends KtoLossType
    ? UnpairedLossInfo
    : K extends ReferenceFreeLossType
      ? ReferenceFreeLossInfo
      : PairLossInfo;
};

const dpoTrl = (lossType: PairLossType, ...fields: TrlConfigField[]): TrlLossInfo => ({
  lossType,
  trainer: 'DPOTrainer',
  config: 'DPOConfig',
  module: 'trl',
  fields: ['beta', ...fields],
});

const ktoTrl = (lossType: KtoLossType): TrlLossInfo => ({
  lossType,
  trainer: 'KTOTrainer',
  config: 'KTOConfig',
  module: 'trl',
  fields: ['beta', 'desirable_weight', 'undesirable_weight'],
});

/** ε from params that carry the row's defaults (withPairDefaults). */
function smoothingOf(k: PairLossParams): number {
  if (k.labelSmoothing === undefined) fail('labelSmoothing', 'must be given', k.labelSmoothing);
  return k.labelSmoothing;
}

const dpoOptimum: ClosedFormOptimum = { margin: (p, k) => dpoOptimalMargin(p, k.beta), stationary: true };

/** The stationary optimum of a loss with a smoothing ε: `optimal(p, β, ε)`. */
const smoothedOptimum = (optimal: (p: number, beta: number, eps: number) => number): ClosedFormOptimum => ({
  margin: (p, k) => optimal(p, k.beta, smoothingOf(k)),
  stationary: true,
});

/** SimPO and ORPO: no reference model, per-token means, no closed-form optimum in the explorer's margin. */
const REFERENCE_FREE_LOSS = {
  family: 'reference-free',
  marginOnly: false,
  perToken: true,
  quadratic: false,
  optimum: null,
} as const;

/** Most pair losses: a function of the summed margin h alone, growing at most linearly. */
const MARGIN_LOSS = {
  family: 'pair',
  marginOnly: true,
  perToken: false,
  quadratic: false,
  divergence: 'scores',
  reads: 'logRatios',
} as const;
/** Pair losses that read ρw and ρl separately: no closed-form optimum of one margin. */
const TWO_RATIO_LOSS = { ...MARGIN_LOSS, marginOnly: false, optimum: null } as const;
/** The unpaired losses: thumbs-up / thumbs-down examples, no interior optimum (they saturate). */
const UNPAIRED_LOSS = {
  family: 'unpaired',
  marginOnly: false,
  perToken: false,
  quadratic: false,
  optimum: null,
} as const;

/** Every loss, in the order the app lists them (pair losses, then unpaired). */
export const LOSS_INFO = {
  sigmoid: { ...MARGIN_LOSS, settings: {}, optimum: dpoOptimum, trl: dpoTrl('sigmoid') },
  cdpo: {
    ...MARGIN_LOSS,
    settings: { labelSmoothing: 0 },
    optimum: smoothedOptimum(cdpoOptimalMargin),
    // TRL ≥ 0.29: its "sigmoid" ignores label_smoothing, so conservative DPO has no TRL form.
    trl: { ...dpoTrl('sigmoid'), lossType: null, nearest: 'sigmoid', removedIn: '0.29' },
  },
  robust: {
    ...MARGIN_LOSS,
    settings: { labelSmoothing: 0 },
    optimum: smoothedOptimum(robustOptimalMargin),
    trl: dpoTrl('robust', 'label_smoothing'),
  },
  ipo: {
    ...MARGIN_LOSS,
    // TRL always averages per token; 'sum' is the paper's Eq. 17 and has no TRL field.
    settings: { ipoNormalization: 'token' },
    perToken: 'ipoNormalization',
    quadratic: true,
    optimum: { margin: (p, k) => ipoOptimalMargin(p, k.beta), stationary: true },
    trl: dpoTrl('ipo'),
  },
  hinge: {
    ...MARGIN_LOSS,
    settings: {},
    optimum: { margin: (p, k) => hingeOptimalMargin(p, k.beta), stationary: false },
    trl: dpoTrl('hinge'),
  },
  exo_pair: {
    ...MARGIN_LOSS,
    // TRL's docs suggest ε = 1e-3; TRL raises at ε = 0.
    settings: { labelSmoothing: 1e-3 },
    excludesZero: ['labelSmoothing'],
    optimum: smoothedOptimum(exoOptimalMargin),
    trl: dpoTrl('exo_pair', 'label_smoothing'),
  },
  nca_pair: { ...TWO_RATIO_LOSS, settings: {}, trl: dpoTrl('nca_pair') },
  bco_pair: { ...TWO_RATIO_LOSS, settings: {}, trl: dpoTrl('bco_pair') },
  sppo_hard: { ...TWO_RATIO_LOSS, settings: {}, quadratic: true, trl: dpoTrl('sppo_hard') },
  // TRL's apo_zero reads chosen_logratios and rejected_logratios, never the scores.
  apo_zero: { ...TWO_RATIO_LOSS, settings: {}, divergence: 'ignored', trl: dpoTrl('apo_zero') },
  // TRL's apo_down: σ(β·chosen_logratios) + 1 − σ(β·delta_score): the divergence reaches its second term only.
  apo_down: { ...TWO_RATIO_LOSS, settings: {}, divergence: 'secondTerm', trl: dpoTrl('apo_down') },
  discopop: {
    ...MARGIN_LOSS,
    // TRL's and the paper's default τ.
    settings: { discopopTau: 0.05 },
    optimum: null,
    trl: dpoTrl('discopop', 'discopop_tau'),
  },
  sigmoid_norm: {
    ...MARGIN_LOSS,
    settings: {},
    perToken: true,
    optimum: dpoOptimum,
    trl: dpoTrl('sigmoid_norm'),
  },
  sft: {
    ...TWO_RATIO_LOSS,
    settings: {},
    // −log π(y_w)/Lw: per token (it reads the chosen length), no reference, no f-divergence, and no finite
    // optimum (it pushes log π(y_w) up to 0 whatever y_l is).
    perToken: true,
    divergence: 'ignored',
    reads: 'logProbs',
    trl: dpoTrl('sft'),
  },
  kto: {
    ...UNPAIRED_LOSS,
    settings: { desirableWeight: 1, undesirableWeight: 1, z0: 0 },
    trl: ktoTrl('kto'),
  },
  apo_zero_unpaired: {
    ...UNPAIRED_LOSS,
    // No reference point: APO-zero compares ρ with 0.
    settings: { desirableWeight: 1, undesirableWeight: 1 },
    trl: ktoTrl('apo_zero_unpaired'),
  },
  simpo: {
    ...REFERENCE_FREE_LOSS,
    // CPOConfig's defaults (simpo_gamma 0.5, cpo_alpha 1.0, label_smoothing 0).
    settings: { simpoGamma: DEFAULT_SIMPO_GAMMA, cpoAlpha: DEFAULT_CPO_ALPHA, labelSmoothing: 0 },
    trl: {
      lossType: 'simpo',
      trainer: 'CPOTrainer',
      config: 'CPOConfig',
      module: 'trl.experimental.cpo',
      fields: ['beta', 'simpo_gamma', 'cpo_alpha', 'label_smoothing'],
    },
  },
  orpo: {
    ...REFERENCE_FREE_LOSS,
    // β is ORPO's λ (ORPOConfig.beta); ORPOConfig has no loss_type.
    settings: {},
    trl: {
      lossType: null,
      withoutLossType: true,
      trainer: 'ORPOTrainer',
      config: 'ORPOConfig',
      module: 'trl.experimental.orpo',
      fields: ['beta'],
    },
  },
} as const satisfies LossTable;

/** TRL's default DiscoPOP temperature. */
export const DEFAULT_DISCOPOP_TAU: number = LOSS_INFO.discopop.settings.discopopTau;
/** EXO needs ε > 0; TRL's docs suggest 1e-3, which the math uses when none is given. */
export const DEFAULT_EXO_SMOOTHING: number = LOSS_INFO.exo_pair.settings.labelSmoothing;

/** Every loss id, in the order the app lists them. */
export const LOSS_IDS = Object.keys(LOSS_INFO) as LossId[];
/** Every pair loss type, in the order the app lists them. */
export const PAIR_LOSS_TYPES = LOSS_IDS.filter((id) => LOSS_INFO[id].family === 'pair') as PairLossType[];
/** The unpaired (KTO-style) loss types. */
export const KTO_LOSS_TYPES = LOSS_IDS.filter((id) => LOSS_INFO[id].family === 'unpaired') as KtoLossType[];

/** SimPO and ORPO, TRL's trainers without a reference model. */
export const REFERENCE_FREE_IDS = LOSS_IDS.filter(
  (id) => LOSS_INFO[id].family === 'reference-free',
) as ReferenceFreeLossType[];

/** The row of `id`, widened to the LossInfo union (the table itself keeps each row's literal type). */
export function lossInfo(id: LossId): LossInfo {
  return LOSS_INFO[id];
}

/** A known loss id (any string may be asked: URL and API input). */
export function isLossId(id: unknown): id is LossId {
  return typeof id === 'string' && Object.hasOwn(LOSS_INFO, id);
}

export function isPairLoss(id: LossId): id is PairLossType {
  return isLossId(id) && LOSS_INFO[id].family === 'pair';
}

/** SimPO or ORPO: a pair loss without a reference model (`referenceFreeLoss`). */
export function isReferenceFreeLoss(id: LossId): id is ReferenceFreeLossType {
  return isLossId(id) && LOSS_INFO[id].family === 'reference-free';
}

/** An unpaired (KTO-style) loss: thumbs-up / thumbs-down examples, KTOTrainer. */
export function isKtoLoss(id: LossId): id is KtoLossType {
  return isLossId(id) && LOSS_INFO[id].family === 'unpaired';
}

/** Pair loss rows only, typed as such. */
export function pairLossInfo(type: PairLossType): PairLossInfo {
  return LOSS_INFO[type];
}

/** Whether TRL's f-divergence changes loss `id`: a pair loss whose row does not ignore it. */
export function usesDivergence(id: LossId): boolean {
  return isPairLoss(id) && pairLossInfo(id).divergence !== 'ignored';
}

/**
 * Whether the explorer adds its SFT term to loss `id`: every DPOTrainer pair loss but sft itself, as TRL's
 * loss_type=[id, "sft"], loss_weights=[1, w] does (a loss no loss_type computes, cdpo, gets it too: its TRL
 * code writes the nearest loss_type with a note). KTOTrainer has no loss_type list.
 */
export function takesSftTerm(id: LossId): boolean {
  return id !== 'sft' && isPairLoss(id) && lossInfo(id).trl.trainer === 'DPOTrainer';
}

/**
 * Whether loss `id` can be a further term of the explorer's loss list (ToyLossConfig.extraTerms, URL `plus=`):
 * a DPOTrainer pair loss that TRL's loss_type names (not cdpo, which no loss_type computes), and not sft, whose
 * term is the SFT weight (sftWeight: TRL's token-weighted cross-entropy over the batch, not a per-pair mean).
 * KTO and the reference-free losses live in other trainers, with no loss list to join; aot / aot_unpaired sort
 * across a batch, which the toy (one expected loss per pair) does not have.
 */
export function takesAsExtraTerm(id: LossId): id is PairLossType {
  return takesSftTerm(id) && lossInfo(id).trl.lossType !== null;
}

/** The losses takesAsExtraTerm accepts, in the table's order (the controls' select, the URL's whitelist). */
export const EXTRA_TERM_TYPES: readonly PairLossType[] = PAIR_LOSS_TYPES.filter(takesAsExtraTerm);

/**
 * Whether LD-DPO's ld_alpha changes loss `id`: TRL applies it to the summed log-probs (logps) of every
 * DPOTrainer pair loss; sft reads the logits themselves (F.cross_entropy), so not sft, and not the SFT term.
 */
export function takesLdAlpha(id: LossId): boolean {
  return (
    isPairLoss(id) && lossInfo(id).trl.trainer === 'DPOTrainer' && pairLossInfo(id).reads === 'logRatios'
  );
}

/**
 * Whether WPO's use_weighting changes loss `id`: TRL multiplies every loss_type's per-sequence loss in
 * DPOTrainer by w_c·w_r, sft (and the SFT term) included.
 */
export function takesWpoWeighting(id: LossId): boolean {
  return isPairLoss(id) && lossInfo(id).trl.trainer === 'DPOTrainer';
}

/**
 * Whether TR-DPO's moving reference (sync_ref_model, ref_model_mixup_alpha, ref_model_sync_steps) applies to
 * loss `id`: DPOConfig and KTOConfig have the fields; CPOTrainer and ORPOTrainer (SimPO, ORPO) have no
 * reference model to move.
 */
export function takesRefSync(id: LossId): boolean {
  const trainer = lossInfo(id).trl.trainer;
  return trainer === 'DPOTrainer' || trainer === 'KTOTrainer';
}

/** Whether loss `id` reads `setting` (β aside, which every loss reads). */
export function lossReads(id: LossId, setting: LossSetting): boolean {
  return Object.hasOwn(LOSS_INFO[id].settings, setting);
}

/** The settings loss `id` reads, in its row's order. */
export function lossSettings(id: LossId): readonly LossSetting[] {
  return Object.keys(LOSS_INFO[id].settings) as LossSetting[];
}

/** Whether `setting` must be > 0 for loss `id` (EXO's ε), although 0 is valid for other losses. */
export function excludesZero(id: LossId, setting: LossSetting): boolean {
  const row = lossInfo(id);
  return (
    row.family === 'pair' && (row.excludesZero as readonly string[] | undefined)?.includes(setting) === true
  );
}

/** Whether loss `id` may read the completion lengths (its margin is per token for some setting). */
export function readsLengths(id: LossId): boolean {
  return LOSS_INFO[id].perToken !== false;
}

/** Whether loss `id`'s own margin is per token (h̄ = ρw/Lw − ρl/Ll) with these settings. */
export function perTokenMargin(id: LossId, params: Pick<PairLossParams, 'ipoNormalization'> = {}): boolean {
  const row = lossInfo(id);
  if (row.perToken !== 'ipoNormalization') return row.perToken;
  return (params.ipoNormalization ?? LOSS_INFO.ipo.settings.ipoNormalization) === 'token';
}

/** `params` with the row's default for every setting the loss reads and the caller left out. */
export function withPairDefaults(type: PairLossType, params: PairLossParams): PairLossParams {
  const out: PairLossParams = { ...params };
  const defaults: Record<string, unknown> = LOSS_INFO[type].settings;
  const target = out as unknown as Record<string, unknown>;
  for (const key of Object.keys(defaults)) if (target[key] === undefined) target[key] = defaults[key];
  return out;
}

export function checkPairLossType(type: unknown): PairLossType {
  if (!isLossId(type) || LOSS_INFO[type].family !== 'pair') fail('type', 'is not a known pair loss', type);
  return type as PairLossType;
}

export function checkKtoType(type: unknown): KtoLossType {
  if (!isLossId(type) || LOSS_INFO[type].family !== 'unpaired') fail('type', 'is not a known KTO loss', type);
  return type as KtoLossType;
}

/**
 * The optimum of the loss's own margin variable: h for most losses, h̄ = ρw/Lw − ρl/Ll where the margin is
 * per token (perTokenMargin). null where no closed form exists (losses that are not a function of the
 * margin alone, and DiscoPOP; and under an f-divergence other than reverse KL, whose closed forms hold for the
 * scores' margin, not for h). ±Infinity: the loss drives the margin without bound.
 */
export function optimalMargin(type: PairLossType, p: number, params: PairLossParams): number | null {
  const row = pairLossInfo(checkPairLossType(type));
  if (row.optimum === null) return null;
  if (row.divergence !== 'ignored' && !plainLogRatios(params)) return null;
  return row.optimum.margin(p, withPairDefaults(type, params));
}

/** The f-divergence leaves the log-ratios as they are: reverse KL, or α-divergence at TRL's α ≈ 1 fallback. */
function plainLogRatios(params: PairLossParams): boolean {
  return checkDivergence(params).divergence === 'reverse_kl';
}
