// Two DPOTrainer knobs that act on the whole pair rather than on one loss's formula:
// - LD-DPO's ld_alpha α: TRL sums each sequence's per-token log-probs as shared + α·tail, where the shared part
//   is the first min(Lw, Ll) completion tokens of each sequence of the pair and the tail the rest, for the
//   policy and the reference alike (dpo_trainer.py, _compute_loss). The toy's tokens of a response are equally
//   likely (log π(y)/L per token), so each side's log-prob is scaled by f(y) = (m + α(L_y − m))/L_y with
//   m = min(Lw, Ll): ρ_eff(y) = f(y)·ρ(y), and ∂/∂log π(y) picks up the same factor f(y). TRL's None and 1.0
//   give the same loss, so α = 1 is "off" here.
// - WPO's use_weighting: each pair's per-sequence loss is multiplied by w_c·w_r, held constant for the
//   gradient (torch.no_grad), w_y = exp(mean over y's tokens of log p(token) − log Σ_v p_v²). The toy's K
//   responses stand for the vocabulary at every position and its tokens are equally likely, so
//   w_y = exp(log π(y)/L_y − log Σ_k π(k)²), exact when every response is one token.
import type { PairInput } from './types.ts';
import { checkLength, checkProbability, fail } from './validate.ts';

/** α = 1: TRL's ld_alpha=None / 1.0, no length desensitisation. */
export const LD_ALPHA_OFF = 1;

/** f(y) = (m + α(L − m))/L with m = min(L, otherLength): the share of log π(y) that LD-DPO keeps. */
export function ldFactor(alpha: number, length: number, otherLength: number): number {
  const m = Math.min(length, otherLength);
  // α = 1 returns exactly 1 (not (m + L − m)/L, which can round), so "off" changes no number at all.
  return alpha === LD_ALPHA_OFF ? 1 : (m + alpha * (length - m)) / length;
}

/** Checks ld_alpha (TRL: must be in [0, 1]); a RangeError naming `ldAlpha` otherwise. */
export function checkLdAlpha(alpha: unknown): number {
  return checkProbability('ldAlpha', alpha);
}

/**
 * The pair as TRL's loss sees it under ld_alpha: every log-prob (policy and reference) of y scaled by f(y).
 * Returns the pair and the two factors, which also scale ∂loss/∂log π(y_w) and ∂loss/∂log π(y_l).
 */
export function ldPair(
  pair: Required<PairInput>,
  alpha: number,
): { pair: Required<PairInput>; factorChosen: number; factorRejected: number } {
  const a = checkLdAlpha(alpha);
  const lw = checkLength('chosenLength', pair.chosenLength);
  const ll = checkLength('rejectedLength', pair.rejectedLength);
  const fw = ldFactor(a, lw, ll);
  const fl = ldFactor(a, ll, lw);
  return {
    pair: {
      ...pair,
      policyChosen: fw * pair.policyChosen,
      refChosen: fw * pair.refChosen,
      policyRejected: fl * pair.policyRejected,
      refRejected: fl * pair.refRejected,
    },
    factorChosen: fw,
    factorRejected: fl,
  };
}

/** log Σ_k π(k)² from log π: a log-sum-exp of 2·log π shifted by its maximum, so nothing overflows. */
export function wpoLogDenominator(logProbs: ArrayLike<number>): number {
  let top = -Infinity;
  for (let k = 0; k < logProbs.length; k++) top = Math.max(top, 2 * logProbs[k]);
  let sum = 0;
  for (let k = 0; k < logProbs.length; k++) sum += Math.exp(2 * logProbs[k] - top);
  return top + Math.log(sum);
}

/** log of WPO's weight w_y for every response of a toy policy: log π(y)/L_y − log Σ_k π(k)². */
export function wpoLogWeights(logProbs: ArrayLike<number>, lengths: ArrayLike<number>): number[] {
  if (logProbs.length !== lengths.length || logProbs.length < 1)
    fail('lengths', 'must have one entry per response', lengths.length);
  const logDenom = wpoLogDenominator(logProbs);
  const out: number[] = [];
  for (let k = 0; k < logProbs.length; k++) out.push(logProbs[k] / lengths[k] - logDenom);
  return out;
}

/** WPO's pair weight w_c·w_r = exp(log w_c + log w_r), a constant for the gradient. */
export function wpoPairWeight(logWeights: readonly number[], chosen: number, rejected: number): number {
  return Math.exp(logWeights[chosen] + logWeights[rejected]);
}
