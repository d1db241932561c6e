// The one adapter from the app state to the math API's inputs. Every consumer (the pair readout, the curves
// and the plane, the toy trainer and its sweeps, the TRL code) builds its parameters here, so each edge case
// has one policy:
// - EXO's ε: at least EXO_MIN_SMOOTHING (math/exoSmoothing.ts), for EXO only;
// - KTO's z0 for one pair: the fixed value when one is set; 'kl' and 'batch' are estimates over a policy or
//   a batch, which one pair does not have, so the pair views use 0 (the toy trainer estimates them);
// - the toy trainer gets the z0 mode itself ('kl', 'batch' or the number).
import {
  smoothingFor,
  type KtoParams,
  type LossId,
  type PairInput,
  type PairLossParams,
  type ToyLossConfig,
} from '../math/index.ts';
import { pickFields, stateFields, type FieldsOf } from '../state/pickFields.ts';

/** The pair's log-probabilities and lengths. */
export const PAIR_FIELDS = stateFields(
  'policyChosen',
  'policyRejected',
  'refChosen',
  'refRejected',
  'chosenLength',
  'rejectedLength',
);
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
);
export type LossParamFields = FieldsOf<typeof LOSS_PARAM_FIELDS>;

/** What one loss at the store's pair reads: the pair and the settings. */
export type PairLossFields = PairFields & LossParamFields;

/** The pair as the math API takes it. */
export function pairInputOf(s: PairFields): PairInput {
  return pickFields(s, PAIR_FIELDS);
}

/** The pair-loss parameters loss `id` computes with. */
export function pairParamsOf(id: LossId, s: LossParamFields): Required<PairLossParams> {
  return {
    beta: s.beta,
    labelSmoothing: smoothingFor(id, s.labelSmoothing),
    ipoNormalization: s.ipoNormalization,
    discopopTau: s.discopopTau,
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

/** The toy trainer's loss configuration for loss `id`. */
export function toyLossOf(id: LossId, s: LossParamFields): ToyLossConfig {
  return {
    type: id,
    ...pairParamsOf(id, s),
    desirableWeight: s.desirableWeight,
    undesirableWeight: s.undesirableWeight,
    z0: s.z0Mode === 'fixed' ? s.z0 : s.z0Mode,
  };
}
