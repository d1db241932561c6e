// The curves of the loss and gradient views (each chosen loss against the margin) with the pair on them.
import {
  isKtoLoss,
  ktoPairCurve,
  optimalMargin,
  pairLossCurve,
  perTokenMargin,
  type LossId,
} from '../math/index.ts';
import type { LossCurveInput } from './types.ts';
import type { AppState } from '../state/appState.ts';
import {
  ktoParamsOf,
  pairInputOf,
  pairParamsOf,
  type PairFields,
  type PairLossFields,
} from './mathParams.ts';
import { pairValuesOf } from './pairValues.ts';

export type PairCurveFields = PairLossFields & Pick<AppState, 'losses' | 'preferenceProb'>;

export const CURVE_POINTS = 400;
/** The margin axis spans ±10/β (βh from −10 to 10, where every loss does its work), widened to keep the pair in view. */
export const CURVE_SPAN = 10;

/**
 * The loss's own margin optimum converted to the summed margin h along the curve, whose points move ρw and
 * ρl by equal and opposite amounts around the current pair. For h-only losses this is the identity; for
 * token-normalised margins h̄ = ρw/Lw − ρl/Ll it solves h̄(h) = h̄*.
 */
function optimumOnCurve(id: LossId, s: PairCurveFields): number | null {
  if (isKtoLoss(id)) return null;
  const star = optimalMargin(id, s.preferenceProb, pairParamsOf(id, s));
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

export function computePairCurves(s: PairCurveFields): LossCurveInput[] {
  const h0 = currentMargin(s);
  // The half-width in nats, rounded up to 1, 2 or 5 × 10^k: while β is dragged the axis range then
  // changes only a few times per decade, and Plotly redraws a plot with unchanged axes ~30% faster.
  const halfWidth = niceCeil(Math.max(CURVE_SPAN / s.beta, Math.abs(h0) * 1.25));
  const grid = symmetricGrid(halfWidth, CURVE_POINTS);
  const center = pairInputOf(s);
  return s.losses.map((id) => {
    const v = pairValuesOf(id, s);
    const current = { margin: h0, loss: v.loss, dChosen: v.dChosen, dRejected: v.dRejected };
    const curve = isKtoLoss(id)
      ? ktoPairCurve(ktoParamsOf(s), grid, center, id)
      : pairLossCurve(id, pairParamsOf(id, s), grid, center);
    return { id, curve, optimum: optimumOnCurve(id, s), current };
  });
}
