// Number formatting shared by the figure summaries, hover notes and (later) the numeric readout.
// Negative numbers use the true minus sign U+2212; infinities are written as ∞.

/** The true minus sign (U+2212), used instead of the ASCII hyphen for negative numbers. */
export const MINUS = '\u2212';

/**
 * `digits` decimals in fixed notation ('0.598', '−2.00'); numbers too small for that many decimals
 * (|x| < 10^−digits) or very large (|x| ≥ 1e5) in exponent notation with two significant digits
 * ('−1.2e-4', '3.4e5'). ±Infinity → '∞' / '−∞', NaN → '—'. Zero (and −0) → '0.000…' without a sign.
 */
export function formatNumber(x: number, digits = 3): string {
  if (Number.isNaN(x)) return '—';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return `${MINUS}∞`;
  const d = Math.max(0, Math.min(20, Math.round(digits)));
  const abs = Math.abs(x);
  if (abs === 0) return (0).toFixed(d);
  const text = abs >= 1e5 || abs < 10 ** -d ? abs.toExponential(1).replace('e+', 'e') : abs.toFixed(d);
  return x < 0 ? MINUS + text : text;
}

/** A list of numbers as '(0.33, 0.33, 0.34)'. */
export function formatTuple(xs: readonly number[], digits = 2): string {
  return `(${xs.map((x) => formatNumber(x, digits)).join(', ')})`;
}

/**
 * `significant` significant digits without trailing zeros: 0.1 → '0.1', 10 → '10', 0.64412 → '0.644',
 * 4225.2 → '4225', 16 → '16'; exponent notation (two significant digits) below 1e-3 and from 1e5 on.
 * For values quoted in sentences, where fixed decimals would read '16.000'.
 */
export function formatCompact(x: number, significant = 3): string {
  if (!Number.isFinite(x)) return formatNumber(x);
  const abs = Math.abs(x);
  if (abs === 0) return '0';
  let text: string;
  if (abs >= 1e5 || abs < 1e-3) text = abs.toExponential(1).replace('e+', 'e');
  else if (abs >= 10 ** (significant - 1)) text = abs.toFixed(0);
  else text = stripZeros(abs.toPrecision(significant));
  return x < 0 ? MINUS + text : text;
}

function stripZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
