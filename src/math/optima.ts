// Closed-form optima (../shared/CONVENTIONS.md §6), for tests and for the overlays on the plots.
// `p` is the probability that the chosen response is really preferred; the optimum minimises the expected
// loss p·L(h) + (1 − p)·L(−h). ±Infinity means the loss drives the margin without bound; null means the
// loss has no closed form here. Which loss has which optimum is its row in lossInfo.ts, whose
// optimalMargin dispatches to these.
import { logit, logSumExp, sigmoid } from './stable.ts';
import { checkPositive, checkProbability, checkSmoothing, fail } from './validate.ts';

/** DPO: βh* = logit(p). */
export function dpoOptimalMargin(p: number, beta: number): number {
  return logit(checkProbability('p', p)) / checkPositive('beta', beta);
}

/** cDPO: σ(βh*) = p(1 − ε) + (1 − p)ε. */
export function cdpoOptimalMargin(p: number, beta: number, eps: number): number {
  checkProbability('p', p);
  checkSmoothing(eps, false);
  return logit(p * (1 - eps) + (1 - p) * eps) / checkPositive('beta', beta);
}

/** Robust DPO: σ(βh*) = (p − ε)/(1 − 2ε) for ε < p < 1 − ε; outside that range the loss is unbounded below. */
export function robustOptimalMargin(p: number, beta: number, eps: number): number {
  checkProbability('p', p);
  checkSmoothing(eps, false);
  checkPositive('beta', beta);
  if (p <= eps) return -Infinity;
  if (p >= 1 - eps) return Infinity;
  return logit((p - eps) / (1 - 2 * eps)) / beta;
}

/**
 * IPO: h̄* = (2p − 1)/(2β), in the loss's own margin: per-token averaged (TRL) or summed (the paper).
 */
export function ipoOptimalMargin(p: number, beta: number): number {
  return (2 * checkProbability('p', p) - 1) / (2 * checkPositive('beta', beta));
}

/** SLiC hinge: βh* = 1 for p > ½ (−1 for p < ½; any point of [−1/β, 1/β] at p = ½, where we give 0). */
export function hingeOptimalMargin(p: number, beta: number): number {
  checkProbability('p', p);
  checkPositive('beta', beta);
  return p > 0.5 ? 1 / beta : p < 0.5 ? -1 / beta : 0;
}

/** EXO: βh* = (2p − 1)·logit(1 − ε); at p = 1, σ(βh*) = 1 − ε. */
export function exoOptimalMargin(p: number, beta: number, eps: number): number {
  checkProbability('p', p);
  checkSmoothing(eps, true);
  return ((2 * p - 1) * logit(1 - eps)) / checkPositive('beta', beta);
}

/**
 * The KL-regularised RLHF optimum π*(y) ∝ π_ref(y)·exp(r(y)/β), from reference log-probs (or logits:
 * any additive constant cancels) and rewards.
 */
export function rlhfOptimum(
  refLogits: readonly number[],
  rewards: readonly number[],
  beta: number,
): number[] {
  checkPositive('beta', beta);
  if (refLogits.length !== rewards.length) throw new RangeError('rewards must have one entry per response');
  const logits = refLogits.map((l, i) => l + rewards[i] / beta);
  const lse = logSumExp(logits);
  return logits.map((l) => Math.exp(l - lse));
}

/**
 * Two responses, tabular policy, reference probability `refChosen` for y_w (½ = uniform): the converged
 * π*(y_w). DPO: logit π* = logit π_ref + logit(p)/β; IPO (lengths 1): logit π* = logit π_ref + (p − ½)/β.
 */
export function twoResponseOptimum(
  type: 'sigmoid' | 'ipo',
  p: number,
  beta: number,
  refChosen = 0.5,
): number {
  if (type !== 'sigmoid' && type !== 'ipo') fail('type', "must be 'sigmoid' or 'ipo'", type);
  checkProbability('refChosen', refChosen);
  const h = type === 'sigmoid' ? dpoOptimalMargin(p, beta) : ipoOptimalMargin(p, beta);
  return sigmoid(logit(refChosen) + h);
}
