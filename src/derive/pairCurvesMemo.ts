// The loss and gradient views draw the same curves: compute them once per change of the fields they read.
import { computePairCurves, type PairCurveFields } from './pairCurves.ts';
import type { LossCurveInput } from './types.ts';
import { memoByFields, pickFields, sameFields, stateFields } from '../state/pickFields.ts';
import { LOSS_PARAM_FIELDS, PAIR_FIELDS } from './mathParams.ts';

export const PAIR_CURVE_FIELDS = stateFields(
  'losses',
  ...LOSS_PARAM_FIELDS,
  ...PAIR_FIELDS,
  'preferenceProb',
  'dataset',
);

/** The curves, recomputed only when one of PAIR_CURVE_FIELDS changed. */
export const pairCurvesOf: (s: PairCurveFields) => LossCurveInput[] = memoByFields(PAIR_CURVE_FIELDS, (s) =>
  computePairCurves(s),
);

let covering: { fields: PairCurveFields; half: number; curves: LossCurveInput[] } | null = null;

/**
 * The curves on a margin axis at least ±`half` wide (a drag's held x range, figures' HeldRanges): the
 * plain curves when theirs is already as wide, else computed once per fields and width (the loss and the
 * gradient view ask for the same).
 */
export function pairCurvesCovering(s: PairCurveFields, half: number): LossCurveInput[] {
  const own = pairCurvesOf(s);
  const ownHalf = own[0]?.curve.margin.at(-1) ?? 0;
  if (!(half > ownHalf)) return own;
  if (covering && covering.half === half && sameFields(covering.fields, s, PAIR_CURVE_FIELDS))
    return covering.curves;
  const fields = pickFields(s, PAIR_CURVE_FIELDS);
  covering = { fields, half, curves: computePairCurves(fields, half) };
  return covering.curves;
}
