// Number formatting shared by the controls and the readout. One place decides how many digits a reader sees,
// so the readout, its formula popovers and the number boxes never disagree about a value.

/** Digits shown in the readout: enough to see a change of a slider step, few enough to read aloud. */
export const READOUT_DIGITS = 4;

interface Sig {
  negative: boolean;
  mantissa: string;
  /** Power of ten, or null when the number is written out in full. */
  exponent: number | null;
}

function stripZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
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

/** For reading: typographic minus (U+2212) and ×10ⁿ, e.g. "−0.5981", "1.2×10⁻⁵". */
export function formatNumber(x: number, digits = READOUT_DIGITS): string {
  if (Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const s = toSig(x, digits);
  const power =
    s.exponent === null
      ? ''
      : `×10${String(s.exponent)
          .split('')
          .map((c) => SUPERSCRIPT[c] ?? c)
          .join('')}`;
  return `${s.negative ? '−' : ''}${s.mantissa}${power}`;
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

/** x rounded to `digits` significant digits (β and the learning rate are stored this way). */
export function roundSig(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

/** What a number box shows: plain ASCII the parser reads back, at most six significant digits. */
export function formatInputNumber(x: number): string {
  return String(roundSig(x, 6));
}
