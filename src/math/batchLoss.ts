// TRL's DPO loss for a whole batch with loss_type=[…] and loss_weights=[…] (DPOTrainer._compute_loss):
// Σ wᵢ · per_sequence_lossᵢ.mean(), and its exact gradient with respect to every pair's summed policy
// log-probs. Three terms are not means of a per-pair loss:
// - sft: F.cross_entropy over every chosen completion token of the batch = −Σ policyChosen / Σ chosenLength
//   (token-weighted, not a mean of per-pair means);
// - aot: sorts policy (chosen − rejected) and reference (chosen − rejected) separately across the batch,
//   delta = sorted − sorted, then the cdpo-style −(1−ε)·log σ(β·delta) − ε·log σ(−β·delta);
// - aot_unpaired: the same on the chosen log-ratios and the rejected log-ratios, each sorted on its own.
// Both aot forms read the raw log-probs and ignore the f-divergence, as TRL's code does. The sort is
// piecewise constant, so the gradient flows back through the permutation (torch.sort's backward). Ties
// are broken by batch order (a stable sort): tied entries are equal, so the loss is the same whichever way,
// and the gradient is the one of the permutation that keeps their order.
import type {
  BatchLossResult,
  BatchLossTerm,
  BatchLossType,
  PairInput,
  PairLossParams,
  PairLossType,
} from './types.ts';
import { PAIR_KERNELS, type LossAndGrad } from './pairKernels.ts';
import { checkPairInput, evaluateCheckedPair, kernelParams, type CheckedPair } from './pairLoss.ts';
import { LOSS_INFO, isPairLoss, isLossId } from './lossInfo.ts';
import { checkFinite, fail } from './validate.ts';

/** The terms of TRL's loss_type that sort across the batch. */
export const SORTED_BATCH_LOSSES = ['aot', 'aot_unpaired'] as const;

/** A term that grows like the square of a score (ipo, sppo_hard: LOSS_INFO's `quadratic`). */
function isQuadratic(type: BatchLossType): boolean {
  return type !== 'aot' && type !== 'aot_unpaired' && LOSS_INFO[type].quadratic;
}

function checkBatchLossType(type: unknown): BatchLossType {
  if ((SORTED_BATCH_LOSSES as readonly unknown[]).includes(type)) return type as BatchLossType;
  if (isLossId(type) && isPairLoss(type)) return type;
  fail('type', 'is not a known batch loss (a pair loss, aot or aot_unpaired)', type);
}

/**
 * a + b, except that an infinity already in `a` wins over one of the opposite sign in `b` (float64 has no
 * answer for ∞ − ∞; only forward_kl's overflowing scores get there). Terms are added quadratic ones first
 * (see batchLoss), so where a squared score meets a linear one the square, which grows faster, wins.
 */
function accumulate(a: number, b: number): number {
  const sum = a + b;
  return Number.isNaN(sum) ? a : sum;
}

/** Indices 0…n−1 ordered by `values` ascending; ties keep batch order (Array.prototype.sort is stable). */
function ascendingOrder(values: readonly number[]): number[] {
  return values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
}

/**
 * aot / aot_unpaired: mean over j of the cdpo loss of delta_j = up[order(up)[j]] − down[order(down)[j]];
 * adds weight·∂/∂up and weight·∂/∂down (per original index) into gUp and gDown and returns the mean loss.
 */
function sortedTerm(
  up: readonly number[],
  down: readonly number[],
  params: PairLossParams,
  gUp: number[],
  gDown: number[],
  weight: number,
): number {
  // The cdpo kernel is −(1−ε)·log σ(β·(a − b)) − ε·log σ(−β·(a − b)), TRL's aot formula, with ε checked
  // in [0, 0.5) as for cdpo (TRL does not check it for aot).
  const k = kernelParams('cdpo', params);
  const upOrder = ascendingOrder(up);
  const downOrder = ascendingOrder(down);
  const n = up.length;
  const out: LossAndGrad = { loss: 0, dw: 0, dl: 0 };
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const u = upOrder[j];
    const d = downOrder[j];
    PAIR_KERNELS.cdpo(up[u], down[d], k, out);
    sum += out.loss;
    gUp[u] = accumulate(gUp[u], (weight * out.dw) / n);
    gDown[d] = accumulate(gDown[d], (weight * out.dl) / n);
  }
  return sum / n;
}

/**
 * TRL's total loss over a batch for loss_type = terms[i].type, loss_weights = terms[i].weight (default 1),
 * and its gradient with respect to each pair's policyChosen and policyRejected. A term of weight 0 adds
 * nothing, not even 0·∞. Throws a RangeError naming the field on invalid input.
 */
export function batchLoss(
  terms: BatchLossTerm[],
  pairs: PairInput[],
  params: PairLossParams,
): BatchLossResult {
  if (!Array.isArray(terms) || terms.length === 0) fail('terms', 'must be a non-empty array', terms);
  if (!Array.isArray(pairs) || pairs.length === 0) fail('pairs', 'must be a non-empty array', pairs);
  const checkedTerms = terms
    .map((term) => {
      if (term === null || typeof term !== 'object')
        fail('terms', 'must hold { type, weight? } objects', term);
      return { type: checkBatchLossType(term.type), weight: checkFinite('weight', term.weight ?? 1) };
    })
    // Quadratic terms first (stable otherwise): the order only matters for ∞ − ∞ (accumulate).
    .sort((a, b) => Number(isQuadratic(b.type)) - Number(isQuadratic(a.type)));
  const checked: CheckedPair[] = pairs.map(checkPairInput);
  const n = checked.length;
  const dPolicyChosen = new Array<number>(n).fill(0);
  const dPolicyRejected = new Array<number>(n).fill(0);
  let loss = 0;
  for (const { type, weight } of checkedTerms) {
    // Validate every term's settings even at weight 0, so a bad setting never passes silently.
    if (type !== 'aot' && type !== 'aot_unpaired') kernelParams(type, params);
    else kernelParams('cdpo', params);
    if (weight === 0) continue;
    loss = accumulate(loss, weight * termLoss(type, weight, checked, params, dPolicyChosen, dPolicyRejected));
  }
  return { loss, dPolicyChosen, dPolicyRejected };
}

/** One term's batch value (before its weight); adds weight·its gradient into gw and gl. */
function termLoss(
  type: BatchLossType,
  weight: number,
  pairs: readonly CheckedPair[],
  params: PairLossParams,
  gw: number[],
  gl: number[],
): number {
  const n = pairs.length;
  if (type === 'aot') {
    // Policy chosen − rejected and reference chosen − rejected, sorted separately; the reference is
    // a constant, so only the policy side carries a gradient (to lw with +, to ll with −).
    const policy = pairs.map((p) => p.policyChosen - p.policyRejected);
    const reference = pairs.map((p) => p.refChosen - p.refRejected);
    const g = new Array<number>(n).fill(0);
    const value = sortedTerm(policy, reference, params, g, new Array<number>(n).fill(0), weight);
    for (let i = 0; i < n; i++) {
      gw[i] = accumulate(gw[i], g[i]);
      gl[i] = accumulate(gl[i], -g[i]);
    }
    return value;
  }
  if (type === 'aot_unpaired') {
    const chosen = pairs.map((p) => p.policyChosen - p.refChosen);
    const rejected = pairs.map((p) => p.policyRejected - p.refRejected);
    return sortedTerm(chosen, rejected, params, gw, gl, weight);
  }
  if (type === 'sft') {
    // One cross-entropy over all chosen completion tokens of the batch, then expanded per sequence:
    // its mean is itself.
    let logp = 0;
    let tokens = 0;
    for (const p of pairs) {
      logp += p.policyChosen;
      tokens += p.chosenLength;
    }
    for (let i = 0; i < n; i++) gw[i] = accumulate(gw[i], -weight / tokens);
    return -logp / tokens;
  }
  return pairTermMean(type, weight, pairs, params, gw, gl);
}

function pairTermMean(
  type: PairLossType,
  weight: number,
  pairs: readonly CheckedPair[],
  params: PairLossParams,
  gw: number[],
  gl: number[],
): number {
  const k = kernelParams(type, params);
  const n = pairs.length;
  let sum = 0;
  pairs.forEach((pair, i) => {
    const r = evaluateCheckedPair(type, pair, k);
    sum = accumulate(sum, r.loss);
    gw[i] = accumulate(gw[i], (weight * r.dPolicyChosen) / n);
    gl[i] = accumulate(gl[i], (weight * r.dPolicyRejected) / n);
  });
  return sum / n;
}
