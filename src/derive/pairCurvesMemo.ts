// Views 1 and 2 draw the same curves: compute them once per change of the fields they read.
import { computePairCurves, type PairCurveFields } from './pairCurves.ts';
import type { LossCurveInput } from '../../figures/types.ts';

const FIELDS = [
  'losses',
  'beta',
  'labelSmoothing',
  'ipoNormalization',
  'discopopTau',
  'policyChosen',
  'policyRejected',
  'refChosen',
  'refRejected',
  'chosenLength',
  'rejectedLength',
  'desirableWeight',
  'undesirableWeight',
  'z0Mode',
  'z0',
  'preferenceProb',
] as const satisfies readonly (keyof PairCurveFields)[];

export function pickPairCurveFields(s: PairCurveFields): PairCurveFields {
  const out = {} as Record<string, unknown>;
  for (const k of FIELDS) out[k] = s[k];
  return out as PairCurveFields;
}

let lastKey = '';
let lastValue: LossCurveInput[] | null = null;

export function pairCurvesOf(s: PairCurveFields): LossCurveInput[] {
  const key = JSON.stringify(pickPairCurveFields(s));
  if (!lastValue || key !== lastKey) {
    lastValue = computePairCurves(s);
    lastKey = key;
  }
  return lastValue;
}
