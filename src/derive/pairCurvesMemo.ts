// The loss and gradient views draw the same curves: compute them once per change of the fields they read.
import { computePairCurves, type PairCurveFields } from './pairCurves.ts';
import type { LossCurveInput } from './types.ts';
import { memoByFields, stateFields } from '../state/pickFields.ts';
import { LOSS_PARAM_FIELDS, PAIR_FIELDS } from './mathParams.ts';

export const PAIR_CURVE_FIELDS = stateFields(
  'losses',
  ...LOSS_PARAM_FIELDS,
  ...PAIR_FIELDS,
  'preferenceProb',
);

/** The curves, recomputed only when one of PAIR_CURVE_FIELDS changed. */
export const pairCurvesOf: (s: PairCurveFields) => LossCurveInput[] = memoByFields(
  PAIR_CURVE_FIELDS,
  computePairCurves,
);
