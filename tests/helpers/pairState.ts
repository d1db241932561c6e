// A toy state (K = 3) whose y_w, y_l at step 0 have the given summed log-probabilities: the pair of the
// loss and gradient views is the toy's (src/derive/mathParams.ts pairInputOf). The third response takes
// what is left of each distribution, so e^rw + e^rl and e^lw + e^ll must stay below 1 (and π_ref ≥ 0.001).
import { pairInputOf } from '../../src/derive/mathParams.ts';
import type { AppState } from '../../src/state/appState.ts';

export interface PairLogProbs {
  policyChosen: number;
  policyRejected: number;
  refChosen: number;
  refRejected: number;
}

export function pairPatch(p: PairLogProbs): Pick<AppState, 'responses' | 'refProbs' | 'startLogRatios'> {
  const ref = [Math.exp(p.refChosen), Math.exp(p.refRejected)];
  ref.push(1 - ref[0] - ref[1]);
  const pol = [Math.exp(p.policyChosen), Math.exp(p.policyRejected)];
  pol.push(1 - pol[0] - pol[1]);
  if (ref[2] < 0.001 || pol[2] <= 0) throw new Error('pairPatch: log-probs leave no room for response 3');
  return { responses: 3, refProbs: ref, startLogRatios: pol.map((q, k) => Math.log(q) - Math.log(ref[k])) };
}

/** The toy pair of a state (what the loss view and readout show). */
export const pairOf = (
  s: Pick<AppState, 'refProbs' | 'startLogRatios' | 'chosenLength' | 'rejectedLength'>,
) => pairInputOf(s);
