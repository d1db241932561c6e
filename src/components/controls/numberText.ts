// Reading what someone typed into a number box. Strict on purpose: Number('') is 0, Number('0x10') is 16 and
// Number(' ') is 0, none of which a person meant, so text must look like a decimal number first.

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** Text that is not a number yet but becomes one if typing goes on: '', '-', '.', '1e', '2.5e-'. */
const PREFIX_RE = /^[+-]?(\d*\.?\d*)(e[+-]?)?$/i;

export interface NumberRules {
  min: number;
  max: number;
  integer?: boolean;
  /** A log-probability: values above 0 get their own explanation rather than "too high". */
  logProb?: boolean;
}

export type NumberProblem =
  | { kind: 'empty' }
  | { kind: 'notANumber'; text: string }
  | { kind: 'positiveLogProb'; text: string }
  | { kind: 'tooLow'; text: string; min: number }
  | { kind: 'tooHigh'; text: string; max: number }
  | { kind: 'notWhole'; text: string }
  | { kind: 'custom'; message: string };

export type NumberCheck =
  | { ok: true; value: number }
  | {
      ok: false;
      problem: NumberProblem;
      /**
       * True when more typing cannot fix it ('abc', a positive log-prob): shown at once. Otherwise ('-', '0'
       * on the way to '0.05') it waits for Enter or leaving the box, so the alert does not flicker mid-number.
       */
      definite: boolean;
    };

/** Unicode minus, full-width digits and signs (Chinese input methods) → ASCII; outer spaces dropped. */
export function normaliseTyped(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48))
    .replace(/[\u2212\uFF0D]/g, '-')
    .replace(/\uFF0E/g, '.')
    .replace(/\uFF0B/g, '+')
    .trim();
}

export function checkNumberText(raw: string, rules: NumberRules): NumberCheck {
  const text = normaliseTyped(raw);
  if (text === '') return { ok: false, problem: { kind: 'empty' }, definite: false };
  if (!NUMBER_RE.test(text)) {
    return { ok: false, problem: { kind: 'notANumber', text: raw.trim() }, definite: !PREFIX_RE.test(text) };
  }
  const value = Number(text);
  // A positive number stays positive whatever is appended, so this one is definite.
  if (rules.logProb && value > 0)
    return { ok: false, problem: { kind: 'positiveLogProb', text }, definite: true };
  if (rules.integer && Number.isFinite(value) && !Number.isInteger(value))
    return { ok: false, problem: { kind: 'notWhole', text }, definite: false };
  // '1e999' is Infinity: a very large number, so it is "too high" rather than "not a number".
  if (value < rules.min)
    return { ok: false, problem: { kind: 'tooLow', text, min: rules.min }, definite: false };
  if (value > rules.max)
    return { ok: false, problem: { kind: 'tooHigh', text, max: rules.max }, definite: false };
  return { ok: true, value };
}
