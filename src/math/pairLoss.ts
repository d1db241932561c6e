// The public pairLoss: validation, defaults, the kernel, and TRL's implicit rewards.
import type { PairInput, PairLossParams, PairLossResult, PairLossType } from './types.ts';
import { PAIR_KERNELS, type KernelParams, type LossAndGrad } from './pairKernels.ts';
import { LOSS_INFO, checkPairLossType, excludesZero, pairLossInfo } from './lossInfo.ts';
import { checkDivergence, evaluateWithDivergence } from './fDivergence.ts';
import { checkLength, checkLogProb, checkPositive, checkSmoothing, fail } from './validate.ts';

export { checkPairLossType, DEFAULT_DISCOPOP_TAU, DEFAULT_EXO_SMOOTHING } from './lossInfo.ts';

/**
 * Validates params for `type` and returns them in kernel form (lengths filled in per pair). A setting the
 * loss does not read (its row in lossInfo.ts) gets a neutral value; ipoNormalization is checked always.
 */
export function kernelParams(type: PairLossType, params: PairLossParams): KernelParams {
  if (params === null || typeof params !== 'object') fail('params', 'must be an object', params);
  const defaults = pairLossInfo(type).settings;
  const beta = checkPositive('beta', params.beta);
  const eps =
    defaults.labelSmoothing === undefined
      ? 0
      : checkSmoothing(
          params.labelSmoothing ?? defaults.labelSmoothing,
          excludesZero(type, 'labelSmoothing'),
        );
  const tau =
    defaults.discopopTau === undefined
      ? 1
      : checkPositive('discopopTau', params.discopopTau ?? defaults.discopopTau);
  const norm = params.ipoNormalization ?? LOSS_INFO.ipo.settings.ipoNormalization;
  if (norm !== 'token' && norm !== 'sum') fail('ipoNormalization', "must be 'token' or 'sum'", norm);
  const { divergence, alpha } = checkDivergence(params);
  return { beta, eps, tau, ipoSum: norm === 'sum', invLw: 1, invLl: 1, divergence, alpha };
}

/** A validated pair: every field present (lengths default to 1). */
export type CheckedPair = Required<PairInput>;

export function checkPairInput(input: PairInput): CheckedPair {
  if (input === null || typeof input !== 'object') fail('input', 'must be an object', input);
  return {
    policyChosen: checkLogProb('policyChosen', input.policyChosen),
    policyRejected: checkLogProb('policyRejected', input.policyRejected),
    refChosen: checkLogProb('refChosen', input.refChosen),
    refRejected: checkLogProb('refRejected', input.refRejected),
    chosenLength: checkLength('chosenLength', input.chosenLength),
    rejectedLength: checkLength('rejectedLength', input.rejectedLength),
  };
}

/** Evaluates an already-validated pair; shared by pairLoss and batchMetrics. */
export function evaluateCheckedPair(
  type: PairLossType,
  pair: CheckedPair,
  k: KernelParams,
  scratch: LossAndGrad = { loss: 0, dw: 0, dl: 0 },
): PairLossResult {
  const rw = pair.policyChosen - pair.refChosen;
  const rl = pair.policyRejected - pair.refRejected;
  k.invLw = 1 / pair.chosenLength;
  k.invLl = 1 / pair.rejectedLength;
  const row = pairLossInfo(type);
  const kernel = PAIR_KERNELS[type];
  if (row.reads === 'logProbs') kernel(pair.policyChosen, pair.policyRejected, k, scratch);
  // reverse_kl keeps the kernel on the log-ratios themselves: the numbers from before f-divergences existed.
  else if (k.divergence === 'reverse_kl' || row.divergence === 'ignored') kernel(rw, rl, k, scratch);
  else evaluateWithDivergence(type, kernel, rw, rl, k, scratch);
  const rewardChosen = k.beta * rw;
  const rewardRejected = k.beta * rl;
  return {
    loss: scratch.loss,
    dPolicyChosen: scratch.dw,
    dPolicyRejected: scratch.dl,
    rewardChosen,
    rewardRejected,
    rewardMargin: rewardChosen - rewardRejected,
    rewardAccuracy: rewardChosen > rewardRejected ? 1 : 0,
  };
}

/**
 * One pair's loss, its gradient with respect to the policy's summed log-probs, and TRL's implicit rewards.
 * Throws a RangeError naming the field on invalid input.
 */
export function pairLoss(type: PairLossType, input: PairInput, params: PairLossParams): PairLossResult {
  const checkedType = checkPairLossType(type);
  const k = kernelParams(checkedType, params);
  return evaluateCheckedPair(checkedType, checkPairInput(input), k);
}
