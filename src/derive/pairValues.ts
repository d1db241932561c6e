// One loss evaluated at the store's pair: the numbers the readout shows and the dot the loss and gradient
// views draw. Both take them from here, so KTO's pair (one thumbs-up y_w plus one thumbs-down y_l, summed
// as the math module's KTO curves do) is put together in one place.
import {
  batchLoss,
  isKtoLoss,
  isReferenceFreeLoss,
  ktoLoss,
  pairLoss,
  referenceFreeLoss,
  ldPair,
  LD_ALPHA_OFF,
  type LossId,
  type PairInput,
} from '../math/index.ts';
import {
  ktoParamsOf,
  pairInputOf,
  pairParamsOf,
  referenceFreeParamsOf,
  ldAlphaOf,
  sftWeightOf,
  extraTermsOf,
  wpoPairWeightOf,
  type PairLossFields,
} from './mathParams.ts';

export interface PairValues {
  loss: number;
  /** ∂loss/∂log π(y_w) and ∂loss/∂log π(y_l). */
  dChosen: number;
  dRejected: number;
  /** TRL's rewards/* for the pair. */
  rewardChosen: number;
  rewardRejected: number;
  rewardMargin: number;
  /** null: the trainer logs no accuracy (KTO). */
  rewardAccuracy: 0 | 1 | null;
  /**
   * The further terms of TRL's loss list beside the loss (mathParams.extraTermsOf), Σ wᵢ·Lᵢ and its pushes,
   * before WPO's weight (as the readout's formula writes them); null when there are none. Already in `loss`.
   */
  extra?: { loss: number; dChosen: number; dRejected: number } | null;
}

/**
 * Throws the math module's RangeError when a setting is out of the loss's domain. `pair`: the pair to take
 * (default the start pair; the time cursor passes a run's pair at its step, derive/atStep.ts). `policy`: every
 * response's log-prob at that step, for WPO's weight (default the start policy).
 */
export function pairValuesOf(
  id: LossId,
  s: PairLossFields,
  pair: Required<PairInput> = pairInputOf(s),
  policy?: readonly number[],
): PairValues {
  if (isKtoLoss(id)) {
    const params = ktoParamsOf(s);
    const p = pair;
    const up = ktoLoss(id, { policy: p.policyChosen, ref: p.refChosen, desirable: true }, params);
    const down = ktoLoss(id, { policy: p.policyRejected, ref: p.refRejected, desirable: false }, params);
    return {
      loss: up.loss + down.loss,
      dChosen: up.dPolicy,
      dRejected: down.dPolicy,
      rewardChosen: up.reward,
      rewardRejected: down.reward,
      rewardMargin: up.reward - down.reward,
      rewardAccuracy: null,
    };
  }
  if (isReferenceFreeLoss(id)) {
    // No reference model: the loss reads the policy's own log-probs (refChosen, refRejected unused), and its
    // rewards are β × the per-token means. The toy's pair has no prompt (ORPO's NLL is over y_w alone).
    const r = referenceFreeLoss(id, pair, referenceFreeParamsOf(id, s));
    return {
      loss: r.loss,
      dChosen: r.dPolicyChosen,
      dRejected: r.dPolicyRejected,
      rewardChosen: r.rewardChosen,
      rewardRejected: r.rewardRejected,
      rewardMargin: r.rewardChosen - r.rewardRejected,
      // CPOTrainer / ORPOTrainer: (chosen_rewards > rejected_rewards).float(), strict.
      rewardAccuracy: r.rewardChosen > r.rewardRejected ? 1 : 0,
    };
  }
  const params = pairParamsOf(id, s);
  // LD-DPO: the loss reads the pair with each side's log-probs scaled by its factor (math/ldWpo.ts), and the
  // rewards TRL logs come from those weighted log-probs too; each push picks up its side's factor.
  const alpha = ldAlphaOf(id, s);
  const ld = alpha === LD_ALPHA_OFF ? null : ldPair(pair, alpha);
  const r = pairLoss(id, ld ? ld.pair : pair, params);
  const fw = ld ? ld.factorChosen : 1;
  const fl = ld ? ld.factorRejected : 1;
  // WPO: the loss and the SFT term times w_c·w_r, a constant for the pushes (TRL's torch.no_grad).
  const weight = wpoPairWeightOf(id, s, policy);
  // With an SFT term beside the loss, TRL's total for the list (batchLoss) on this one pair; rewards unchanged.
  // Without LD this is one batchLoss call; LD leaves the SFT term alone (TRL's sft reads the logits), so then
  // the two parts are added here.
  const w = sftWeightOf(id, s);
  // The loss list's further terms read the same (LD-scaled) pair with the same settings, as in TRL's loop.
  const terms = extraTermsOf(id, s);
  let extra: PairValues['extra'] = null;
  if (terms.length > 0) {
    extra = { loss: 0, dChosen: 0, dRejected: 0 };
    for (const t of terms) {
      const e = pairLoss(t.type, ld ? ld.pair : pair, params);
      extra.loss += t.weight * e.loss;
      extra.dChosen += t.weight * fw * e.dPolicyChosen;
      extra.dRejected += t.weight * fl * e.dPolicyRejected;
    }
  }
  let loss = r.loss;
  let dChosen = r.dPolicyChosen;
  let dRejected = r.dPolicyRejected;
  if ((w !== 0 || extra) && !ld) {
    const total = batchLoss(
      [{ type: id, weight: 1 }, ...terms, ...(w === 0 ? [] : [{ type: 'sft' as const, weight: w }])],
      [pair],
      params,
    );
    loss = total.loss;
    dChosen = total.dPolicyChosen[0] ?? NaN;
    dRejected = total.dPolicyRejected[0] ?? NaN;
  } else if (w !== 0 || ld) {
    const sft = w === 0 ? null : pairLoss('sft', pair, params);
    loss = r.loss + (extra ? extra.loss : 0) + (sft ? w * sft.loss : 0);
    dChosen = fw * r.dPolicyChosen + (extra ? extra.dChosen : 0) + (sft ? w * sft.dPolicyChosen : 0);
    dRejected = fl * r.dPolicyRejected + (extra ? extra.dRejected : 0) + (sft ? w * sft.dPolicyRejected : 0);
  }
  return {
    ...(extra ? { extra } : {}),
    loss: weight * loss,
    dChosen: weight * dChosen,
    dRejected: weight * dRejected,
    rewardChosen: r.rewardChosen,
    rewardRejected: r.rewardRejected,
    rewardMargin: r.rewardMargin,
    rewardAccuracy: r.rewardAccuracy,
  };
}
