// How a number reads, everywhere on the page: the readout and its formula popovers (which the formula
// templates fill with these, so KaTeX only ever sees digits we wrote), notes, warnings, the controls'
// read-only values, and the plots' ticks, hovers and text alternatives (in every language). One module
// decides how many digits a reader sees, so none of them disagree about a value. It lives in math, below
// every layer that writes numbers (i18n's figure texts as well as derive, figures and components). Negative
// numbers use the true minus sign U+2212; infinities are written as ∞. (What a number box shows and parses
// back is components/format.ts.)

/** The true minus sign (U+2212), used instead of the ASCII hyphen for negative numbers. */
export const MINUS = '\u2212';

/** Digits shown in the readout: enough to see a change of a slider step, few enough to read aloud. */
export const READOUT_DIGITS = 4;

/** '1.500' → '1.5', '2.000' → '2'; a number without a point is left alone. */
function stripZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

interface Sig {
  negative: boolean;
  mantissa: string;
  /** Power of ten, or null when the number is written out in full. */
  exponent: number | null;
}

/** Splits x into sign, significant digits and (for very small or large numbers) a power of ten. */
function toSig(x: number, digits: number): Sig {
  const abs = Math.abs(x);
  if (abs === 0) return { negative: false, mantissa: '0', exponent: null };
  if (abs >= 1e-3 && abs < 1e6) {
    // toPrecision would switch to e-notation for integers wider than `digits`; write those out in full.
    const s = abs >= 10 ** digits ? String(Math.round(abs)) : stripZeros(abs.toPrecision(digits));
    return { negative: x < 0, mantissa: s, exponent: null };
  }
  const [m, e] = abs.toExponential(digits - 1).split('e');
  return { negative: x < 0, mantissa: stripZeros(m), exponent: Number(e) };
}

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
};

/**
 * For reading: `digits` significant digits, typographic minus and ×10ⁿ, e.g. "−0.5981", "1.2×10⁻⁵".
 * ±Infinity → '∞' / '−∞', NaN → '—'.
 */
export function formatNumber(x: number, digits = READOUT_DIGITS): string {
  if (Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : `${MINUS}∞`;
  const s = toSig(x, digits);
  const power =
    s.exponent === null
      ? ''
      : `×10${String(s.exponent)
          .split('')
          .map((c) => SUPERSCRIPT[c] ?? c)
          .join('')}`;
  return `${s.negative ? MINUS : ''}${s.mantissa}${power}`;
}

/**
 * For KaTeX: only digits, '.', '-' and \times 10^{n}. Built from numbers, never from typed text, so the TeX we
 * render can contain nothing a user or a link wrote.
 */
export function formatTexNumber(x: number, digits = READOUT_DIGITS): string {
  if (Number.isNaN(x)) return '\\text{NaN}';
  if (!Number.isFinite(x)) return x > 0 ? '\\infty' : '-\\infty';
  const s = toSig(x, digits);
  const power = s.exponent === null ? '' : `\\times 10^{${s.exponent}}`;
  return `${s.negative ? '-' : ''}${s.mantissa}${power}`;
}

/**
 * For plots (ticks, hovers, text alternatives): `decimals` decimals in fixed notation ('0.598', '−2.00');
 * numbers too small for that many decimals (|x| < 10^−decimals) or very large (|x| ≥ 1e5) in exponent
 * notation with two significant digits ('−1.2e-4', '3.4e5'). ±Infinity → '∞' / '−∞', NaN → '—'. Zero (and
 * −0) → '0.000…' without a sign.
 */
export function formatFixed(x: number, decimals = 3): string {
  if (Number.isNaN(x)) return '—';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return `${MINUS}∞`;
  const d = Math.max(0, Math.min(20, Math.round(decimals)));
  const abs = Math.abs(x);
  if (abs === 0) return (0).toFixed(d);
  const text = abs >= 1e5 || abs < 10 ** -d ? abs.toExponential(1).replace('e+', 'e') : abs.toFixed(d);
  return x < 0 ? MINUS + text : text;
}

/** A list of numbers as '(0.33, 0.33, 0.34)', each with `decimals` decimals (formatFixed). */
export function formatTuple(xs: readonly number[], decimals = 2): string {
  return `(${xs.map((x) => formatFixed(x, decimals)).join(', ')})`;
}

/**
 * `significant` significant digits without trailing zeros: 0.1 → '0.1', 10 → '10', 0.64412 → '0.644',
 * 4225.2 → '4225', 16 → '16'; exponent notation (two significant digits) below 1e-3 and from 1e5 on.
 * For values quoted in the plots' sentences, where fixed decimals would read '16.000'.
 */
export function formatCompact(x: number, significant = 3): string {
  if (!Number.isFinite(x)) return formatFixed(x);
  const abs = Math.abs(x);
  if (abs === 0) return '0';
  let text: string;
  if (abs >= 1e5 || abs < 1e-3) text = abs.toExponential(1).replace('e+', 'e');
  else if (abs >= 10 ** (significant - 1)) text = abs.toFixed(0);
  else text = stripZeros(abs.toPrecision(significant));
  return x < 0 ? MINUS + text : text;
}
