// Each formula is written once, as a TeX template and a plain-text template with @symbol placeholders.
// Filled with symbols it is the constant formula; filled with numbers (formatted here, from numbers only) it
// is the same formula with today's values. KaTeX therefore only ever sees these constant templates, the
// symbols below and digits: nothing from a link or a text box.
import { formatNumber, formatTexNumber } from '../math/numberFormat.ts';

export type Sym =
  | 'beta'
  | 'eps'
  | 'tau'
  | 'Lw'
  | 'Ll'
  | 'z0'
  | 'lamD'
  | 'lamU'
  | 'lw'
  | 'll'
  | 'refw'
  | 'refl'
  | 'rw'
  | 'rl'
  | 'h'
  | 'hbar'
  | 'z'
  | 'm'
  | 'sftw'
  | 'xl'
  | 'dxw'
  | 'dxl'
  | 'sw'
  | 'sl'
  | 'dsw'
  | 'dsl'
  | 'gamma'
  | 'alpha'
  | 'muw'
  | 'mul'
  | 'x'
  | 'o';

export interface Formula {
  tex: string;
  text: string;
}

const SYMBOLS: Record<Sym, Formula> = {
  beta: { tex: '\\beta', text: 'β' },
  eps: { tex: '\\varepsilon', text: 'ε' },
  tau: { tex: '\\tau', text: 'τ' },
  Lw: { tex: 'L_w', text: 'Lw' },
  Ll: { tex: 'L_l', text: 'Ll' },
  z0: { tex: 'z_0', text: 'z₀' },
  lamD: { tex: '\\lambda_D', text: 'λD' },
  lamU: { tex: '\\lambda_U', text: 'λU' },
  lw: { tex: '\\log\\pi_\\theta(y_w)', text: 'log πθ(y_w)' },
  ll: { tex: '\\log\\pi_\\theta(y_l)', text: 'log πθ(y_l)' },
  refw: { tex: '\\log\\pi_{\\mathrm{ref}}(y_w)', text: 'log πref(y_w)' },
  refl: { tex: '\\log\\pi_{\\mathrm{ref}}(y_l)', text: 'log πref(y_l)' },
  rw: { tex: '\\rho_w', text: 'ρw' },
  rl: { tex: '\\rho_l', text: 'ρl' },
  h: { tex: 'h', text: 'h' },
  hbar: { tex: '\\bar h', text: 'h̄' },
  z: { tex: 'z', text: 'z' },
  m: { tex: 'm', text: 'm' },
  sftw: { tex: 'w', text: 'w' },
  // The loss list's further terms, Σ wᵢ·Lᵢ, and their pushes on log πθ(y_w), log πθ(y_l).
  xl: { tex: 'L_{+}', text: 'L₊' },
  dxw: { tex: '\\partial_w L_{+}', text: '∂w L₊' },
  dxl: { tex: '\\partial_l L_{+}', text: '∂l L₊' },
  sw: { tex: 's_w', text: 's_w' },
  sl: { tex: 's_l', text: 's_l' },
  dsw: { tex: "s'(\\rho_w)", text: 's′(ρw)' },
  dsl: { tex: "s'(\\rho_l)", text: 's′(ρl)' },
  // SimPO / ORPO (no reference): γ = simpo_gamma, α = cpo_alpha (or the f-divergence's α, per loss), μ = log-prob per token, x = SimPO's
  // logit, o = ORPO's log odds ratio.
  gamma: { tex: '\\gamma', text: 'γ' },
  alpha: { tex: '\\alpha', text: 'α' },
  muw: { tex: '\\mu_w', text: 'μw' },
  mul: { tex: '\\mu_l', text: 'μl' },
  x: { tex: 'x', text: 'x' },
  o: { tex: 'o', text: 'o' },
};

/** One line `lhs = rhs`; rhs uses @symbols, and in TeX `@*` for a product (thin space, or · with numbers). */
export interface Line {
  lhs: Formula;
  rhs: Formula;
}

/** A line that defines a derived symbol (ρw, h, …): with numbers it ends in that symbol's value. */
export interface WhereLine extends Line {
  sym: Sym;
}

export type Values = Partial<Record<Sym, number>>;

const PLACEHOLDER = /@(\*|[A-Za-z]\w*)/g;

function fill(template: string, mode: 'tex' | 'text', values: Values | null): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (name === '*') return mode === 'text' ? '·' : values ? ' \\cdot ' : '\\,';
    const sym = name as Sym;
    if (!(sym in SYMBOLS)) throw new Error(`unknown formula symbol @${name}`);
    if (!values) return SYMBOLS[sym][mode];
    const v = values[sym];
    if (v === undefined) throw new Error(`no value for @${name}`);
    const s = mode === 'tex' ? formatTexNumber(v) : formatNumber(v);
    // Negative numbers always get brackets, so "−log σ(β·h)" never turns into a double minus.
    return v < 0 ? `(${s})` : s;
  });
}

function texLines(lines: string[]): string {
  return lines.length === 1
    ? lines[0].replace('&=', '=')
    : `\\begin{aligned}${lines.join(' \\\\ ')}\\end{aligned}`;
}

/** The constant formula: the main line, then the definitions it uses. */
export function symbolicFormula(main: Line, where: readonly WhereLine[]): Formula {
  const all = [main, ...where];
  return {
    tex: texLines(all.map((l) => `${l.lhs.tex} &= ${fill(l.rhs.tex, 'tex', null)}`)),
    text: all.map((l) => `${l.lhs.text} = ${fill(l.rhs.text, 'text', null)}`).join('\n'),
  };
}

/**
 * The same formula with numbers, in the order one would compute it: definitions first, each ending in its
 * value, then the main line ending in `result` (the math module's value, never recomputed here).
 */
export function numericFormula(
  main: Line,
  where: readonly WhereLine[],
  values: Values,
  result: number,
): Formula {
  const whereTex = where.map((l) => {
    const v = values[l.sym] ?? NaN;
    return `${l.lhs.tex} &= ${fill(l.rhs.tex, 'tex', values)} = ${formatTexNumber(v)}`;
  });
  const whereText = where.map(
    (l) => `${l.lhs.text} = ${fill(l.rhs.text, 'text', values)} = ${formatNumber(values[l.sym] ?? NaN)}`,
  );
  return {
    tex: texLines([
      ...whereTex,
      `${main.lhs.tex} &= ${fill(main.rhs.tex, 'tex', values)} = ${formatTexNumber(result)}`,
    ]),
    text: [
      ...whereText,
      `${main.lhs.text} = ${fill(main.rhs.text, 'text', values)} = ${formatNumber(result)}`,
    ].join('\n'),
  };
}
