// One kernel per pair loss: loss and its exact gradient with respect to the two log-ratios
// ρw = log π(y_w) − log π_ref(y_w) and ρl = log π(y_l) − log π_ref(y_l) (or with respect to the scores that TRL's
// f-divergence puts in their place, fDivergence.ts), except sft's, which reads log π(y_w) itself (its row's
// `reads` in lossInfo.ts says which; callers feed the kernel accordingly).
// Since the reference is constant, ∂/∂ log π(y) = ∂/∂ρ(y). Kernels write into `out` instead of returning an
// object so that curve sweeps and the toy trainer allocate nothing per point.
import type { FDivergence, PairLossType } from './types.ts';
import { sigmoid, sigmoidSlope, softplus } from './stable.ts';

/** Validated, defaulted parameters in the form the kernels want. */
export interface KernelParams {
  beta: number;
  eps: number;
  tau: number;
  ipoSum: boolean;
  /** 1 / chosenLength and 1 / rejectedLength. */
  invLw: number;
  invLl: number;
  /** TRL's f_divergence_type, 'reverse_kl' also for alpha_divergence with |α − 1| < 1e-6 (TRL's fallback). */
  divergence: FDivergence;
  /** f_alpha_divergence_coef α. */
  alpha: number;
}

export interface LossAndGrad {
  loss: number;
  dw: number;
  dl: number;
}

export type PairKernel = (rw: number, rl: number, k: KernelParams, out: LossAndGrad) => void;

/** For losses of a (possibly length-weighted) margin aw·ρw − al·ρl: chain dL/dmargin to both log-ratios. */
function setMargin(out: LossAndGrad, loss: number, dh: number, aw: number, al: number): void {
  out.loss = loss;
  out.dw = dh * aw;
  out.dl = -dh * al;
}

const sigmoidKernel: PairKernel = (rw, rl, k, out) => {
  const z = k.beta * (rw - rl);
  // −log σ(z) = softplus(−z); d/dh = −β σ(−z).
  setMargin(out, softplus(-z), -k.beta * sigmoid(-z), 1, 1);
};

const cdpoKernel: PairKernel = (rw, rl, k, out) => {
  const z = k.beta * (rw - rl);
  const e = k.eps;
  const loss = (1 - e) * softplus(-z) + e * softplus(z);
  const dz = -(1 - e) * sigmoid(-z) + e * sigmoid(z);
  setMargin(out, loss, k.beta * dz, 1, 1);
};

const robustKernel: PairKernel = (rw, rl, k, out) => {
  const z = k.beta * (rw - rl);
  const e = k.eps;
  // [(1−ε)·softplus(−z) − ε·softplus(z)] / (1−2ε), rewritten with softplus(z) = softplus(−z) + z as
  // softplus(−z) − z·ε/(1−2ε). The direct form divides a difference of two near-equal terms by 1 − 2ε,
  // which loses ~log10(1/(1−2ε)) digits (at ε → 0.5 it gave 0.5 instead of ln 2 at h = 0).
  const slope = e / (1 - 2 * e);
  const loss = softplus(-z) - slope * z;
  // d/dz = −σ(−z) − ε/(1−2ε)
  setMargin(out, loss, k.beta * (-sigmoid(-z) - slope), 1, 1);
};

const ipoKernel: PairKernel = (rw, rl, k, out) => {
  const aw = k.ipoSum ? 1 : k.invLw;
  const al = k.ipoSum ? 1 : k.invLl;
  const gap = rw * aw - rl * al - 1 / (2 * k.beta);
  setMargin(out, gap * gap, 2 * gap, aw, al);
};

const hingeKernel: PairKernel = (rw, rl, k, out) => {
  const slack = 1 - k.beta * (rw - rl);
  // relu's derivative is 0 at the kink, as in PyTorch.
  setMargin(out, Math.max(0, slack), slack > 0 ? -k.beta : 0, 1, 1);
};

const exoKernel: PairKernel = (rw, rl, k, out) => {
  const z = k.beta * (rw - rl);
  const e = k.eps;
  // One exp and one log1p serve σ(±z), log σ(±z) and σ'(z): this loss runs inside every training step.
  const ex = Math.exp(-Math.abs(z));
  const l = Math.log1p(ex);
  const big = 1 / (1 + ex); // σ(|z|)
  const small = ex / (1 + ex); // σ(−|z|)
  const sigPos = z >= 0 ? big : small;
  const sigNeg = z >= 0 ? small : big;
  const logSigPos = -(Math.max(-z, 0) + l);
  const logSigNeg = -(Math.max(z, 0) + l);
  const logOneMinusEps = Math.log1p(-e);
  const logEps = Math.log(e);
  const loss = sigPos * (logSigPos - logOneMinusEps) + sigNeg * (logSigNeg - logEps);
  // d/dz = σ'(z)·(z − log((1 − ε)/ε)): the reverse KL is stationary at σ(z) = 1 − ε.
  const dz = big * small * (z - (logOneMinusEps - logEps));
  setMargin(out, loss, k.beta * dz, 1, 1);
};

const ncaKernel: PairKernel = (rw, rl, k, out) => {
  const b = k.beta;
  out.loss = softplus(-b * rw) + 0.5 * softplus(b * rw) + 0.5 * softplus(b * rl);
  out.dw = -b * sigmoid(-b * rw) + 0.5 * b * sigmoid(b * rw);
  out.dl = 0.5 * b * sigmoid(b * rl);
};

const bcoKernel: PairKernel = (rw, rl, k, out) => {
  const b = k.beta;
  out.loss = softplus(-b * rw) + softplus(b * rl);
  out.dw = -b * sigmoid(-b * rw);
  out.dl = b * sigmoid(b * rl);
};

const sppoHardKernel: PairKernel = (rw, rl, k, out) => {
  const half = 1 / (2 * k.beta);
  const gw = rw - half;
  const gl = rl + half;
  out.loss = gw * gw + gl * gl;
  out.dw = 2 * gw;
  out.dl = 2 * gl;
};

const apoZeroKernel: PairKernel = (rw, rl, k, out) => {
  const b = k.beta;
  // (1 − σ(βρw)) + σ(βρl), with 1 − σ(x) written σ(−x).
  out.loss = sigmoid(-b * rw) + sigmoid(b * rl);
  out.dw = -b * sigmoidSlope(b * rw);
  out.dl = b * sigmoidSlope(b * rl);
};

const apoDownKernel: PairKernel = (rw, rl, k, out) => {
  const b = k.beta;
  const z = b * (rw - rl);
  out.loss = sigmoid(b * rw) + sigmoid(-z);
  out.dw = b * sigmoidSlope(b * rw) - b * sigmoidSlope(z);
  out.dl = b * sigmoidSlope(z);
};

const discopopKernel: PairKernel = (rw, rl, k, out) => {
  const z = k.beta * (rw - rl);
  const t = k.tau;
  const u = z / t;
  // Shared transcendentals: e^(−|u|) gives m = σ(u), 1 − m = σ(−u), log m and dm/du; e^(−|z|) gives
  // softplus(−z) and σ(−z).
  const eu = Math.exp(-Math.abs(u));
  const bigU = 1 / (1 + eu);
  const smallU = eu / (1 + eu);
  const m = u >= 0 ? bigU : smallU;
  const oneMinusM = u >= 0 ? smallU : bigU;
  const logM = -(Math.max(-u, 0) + Math.log1p(eu));
  const ez = Math.exp(-Math.abs(z));
  const logistic = Math.max(-z, 0) + Math.log1p(ez); // softplus(−z)
  const sigNegZ = z >= 0 ? ez / (1 + ez) : 1 / (1 + ez);
  // m·e^(−z) in log space: for very negative z, m underflows long before e^(−z) overflows.
  const mExp = Math.exp(logM - z);
  const loss = oneMinusM * logistic + mExp;
  const dm = (m * oneMinusM) / t;
  // d/dz [(1−m)·softplus(−z) + m·e^(−z)], the modulation m included (TRL back-propagates through it);
  // dm/dz·e^(−z) = (1 − m)·m·e^(−z)/τ, again kept in the product form so that it cannot overflow.
  const dz = (oneMinusM * mExp) / t - dm * logistic - oneMinusM * sigNegZ - mExp;
  setMargin(out, loss, k.beta * dz, 1, 1);
};

const sigmoidNormKernel: PairKernel = (rw, rl, k, out) => {
  const z = k.beta * (rw * k.invLw - rl * k.invLl);
  setMargin(out, softplus(-z), -k.beta * sigmoid(-z), k.invLw, k.invLl);
};

/** TRL's sft: F.cross_entropy over the chosen completion tokens of one pair = −log π(y_w)/Lw. */
const sftKernel: PairKernel = (lw, _ll, k, out) => {
  out.loss = -lw * k.invLw;
  out.dw = -k.invLw;
  out.dl = 0;
};

export const PAIR_KERNELS: Record<PairLossType, PairKernel> = {
  sigmoid: sigmoidKernel,
  cdpo: cdpoKernel,
  robust: robustKernel,
  ipo: ipoKernel,
  hinge: hingeKernel,
  exo_pair: exoKernel,
  nca_pair: ncaKernel,
  bco_pair: bcoKernel,
  sppo_hard: sppoHardKernel,
  apo_zero: apoZeroKernel,
  apo_down: apoDownKernel,
  discopop: discopopKernel,
  sigmoid_norm: sigmoidNormKernel,
  sft: sftKernel,
};
