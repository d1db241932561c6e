// Thumbs-down data (AppState.dataset 'thumbs-down'): one undesirable example on response A (response 0) and
// nothing else. There is no pair, so the loss, gradient and plane views and the readout must not speak of
// y_w, y_l, a margin h or a preference probability p. What the data do have: each KTO-family loss's one
// example, against its log-ratio ρ_A = log π(A) − log π_ref(A), with the reference point z0 its own run used
// at the step shown (TRL's `kl` metric; the toy recomputes it every step, math/toy/objective.ts ktoZ0). Pair
// losses cannot train on these data (toy.ts canTrain) and get no numbers at all.
import {
  isKtoLoss,
  ktoExampleCurve,
  ktoLoss,
  lossReads,
  ratioGrid,
  type KtoLossType,
  type LossId,
  type RatioCurve,
} from '../math/index.ts';
import type { TrainingRunInput } from './types.ts';
import { ktoParamsOf, refLogProbsOf, type LossParamFields, type PairFields } from './mathParams.ts';
import { runStepAt, type RunStep } from './atStep.ts';
import { marginHalfWidth, CURVE_POINTS } from './pairCurves.ts';
import type { AppState } from '../state/appState.ts';

export function isThumbsDown(s: Pick<AppState, 'dataset'>): boolean {
  return s.dataset === 'thumbs-down';
}

/** What the thumbs-down numbers read: the settings and the reference of A. */
export type ThumbsFields = LossParamFields & Pick<PairFields, 'refProbs'>;

/** One KTO-family loss's single undesirable example at one step of its run. */
export interface ThumbsPoint extends RunStep {
  /** ρ_A at the step. */
  rho: number;
  /** log π(A) at the step (TRL's logps/rejected). */
  logp: number;
  /** The reference point the step used (TRL's kl; ignored by unpaired APO-zero, which compares ρ with 0). */
  z0: number;
  loss: number;
  /** ∂loss/∂log π(A): positive, so gradient descent pushes π(A) down. */
  dLogp: number;
  /** TRL's rewards/rejected for a batch of this one example: β·ρ_A. */
  rewardRejected: number;
}

/** The example at cursor `t` of `run` (its last trusted step when it diverged before t). */
export function thumbsPointAt(
  id: KtoLossType,
  s: ThumbsFields,
  run: TrainingRunInput,
  t: number,
): ThumbsPoint {
  const at = runStepAt(run, t);
  const rho = run.chosenLogRatio[at.step];
  // A moving reference (TR-DPO): the step's π_ref(A), so the point is the model and reference of that step.
  const moved = run.refProbs?.[at.step];
  const refA = moved ? Math.log(moved[0]) : refLogProbsOf(s)[0];
  // The run records z0 as TRL's `kl` metric at every step.
  const z0 = run.metrics.kl?.[at.step] ?? ktoParamsOf(s).z0;
  const logp = Math.min(0, refA + rho);
  const r = ktoLoss(id, { policy: logp, ref: refA, desirable: false }, { ...ktoParamsOf(s), z0 });
  return { ...at, rho, logp, z0, loss: r.loss, dLogp: r.dPolicy, rewardRejected: r.reward };
}

/** One KTO-family loss in the thumbs-down loss and gradient views. */
export interface ThumbsCurveInput {
  id: KtoLossType;
  /** The example's loss and ∂loss/∂log π(A) along ρ_A, drawn with the z0 of the step shown. */
  curve: RatioCurve;
  at: ThumbsPoint;
}

export interface ThumbsCurves {
  curves: ThumbsCurveInput[];
  /** The chosen pair losses: these data have no pair for them. */
  pairLosses: LossId[];
}

/**
 * The ρ_A axis: symmetric about 0 and as wide as the pair views' margin axis (at least ±CURVE_SPAN nats),
 * widened to keep every step of every run and its z0 in view, so that it holds still while the cursor moves.
 */
export function thumbsHalfWidth(runs: readonly TrainingRunInput[]): number {
  const reach: number[] = [];
  for (const run of runs) {
    for (const r of run.chosenLogRatio) if (Number.isFinite(r)) reach.push(r);
    for (const z of run.metrics.kl ?? []) if (Number.isFinite(z)) reach.push(z);
  }
  return marginHalfWidth(0, reach);
}

/** The loss and gradient views' input under thumbs-down data, each loss's dot at cursor `t`. */
export function thumbsCurvesAt(
  s: ThumbsFields & Pick<AppState, 'losses'>,
  runs: readonly TrainingRunInput[],
  t: number,
): ThumbsCurves {
  const kto = runs.filter((r): r is TrainingRunInput & { id: KtoLossType } => isKtoLoss(r.id));
  const half = thumbsHalfWidth(kto);
  const grid = ratioGrid(-half, half, CURVE_POINTS);
  const curves = kto.map((run) => {
    const at = thumbsPointAt(run.id, s, run, t);
    const curve = ktoExampleCurve(run.id, { ...ktoParamsOf(s), z0: at.z0 }, grid, false);
    return { id: run.id, curve, at };
  });
  return { curves, pairLosses: s.losses.filter((id) => !isKtoLoss(id)) };
}

/** One readout column under thumbs-down data: a KTO-style loss's example at the cursor, or a pair loss (no numbers). */
export type ThumbsColumn =
  { id: LossId; kind: 'pair' } | { id: KtoLossType; kind: 'kto'; at: ThumbsPoint; readsZ0: boolean };

/** The readout's columns, one per chosen loss, each from its own run at cursor `t`. */
export function thumbsColumnsAt(
  s: ThumbsFields & Pick<AppState, 'losses'>,
  runs: readonly TrainingRunInput[],
  t: number,
): ThumbsColumn[] {
  return s.losses.map((id): ThumbsColumn => {
    const run = runs.find((r) => r.id === id);
    if (!isKtoLoss(id) || !run) return { id, kind: 'pair' };
    return { id, kind: 'kto', at: thumbsPointAt(id, s, run, t), readsZ0: lossReads(id, 'z0') };
  });
}
