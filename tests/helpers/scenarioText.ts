// Reading the numbers a scenario explanation (English) states. The templates write formulas whose digits are
// not numbers about the state (ln 2, σ(0), 1/(2β), 1 − p, "not 0.5", "not 1"); those are removed first, so
// every number left is one the state gave, written with c3.

/** The formula pieces of the English templates whose digits are part of the formula. */
export const FORMULA_FRAGMENTS = [
  '−log σ(0)',
  'ln 2',
  '(2p − 1)/(2β)',
  '1/(2β)',
  '1 − p',
  'not 0.5',
  'not 1:',
  // The SFT scenario's TRL code and TRL's version: loss_weights=[1, w] keeps the loss at weight 1.
  'loss_weights=[1,',
  'TRL 0.29',
  // The paper presets cite their source and year.
  'Razin et al., 2024',
  'Razin et al. (2024)',
  'Ren & Sutherland, 2024',
  // The IPO paper's D1: its arXiv number and section, IPO's fixed point and DPO's limit.
  'arXiv 2310.12036, §5.4',
  '1/(3τ)',
  '(1, 0, 0)',
] as const;

/** A number as c3 writes it: '0.693', '−1.31', '300', '9.6e-10'. */
const NUMBER = /[−-]?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g;

/** The numbers an English explanation states, in order, as written. */
export function statedNumbers(text: string): string[] {
  let rest = text;
  for (const f of FORMULA_FRAGMENTS) rest = rest.split(f).join(' ');
  return rest.match(NUMBER) ?? [];
}

/** A written number back to a number ('−1.31' → -1.31). */
export const parseStated = (s: string): number => Number(s.replace('−', '-'));
