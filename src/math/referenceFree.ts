// TRL's reference-free preference losses (CONVENTIONS.md §7b): SimPO as trl.experimental's
// CPOTrainer(loss_type='simpo') computes it, and ORPOTrainer. Neither has a reference model; both average the
// completion's log-prob per token before the preference term, so the API takes summed log-probs and lengths
// and returns gradients with respect to the sums. Each branch follows TRL's operations in TRL's order, so
// that float64 results agree with TRL's code run in float64 to rounding.
import type {
  ReferenceFreeInput,
  ReferenceFreeLossType,
  ReferenceFreeParams,
  ReferenceFreeResult,
} from './types.ts';
import { sigmoid, softplus } from './stable.ts';
import {
  checkFinite,
  checkLength,
  checkLogProb,
  checkNonNegative,
  checkPositive,
  checkSmoothing,
  fail,
} from './validate.ts';

/** CPOConfig.simpo_gamma's default. */
export const DEFAULT_SIMPO_GAMMA = 0.5;
/** CPOConfig.cpo_alpha's default: the weight of the NLL (behaviour-cloning) term. */
export const DEFAULT_CPO_ALPHA = 1;

export const REFERENCE_FREE_LOSS_TYPES: readonly ReferenceFreeLossType[] = ['simpo', 'orpo'];

/**
 * log(1 − e^x) for x ≤ 0, TRL's `log1mexp` (orpo_trainer.py): the branch at −ln 2 keeps both halves exact
 * (Mächler 2012). −Infinity at x = 0.
 */
export function log1mexp(x: number): number {
  return x < -Math.LN2 ? Math.log1p(-Math.exp(x)) : Math.log(-Math.expm1(x));
}

/**
 * One pair's loss for TRL's reference-free trainers, its exact gradient with respect to the SUMMED
 * policy log-probs (through the per-token averages and the NLL term) and TRL's logged rewards
 * (β × the per-token averages). Throws a RangeError naming the field on invalid input.
 */
export function referenceFreeLoss(
  type: ReferenceFreeLossType,
  input: ReferenceFreeInput,
  params: ReferenceFreeParams,
): ReferenceFreeResult {
  if (type !== 'simpo' && type !== 'orpo') fail('type', "must be 'simpo' or 'orpo'", type);
  if (input === null || typeof input !== 'object') fail('input', 'must be an object', input);
  if (params === null || typeof params !== 'object') fail('params', 'must be an object', params);
  const lw = checkLogProb('policyChosen', input.policyChosen);
  const ll = checkLogProb('policyRejected', input.policyRejected);
  const nw = checkLength('chosenLength', input.chosenLength);
  const nl = checkLength('rejectedLength', input.rejectedLength);
  const beta = checkPositive('beta', params.beta);
  // get_batch_logps(average_log_prob=True): both trainers average over the unmasked completion tokens.
  const a = lw / nw;
  const b = ll / nl;
  const rewards = { rewardChosen: beta * a, rewardRejected: beta * b };
  return type === 'simpo'
    ? { ...simpo(a, b, nw, nl, beta, params), ...rewards }
    : { ...orpo(a, b, lw, nw, nl, beta, input), ...rewards };
}

interface LossAndGradients {
  loss: number;
  dPolicyChosen: number;
  dPolicyRejected: number;
}

/**
 * CPOTrainer.cpo_loss with loss_type 'simpo' and alpha 0 (AlphaPO off), plus cpo_alpha × its NLL.
 * TRL's chosen labels mask the prompt with −100 (tokenize_row), so the NLL is the cross-entropy over the
 * chosen completion tokens only: −policyChosen / chosenLength, the same tokens get_batch_logps averages.
 * The prompt fields are not read.
 */
function simpo(
  a: number,
  b: number,
  nw: number,
  nl: number,
  beta: number,
  params: ReferenceFreeParams,
): LossAndGradients {
  const gamma = checkFinite('simpoGamma', params.simpoGamma ?? DEFAULT_SIMPO_GAMMA);
  const cpoAlpha = checkNonNegative('cpoAlpha', params.cpoAlpha ?? DEFAULT_CPO_ALPHA);
  // TRL does not range-check label_smoothing; [0, 0.5) is cDPO's range, the same formula (CONVENTIONS §2).
  const eps = checkSmoothing(params.labelSmoothing ?? 0, false);
  // TRL: logits = (chosen − rejected) − γ/β, then β·logits (not β(a − b) − γ: the same in exact
  // arithmetic, and this order rounds as TRL does).
  const logits = a - b - gamma / beta;
  const x = beta * logits;
  // −(1−ε) log σ(x) − ε log σ(−x); the ε term only when ε > 0, so that 0·∞ never makes a NaN.
  let losses = (1 - eps) * softplus(-x);
  let slope = -(1 - eps) * sigmoid(-x);
  if (eps > 0) {
    losses += eps * softplus(x);
    slope += eps * sigmoid(x);
  }
  // TRL: nll_loss = 0 when cpo_alpha == 0, else cross-entropy (mean of −log p over the chosen tokens).
  const nll = cpoAlpha === 0 ? 0 : -a;
  const dA = beta * slope - cpoAlpha; // ∂loss/∂a, a = policyChosen / chosenLength
  return {
    loss: losses + cpoAlpha * nll,
    dPolicyChosen: dA / nw,
    dPolicyRejected: (-beta * slope) / nl,
  };
}

/**
 * ORPOTrainer: loss = NLL − λ·log σ(log_odds), log_odds = (a − b) − (log1mexp(a) − log1mexp(b)) on the
 * per-token averages a, b. Its NLL is the cross-entropy over the chosen row's input ids where
 * attention_mask == 1, prompt included, shifted by one: −(policyPrompt + policyChosen) /
 * (promptLength + chosenLength).
 */
function orpo(
  a: number,
  b: number,
  lw: number,
  nw: number,
  nl: number,
  beta: number,
  input: ReferenceFreeInput,
): LossAndGradients {
  const np = input.promptLength ?? 0;
  if (typeof np !== 'number' || !Number.isInteger(np) || np < 0)
    fail('promptLength', 'must be a whole number of tokens ≥ 0', np);
  const lp = checkLogProb('policyPrompt', input.policyPrompt ?? 0);
  if (np === 0 && lp !== 0) fail('policyPrompt', 'must be 0 when promptLength is 0', lp);
  const tokens = np + nw;
  const nll = -(lp + lw) / tokens;
  const logOdds = orpoLogOdds(a, b);
  const ratio = -softplus(-logOdds); // F.logsigmoid(log_odds)
  const [gA, gB] = oddsSlopes(a, b);
  return {
    loss: nll - beta * ratio,
    dPolicyChosen: -1 / tokens - (beta * gA) / nw,
    dPolicyRejected: (beta * gB) / nl,
  };
}

/**
 * ORPO's log_odds = (a − b) − (log(1 − e^a) − log(1 − e^b)) of the per-token means a, b (TRL's operations).
 * Equal averages have equal odds: log_odds = 0. TRL's formula gives that for a = b < 0 too, but NaN
 * (∞ − ∞) at a = b = 0; we take the value on the diagonal a = b there.
 */
export function orpoLogOdds(a: number, b: number): number {
  return a === b ? 0 : a - b - (log1mexp(a) - log1mexp(b));
}

/** What CPOTrainer / ORPOTrainer log besides the rewards, for one pair (inputs as referenceFreeLoss takes them). */
export interface ReferenceFreeLogged {
  /** `nll_loss`: SimPO −a (0 when cpo_alpha is 0, as TRL skips it); ORPO −(prompt + chosen) / tokens. */
  nll: number;
  /** ORPO's `log_odds_chosen` (its per-pair log_odds); NaN for SimPO, which logs none. */
  logOdds: number;
  /** ORPO's `log_odds_ratio`, log σ(log_odds); NaN for SimPO. */
  logOddsRatio: number;
}

/**
 * The pair's logged terms (TRL's `nll_loss`, `log_odds_chosen`, `log_odds_ratio`), from the same
 * operations as referenceFreeLoss. Inputs are assumed valid (call referenceFreeLoss first to check them).
 */
export function referenceFreeLogged(
  type: ReferenceFreeLossType,
  input: ReferenceFreeInput,
  params: ReferenceFreeParams,
): ReferenceFreeLogged {
  const a = input.policyChosen / input.chosenLength;
  if (type === 'simpo') {
    const cpoAlpha = params.cpoAlpha ?? DEFAULT_CPO_ALPHA;
    return { nll: cpoAlpha === 0 ? 0 : -a, logOdds: NaN, logOddsRatio: NaN };
  }
  const np = input.promptLength ?? 0;
  const logOdds = orpoLogOdds(a, input.policyRejected / input.rejectedLength);
  return {
    nll: -((input.policyPrompt ?? 0) + input.policyChosen) / (np + input.chosenLength),
    logOdds,
    logOddsRatio: -softplus(-logOdds),
  };
}

/**
 * σ(−z)·∂z/∂a and −σ(−z)·∂z/∂b for z = logit(e^a) − logit(e^b), i.e. σ(−z)/(1 − e^a) and σ(−z)/(1 − e^b),
 * in a form that neither overflows nor divides ∞ by ∞: with D = e^a(1 − e^b) + e^b(1 − e^a) (two terms ≥ 0,
 * no cancellation), the first is e^b / D and the second (e^b / D)·(1 − e^a)/(1 − e^b). Both are scaled by
 * e^(−max(a, b)) so that log-probs of −1e5 do not underflow to 0/0. At a = 0 (b < 0) the first is the
 * limit e^b/(1 − e^b), finite, though TRL's autograd would meet ∞·0 there; at b = 0 (a < 0) the second is
 * +∞ (the loss is +∞ too); at a = b the two are 1/(2(1 − e^a)), +∞ at 0.
 */
function oddsSlopes(a: number, b: number): [number, number] {
  // 1 − e^x ≥ 0; abs turns expm1(0)'s −0 into +0, so that 1/(1 − e^0) is +∞, not −∞.
  const oneMinusA = Math.abs(Math.expm1(a));
  if (a === b) {
    const g = 1 / (2 * oneMinusA);
    return [g, g];
  }
  const oneMinusB = Math.abs(Math.expm1(b));
  const m = Math.max(a, b);
  const ea = Math.exp(a - m);
  const eb = Math.exp(b - m);
  const gA = eb / (ea * oneMinusB + eb * oneMinusA);
  // At a = 0 the second is exactly 0 (σ(−z) = 0), even where the first overflows (b subnormal): no ∞·0.
  return [gA, oneMinusA === 0 ? 0 : gA * (oneMinusA / oneMinusB)];
}
