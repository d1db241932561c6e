// KTO (unpaired thumbs-up / thumbs-down) and its reference point, as TRL's KTOTrainer computes them.
import type { KtoInput, KtoLossType, KtoParams, KtoResult } from './types.ts';
import { sigmoid, sigmoidSlope } from './stable.ts';
import { checkFinite, checkLogProb, checkNonNegative, checkPositive, fail } from './validate.ts';
import { KTO_LOSS_TYPES, LOSS_INFO, checkKtoType, lossReads } from './lossInfo.ts';

export { KTO_LOSS_TYPES, checkKtoType } from './lossInfo.ts';

/**
 * TRL's range for λD·nD / (λU·nU) (kto_trainer.py, from the KTO paper's Eq. 8, where the upper end is 4/3; TRL
 * writes 1.33). TRL checks it, over the whole training set, only when the desirable and undesirable counts
 * differ (`if num_desirable != num_undesirable`), and warns when the weights are outside it.
 */
export const KTO_WEIGHT_RATIO_RANGE: readonly [number, number] = [1, 1.33];

/** Defaults of the settings KTO reads (apo_zero_unpaired reads the same weights and no z0). */
const KTO_DEFAULTS = LOSS_INFO.kto.settings;

/** Validated KTO parameters: every setting present (the row's default where none was given). */
export type CheckedKtoParams = Required<KtoParams>;

export function checkKtoParams(params: KtoParams): CheckedKtoParams {
  if (params === null || typeof params !== 'object') fail('params', 'must be an object', params);
  return {
    beta: checkPositive('beta', params.beta),
    z0: checkFinite('z0', params.z0 ?? KTO_DEFAULTS.z0),
    desirableWeight: checkNonNegative(
      'desirableWeight',
      params.desirableWeight ?? KTO_DEFAULTS.desirableWeight,
    ),
    undesirableWeight: checkNonNegative(
      'undesirableWeight',
      params.undesirableWeight ?? KTO_DEFAULTS.undesirableWeight,
    ),
  };
}

/** Whether each unpaired loss has a reference point (APO-zero compares ρ with 0), looked up once. */
const READS_Z0 = Object.fromEntries(KTO_LOSS_TYPES.map((t) => [t, lossReads(t, 'z0')])) as Record<
  KtoLossType,
  boolean
>;

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
  const shift = READS_Z0[type] ? p.z0 : 0;
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
