// One unpaired KTO example on its own, against its log-ratio ρ = log π(y) − log π_ref(y): what thumbs-down
// data (one undesirable response and nothing else) train on. There is no pair, so no margin h and no
// preference probability p: the loss and its push are functions of ρ alone (z0 held, as TRL holds it).
import type { KtoLossType, KtoParams } from './types.ts';
import { checkKtoParams, checkKtoType, ktoLossOfRatio } from './kto.ts';
import { checkFinite, fail } from './validate.ts';

export interface RatioCurve {
  /** The log-ratio ρ of the example at each point. */
  rho: Float64Array;
  loss: Float64Array;
  /**
   * ∂loss/∂log π(y) (= ∂loss/∂ρ, the reference being constant). Gradient descent moves log π(y) against it:
   * positive pushes π(y) down (an undesirable example), negative pushes it up (a desirable one).
   */
  dPolicy: Float64Array;
}

/** `points` log-ratios evenly spaced over exactly [lo, hi]. */
export function ratioGrid(lo: number, hi: number, points = 400): Float64Array {
  checkFinite('lo', lo);
  checkFinite('hi', hi);
  if (!(hi > lo)) fail('hi', 'must be greater than lo', hi);
  if (!Number.isInteger(points) || points < 2) fail('points', 'must be a whole number ≥ 2', points);
  const grid = new Float64Array(points);
  for (let i = 0; i < points; i++) grid[i] = i === points - 1 ? hi : lo + ((hi - lo) * i) / (points - 1);
  return grid;
}

/**
 * One KTO-family example's loss and ∂loss/∂log π(y) along `rho` (stable forms from kto.ts: σ(−x) for
 * 1 − σ(x), σ' from e^(−|x|)). `desirable`: a thumbs-up (true) or a thumbs-down (false).
 */
export function ktoExampleCurve(
  type: KtoLossType,
  params: KtoParams,
  rho: ArrayLike<number>,
  desirable: boolean,
): RatioCurve {
  const t = checkKtoType(type);
  const p = checkKtoParams(params);
  const n = rho.length;
  const curve: RatioCurve = {
    rho: Float64Array.from(rho),
    loss: new Float64Array(n),
    dPolicy: new Float64Array(n),
  };
  const out = { loss: 0, d: 0 };
  for (let i = 0; i < n; i++) {
    const r = checkFinite(`rho[${i}]`, curve.rho[i]);
    ktoLossOfRatio(t, r, desirable, p, out);
    curve.loss[i] = out.loss;
    curve.dPolicy[i] = out.d;
  }
  return curve;
}
