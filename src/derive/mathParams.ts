// Translating the app state into the math API's parameter objects, in one place.
import type { KtoParams, LossId, PairInput, PairLossParams } from '../../math/index.ts';
import type { AppState } from '../appState.ts';

export type PairFields = Pick<
  AppState,
  'policyChosen' | 'policyRejected' | 'refChosen' | 'refRejected' | 'chosenLength' | 'rejectedLength'
>;
export type LossParamFields = Pick<
  AppState,
  | 'beta'
  | 'labelSmoothing'
  | 'ipoNormalization'
  | 'discopopTau'
  | 'desirableWeight'
  | 'undesirableWeight'
  | 'z0Mode'
  | 'z0'
>;

export function pairInputOf(s: PairFields): PairInput {
  return {
    policyChosen: s.policyChosen,
    policyRejected: s.policyRejected,
    refChosen: s.refChosen,
    refRejected: s.refRejected,
    chosenLength: s.chosenLength,
    rejectedLength: s.rejectedLength,
  };
}

/**
 * EXO divides by log ε, so it needs ε > 0 (TRL raises an error at 0); cDPO and robust take 0. The one rule
 * for EXO's ε: the link reader and every patch keep the state's ε at least this while EXO is chosen (the
 * ε box refuses less), and the readout, the plots, the toy trainer and the TRL code compute EXO with
 * `smoothingFor`, so all of them use the same value.
 */
export const EXO_MIN_SMOOTHING = 1e-3;

/** The label smoothing ε loss `id` computes with. */
export function smoothingFor(id: LossId, eps: number): number {
  return id === 'exo_pair' ? Math.max(EXO_MIN_SMOOTHING, eps) : eps;
}

export function pairParamsOf(s: LossParamFields, forExo = false): PairLossParams {
  return {
    beta: s.beta,
    labelSmoothing: forExo ? smoothingFor('exo_pair', s.labelSmoothing) : s.labelSmoothing,
    ipoNormalization: s.ipoNormalization,
    discopopTau: s.discopopTau,
  };
}

/**
 * KTO for a single pair: z0 is the fixed value when one is set; 'kl' and 'batch' need a whole policy or
 * batch, which one pair does not have, so the pair views use 0 there (the toy trainer computes them).
 */
export function ktoParamsOf(s: LossParamFields): KtoParams {
  return {
    beta: s.beta,
    z0: s.z0Mode === 'fixed' ? s.z0 : 0,
    desirableWeight: s.desirableWeight,
    undesirableWeight: s.undesirableWeight,
  };
}
