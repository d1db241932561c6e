// TRL's f-divergences (DPOConfig.f_divergence_type, the f-DPO paper), as DPOTrainer._compute_loss applies
// them: each log-ratio ρ is replaced by a score f'-like in ρ before the loss reads it —
//   reverse_kl ρ;  forward_kl −e^(−ρ);  js_divergence log σ(ρ);  alpha_divergence e^((α−1)ρ)/(α−1),
// with (α−1)ρ clamped at 80 before the exp (TRL's float32 limit, kept in float64 as the contract says) and
// reverse_kl when |α − 1| < 1e-6. The rewards TRL logs stay β·ρ. A pair loss's row in lossInfo.ts says how
// the scores enter it (DivergenceUse); the gradient is the kernel's, chained through dscore/dρ.
import type { FDivergence, PairLossParams, PairLossType } from './types.ts';
import type { KernelParams, LossAndGrad, PairKernel } from './pairKernels.ts';
import { perTokenMargin, pairLossInfo } from './lossInfo.ts';
import { sigmoid, sigmoidSlope, softplus } from './stable.ts';
import { checkFinite, fail } from './validate.ts';

/** Every f_divergence_type TRL accepts, TRL's default first. */
export const F_DIVERGENCES: readonly FDivergence[] = [
  'reverse_kl',
  'forward_kl',
  'js_divergence',
  'alpha_divergence',
];
/** TRL's default f_alpha_divergence_coef. */
export const DEFAULT_F_ALPHA = 0.5;
/** TRL clamps (α−1)·ρ at this before exp (its float32 / bfloat16 limit); past it the score is constant. */
export const ALPHA_EXPONENT_CLAMP = 80;
/** TRL falls back to reverse_kl (the α → 1 limit) when |α − 1| is below this. */
export const ALPHA_REVERSE_KL_TOLERANCE = 1e-6;

/**
 * Validated divergence settings. DPOConfig enforces no range on α: any finite number is accepted, and the
 * near-1 values become reverse_kl here exactly as TRL's `abs(coef − 1) < 1e-6` branch does.
 */
export function checkDivergence(params: PairLossParams): { divergence: FDivergence; alpha: number } {
  const divergence = params.fDivergence ?? 'reverse_kl';
  if (!F_DIVERGENCES.includes(divergence))
    fail('fDivergence', `must be one of ${F_DIVERGENCES.join(', ')}`, divergence);
  const alpha = checkFinite('fAlphaDivergenceCoef', params.fAlphaDivergenceCoef ?? DEFAULT_F_ALPHA);
  const reverse = divergence === 'alpha_divergence' && Math.abs(alpha - 1) < ALPHA_REVERSE_KL_TOLERANCE;
  return { divergence: reverse ? 'reverse_kl' : divergence, alpha };
}

/** A score and its slope dscore/dρ. */
export interface Score {
  s: number;
  ds: number;
}

/**
 * The score of log-ratio ρ and dscore/dρ. forward_kl overflows to −∞ (slope +∞) for ρ < −709.78, where
 * e^(−ρ) does; the others are finite for every finite ρ (alpha's exponent is clamped; below the clamp its
 * exp may underflow to 0).
 */
export function fScore(divergence: FDivergence, alpha: number, rho: number, out: Score): void {
  switch (divergence) {
    case 'reverse_kl':
      out.s = rho;
      out.ds = 1;
      return;
    case 'forward_kl': {
      const e = Math.exp(-rho);
      out.s = -e;
      out.ds = e;
      return;
    }
    case 'js_divergence':
      // F.logsigmoid(ρ) = −softplus(−ρ); its slope σ(−ρ).
      out.s = -softplus(-rho);
      out.ds = sigmoid(-rho);
      return;
    case 'alpha_divergence': {
      const t = (alpha - 1) * rho;
      // TRL multiplies by coef = 1/(α − 1), so do we (division would round differently).
      const coef = 1 / (alpha - 1);
      // torch.clamp passes the gradient where t ≤ max (inclusive) and blocks it above.
      if (t > ALPHA_EXPONENT_CLAMP) {
        out.s = Math.exp(ALPHA_EXPONENT_CLAMP) * coef;
        out.ds = 0;
      } else {
        const e = Math.exp(t);
        out.s = e * coef;
        out.ds = e;
      }
      return;
    }
  }
}

/**
 * ∂loss/∂score · dscore/dρ; 0 where either factor is 0 (the chain rule's 0·∞ is a slope that underflowed).
 * forward_kl's slope e^(−ρ) overflows for ρ < −709.78 while the product may not (β < 1): then it is taken
 * in log space, e^(log|∂loss/∂score| − ρ).
 */
function chain(dLoss: number, dScore: number, rho: number): number {
  if (dLoss === 0 || dScore === 0) return 0;
  if (dScore === Infinity) return Math.sign(dLoss) * Math.exp(Math.log(Math.abs(dLoss)) - rho);
  return dLoss * dScore;
}

/**
 * forward_kl's margin aw·sw − al·sl = al·e^(−ρl) − aw·e^(−ρw) without overflow or cancellation: factored by
 * e^M, M = max(−ρw, −ρl), so one exponent is 0 and the other −|ρw − ρl|; finite wherever the margin is.
 */
function forwardKlMargin(rw: number, rl: number, aw: number, al: number): number {
  const m = Math.max(-rw, -rl);
  const bracket =
    aw === al
      ? // al·e^(−ρl) − aw·e^(−ρw) = a·e^M·(1 − e^(−|ρw − ρl|))·sign(ρw − ρl): expm1 keeps the small gaps.
        -aw * Math.expm1(-Math.abs(rw - rl)) * Math.sign(rw - rl)
      : al * Math.exp(-rl - m) - aw * Math.exp(-rw - m);
  if (bracket === 0) return 0;
  const scale = Math.exp(m);
  if (Number.isFinite(scale)) return scale * bracket;
  return Math.sign(bracket) * Math.exp(m + Math.log(Math.abs(bracket)));
}

/**
 * The kernel's margin variable, limited so that z = β·margin stays finite: past this every margin loss is
 * saturated (0, or as large as a double goes), and no kernel meets 0·∞ (cdpo's ε·softplus(z) at ε = 0).
 */
function limitMargin(margin: number, beta: number): number {
  // For β > 1 a factor 2 of slack: MAX/β·β can round up past MAX.
  const bound = beta > 1 ? Number.MAX_VALUE / (2 * beta) : Number.MAX_VALUE;
  return Math.min(bound, Math.max(-bound, margin));
}

const scoreW: Score = { s: 0, ds: 0 };
const scoreL: Score = { s: 0, ds: 0 };

/**
 * A pair loss of log-ratios (rw, rl) under k.divergence (not reverse_kl, and a loss whose divergence use is
 * not 'ignored'): the kernel on the scores, its gradient chained back to the log-ratios.
 */
export function evaluateWithDivergence(
  type: PairLossType,
  kernel: PairKernel,
  rw: number,
  rl: number,
  k: KernelParams,
  out: LossAndGrad,
): void {
  const row = pairLossInfo(type);
  fScore(k.divergence, k.alpha, rw, scoreW);
  fScore(k.divergence, k.alpha, rl, scoreL);
  const b = k.beta;
  if (row.divergence === 'secondTerm') {
    // APO-down: σ(β·ρw) + 1 − σ(β·delta_score), delta_score = sw − sl.
    const delta = k.divergence === 'forward_kl' ? forwardKlMargin(rw, rl, 1, 1) : scoreW.s - scoreL.s;
    const z = b * delta;
    const slope = b * sigmoidSlope(z);
    out.loss = sigmoid(b * rw) + sigmoid(-z);
    out.dw = b * sigmoidSlope(b * rw) - chain(slope, scoreW.ds, rw);
    out.dl = chain(slope, scoreL.ds, rl);
    return;
  }
  if (k.divergence === 'forward_kl' && row.marginOnly) {
    // The kernel reads only its margin aw·sw − al·sl: hand it that margin, computed stably, as (m/aw, 0).
    const perToken = perTokenMargin(type, { ipoNormalization: k.ipoSum ? 'sum' : 'token' });
    const aw = perToken ? k.invLw : 1;
    const al = perToken ? k.invLl : 1;
    const margin = limitMargin(forwardKlMargin(rw, rl, aw, al), b);
    kernel(limitMargin(margin / aw, b), 0, k, out);
  } else {
    kernel(scoreW.s, scoreL.s, k, out);
  }
  out.dw = chain(out.dw, scoreW.ds, rw);
  out.dl = chain(out.dl, scoreL.ds, rl);
}
