// EXO's smallest label smoothing ε: a fact about the loss, so it lives with the math. EXO divides by log ε,
// so it needs ε > 0 (TRL raises an error at 0); cDPO and robust take 0. The state keeps its ε at least this
// while EXO is chosen (links and patches), and every computation gets EXO's ε from `smoothingFor` through
// the one state → math adapter (src/derive/mathParams.ts), so the readout, the plots, the toy trainer and
// the TRL code all use the same value.
import { DEFAULT_EXO_SMOOTHING } from './pairLoss.ts';
import { excludesZero, type LossId } from './lossInfo.ts';

/** The same number as the math API's default for EXO (TRL's docs suggest 1e-3). */
export const EXO_MIN_SMOOTHING = DEFAULT_EXO_SMOOTHING;

/** The label smoothing ε loss `id` computes with, given the state's `eps`. */
export function smoothingFor(id: LossId, eps: number): number {
  // The losses whose row in lossInfo.ts says ε must be > 0: EXO.
  return excludesZero(id, 'labelSmoothing') ? Math.max(EXO_MIN_SMOOTHING, eps) : eps;
}
