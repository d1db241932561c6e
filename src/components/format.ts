// What a number box shows: values as the parser reads them back. (How a number reads elsewhere on the page,
// with typographic minus and powers of ten, is math/numberFormat.ts.)
import { roundSig } from '../state/paramRules.ts';
import { BOX_DIGITS } from '../state/urlParams.ts';

/** What a number box shows: plain ASCII the parser reads back, at most BOX_DIGITS significant digits. */
export function formatInputNumber(x: number): string {
  return String(roundSig(x, BOX_DIGITS));
}
