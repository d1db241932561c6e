// The toy policy as the app state describes it, and its training runs for the training, plane and simplex
// views. Results are memoised on the fields they read, so several views asking in one render train each
// loss once.
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
} from '../math/index.ts';
import type { TrainingRunInput } from './types.ts';
import { memoByFields, pickFields, sameFields, stateFields, type FieldsOf } from '../state/pickFields.ts';
import {
  LOSS_PARAM_FIELDS,
  REF_SYNC_FIELDS,
  refLogProbsOf,
  toyLengthsOf,
  toyLossOf,
  toyRefSyncOf,
} from './mathParams.ts';

/** Every field the toy results depend on, in a fixed order (the memo key and the worker message). */
export const TOY_FIELDS = stateFields(
  'losses',
  ...LOSS_PARAM_FIELDS,
  'responses',
  'refProbs',
  'startLogRatios',
  'chosenLength',
  'rejectedLength',
  'features',
  'similarity',
  'dataset',
  'preferenceProb',
  'rewards',
  'optimizer',
  'learningRate',
  'steps',
  ...REF_SYNC_FIELDS,
);
export type ToyFields = FieldsOf<typeof TOY_FIELDS>;

export function toySpecOf(s: ToyFields): ToySpec {
  return {
    refLogits: refLogProbsOf(s),
    startOffsets: [...s.startLogRatios],
    lengths: toyLengthsOf(s),
    features: s.features,
    similarity: s.similarity,
    dataset:
      s.dataset === 'pair'
        ? { kind: 'pair', p: s.preferenceProb }
        : s.dataset === 'ranking'
          ? { kind: 'ranking', rewards: s.rewards }
          : s.dataset === 'order'
            ? { kind: 'order' }
            : { kind: 'thumbs-down' },
  };
}

export function toyConfigOf(s: ToyFields, id: LossId): ToyTrainConfig {
  const refSync = toyRefSyncOf(id, s);
  return {
    loss: toyLossOf(id, s),
    optimizer: s.optimizer,
    learningRate: s.learningRate,
    steps: s.steps,
    ...(refSync ? { refSync } : {}),
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
      ...(t.refLogProbs ? { refProbs: t.refLogProbs.map((row) => row.map(Math.exp)) } : {}),
    });
  }
  return { runs, untrainable };
}

/**
 * The KL-regularised RLHF optimum π* ∝ π_ref·exp(r/β) for the toy's data: the hidden rewards for a
 * ranking; for one pair, the rewards ±½·logit(p) on y_w and y_l and 0 elsewhere (what DPO's tabular limit
 * implies); none when p is 0 or 1 (no finite reward), for a deterministic order (likewise) or thumbs-down data.
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

/**
 * true when the policy starts at the reference: every start offset the same (a common shift of the logits
 * leaves softmax unchanged), so every log-ratio is 0 at step 0.
 */
export function startsAtReference(s: Pick<ToyFields, 'startLogRatios'>): boolean {
  return s.startLogRatios.every((d) => Math.abs(d - s.startLogRatios[0]) <= 1e-12);
}

/** One-entry memo over exactly TOY_FIELDS: the views of one render share a single computation. */
export const memoOnFields = <T>(compute: (s: ToyFields) => T): ((s: ToyFields) => T) =>
  memoByFields(TOY_FIELDS, compute);

/** How much training a state asks for: the sizes a "training…" note names, and their product. */
export interface TrainingSize {
  responses: number;
  steps: number;
  /** The chosen losses the data can train. */
  losses: number;
}

export function trainingSizeOf(
  s: Pick<ToyFields, 'responses' | 'steps' | 'losses' | 'dataset'>,
): TrainingSize {
  return { responses: s.responses, steps: s.steps, losses: s.losses.filter((id) => canTrain(s, id)).length };
}

/**
 * Above this many response-steps (K × (steps + 1) × losses) a training runs off the main thread. One
 * response-step costs ~0.3 µs warm in Node but several times that cold in a browser, so the default screen
 * (3 losses × 301 steps × K = 4 ≈ 3,600) and anything up to ~4 losses × 2,000 steps × K = 5 stay
 * synchronous (a drag shows its result in the same frame), while the heaviest link (15 losses × 2,001
 * steps × K = 6 ≈ 180,000; ~0.5 s cold) never blocks the page.
 */
export const HEAVY_TRAINING_WORK = 40_000;

export function isHeavyTraining(s: Pick<ToyFields, 'responses' | 'steps' | 'losses' | 'dataset'>): boolean {
  const { responses, steps, losses } = trainingSizeOf(s);
  return responses * (steps + 1) * losses > HEAVY_TRAINING_WORK;
}

/**
 * A one-entry memo of computeTrainingRuns over TOY_FIELDS that can also be read without computing (`peek`)
 * and be handed a result computed elsewhere (`prime`: a worker's, for exactly those fields), so every view
 * and readout of one state share one training wherever it ran.
 */
export interface RunsMemo {
  (s: ToyFields): ToyRuns;
  peek(s: ToyFields): ToyRuns | undefined;
  prime(s: ToyFields, runs: ToyRuns): void;
}

export function runsMemo(): RunsMemo {
  let last: { fields: ToyFields; runs: ToyRuns } | null = null;
  const peek = (s: ToyFields) => (last && sameFields(last.fields, s, TOY_FIELDS) ? last.runs : undefined);
  const prime = (s: ToyFields, runs: ToyRuns) => {
    last = { fields: pickFields(s, TOY_FIELDS), runs };
  };
  const memo = (s: ToyFields): ToyRuns => {
    const known = peek(s);
    if (known) return known;
    const runs = computeTrainingRuns(s);
    prime(s, runs);
    return runs;
  };
  return Object.assign(memo, { peek, prime });
}

/** The main run's training, shared by every view and readout. */
export const trainingRunsOf = runsMemo();
