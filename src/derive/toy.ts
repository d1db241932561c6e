// The toy policy as the app state describes it, and its training runs for views 3, 5 and 6. Results are
// memoised on the fields they read, so several views asking in one render train each loss once.
import {
  buildToyProblem,
  detectDivergence,
  isKtoLoss,
  logit,
  rlhfOptimum,
  trainToyPolicy,
  type LossId,
  type ToySpec,
  type ToyTrainConfig,
} from '../../math/index.ts';
import type { TrainingRunInput } from '../../figures/types.ts';
import type { AppState } from '../appState.ts';
import { smoothingFor, type LossParamFields } from './lossParams.ts';

export type ToyFields = LossParamFields &
  Pick<
    AppState,
    | 'losses'
    | 'responses'
    | 'refProbs'
    | 'features'
    | 'similarity'
    | 'dataset'
    | 'preferenceProb'
    | 'rewards'
    | 'optimizer'
    | 'learningRate'
    | 'steps'
  >;

/** Every field the toy results depend on, in a fixed order (the memo key and the worker message). */
export const TOY_FIELDS = [
  'losses',
  'beta',
  'labelSmoothing',
  'ipoNormalization',
  'discopopTau',
  'desirableWeight',
  'undesirableWeight',
  'z0Mode',
  'z0',
  'responses',
  'refProbs',
  'features',
  'similarity',
  'dataset',
  'preferenceProb',
  'rewards',
  'optimizer',
  'learningRate',
  'steps',
] as const satisfies readonly (keyof ToyFields)[];

export function pickToyFields(s: ToyFields): ToyFields {
  const out = {} as Record<string, unknown>;
  for (const k of TOY_FIELDS) out[k] = s[k];
  return out as ToyFields;
}

export function toySpecOf(s: ToyFields): ToySpec {
  return {
    refLogits: s.refProbs.map(Math.log),
    features: s.features,
    similarity: s.similarity,
    dataset:
      s.dataset === 'pair'
        ? { kind: 'pair', p: s.preferenceProb }
        : s.dataset === 'ranking'
          ? { kind: 'ranking', rewards: s.rewards }
          : { kind: 'thumbs-down' },
  };
}

export function toyConfigOf(s: ToyFields, id: LossId): ToyTrainConfig {
  return {
    loss: {
      type: id,
      beta: s.beta,
      labelSmoothing: smoothingFor(id, s.labelSmoothing),
      ipoNormalization: s.ipoNormalization,
      discopopTau: s.discopopTau,
      desirableWeight: s.desirableWeight,
      undesirableWeight: s.undesirableWeight,
      z0: s.z0Mode === 'fixed' ? s.z0 : s.z0Mode,
    },
    optimizer: s.optimizer,
    learningRate: s.learningRate,
    steps: s.steps,
  };
}

/** Pair losses need pairs: with thumbs-down data only the unpaired losses can train. */
export function canTrain(s: Pick<ToyFields, 'dataset'>, id: LossId): boolean {
  return s.dataset !== 'thumbs-down' || isKtoLoss(id);
}

export interface ToyRuns {
  runs: TrainingRunInput[];
  /** Chosen losses the data cannot train (pair losses on thumbs-down data). */
  untrainable: LossId[];
}

export function computeTrainingRuns(s: ToyFields): ToyRuns {
  const problem = buildToyProblem(toySpecOf(s));
  const runs: TrainingRunInput[] = [];
  const untrainable: LossId[] = [];
  for (const id of s.losses) {
    if (!canTrain(s, id)) {
      untrainable.push(id);
      continue;
    }
    const t = trainToyPolicy(problem, toyConfigOf(s, id));
    runs.push({
      id,
      probs: t.probs,
      metrics: t.metrics,
      chosenLogRatio: t.logRatios.map((r) => r[0]),
      rejectedLogRatio: t.logRatios.map((r) => r[1]),
      loss: t.loss,
      divergence: detectDivergence(t),
    });
  }
  return { runs, untrainable };
}

/**
 * The KL-regularised RLHF optimum π* ∝ π_ref·exp(r/β) for the toy's data: the hidden rewards for a
 * ranking; for one pair, the rewards ±½·logit(p) on y_w and y_l and 0 elsewhere (what DPO's tabular limit
 * implies); none when p is 0 or 1 (no finite reward) or for thumbs-down data.
 */
export function toyRlhfOptimum(s: ToyFields): number[] | null {
  const refLogits = s.refProbs.map(Math.log);
  if (s.dataset === 'ranking') return rlhfOptimum(refLogits, s.rewards, s.beta);
  if (s.dataset === 'pair' && s.preferenceProb > 0 && s.preferenceProb < 1) {
    const half = logit(s.preferenceProb) / 2;
    return rlhfOptimum(
      refLogits,
      refLogits.map((_, k) => (k === 0 ? half : k === 1 ? -half : 0)),
      s.beta,
    );
  }
  return null;
}

/** One-entry memo: the views of one render share a single computation. */
export function memoOnFields<T>(compute: (s: ToyFields) => T): (s: ToyFields) => T {
  let lastKey = '';
  let lastValue: T | undefined;
  return (s) => {
    const key = JSON.stringify(pickToyFields(s));
    if (lastValue === undefined || key !== lastKey) {
      lastValue = compute(s);
      lastKey = key;
    }
    return lastValue;
  };
}

export const trainingRunsOf = memoOnFields(computeTrainingRuns);
