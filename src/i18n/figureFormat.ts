// The numbers and symbols every language's figure texts (en/figures.ts, zh/figures.ts) write the same way,
// so that a value reads alike in every language.
import type { ResponseData, SweepAxis } from './types/figures.ts';
import { formatCompact, formatFixed } from '../math/numberFormat.ts';

export { formatTuple } from '../math/numberFormat.ts';

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/** 3 → '₃', 12 → '₁₂'. */
export function subscript(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => SUBSCRIPT_DIGITS[Number(d)]);
}

/** Margins and probabilities: two or three decimals. */
export const f2 = (x: number): string => formatFixed(x, 2);
export const f3 = (x: number): string => formatFixed(x, 3);
/** Losses, pushes and β in sentences: three significant digits, no trailing zeros. */
export const c3 = (x: number): string => formatCompact(x, 3);
/** Two decimals with an explicit '+' on positive values (a final margin). */
export const signed = (x: number): string => (x > 0 ? `+${f2(x)}` : f2(x));

/**
 * Response k's symbol in formulas such as π(·): y_w, y_l, y₃, … for one pair (the default); A, B, C, … for
 * ranking and thumbs-down data, where no response is "the chosen" or "the rejected" one.
 */
export function responseSymbol(k: number, data?: ResponseData): string {
  if (data && data.dataset !== 'pair') return String.fromCharCode(65 + k);
  return k === 0 ? 'y_w' : k === 1 ? 'y_l' : `y${subscript(k + 1)}`;
}

/** The swept quantity's symbol: β or π_ref of the first response (y_w, or A when the data have no pair). */
export function sweepName(axis: SweepAxis, data?: ResponseData): string {
  return axis === 'beta' ? 'β' : `π_ref(${responseSymbol(0, data)})`;
}
