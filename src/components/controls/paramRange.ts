// What a number box and its slider take, straight from the parameter list (state/urlParams.ts) that the
// link reader and the store's sanitiser also use: range, scale and rounding are written down once, so a
// box can never accept, or show, what a link could not express.
import {
  numberParam,
  PARAM_TABLE,
  REF_PROBS_PARAM,
  REWARDS_PARAM,
  type NumberFieldName,
} from '../../state/urlParams.ts';
import type { Rounding, Scale } from '../../state/urlParams.ts';
import { roundTo } from '../../state/paramRules.ts';

export type NumericField = NumberFieldName;

export interface NumberRange {
  min: number;
  max: number;
  /** Whole numbers only: the box refuses '2.5' rather than rounding it. */
  integer: boolean;
  scale: Scale;
  /** How a typed or slid value is stored (the store rounds every patch the same way). */
  round: (value: number) => number;
}

function rangeOf(p: { min: number; max: number; round: Rounding }, scale: Scale): NumberRange {
  return {
    min: p.min,
    max: p.max,
    integer: p.round.kind === 'whole',
    scale,
    round: (v) => roundTo(p.round, v),
  };
}

export function numberRange(field: NumericField): NumberRange {
  const p = numberParam(field);
  return rangeOf(p, p.scale);
}

/** The range of each further loss term's weight (the `plus=` entry of the parameter list). */
export function termWeightRange(): NumberRange {
  return rangeOf(PARAM_TABLE.extraTerms, 'linear');
}

/** The range of each entry of the ranking rewards. */
export function rewardRange(): NumberRange {
  return rangeOf(REWARDS_PARAM, 'linear');
}

/** The smallest reference probability a response may have. */
export function refProbMin(): number {
  return REF_PROBS_PARAM.min;
}
