// The readout's formulas when TRL's knobs change a loss (issue 12): an SFT term beside it (loss_type=[id,
// "sft"], loss_weights=[1, w]) adds w·(−log πθ(y_w)/Lw) to the loss and −w/Lw to its push on y_w; an
// f-divergence other than reverse KL puts the scores s(ρ) where the loss reads its log-ratios, and every
// push picks up the chain-rule factor s′(ρ). Built from the constant templates of formulas.ts, so KaTeX still
// sees only constant templates, symbols and digits.
import type { ExtraTerm, FDivergence } from '../math/index.ts';
import { formatNumber, formatTexNumber } from '../math/numberFormat.ts';
import type { Formula, WhereLine } from './formulaTemplate.ts';
import { WHERE, type LossSpec, type WhereKey } from './formulas.ts';

const R = String.raw;
const f = (tex: string, text: string): Formula => ({ tex, text });

/** Each divergence's score s(ρ) and its slope s′(ρ), in @rw (the chosen side; the rejected swaps in @rl). */
const SCORES: Record<Exclude<FDivergence, 'reverse_kl'>, { s: Formula; ds: Formula }> = {
  forward_kl: { s: f(R`-e^{-@rw}`, '−e^(−@rw)'), ds: f(R`e^{-@rw}`, 'e^(−@rw)') },
  js_divergence: { s: f(R`\log\sigma(@rw)`, 'log σ(@rw)'), ds: f(R`\sigma(-@rw)`, 'σ(−@rw)') },
  alpha_divergence: {
    s: f(R`\frac{e^{(@alpha-1)@*@rw}}{@alpha-1}`, 'e^((@alpha−1)·@rw)/(@alpha−1)'),
    ds: f(R`e^{(@alpha-1)@*@rw}`, 'e^((@alpha−1)·@rw)'),
  },
};

const toRejected = (x: Formula): Formula =>
  f(x.tex.replaceAll('@rw', '@rl'), x.text.replaceAll('@rw', '@rl'));
const toScores = (x: Formula): Formula =>
  f(
    x.tex.replaceAll('@rw', '@sw').replaceAll('@rl', '@sl'),
    x.text.replaceAll('@rw', '@sw').replaceAll('@rl', '@sl'),
  );
const times = (x: Formula, factor: '@dsw' | '@dsl'): Formula =>
  f(R`\Big(${x.tex}\Big)@*${factor}`, `(${x.text})·${factor}`);

/** A loss_type id in TeX: \texttt with its underscores escaped (the ids are a fixed list, never user text). */
const texId = (id: string): string => `\\texttt{${id.replaceAll('_', '\\_')}}`;

/** A formula's where-lines, with the score lines when a divergence is on. */
export interface FormulaParts {
  spec: Omit<LossSpec, 'where'>;
  where: WhereLine[];
}

/**
 * The loss's formulas as TRL computes it today: `divergence` (null: the log-ratios themselves, or a loss that
 * ignores it) applied as the loss's row says (`use`), then `sftWeight` ≠ 0 adding the SFT term.
 */
export function formulaParts(
  spec: LossSpec,
  divergence: Exclude<FDivergence, 'reverse_kl'> | null,
  use: 'scores' | 'secondTerm' | 'ignored',
  sftWeight: number,
  extraTerms: readonly ExtraTerm[] = [],
): FormulaParts {
  let where: WhereLine[] = spec.where.map((k: WhereKey) => WHERE[k]);
  let { loss, dChosen, dRejected } = spec;
  if (divergence !== null && use !== 'ignored') {
    const score = SCORES[divergence];
    const lines: WhereLine[] = [
      { sym: 'sw', lhs: f('s_w', 's_w'), rhs: score.s },
      { sym: 'sl', lhs: f('s_l', 's_l'), rhs: toRejected(score.s) },
      { sym: 'dsw', lhs: f(R`s'(\rho_w)`, 's′(ρw)'), rhs: score.ds },
      { sym: 'dsl', lhs: f(R`s'(\rho_l)`, 's′(ρl)'), rhs: toRejected(score.ds) },
    ];
    // ρw and ρl stay defined first; the margins read the scores.
    where = [
      ...where.filter((l) => l.sym === 'rw' || l.sym === 'rl'),
      ...lines,
      ...where.filter((l) => l.sym !== 'rw' && l.sym !== 'rl').map((l) => ({ ...l, rhs: toScores(l.rhs) })),
    ];
    if (use === 'scores') {
      loss = toScores(loss);
      dChosen = times(toScores(dChosen), '@dsw');
      dRejected = times(toScores(dRejected), '@dsl');
    } else {
      // APO-down: its first term reads ρw itself; only its σ(β·h) term (h from the scores) has the factor.
      dChosen = f(
        R`@beta@*\sigma(@beta@*@rw)\,\sigma(-@beta@*@rw) - @beta@*\sigma(@beta@*@h)\,\sigma(-@beta@*@h)@*@dsw`,
        '@beta·σ(@beta·@rw)·σ(−@beta·@rw) − @beta·σ(@beta·@h)·σ(−@beta·@h)·@dsw',
      );
      dRejected = times(dRejected, '@dsl');
    }
  }
  if (extraTerms.length > 0) {
    // TRL's further terms: + L₊ (= 0.2·L_bco_pair + …) and its pushes, each defined in a where-line. The
    // weights are numbers written as digits and the names TRL's loss_type ids, so KaTeX still sees no text.
    const termsOf = (tex: (id: string) => string, text: (id: string) => string): Formula =>
      f(
        extraTerms.map((t) => `${formatTexNumber(t.weight)}\\,${tex(texId(t.type))}`).join(' + '),
        extraTerms.map((t) => `${formatNumber(t.weight)}·${text(t.type)}`).join(' + '),
      );
    where = [
      ...where,
      {
        sym: 'xl',
        lhs: f('L_{+}', 'L₊'),
        rhs: termsOf(
          (id) => `L_{${id}}`,
          (id) => `L[${id}]`,
        ),
      },
      {
        sym: 'dxw',
        lhs: f(R`\partial_w L_{+}`, '∂w L₊'),
        rhs: termsOf(
          (id) => R`\partial_w L_{${id}}`,
          (id) => `∂w L[${id}]`,
        ),
      },
      {
        sym: 'dxl',
        lhs: f(R`\partial_l L_{+}`, '∂l L₊'),
        rhs: termsOf(
          (id) => R`\partial_l L_{${id}}`,
          (id) => `∂l L[${id}]`,
        ),
      },
    ];
    loss = f(`${loss.tex} + @xl`, `${loss.text} + @xl`);
    dChosen = f(`${dChosen.tex} + @dxw`, `${dChosen.text} + @dxw`);
    dRejected = f(`${dRejected.tex} + @dxl`, `${dRejected.text} + @dxl`);
  }
  if (sftWeight !== 0) {
    loss = f(R`${loss.tex} + @sftw\Big(-\frac{@lw}{@Lw}\Big)`, `${loss.text} + @sftw·(−@lw/@Lw)`);
    dChosen = f(R`${dChosen.tex} - \frac{@sftw}{@Lw}`, `${dChosen.text} − @sftw/@Lw`);
  }
  return { spec: { loss, dChosen, dRejected }, where };
}
