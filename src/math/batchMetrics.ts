// TRL's logged DPO metrics for one batch, under TRL's own names.
import type { BatchMetrics, PairInput, PairLossParams, PairLossType } from './types.ts';
import { checkPairInput, checkPairLossType, evaluateCheckedPair, kernelParams } from './pairLoss.ts';
import { batchLoss } from './batchLoss.ts';
import { fail } from './validate.ts';

export function batchMetrics(type: PairLossType, pairs: PairInput[], params: PairLossParams): BatchMetrics {
  const t = checkPairLossType(type);
  const k = kernelParams(t, params);
  if (!Array.isArray(pairs) || pairs.length === 0) fail('pairs', 'must be a non-empty array', pairs);
  const sums = { loss: 0, chosen: 0, rejected: 0, margin: 0, accuracy: 0, logpChosen: 0, logpRejected: 0 };
  for (const raw of pairs) {
    const pair = checkPairInput(raw);
    const r = evaluateCheckedPair(t, pair, k);
    sums.loss += r.loss;
    sums.chosen += r.rewardChosen;
    sums.rejected += r.rewardRejected;
    sums.margin += r.rewardMargin;
    sums.accuracy += r.rewardAccuracy;
    // Summed log-probs, not per token, whatever TRL's docs suggest.
    sums.logpChosen += pair.policyChosen;
    sums.logpRejected += pair.policyRejected;
  }
  const n = pairs.length;
  return {
    // TRL's logged loss is the batch loss: the mean of the per-pair losses, except sft's token-weighted
    // cross-entropy (the same number, summed in the same order, for every other type).
    loss: t === 'sft' ? batchLoss([{ type: t }], pairs, params).loss : sums.loss / n,
    'rewards/chosen': sums.chosen / n,
    'rewards/rejected': sums.rejected / n,
    'rewards/margins': sums.margin / n,
    'rewards/accuracies': sums.accuracy / n,
    'logps/chosen': sums.logpChosen / n,
    'logps/rejected': sums.logpRejected / n,
  };
}
