// Which settings matter for which losses, so a control appears only when a selected loss reads it.
import { isKtoLoss, type LossId } from '../../math/index.ts';

const SMOOTHING_LOSSES: ReadonlySet<LossId> = new Set<LossId>(['cdpo', 'robust', 'exo_pair']);
const LENGTH_LOSSES: ReadonlySet<LossId> = new Set<LossId>(['ipo', 'sigmoid_norm']);

export function lossUses(losses: readonly LossId[]) {
  return {
    smoothing: losses.some((id) => SMOOTHING_LOSSES.has(id)),
    /** EXO is undefined at ε = 0 (TRL raises), so ε must stay above 0 while it is shown. */
    exo: losses.includes('exo_pair'),
    ipo: losses.includes('ipo'),
    lengths: losses.some((id) => LENGTH_LOSSES.has(id)),
    discopop: losses.includes('discopop'),
    ktoWeights: losses.some(isKtoLoss),
    /** apo_zero_unpaired has no reference point. */
    ktoZ0: losses.includes('kto'),
  };
}
