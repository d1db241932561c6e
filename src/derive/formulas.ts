// The formulas behind every readout number, as constant templates (see formulaTemplate.ts). They follow
// ../shared/CONVENTIONS.md §2–§4; the gradients are the exact derivatives the math module's kernels compute.
// Names: h = ρw − ρl, h̄ = ρw/Lw − ρl/Ll (per token), z = βh, m = σ(z/τ); without a reference (SimPO,
// ORPO): μ = log πθ(y)/L, SimPO's x = β(μw − μl − γ/β), ORPO's log odds ratio o.
import type { LossId } from '../math/index.ts';
import type { Formula, WhereLine } from './formulaTemplate.ts';

const R = String.raw;
const f = (tex: string, text: string): Formula => ({ tex, text });

export const WHERE = {
  rw: { sym: 'rw', lhs: f(R`\rho_w`, 'ρw'), rhs: f('@lw - @refw', '@lw − @refw') },
  rl: { sym: 'rl', lhs: f(R`\rho_l`, 'ρl'), rhs: f('@ll - @refl', '@ll − @refl') },
  h: { sym: 'h', lhs: f('h', 'h'), rhs: f('@rw - @rl', '@rw − @rl') },
  hbar: {
    sym: 'hbar',
    lhs: f(R`\bar h`, 'h̄'),
    rhs: f(R`\frac{@rw}{@Lw} - \frac{@rl}{@Ll}`, '@rw/@Lw − @rl/@Ll'),
  },
  z: { sym: 'z', lhs: f('z', 'z'), rhs: f('@beta@*@h', '@beta·@h') },
  m: { sym: 'm', lhs: f('m', 'm'), rhs: f(R`\sigma(@z/@tau)`, 'σ(@z/@tau)') },
  // No reference model (SimPO, ORPO): the per-token means of the policy's own log-probs.
  muw: { sym: 'muw', lhs: f(R`\mu_w`, 'μw'), rhs: f(R`\frac{@lw}{@Lw}`, '@lw/@Lw') },
  mul: { sym: 'mul', lhs: f(R`\mu_l`, 'μl'), rhs: f(R`\frac{@ll}{@Ll}`, '@ll/@Ll') },
  x: {
    sym: 'x',
    lhs: f('x', 'x'),
    rhs: f(R`@beta\Big(@muw - @mul - \frac{@gamma}{@beta}\Big)`, '@beta·(@muw − @mul − @gamma/@beta)'),
  },
  o: {
    sym: 'o',
    lhs: f('o', 'o'),
    rhs: f(
      R`(@muw - @mul) - \big(\log(1 - e^{@muw}) - \log(1 - e^{@mul})\big)`,
      '(@muw − @mul) − (log(1 − e^@muw) − log(1 − e^@mul))',
    ),
  },
} satisfies Record<string, WhereLine>;

export type WhereKey = keyof typeof WHERE;

export const LHS = {
  loss: f(R`\ell`, 'ℓ'),
  dChosen: f(R`\frac{\partial\ell}{\partial\log\pi_\theta(y_w)}`, '∂ℓ/∂log πθ(y_w)'),
  dRejected: f(R`\frac{\partial\ell}{\partial\log\pi_\theta(y_l)}`, '∂ℓ/∂log πθ(y_l)'),
  'rewards/chosen': f(R`\text{rewards/chosen}`, 'rewards/chosen'),
  'rewards/rejected': f(R`\text{rewards/rejected}`, 'rewards/rejected'),
  'rewards/margins': f(R`\text{rewards/margins}`, 'rewards/margins'),
  'rewards/accuracies': f(R`\text{rewards/accuracies}`, 'rewards/accuracies'),
} as const;

export interface LossSpec {
  where: readonly WhereKey[];
  loss: Formula;
  dChosen: Formula;
  dRejected: Formula;
}

const H = ['rw', 'rl', 'h'] as const;
const HBAR = ['rw', 'rl', 'hbar'] as const;
const RHO = ['rw', 'rl'] as const;

/** SimPO / ORPO: the per-token means (no reference). */
const MU = ['muw', 'mul'] as const;
const SIMPO_BRACKET = [R`(1-@eps)\,\sigma(-@x) - @eps@*\sigma(@x)`, '(1−@eps)·σ(−@x) − @eps·σ(@x)'];

const CDPO_BRACKET = [
  R`(1-@eps)\,\sigma(-@beta@*@h) - @eps@*\sigma(@beta@*@h)`,
  '(1−@eps)·σ(−@beta·@h) − @eps·σ(@beta·@h)',
];
const ROBUST_BRACKET = [
  R`(1-@eps)\,\sigma(-@beta@*@h) + @eps@*\sigma(@beta@*@h)`,
  '(1−@eps)·σ(−@beta·@h) + @eps·σ(@beta·@h)',
];
const EXO_GRAD = [
  R`@beta@*\sigma(@z)\,\sigma(-@z)\Big(@z - \log\frac{1-@eps}{@eps}\Big)`,
  '@beta·σ(@z)·σ(−@z)·(@z − log((1−@eps)/@eps))',
];
const DISCOPOP_GRAD = [
  R`@beta\Big[\tfrac{@m(1-@m)}{@tau}\big(e^{-@z} + \log\sigma(@z)\big) - (1-@m)\,\sigma(-@z) - @m@*e^{-@z}\Big]`,
  '@beta·[@m·(1−@m)/@tau·(e^(−@z) + log σ(@z)) − (1−@m)·σ(−@z) − @m·e^(−@z)]',
];
const KTO_UP = [
  R`\sigma\big(@beta(@rw - @z0)\big)\,\sigma\big(-@beta(@rw - @z0)\big)`,
  'σ(@beta·(@rw − @z0))·σ(−@beta·(@rw − @z0))',
];
const KTO_DOWN = [
  R`\sigma\big(@beta(@rl - @z0)\big)\,\sigma\big(-@beta(@rl - @z0)\big)`,
  'σ(@beta·(@rl − @z0))·σ(−@beta·(@rl − @z0))',
];

/** Every loss; `ipo` is TRL's per-token IPO and `ipo_sum` the paper's summed one. */
export const LOSS_SPECS: Record<LossId | 'ipo_sum', LossSpec> = {
  sigmoid: {
    where: H,
    loss: f(R`-\log\sigma(@beta@*@h)`, '−log σ(@beta·@h)'),
    dChosen: f(R`-@beta@*\sigma(-@beta@*@h)`, '−@beta·σ(−@beta·@h)'),
    dRejected: f(R`@beta@*\sigma(-@beta@*@h)`, '@beta·σ(−@beta·@h)'),
  },
  cdpo: {
    where: H,
    loss: f(
      R`-(1-@eps)\log\sigma(@beta@*@h) - @eps@*\log\sigma(-@beta@*@h)`,
      '−(1−@eps)·log σ(@beta·@h) − @eps·log σ(−@beta·@h)',
    ),
    dChosen: f(R`-@beta\big[${CDPO_BRACKET[0]}\big]`, `−@beta·[${CDPO_BRACKET[1]}]`),
    dRejected: f(R`@beta\big[${CDPO_BRACKET[0]}\big]`, `@beta·[${CDPO_BRACKET[1]}]`),
  },
  robust: {
    where: H,
    loss: f(
      R`\frac{-(1-@eps)\log\sigma(@beta@*@h) + @eps@*\log\sigma(-@beta@*@h)}{1-2@*@eps}`,
      '(−(1−@eps)·log σ(@beta·@h) + @eps·log σ(−@beta·@h)) / (1 − 2·@eps)',
    ),
    dChosen: f(
      R`-\frac{@beta\big[${ROBUST_BRACKET[0]}\big]}{1-2@*@eps}`,
      `−@beta·[${ROBUST_BRACKET[1]}] / (1 − 2·@eps)`,
    ),
    dRejected: f(
      R`\frac{@beta\big[${ROBUST_BRACKET[0]}\big]}{1-2@*@eps}`,
      `@beta·[${ROBUST_BRACKET[1]}] / (1 − 2·@eps)`,
    ),
  },
  ipo: {
    where: HBAR,
    loss: f(R`\Big(@hbar - \frac{1}{2@*@beta}\Big)^2`, '(@hbar − 1/(2·@beta))²'),
    dChosen: f(R`\frac{2}{@Lw}\Big(@hbar - \frac{1}{2@*@beta}\Big)`, '(2/@Lw)·(@hbar − 1/(2·@beta))'),
    dRejected: f(R`-\frac{2}{@Ll}\Big(@hbar - \frac{1}{2@*@beta}\Big)`, '−(2/@Ll)·(@hbar − 1/(2·@beta))'),
  },
  ipo_sum: {
    where: H,
    loss: f(R`\Big(@h - \frac{1}{2@*@beta}\Big)^2`, '(@h − 1/(2·@beta))²'),
    dChosen: f(R`2\Big(@h - \frac{1}{2@*@beta}\Big)`, '2·(@h − 1/(2·@beta))'),
    dRejected: f(R`-2\Big(@h - \frac{1}{2@*@beta}\Big)`, '−2·(@h − 1/(2·@beta))'),
  },
  hinge: {
    where: H,
    loss: f(R`\max(0,\ 1 - @beta@*@h)`, 'max(0, 1 − @beta·@h)'),
    dChosen: f(R`-@beta@*\mathbf{1}[@beta@*@h < 1]`, '−@beta·1[@beta·@h < 1]'),
    dRejected: f(R`@beta@*\mathbf{1}[@beta@*@h < 1]`, '@beta·1[@beta·@h < 1]'),
  },
  exo_pair: {
    where: [...H, 'z'],
    loss: f(
      R`\sigma(@z)\big[\log\sigma(@z) - \log(1-@eps)\big] + \sigma(-@z)\big[\log\sigma(-@z) - \log @eps\big]`,
      'σ(@z)·[log σ(@z) − log(1−@eps)] + σ(−@z)·[log σ(−@z) − log @eps]',
    ),
    dChosen: f(EXO_GRAD[0], EXO_GRAD[1]),
    dRejected: f(`-${EXO_GRAD[0]}`, `−${EXO_GRAD[1]}`),
  },
  nca_pair: {
    where: RHO,
    loss: f(
      R`-\log\sigma(@beta@*@rw) - \tfrac12\log\sigma(-@beta@*@rw) - \tfrac12\log\sigma(-@beta@*@rl)`,
      '−log σ(@beta·@rw) − ½·log σ(−@beta·@rw) − ½·log σ(−@beta·@rl)',
    ),
    dChosen: f(
      R`-@beta@*\sigma(-@beta@*@rw) + \tfrac12@*@beta@*\sigma(@beta@*@rw)`,
      '−@beta·σ(−@beta·@rw) + ½·@beta·σ(@beta·@rw)',
    ),
    dRejected: f(R`\tfrac12@*@beta@*\sigma(@beta@*@rl)`, '½·@beta·σ(@beta·@rl)'),
  },
  bco_pair: {
    where: RHO,
    loss: f(R`-\log\sigma(@beta@*@rw) - \log\sigma(-@beta@*@rl)`, '−log σ(@beta·@rw) − log σ(−@beta·@rl)'),
    dChosen: f(R`-@beta@*\sigma(-@beta@*@rw)`, '−@beta·σ(−@beta·@rw)'),
    dRejected: f(R`@beta@*\sigma(@beta@*@rl)`, '@beta·σ(@beta·@rl)'),
  },
  sppo_hard: {
    where: RHO,
    loss: f(
      R`\Big(@rw - \frac{1}{2@*@beta}\Big)^2 + \Big(@rl + \frac{1}{2@*@beta}\Big)^2`,
      '(@rw − 1/(2·@beta))² + (@rl + 1/(2·@beta))²',
    ),
    dChosen: f(R`2\Big(@rw - \frac{1}{2@*@beta}\Big)`, '2·(@rw − 1/(2·@beta))'),
    dRejected: f(R`2\Big(@rl + \frac{1}{2@*@beta}\Big)`, '2·(@rl + 1/(2·@beta))'),
  },
  apo_zero: {
    where: RHO,
    loss: f(R`\big(1 - \sigma(@beta@*@rw)\big) + \sigma(@beta@*@rl)`, '(1 − σ(@beta·@rw)) + σ(@beta·@rl)'),
    dChosen: f(R`-@beta@*\sigma(@beta@*@rw)\,\sigma(-@beta@*@rw)`, '−@beta·σ(@beta·@rw)·σ(−@beta·@rw)'),
    dRejected: f(R`@beta@*\sigma(@beta@*@rl)\,\sigma(-@beta@*@rl)`, '@beta·σ(@beta·@rl)·σ(−@beta·@rl)'),
  },
  apo_down: {
    where: H,
    loss: f(R`\sigma(@beta@*@rw) + \big(1 - \sigma(@beta@*@h)\big)`, 'σ(@beta·@rw) + (1 − σ(@beta·@h))'),
    dChosen: f(
      R`@beta@*\sigma(@beta@*@rw)\,\sigma(-@beta@*@rw) - @beta@*\sigma(@beta@*@h)\,\sigma(-@beta@*@h)`,
      '@beta·σ(@beta·@rw)·σ(−@beta·@rw) − @beta·σ(@beta·@h)·σ(−@beta·@h)',
    ),
    dRejected: f(R`@beta@*\sigma(@beta@*@h)\,\sigma(-@beta@*@h)`, '@beta·σ(@beta·@h)·σ(−@beta·@h)'),
  },
  discopop: {
    where: [...H, 'z', 'm'],
    loss: f(R`(1-@m)\big(-\log\sigma(@z)\big) + @m@*e^{-@z}`, '(1−@m)·(−log σ(@z)) + @m·e^(−@z)'),
    dChosen: f(DISCOPOP_GRAD[0], DISCOPOP_GRAD[1]),
    dRejected: f(`-${DISCOPOP_GRAD[0]}`, `−${DISCOPOP_GRAD[1]}`),
  },
  sigmoid_norm: {
    where: HBAR,
    loss: f(R`-\log\sigma(@beta@*@hbar)`, '−log σ(@beta·@hbar)'),
    dChosen: f(R`-\frac{@beta}{@Lw}\,\sigma(-@beta@*@hbar)`, '−(@beta/@Lw)·σ(−@beta·@hbar)'),
    dRejected: f(R`\frac{@beta}{@Ll}\,\sigma(-@beta@*@hbar)`, '(@beta/@Ll)·σ(−@beta·@hbar)'),
  },
  sft: {
    // TRL's cross-entropy on the chosen tokens: no reference, no margin, y_l untouched.
    where: [],
    loss: f(R`-\frac{@lw}{@Lw}`, '−@lw/@Lw'),
    dChosen: f(R`-\frac{1}{@Lw}`, '−1/@Lw'),
    dRejected: f('0', '0'),
  },
  kto: {
    where: RHO,
    loss: f(
      R`@lamD@*\big(1 - \sigma(@beta(@rw - @z0))\big) + @lamU@*\big(1 - \sigma(@beta(@z0 - @rl))\big)`,
      '@lamD·(1 − σ(@beta·(@rw − @z0))) + @lamU·(1 − σ(@beta·(@z0 − @rl)))',
    ),
    dChosen: f(R`-@lamD@*@beta@*${KTO_UP[0]}`, `−@lamD·@beta·${KTO_UP[1]}`),
    dRejected: f(R`@lamU@*@beta@*${KTO_DOWN[0]}`, `@lamU·@beta·${KTO_DOWN[1]}`),
  },
  apo_zero_unpaired: {
    where: RHO,
    loss: f(
      R`@lamD@*\big(1 - \sigma(@beta@*@rw)\big) + @lamU@*\sigma(@beta@*@rl)`,
      '@lamD·(1 − σ(@beta·@rw)) + @lamU·σ(@beta·@rl)',
    ),
    dChosen: f(
      R`-@lamD@*@beta@*\sigma(@beta@*@rw)\,\sigma(-@beta@*@rw)`,
      '−@lamD·@beta·σ(@beta·@rw)·σ(−@beta·@rw)',
    ),
    dRejected: f(
      R`@lamU@*@beta@*\sigma(@beta@*@rl)\,\sigma(-@beta@*@rl)`,
      '@lamU·@beta·σ(@beta·@rl)·σ(−@beta·@rl)',
    ),
  },
  // CPOTrainer(loss_type="simpo"): the NLL on the chosen tokens is −μw, weighted by cpo_alpha α.
  simpo: {
    where: [...MU, 'x'],
    loss: f(
      R`-(1-@eps)\log\sigma(@x) - @eps@*\log\sigma(-@x) - @alpha@*@muw`,
      '−(1−@eps)·log σ(@x) − @eps·log σ(−@x) − @alpha·@muw',
    ),
    dChosen: f(
      R`\frac{-@beta\big[${SIMPO_BRACKET[0]}\big] - @alpha}{@Lw}`,
      `(−@beta·[${SIMPO_BRACKET[1]}] − @alpha)/@Lw`,
    ),
    dRejected: f(R`\frac{@beta\big[${SIMPO_BRACKET[0]}\big]}{@Ll}`, `@beta·[${SIMPO_BRACKET[1]}]/@Ll`),
  },
  // ORPOTrainer, β = λ; the toy's pair has no prompt, so its NLL is −μw.
  orpo: {
    where: [...MU, 'o'],
    loss: f(R`-@muw - @beta@*\log\sigma(@o)`, '−@muw − @beta·log σ(@o)'),
    dChosen: f(
      R`-\frac{1}{@Lw} - \frac{@beta@*\sigma(-@o)}{(1 - e^{@muw})@*@Lw}`,
      '−1/@Lw − @beta·σ(−@o)/((1 − e^@muw)·@Lw)',
    ),
    dRejected: f(R`\frac{@beta@*\sigma(-@o)}{(1 - e^{@mul})@*@Ll}`, '@beta·σ(−@o)/((1 − e^@mul)·@Ll)'),
  },
};

/** TRL's implicit rewards: always β times the summed log-ratio, whatever the loss (§4). */
export const REWARD_SPECS = {
  'rewards/chosen': { where: ['rw'], rhs: f('@beta@*@rw', '@beta·@rw') },
  'rewards/rejected': { where: ['rl'], rhs: f('@beta@*@rl', '@beta·@rl') },
  'rewards/margins': { where: RHO, rhs: f('@beta@*@rw - @beta@*@rl', '@beta·@rw − @beta·@rl') },
  'rewards/accuracies': {
    where: RHO,
    rhs: f(R`\mathbf{1}\big[@beta@*@rw > @beta@*@rl\big]`, '1[@beta·@rw > @beta·@rl]'),
  },
} satisfies Record<string, { where: readonly WhereKey[]; rhs: Formula }>;

/**
 * What CPOTrainer (SimPO) and ORPOTrainer log as rewards: β times the per-token mean log-prob of the
 * policy itself (no reference model, so no log-ratio).
 */
export const REFERENCE_FREE_REWARD_SPECS = {
  'rewards/chosen': { where: ['muw'], rhs: f('@beta@*@muw', '@beta·@muw') },
  'rewards/rejected': { where: ['mul'], rhs: f('@beta@*@mul', '@beta·@mul') },
  'rewards/margins': { where: MU, rhs: f('@beta@*@muw - @beta@*@mul', '@beta·@muw − @beta·@mul') },
  'rewards/accuracies': {
    where: MU,
    rhs: f(R`\mathbf{1}\big[@beta@*@muw > @beta@*@mul\big]`, '1[@beta·@muw > @beta·@mul]'),
  },
} satisfies Record<keyof typeof REWARD_SPECS, { where: readonly WhereKey[]; rhs: Formula }>;
