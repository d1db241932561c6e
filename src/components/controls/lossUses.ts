// Which settings matter for which losses, so a control appears only when a selected loss reads it. The
// facts are the loss rows of src/math/lossInfo.ts.
import {
  excludesZero,
  lossReads,
  readsLengths,
  takesSftTerm,
  takesLdAlpha,
  takesWpoWeighting,
  takesRefSync,
  usesDivergence,
  type LossId,
  type LossSetting,
} from '../../math/index.ts';

export function lossUses(losses: readonly LossId[]) {
  const reads = (setting: LossSetting) => losses.some((id) => lossReads(id, setting));
  return {
    smoothing: reads('labelSmoothing'),
    /** EXO is undefined at ε = 0 (TRL raises), so ε must stay above 0 while it is shown. */
    exo: losses.some((id) => excludesZero(id, 'labelSmoothing')),
    ipo: reads('ipoNormalization'),
    lengths: losses.some(readsLengths),
    discopop: reads('discopopTau'),
    simpoGamma: reads('simpoGamma'),
    cpoAlpha: reads('cpoAlpha'),
    ktoWeights: reads('desirableWeight') || reads('undesirableWeight'),
    /** apo_zero_unpaired has no reference point. */
    ktoZ0: reads('z0'),
    /** TRL's f_divergence_type changes some selected loss. */
    divergence: losses.some(usesDivergence),
    /** Some selected loss takes the SFT term (loss_type=[…, "sft"]). */
    sft: losses.some(takesSftTerm),
    /** LD-DPO's ld_alpha changes some selected loss (DPOTrainer pair losses but sft). */
    ldAlpha: losses.some(takesLdAlpha),
    /** WPO's use_weighting changes some selected loss (every DPOTrainer pair loss). */
    wpo: losses.some(takesWpoWeighting),
    /** TR-DPO's moving reference applies to some selected loss (DPOConfig and KTOConfig ones). */
    refSync: losses.some(takesRefSync),
  };
}
