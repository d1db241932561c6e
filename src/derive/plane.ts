// The plane view's grid: one chosen loss over the (ρw, ρl) plane, wide enough to hold the pair, the training
// path of that loss and the region where the loss changes (a few 1/β around the origin).
import {
  isKtoLoss,
  isReferenceFreeLoss,
  isPairLoss,
  ktoPairPlane,
  ldPair,
  LD_ALPHA_OFF,
  pairLossInfo,
  pairLossPlane,
  referenceFreePlane,
  trustedSteps,
  type LossId,
} from '../math/index.ts';
import type { PlaneGridInput, TrainingRunInput } from './types.ts';
import { runStepAt } from './atStep.ts';
import {
  ktoParamsOf,
  ldAlphaOf,
  pairInputOf,
  pairParamsOf,
  referenceFreeParamsOf,
  sftWeightOf,
  extraTermsOf,
  wpoPairWeightOf,
  type LossParamFields,
  type PairFields,
} from './mathParams.ts';

/** What the pair is made of: the plane marks the pair and keeps it in view. */
export type PlanePairFields = PairFields;

function pairLogRatios(s: PlanePairFields): { chosenLogRatio: number; rejectedLogRatio: number } {
  const p = pairInputOf(s);
  return { chosenLogRatio: p.policyChosen - p.refChosen, rejectedLogRatio: p.policyRejected - p.refRejected };
}

export const PLANE_POINTS = 61;

function extent(values: number[], lo: number, hi: number): [number, number] {
  let a = lo;
  let b = hi;
  for (const v of values) {
    if (Number.isFinite(v)) {
      a = Math.min(a, v);
      b = Math.max(b, v);
    }
  }
  const pad = 0.08 * (b - a || 1);
  return [a - pad, b + pad];
}

function linspace([a, b]: [number, number], n: number): number[] {
  return Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}

/**
 * Whether loss `id`'s plane depends on the reference itself, not only on the log-ratios (sft, or an SFT term
 * beside the loss: log π(y_w) = ρw + log π_ref(y_w)). With TR-DPO's moving reference such a plane follows the
 * cursor's step.
 */
function planeReadsReference(id: LossId, s: LossParamFields): boolean {
  return (isPairLoss(id) && pairLossInfo(id).reads === 'logProbs') || sftWeightOf(id, s) !== 0;
}

/** Whether the plane of `id` must be rebuilt as the cursor moves: its run's reference moves and it reads it. */
export function planeFollowsStep(id: LossId, s: LossParamFields, runs: readonly TrainingRunInput[]): boolean {
  const run = runs.find((r) => r.id === id);
  return run?.refProbs !== undefined && planeReadsReference(id, s);
}

/** log π_ref(y_w) at `step` of `run`: the moving reference's (TR-DPO) when it has one, else the state's. */
function refChosenAt(s: PlanePairFields, run: TrainingRunInput | undefined, step: number): number {
  const moved = run?.refProbs?.[runStepAt(run, step).step];
  return moved ? Math.log(moved[0]) : pairInputOf(s).refChosen;
}

export function computePlane(
  id: LossId,
  s: LossParamFields & PlanePairFields,
  run: TrainingRunInput | undefined,
  step = 0,
): PlaneGridInput {
  // βρ in ±3 is where σ(βρ) changes; keep at least that, then take in the pair and the path.
  const reach = Math.min(3 / s.beta, 200);
  const { chosenLogRatio: pairW, rejectedLogRatio: pairL } = pairLogRatios(s);
  // A diverged run's path counts only up to the step where it diverged: beyond, it runs off to ±10³⁰⁰.
  const path = (r: number[]) => (run?.divergence ? r.slice(0, trustedSteps(run.divergence, r.length)) : r);
  const xs = linspace(extent([pairW, ...path(run?.chosenLogRatio ?? [])], -reach, reach), PLANE_POINTS);
  const ys = linspace(extent([pairL, ...path(run?.rejectedLogRatio ?? [])], -reach, reach), PLANE_POINTS);
  const lengths = { chosen: s.chosenLength, rejected: s.rejectedLength };
  const loss = isKtoLoss(id)
    ? ktoPairPlane(ktoParamsOf(s), xs, ys, id)
    : isReferenceFreeLoss(id)
      ? referenceFreePlane(id, referenceFreeParamsOf(id, s), xs, ys, pairInputOf(s))
      : pairLossPlane(id, pairParamsOf(id, s), ...ldScaledAxes(id, s, xs, ys), lengths);
  // sft alone, or an SFT term beside the loss (TRL's loss_type=[id, "sft"]): the plane shows what it trains
  // on. sft's plane reads ρw as log π(y_w) (a reference of 0), so its values shift by −log π_ref(y_w)/Lw;
  // where log π(y_w) = ρw + log π_ref(y_w) would be above 0 no policy gets there: a gap, as on the curves.
  // With a moving reference (TR-DPO) π_ref(y_w) is the cursor step's, so the landscape is that step's.
  const readsLogProbs = isPairLoss(id) && pairLossInfo(id).reads === 'logProbs';
  const w = readsLogProbs ? 1 : sftWeightOf(id, s);
  if (w !== 0) {
    const sft = readsLogProbs ? loss : pairLossPlane('sft', pairParamsOf(id, s), xs, ys, lengths);
    const refW = refChosenAt(s, run, step);
    const shift = -refW / s.chosenLength;
    loss.forEach((row, i) =>
      row.forEach((v, j) => {
        const term = (sft[i]?.[j] ?? NaN) + shift;
        row[j] = (xs[j] ?? NaN) + refW > 0 ? NaN : readsLogProbs ? term : v + w * term;
      }),
    );
  }
  // The loss list's further terms (TRL's loss_type=[id, …]): each wᵢ × its own plane on the same (LD-scaled)
  // axes, so the landscape is the total trained on, as the curves and the readout show it.
  for (const t of extraTermsOf(id, s)) {
    const term = pairLossPlane(t.type, pairParamsOf(id, s), ...ldScaledAxes(id, s, xs, ys), lengths);
    loss.forEach((row, i) => row.forEach((v, j) => (row[j] = v + t.weight * (term[i]?.[j] ?? NaN))));
  }
  // WPO: the landscape times the start policy's w_c·w_r (a positive constant: same shape, rescaled).
  const weight = wpoPairWeightOf(id, s);
  if (weight !== 1) loss.forEach((row) => row.forEach((v, j) => (row[j] = weight * v)));
  return { id, chosenLogRatio: xs, rejectedLogRatio: ys, loss };
}

/**
 * LD-DPO: the loss at (ρw, ρl) reads (f_w·ρw, f_l·ρl) (math/ldWpo.ts), so the plane evaluates it on the scaled
 * axes and keeps the unscaled ones for display. The same axes when off.
 */
function ldScaledAxes(
  id: LossId,
  s: LossParamFields & PlanePairFields,
  xs: number[],
  ys: number[],
): [number[], number[]] {
  const alpha = ldAlphaOf(id, s);
  if (alpha === LD_ALPHA_OFF) return [xs, ys];
  const { factorChosen, factorRejected } = ldPair(pairInputOf(s), alpha);
  return [xs.map((x) => factorChosen * x), ys.map((y) => factorRejected * y)];
}

/** The loss the plane shows: the one picked while it is still chosen, else the first chosen. */
export function planeLossId(losses: readonly LossId[], picked: LossId | null): LossId {
  return picked && losses.includes(picked) ? picked : losses[0];
}

export interface PlaneData {
  grid: PlaneGridInput;
  /** The pair's log-ratios, marked on the plane. */
  pairLogRatios: { chosenLogRatio: number; rejectedLogRatio: number };
}

/**
 * The plane for loss `id`: the toy's settings with the store's pair, and the toy's training run of that
 * loss (when it trained) drawn over it.
 */
export function planeOf(
  id: LossId,
  s: LossParamFields & PlanePairFields,
  runs: readonly TrainingRunInput[],
  step = 0,
): PlaneData {
  return {
    grid: computePlane(
      id,
      s,
      runs.find((r) => r.id === id),
      step,
    ),
    pairLogRatios: pairLogRatios(s),
  };
}
