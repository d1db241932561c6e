// The curves of the loss and gradient views (each chosen loss against the margin) with the pair on them.
import {
  LOSS_INFO,
  isKtoLoss,
  isReferenceFreeLoss,
  ktoPairCurve,
  ldPair,
  LD_ALPHA_OFF,
  referenceFreeCurve,
  optimalMargin,
  pairLossCurve,
  perTokenMargin,
  usesDivergence,
  type LossId,
  type MarginCurve,
  type PairInput,
} from '../math/index.ts';
import type { LossCurveInput } from './types.ts';
import type { AppState } from '../state/appState.ts';
import {
  ktoParamsOf,
  pairInputOf,
  pairParamsOf,
  ldAlphaOf,
  sftWeightOf,
  extraTermsOf,
  hasListTerms,
  wpoOf,
  referenceFreeParamsOf,
  wpoPairWeightOf,
  type PairFields,
  type PairLossFields,
} from './mathParams.ts';
import { pairValuesOf } from './pairValues.ts';

// `dataset`: what the toy trains on; the optimum for p (the dotted line) is one pair's.
export type PairCurveFields = PairLossFields & Pick<AppState, 'losses' | 'preferenceProb' | 'dataset'>;

export const CURVE_POINTS = 400;
/**
 * The margin axis spans at least ±CURVE_SPAN nats, whatever β: the axis is in nats of h, not in βh, so
 * dragging β visibly steepens or flattens every DPO-family curve. It widens (to 1, 2 or 5 × 10^k) only to
 * keep in view the pair and the target of each quadratic loss shown (IPO, SPPO), the only place where such
 * a loss's curves come on the scale at all.
 */
export const CURVE_SPAN = 20;

/**
 * The loss's own margin optimum converted to the summed margin h along the curve, whose points move ρw and
 * ρl by equal and opposite amounts around the current pair. For h-only losses this is the identity; for
 * token-normalised margins h̄ = ρw/Lw − ρl/Ll it solves h̄(h) = h̄*.
 */
export function optimumOnCurve(id: LossId, s: PairCurveFields, p = s.preferenceProb): number | null {
  // An SFT term or further loss terms beside the loss move its minimum off the closed form (which holds for the loss alone), and
  // LD-DPO's factors move it too (the closed form holds for the unscaled ρ).
  if (isKtoLoss(id) || isReferenceFreeLoss(id) || hasListTerms(id, s) || ldAlphaOf(id, s) !== LD_ALPHA_OFF)
    return null;
  const star = optimalMargin(id, p, pairParamsOf(id, s));
  if (star === null || !Number.isFinite(star)) return star;
  if (!perTokenMargin(id, s)) return star;
  const pair = pairInputOf(s);
  const cw = pair.policyChosen - pair.refChosen;
  const cl = pair.policyRejected - pair.refRejected;
  const iw = 1 / s.chosenLength;
  const il = 1 / s.rejectedLength;
  const d = (star - cw * iw + cl * il) / (iw + il);
  return cw - cl + 2 * d;
}

/** `points` margins evenly spaced over exactly [−halfWidth, halfWidth] (no β round-off in the ends). */
function symmetricGrid(halfWidth: number, points: number): Float64Array {
  const grid = new Float64Array(points);
  for (let i = 0; i < points; i++) grid[i] = -halfWidth + (2 * halfWidth * i) / (points - 1);
  return grid;
}

/** The smallest of 1, 2, 5 × 10^k that is ≥ x (x > 0). */
export function niceCeil(x: number): number {
  const decade = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * decade >= x * (1 - 1e-12)) return m * decade;
  return 10 * decade;
}

export function currentMargin(s: PairFields): number {
  const p = pairInputOf(s);
  return p.policyChosen - p.refChosen - (p.policyRejected - p.refRejected);
}

/**
 * The half-width of the margin axis in nats: CURVE_SPAN, or 1.25 × the pair's margin or the farthest of
 * `targets` when larger, rounded up to 1, 2 or 5 × 10^k. It does not scale with β, so a β drag changes the
 * curves, not the axes (Plotly redraws a plot with unchanged axes ~30% faster); only a target such as IPO's
 * 1/(2β) can move it, and then only a few times per decade. Other optima off the axis get a note.
 */
export function marginHalfWidth(h0: number, targets: readonly (number | null)[]): number {
  let reach = Math.max(CURVE_SPAN, Math.abs(h0) * 1.25);
  for (const h of targets) if (h !== null && Number.isFinite(h)) reach = Math.max(reach, Math.abs(h) * 1.25);
  return niceCeil(reach);
}

/**
 * Where a quadratic loss's curve through this pair has its minimum (its push changes sign: IPO's
 * h̄* = 1/(2β)), on the summed margin; null for other losses.
 */
function quadraticTarget(id: LossId, s: PairCurveFields): number | null {
  return LOSS_INFO[id].quadratic ? optimumOnCurve(id, s, 1) : null;
}

/**
 * The curves of the chosen losses through the pair, on a margin axis of ±marginHalfWidth, or ±`minHalfWidth`
 * when that is wider (the axis a drag has shown so far, figures' HeldRanges: it only widens during a drag).
 */
/**
 * `curve` plus the SFT term beside loss `id` (sftWeightOf; TRL's loss_type=[id, "sft"], loss_weights=[1, w]):
 * w × sft's curve through the same pairs, so the curve and its dot show the total TRL trains on.
 */
function withSftTerm(
  curve: MarginCurve,
  id: LossId,
  s: PairCurveFields,
  grid: Float64Array,
  center: PairInput,
): MarginCurve {
  const w = sftWeightOf(id, s);
  if (w === 0) return curve;
  const sft = pairLossCurve('sft', pairParamsOf(id, s), grid, center);
  for (let i = 0; i < grid.length; i++) {
    curve.loss[i] += w * sft.loss[i];
    curve.dChosen[i] += w * sft.dChosen[i];
    curve.dRejected[i] += w * sft.dRejected[i];
  }
  return curve;
}

/**
 * `curve` plus the loss list's further terms beside loss `id` (extraTermsOf: TRL's loss_type=[id, …],
 * loss_weights=[1, …]): each wᵢ × its own curve through the same pairs, LD-scaled as the loss is.
 */
function withExtraTerms(
  curve: MarginCurve,
  id: LossId,
  s: PairCurveFields,
  grid: Float64Array,
  center: Required<PairInput>,
): MarginCurve {
  for (const t of extraTermsOf(id, s)) {
    const term = pairLossCurve(t.type, pairParamsOf(id, s), grid, center, ldScaleOf(id, s, center));
    for (let i = 0; i < grid.length; i++) {
      curve.loss[i] += t.weight * term.loss[i];
      curve.dChosen[i] += t.weight * term.dChosen[i];
      curve.dRejected[i] += t.weight * term.dRejected[i];
    }
  }
  return curve;
}

/** LD-DPO's factors for loss `id` on the pair (1 and 1 when off): the curve's inputs are scaled by them. */
function ldScaleOf(id: LossId, s: PairCurveFields, center: Required<PairInput>) {
  const alpha = ldAlphaOf(id, s);
  if (alpha === LD_ALPHA_OFF) return { chosen: 1, rejected: 1 };
  const { factorChosen, factorRejected } = ldPair(center, alpha);
  return { chosen: factorChosen, rejected: factorRejected };
}

/**
 * WPO: the whole curve (loss, SFT term and pushes) times the start policy's w_c·w_r, as pairValuesOf's dot;
 * along the curve the weight is held at the start pair's (it is a constant for the gradient in TRL too).
 */
function withWpoWeight(curve: MarginCurve, id: LossId, s: PairCurveFields): MarginCurve {
  const weight = wpoPairWeightOf(id, s);
  if (weight === 1) return curve;
  for (let i = 0; i < curve.loss.length; i++) {
    curve.loss[i] *= weight;
    curve.dChosen[i] *= weight;
    curve.dRejected[i] *= weight;
  }
  return curve;
}

export function computePairCurves(s: PairCurveFields, minHalfWidth = 0): LossCurveInput[] {
  const h0 = currentMargin(s);
  const targets = s.losses.map((id) => quadraticTarget(id, s));
  const half = Math.max(marginHalfWidth(h0, targets), Number.isFinite(minHalfWidth) ? minHalfWidth : 0);
  const grid = symmetricGrid(half, CURVE_POINTS);
  const center = pairInputOf(s);
  return s.losses.map((id) => {
    const v = pairValuesOf(id, s);
    const current = { margin: h0, loss: v.loss, dChosen: v.dChosen, dRejected: v.dRejected };
    // SimPO / ORPO have no reference: their curve moves the policy's own log-probs by the margin's change
    // (referenceFreeCurve), so that no point has a log-prob above 0.
    const curve = isKtoLoss(id)
      ? ktoPairCurve(ktoParamsOf(s), grid, center, id)
      : isReferenceFreeLoss(id)
        ? referenceFreeCurve(id, referenceFreeParamsOf(id, s), grid, center)
        : withWpoWeight(
            withSftTerm(
              withExtraTerms(
                pairLossCurve(id, pairParamsOf(id, s), grid, center, ldScaleOf(id, s, center)),
                id,
                s,
                grid,
                center,
              ),
              id,
              s,
              grid,
              center,
            ),
            id,
            s,
          );
    // TRL's knobs change the loss from its plain form (its σ(−βh) wording, its closed forms).
    const modified =
      hasListTerms(id, s) ||
      (s.fDivergence !== 'reverse_kl' && usesDivergence(id)) ||
      ldAlphaOf(id, s) !== 1 ||
      wpoOf(id, s);
    // The optimum for the preference probability p exists only where the data are one pair labelled with
    // probability p: a ranking or an order has no p (their training goes elsewhere), thumbs-down no pair.
    const optimum = s.dataset === 'pair' ? optimumOnCurve(id, s) : null;
    return { id, curve, optimum, current, ...(modified ? { modified } : {}) };
  });
}
