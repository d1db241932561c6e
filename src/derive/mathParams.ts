// The one adapter from the app state to the math API's inputs. Every consumer (the pair readout, the curves
// and the plane, the toy trainer and its sweeps, the TRL code) builds its parameters here, so each edge case
// has one policy:
// - EXO's ε: at least EXO_MIN_SMOOTHING (math/exoSmoothing.ts), for EXO only;
// - KTO's z0 for one pair: the fixed value when one is set; 'kl' and 'batch' are estimates over a policy or
//   a batch, which one pair does not have, so the pair views use 0 (the toy trainer estimates them);
// - the toy trainer gets the z0 mode itself ('kl', 'batch' or the number).
import {
  smoothingFor,
  takesSftTerm,
  takesLdAlpha,
  takesWpoWeighting,
  takesRefSync,
  LD_ALPHA_OFF,
  wpoLogWeights,
  wpoPairWeight,
  type ExtraTerm,
  type KtoParams,
  type LossId,
  type PairInput,
  type PairLossParams,
  type ReferenceFreeParams,
  type ToyLossConfig,
  type ToyRefSync,
} from '../math/index.ts';
import { stateFields, type FieldsOf } from '../state/pickFields.ts';

/**
 * What the pair is made of: the toy's reference, its starting policy and the lengths of y_w and y_l. The pair
 * of the loss and gradient views, the readout, the plane and the TRL code is the toy's y_w (response 0) and
 * y_l (response 1) at step 0, built here only (pairInputOf).
 */
export const PAIR_FIELDS = stateFields('refProbs', 'startLogRatios', 'chosenLength', 'rejectedLength');
export type PairFields = FieldsOf<typeof PAIR_FIELDS>;

/** Every setting some loss reads. */
export const LOSS_PARAM_FIELDS = stateFields(
  'beta',
  'labelSmoothing',
  'ipoNormalization',
  'discopopTau',
  'desirableWeight',
  'undesirableWeight',
  'z0Mode',
  'z0',
  'fDivergence',
  'fAlphaDivergenceCoef',
  'sftWeight',
  'extraTerms',
  'ldAlpha',
  'wpoWeighting',
  'simpoGamma',
  'cpoAlpha',
);
export type LossParamFields = FieldsOf<typeof LOSS_PARAM_FIELDS>;

/** What one loss at the store's pair reads: the pair and the settings. */
export type PairLossFields = PairFields & LossParamFields;

/** log π_ref(k) of every response: the toy's reference logits (refProbs sums to 1). */
export function refLogProbsOf(s: Pick<PairFields, 'refProbs'>): number[] {
  return s.refProbs.map(Math.log);
}

/** The toy policy's starting log π(k): log softmax(log π_ref + startLogRatios), summed over tokens as TRL. */
export function startLogProbsOf(s: Pick<PairFields, 'refProbs' | 'startLogRatios'>): number[] {
  const logits = s.refProbs.map((p, k) => Math.log(p) + (s.startLogRatios[k] ?? 0));
  const top = Math.max(...logits);
  const logZ = top + Math.log(logits.reduce((a, l) => a + Math.exp(l - top), 0));
  // The likeliest response's log-prob rounds to 0 once the others' share is below 1e-16; its exact value,
  // −log1p(others), is kept (as the toy's forward pass does): SimPO and ORPO read log π itself, and ORPO's
  // log(1 − π) is −∞ at exactly 0.
  const first = logits.indexOf(top);
  const others = logits.reduce((a, l, k) => (k === first ? a : a + Math.exp(l - top)), 0);
  return logits.map((l, k) => {
    const lp = Math.min(0, l - logZ);
    return lp === 0 && k === first ? -Math.log1p(others) : lp;
  });
}

/** Per-response completion lengths of the toy: y_w's and y_l's, 1 for every other response. */
export function toyLengthsOf(s: Pick<PairFields, 'refProbs' | 'chosenLength' | 'rejectedLength'>): number[] {
  return s.refProbs.map((_, k) => (k === 0 ? s.chosenLength : k === 1 ? s.rejectedLength : 1));
}

/** The pair as the math API takes it: the toy's y_w and y_l at step 0. */
export function pairInputOf(s: PairFields): Required<PairInput> {
  const policy = startLogProbsOf(s);
  const ref = refLogProbsOf(s);
  return {
    policyChosen: policy[0],
    policyRejected: policy[1],
    refChosen: ref[0],
    refRejected: ref[1],
    chosenLength: s.chosenLength,
    rejectedLength: s.rejectedLength,
  };
}

/** The pair-loss parameters loss `id` computes with. */
export function pairParamsOf(id: LossId, s: LossParamFields): Required<PairLossParams> {
  return {
    beta: s.beta,
    labelSmoothing: smoothingFor(id, s.labelSmoothing),
    ipoNormalization: s.ipoNormalization,
    discopopTau: s.discopopTau,
    fDivergence: s.fDivergence,
    fAlphaDivergenceCoef: s.fAlphaDivergenceCoef,
  };
}

/** The reference-free (SimPO, ORPO) parameters loss `id` computes with; ORPO reads β (its λ) alone. */
export function referenceFreeParamsOf(id: LossId, s: LossParamFields): Required<ReferenceFreeParams> {
  return {
    beta: s.beta,
    simpoGamma: s.simpoGamma,
    cpoAlpha: s.cpoAlpha,
    labelSmoothing: smoothingFor(id, s.labelSmoothing),
  };
}

/** KTO's reference point for one pair (see the z0 policy above). */
export function pairZ0(s: Pick<LossParamFields, 'z0Mode' | 'z0'>): number {
  return s.z0Mode === 'fixed' ? s.z0 : 0;
}

/** The KTO parameters for one pair. */
export function ktoParamsOf(s: LossParamFields): Required<KtoParams> {
  return {
    beta: s.beta,
    z0: pairZ0(s),
    desirableWeight: s.desirableWeight,
    undesirableWeight: s.undesirableWeight,
  };
}

/**
 * The weight of the SFT term beside loss `id` (TRL's loss_type=[id, "sft"], loss_weights=[1, w]): the state's
 * for a loss that takes one (takesSftTerm), 0 for the others.
 */
export function sftWeightOf(id: LossId, s: Pick<LossParamFields, 'sftWeight'>): number {
  return takesSftTerm(id) ? s.sftWeight : 0;
}

/**
 * The further terms of TRL's loss list beside loss `id` (loss_type=[id, …types, "sft"], loss_weights=[1,
 * …weights, w]): the state's for a loss that takes the SFT term (the same DPOTrainer pair losses), none for
 * the others (KTO, SimPO, ORPO: their trainers have no loss list; sft alone is already a term).
 */
export function extraTermsOf(id: LossId, s: Pick<LossParamFields, 'extraTerms'>): readonly ExtraTerm[] {
  return takesSftTerm(id) ? s.extraTerms : [];
}

/** Whether loss `id` trains on more than itself: an SFT term or further terms of the list beside it. */
export function hasListTerms(id: LossId, s: Pick<LossParamFields, 'sftWeight' | 'extraTerms'>): boolean {
  return sftWeightOf(id, s) !== 0 || extraTermsOf(id, s).length > 0;
}

/** LD-DPO's α for loss `id`: the state's where TRL applies ld_alpha (takesLdAlpha), 1 (off) elsewhere. */
export function ldAlphaOf(id: LossId, s: Pick<LossParamFields, 'ldAlpha'>): number {
  return takesLdAlpha(id) ? s.ldAlpha : LD_ALPHA_OFF;
}

/** Whether WPO's weighting applies to loss `id` (takesWpoWeighting and the state's switch). */
export function wpoOf(id: LossId, s: Pick<LossParamFields, 'wpoWeighting'>): boolean {
  return takesWpoWeighting(id) && s.wpoWeighting;
}

/**
 * WPO's w_c·w_r for the toy's pair y_w, y_l (responses 0 and 1) under the policy with log-probs `logProbs`
 * (every response's; default the start policy): w_y = exp(log π(y)/L_y − log Σ_k π(k)²), math/ldWpo.ts.
 * 1 when WPO is off or loss `id` does not take it.
 */
export function wpoPairWeightOf(
  id: LossId,
  s: PairFields & Pick<LossParamFields, 'wpoWeighting'>,
  logProbs: readonly number[] = startLogProbsOf(s),
): number {
  if (!wpoOf(id, s)) return 1;
  return wpoPairWeight(wpoLogWeights(logProbs, toyLengthsOf(s)), 0, 1);
}

/** The toy trainer's loss configuration for loss `id`. */
export function toyLossOf(id: LossId, s: LossParamFields): ToyLossConfig {
  return {
    type: id,
    ...pairParamsOf(id, s),
    sftWeight: sftWeightOf(id, s),
    extraTerms: extraTermsOf(id, s),
    ldAlpha: ldAlphaOf(id, s),
    wpoWeighting: wpoOf(id, s),
    desirableWeight: s.desirableWeight,
    undesirableWeight: s.undesirableWeight,
    z0: s.z0Mode === 'fixed' ? s.z0 : s.z0Mode,
    simpoGamma: s.simpoGamma,
    cpoAlpha: s.cpoAlpha,
  };
}

/** TR-DPO's settings (TRL's ref_model_sync_steps, 0 = sync_ref_model off, and ref_model_mixup_alpha). */
export const REF_SYNC_FIELDS = stateFields('refSyncSteps', 'refMixupAlpha');
export type RefSyncFields = FieldsOf<typeof REF_SYNC_FIELDS>;

/** Whether sync_ref_model is on for loss `id`: the state's S ≥ 1 and a loss whose trainer has a reference. */
export function refSyncOn(id: LossId, s: RefSyncFields): boolean {
  return takesRefSync(id) && s.refSyncSteps >= 1;
}

/**
 * Whether loss `id`'s reference really moves during training: sync on and α > 0 (α = 0 mixes nothing in,
 * and the toy then runs the fixed reference exactly).
 */
export function refMoves(id: LossId, s: RefSyncFields): boolean {
  return refSyncOn(id, s) && s.refMixupAlpha > 0;
}

/** The toy trainer's refSync for loss `id`: undefined when the reference stays fixed. */
export function toyRefSyncOf(id: LossId, s: RefSyncFields): ToyRefSync | undefined {
  return refSyncOn(id, s) ? { mixupAlpha: s.refMixupAlpha, syncSteps: s.refSyncSteps } : undefined;
}
