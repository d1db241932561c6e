// Loss and gradient along a grid of margins, cheap enough to recompute on every slider event.
import type {
  KtoLossType,
  KtoParams,
  PairInput,
  PairLossParams,
  PairLossType,
  ReferenceFreeLossType,
  ReferenceFreeParams,
} from './types.ts';
import { referenceFreeLoss } from './referenceFree.ts';
import { PAIR_KERNELS, type LossAndGrad } from './pairKernels.ts';
import { checkPairInput, checkPairLossType, kernelParams } from './pairLoss.ts';
import { evaluateWithDivergence } from './fDivergence.ts';
import { pairLossInfo } from './lossInfo.ts';
import { checkKtoParams, checkKtoType, ktoLossOfRatio } from './kto.ts';
import { checkPositive, fail } from './validate.ts';

export interface MarginCurve {
  /** The summed margin h = ρw − ρl at each point. */
  margin: Float64Array;
  loss: Float64Array;
  /** ∂loss/∂ log π(y_w): negative values push the chosen response up. */
  dChosen: Float64Array;
  /** ∂loss/∂ log π(y_l): positive values push the rejected response down. */
  dRejected: Float64Array;
}

/** `points` margins evenly spaced over [−span/β, span/β] (default 400 points across ±20/β). */
export function marginGrid(beta: number, points = 400, span = 20): Float64Array {
  checkPositive('beta', beta);
  if (!Number.isInteger(points) || points < 2) fail('points', 'must be a whole number ≥ 2', points);
  checkPositive('span', span);
  const grid = new Float64Array(points);
  const lo = -span / beta;
  const step = (2 * span) / beta / (points - 1);
  for (let i = 0; i < points; i++) grid[i] = lo + i * step;
  return grid;
}

function emptyCurve(margin: Float64Array): MarginCurve {
  const n = margin.length;
  return { margin, loss: new Float64Array(n), dChosen: new Float64Array(n), dRejected: new Float64Array(n) };
}

/**
 * Where a point of the curve sits in the (ρw, ρl) plane: the margin h is split around `center`, the pair's
 * current log-ratios, moving ρw up and ρl down by equal amounts. For losses of h alone the split does not
 * matter; for NCA, BCO, SPPO and APO it keeps the curve through the current point.
 */
function splitAround(center: PairInput | undefined): {
  cw: number;
  cl: number;
  lw: number;
  ll: number;
  refW: number;
  refL: number;
} {
  if (!center) return { cw: 0, cl: 0, lw: 1, ll: 1, refW: 0, refL: 0 };
  const c = checkPairInput(center);
  return {
    refW: c.refChosen,
    refL: c.refRejected,
    cw: c.policyChosen - c.refChosen,
    cl: c.policyRejected - c.refRejected,
    lw: c.chosenLength,
    ll: c.rejectedLength,
  };
}

/**
 * A pair loss and its gradient along `margin`. `scale`: LD-DPO's factors (ldWpo.ts), by which the loss's
 * inputs ρw, ρl are multiplied and so, by the chain rule, its pushes; the margin axis stays the unscaled h.
 */
export function pairLossCurve(
  type: PairLossType,
  params: PairLossParams,
  margin: Float64Array,
  center?: PairInput,
  scale: { chosen: number; rejected: number } = { chosen: 1, rejected: 1 },
): MarginCurve {
  const t = checkPairLossType(type);
  const k = kernelParams(t, params);
  const { cw, cl, lw, ll, refW, refL } = splitAround(center);
  k.invLw = 1 / lw;
  k.invLl = 1 / ll;
  const h0 = cw - cl;
  const kernel = PAIR_KERNELS[t];
  // sft reads log π itself: the curve's pairs keep the center's reference log-probs.
  const logProbs = pairLossInfo(t).reads === 'logProbs';
  const offW = logProbs ? refW : 0;
  const offL = logProbs ? refL : 0;
  // The f-divergence (params.fDivergence) reaches the curve as it reaches pairLoss.
  const scored = k.divergence !== 'reverse_kl' && pairLossInfo(t).divergence !== 'ignored';
  const out: LossAndGrad = { loss: 0, dw: 0, dl: 0 };
  const curve = emptyCurve(margin);
  // LD-DPO's factors scale each side's log-ratio (and its push); 1 without ld_alpha (ldWpo.ts).
  const fw = scale.chosen;
  const fl = scale.rejected;
  for (let i = 0; i < margin.length; i++) {
    const half = (margin[i] - h0) / 2;
    if (logProbs) {
      // A loss of log π itself (sft) takes the one-sided path: a larger margin lowers log π(y_l), a smaller
      // one lowers log π(y_w), so no point asks for a log-prob above 0 (which no policy has, and where
      // −log π/Lw would turn negative). Through the pair, as every curve.
      const d = margin[i] - h0;
      kernel(cw + Math.min(d, 0) + offW, cl - Math.max(d, 0) + offL, k, out);
    } else {
      if (scored) evaluateWithDivergence(t, kernel, fw * (cw + half), fl * (cl - half), k, out);
      else kernel(fw * (cw + half), fl * (cl - half), k, out);
    }
    curve.loss[i] = out.loss;
    curve.dChosen[i] = fw * out.dw;
    curve.dRejected[i] = fl * out.dl;
  }
  return curve;
}

/**
 * KTO (or unpaired APO-zero) on a pair split into a thumbs-up (y_w, desirable) and a thumbs-down (y_l, undesirable) example, as
 * TRL's paired-to-unpaired conversion does: the sum of the two per-example losses along `margin`.
 */
export function ktoPairCurve(
  params: KtoParams,
  margin: Float64Array,
  center?: PairInput,
  type: KtoLossType = 'kto',
): MarginCurve {
  const t = checkKtoType(type);
  const p = checkKtoParams(params);
  const { cw, cl } = splitAround(center);
  const h0 = cw - cl;
  const up = { loss: 0, d: 0 };
  const down = { loss: 0, d: 0 };
  const curve = emptyCurve(margin);
  for (let i = 0; i < margin.length; i++) {
    const half = (margin[i] - h0) / 2;
    ktoLossOfRatio(t, cw + half, true, p, up);
    ktoLossOfRatio(t, cl - half, false, p, down);
    curve.loss[i] = up.loss + down.loss;
    curve.dChosen[i] = up.d;
    curve.dRejected[i] = down.d;
  }
  return curve;
}

/**
 * SimPO / ORPO (no reference model) along `margin`, through the pair `center`. These losses read the
 * policy's own log-probs, which cannot rise above 0, so the equal split of the other curves would leave
 * the domain within a nat or two: here a larger margin lowers log π(y_l) and a smaller one lowers
 * log π(y_w), by the whole change in h (the reference is fixed, so h moves exactly as log π(y_w) −
 * log π(y_l)). The curve passes through the pair and every point is a valid input.
 */
export function referenceFreeCurve(
  type: ReferenceFreeLossType,
  params: ReferenceFreeParams,
  margin: Float64Array,
  center: PairInput,
): MarginCurve {
  const c = checkPairInput(center);
  const h0 = c.policyChosen - c.refChosen - (c.policyRejected - c.refRejected);
  const curve = emptyCurve(margin);
  const input = {
    policyChosen: c.policyChosen,
    policyRejected: c.policyRejected,
    chosenLength: c.chosenLength,
    rejectedLength: c.rejectedLength,
  };
  for (let i = 0; i < margin.length; i++) {
    const move = margin[i] - h0;
    input.policyChosen = move < 0 ? c.policyChosen + move : c.policyChosen;
    input.policyRejected = move > 0 ? c.policyRejected - move : c.policyRejected;
    const r = referenceFreeLoss(type, input, params);
    curve.loss[i] = r.loss;
    curve.dChosen[i] = r.dPolicyChosen;
    curve.dRejected[i] = r.dPolicyRejected;
  }
  return curve;
}

/**
 * A pair loss over a grid of log-ratios: loss[i][j] at ρw = chosen[j], ρl = rejected[i] (row = ρl, as a
 * contour plot wants it). `lengths` are the completion lengths for token-normalised losses. sft, which reads
 * log π(y_w) and no ratio, is drawn with a reference log-prob of 0 (log π = ρ).
 */
export function pairLossPlane(
  type: PairLossType,
  params: PairLossParams,
  chosen: readonly number[],
  rejected: readonly number[],
  lengths: { chosen?: number; rejected?: number } = {},
): number[][] {
  const t = checkPairLossType(type);
  const k = kernelParams(t, params);
  const { lw, ll } = splitAround({
    policyChosen: 0,
    policyRejected: 0,
    refChosen: 0,
    refRejected: 0,
    chosenLength: lengths.chosen,
    rejectedLength: lengths.rejected,
  });
  k.invLw = 1 / lw;
  k.invLl = 1 / ll;
  const kernel = PAIR_KERNELS[t];
  // The f-divergence (params.fDivergence) reaches the plane as it reaches pairLoss and the curves.
  const scored = k.divergence !== 'reverse_kl' && pairLossInfo(t).divergence !== 'ignored';
  const out: LossAndGrad = { loss: 0, dw: 0, dl: 0 };
  return rejected.map((rl) =>
    chosen.map((rw) => {
      if (scored) evaluateWithDivergence(t, kernel, rw, rl, k, out);
      else kernel(rw, rl, k, out);
      return out.loss;
    }),
  );
}

/**
 * SimPO / ORPO over a grid of log-ratios, for the plane beside the other losses: with the reference fixed,
 * ρ moves log πθ(y) = log π_ref(y) + ρ, which is what these losses read (they have no reference of their
 * own). Cells where log πθ would be above 0 are no policy at all: NaN there (a gap in the plot).
 */
export function referenceFreePlane(
  type: ReferenceFreeLossType,
  params: ReferenceFreeParams,
  chosen: readonly number[],
  rejected: readonly number[],
  pair: { refChosen: number; refRejected: number; chosenLength: number; rejectedLength: number },
): number[][] {
  const input = {
    policyChosen: 0,
    policyRejected: 0,
    chosenLength: pair.chosenLength,
    rejectedLength: pair.rejectedLength,
  };
  return rejected.map((rl) =>
    chosen.map((rw) => {
      input.policyChosen = pair.refChosen + rw;
      input.policyRejected = pair.refRejected + rl;
      if (!(input.policyChosen <= 0 && input.policyRejected <= 0)) return NaN;
      return referenceFreeLoss(type, input, params).loss;
    }),
  );
}

/** KTO (or unpaired APO-zero) on y_w as desirable and y_l as undesirable, over the same kind of grid. */
export function ktoPairPlane(
  params: KtoParams,
  chosen: readonly number[],
  rejected: readonly number[],
  type: KtoLossType = 'kto',
): number[][] {
  const t = checkKtoType(type);
  const p = checkKtoParams(params);
  const up = { loss: 0, d: 0 };
  const down = { loss: 0, d: 0 };
  const upLoss = chosen.map((rw) => {
    ktoLossOfRatio(t, rw, true, p, up);
    return up.loss;
  });
  return rejected.map((rl) => {
    ktoLossOfRatio(t, rl, false, p, down);
    return upLoss.map((u) => u + down.loss);
  });
}
