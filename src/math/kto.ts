// KTO (unpaired thumbs-up / thumbs-down) and its reference point, as TRL's KTOTrainer computes them.
import type { KtoInput, KtoLossType, KtoParams, KtoResult } from './types.ts';
import { sigmoid, sigmoidSlope } from './stable.ts';
import { checkFinite, checkLogProb, checkNonNegative, checkPositive, fail } from './validate.ts';

export const KTO_LOSS_TYPES: readonly KtoLossType[] = ['kto', 'apo_zero_unpaired'];

export interface CheckedKtoParams {
  beta: number;
  z0: number;
  desirableWeight: number;
  undesirableWeight: number;
}

export function checkKtoParams(params: KtoParams): CheckedKtoParams {
  if (params === null || typeof params !== 'object') fail('params', 'must be an object', params);
  return {
    beta: checkPositive('beta', params.beta),
    z0: checkFinite('z0', params.z0 ?? 0),
    desirableWeight: checkNonNegative('desirableWeight', params.desirableWeight ?? 1),
    undesirableWeight: checkNonNegative('undesirableWeight', params.undesirableWeight ?? 1),
  };
}

export function checkKtoType(type: unknown): KtoLossType {
  if (type !== 'kto' && type !== 'apo_zero_unpaired') fail('type', 'is not a known KTO loss', type);
  return type;
}

/**
 * Loss and ∂loss/∂ρ of one unpaired example with log-ratio ρ. z0 is a constant (not back-propagated),
 * as in TRL and the paper. Allocation-free core for curves and training.
 */
export function ktoLossOfRatio(
  type: KtoLossType,
  rho: number,
  desirable: boolean,
  p: CheckedKtoParams,
  out: { loss: number; d: number },
): void {
  const shift = type === 'kto' ? p.z0 : 0;
  const z = p.beta * (rho - shift);
  if (desirable) {
    // λD·(1 − σ(β(ρ − z0))) = λD·σ(−β(ρ − z0))
    out.loss = p.desirableWeight * sigmoid(-z);
    out.d = -p.desirableWeight * p.beta * sigmoidSlope(z);
  } else {
    // λU·(1 − σ(β(z0 − ρ))) = λU·σ(β(ρ − z0))
    out.loss = p.undesirableWeight * sigmoid(z);
    out.d = p.undesirableWeight * p.beta * sigmoidSlope(z);
  }
}

/** One unpaired example's loss, gradient with respect to log π(y), and implicit reward β·ρ. */
export function ktoLoss(type: KtoLossType, input: KtoInput, params: KtoParams): KtoResult {
  const t = checkKtoType(type);
  const p = checkKtoParams(params);
  if (input === null || typeof input !== 'object') fail('input', 'must be an object', input);
  const policy = checkLogProb('policy', input.policy);
  const ref = checkLogProb('ref', input.ref);
  if (typeof input.desirable !== 'boolean') fail('desirable', 'must be true or false', input.desirable);
  const rho = policy - ref;
  const out = { loss: 0, d: 0 };
  ktoLossOfRatio(t, rho, input.desirable, p, out);
  return { loss: out.loss, dPolicy: out.d, reward: p.beta * rho };
}

/**
 * TRL's KL reference point from mismatched (prompt, other completion) pairs: max(0, mean(policy − ref)).
 * Not multiplied by β: TRL puts β inside σ instead. An empty list has no estimate and gives 0.
 */
export function ktoReferencePoint(mismatched: { policy: number; ref: number }[]): number {
  if (!Array.isArray(mismatched)) fail('mismatched', 'must be an array', mismatched);
  if (mismatched.length === 0) return 0;
  let sum = 0;
  mismatched.forEach((m, i) => {
    if (m === null || typeof m !== 'object') fail(`mismatched[${i}]`, 'must be an object', m);
    sum += checkLogProb(`mismatched[${i}].policy`, m.policy) - checkLogProb(`mismatched[${i}].ref`, m.ref);
  });
  return Math.max(0, sum / mismatched.length);
}
