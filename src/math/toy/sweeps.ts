// "What do β and the reference change?": the probabilities at the end of training as a function of β, or
// of the reference probability of one response. Each point uses the closed-form limit where one exists
// (closedForm.ts) and otherwise trains for config.steps from θ = 0; a flag per point says which.
import type { ToyProblem, ToyTrainConfig } from './types.ts';
import { checkIndex, checkPositive, checkProbability, fail } from '../validate.ts';
import { logit, logSumExp, sigmoid } from '../stable.ts';
import { closedFormProbs } from './closedForm.ts';
import {
  checkCompatible,
  prepareConfig,
  prepareProblem,
  withBeta,
  type PreparedConfig,
  type PreparedProblem,
} from './prepare.ts';
import { createTrainScratch, runTraining, type TrainScratch } from './train.ts';

export interface ToySweep {
  /** The swept value at each point (β, or the reference probability of the swept response). */
  x: number[];
  /** probs[i][k]: final probability of response k at point i. */
  probs: number[][];
  /** true where probs[i] is the closed-form limit, false where it came from training config.steps. */
  closedForm: boolean[];
  /**
   * true where training diverged (divergence.ts): probs[i] is then the policy at the step it diverged,
   * meaningless numbers. Always false at closed-form points.
   */
  diverged: boolean[];
}

function checkPoints(points: number): void {
  if (!Number.isInteger(points) || points < 2 || points > 10_000)
    fail('points', 'must be a whole number in 2…10000', points);
}

/** `points` values spaced evenly in log scale from min to max (default 40 points over 1e-3…10). */
export function logGrid(min = 1e-3, max = 10, points = 40): number[] {
  checkPositive('min', min);
  checkPositive('max', max);
  if (!(max > min)) fail('max', 'must be larger than min', max);
  checkPoints(points);
  const lo = Math.log(min);
  const step = (Math.log(max) - lo) / (points - 1);
  // The ends exactly as asked, not exp(log(x)).
  return Array.from({ length: points }, (_, i) =>
    i === 0 ? min : i === points - 1 ? max : Math.exp(lo + i * step),
  );
}

/** Closed form or a training run for one point, reusing one set of buffers: [probs, closed form, diverged]. */
function finalProbs(
  pb: PreparedProblem,
  cfg: PreparedConfig,
  scratch: TrainScratch,
): [number[], boolean, boolean] {
  const exact = closedFormProbs(pb, cfg);
  if (exact) return [exact, true, false];
  const diverged = runTraining(pb, cfg, scratch) >= 0;
  return [Array.from(scratch.ws.probs), false, diverged];
}

function prepare(problem: ToyProblem, config: ToyTrainConfig): [PreparedProblem, PreparedConfig] {
  const pb = prepareProblem(problem);
  const cfg = prepareConfig(config);
  checkCompatible(pb, cfg);
  return [pb, cfg];
}

/** Final probabilities of every response as β varies over `betas` (default: logGrid()). */
export function betaSweep(
  problem: ToyProblem,
  config: ToyTrainConfig,
  betas: number[] = logGrid(),
): ToySweep {
  const [pb, cfg] = prepare(problem, config);
  if (!Array.isArray(betas)) fail('betas', 'must be an array', betas);
  betas.forEach((b, i) => checkPositive(`betas[${i}]`, b));
  const scratch = createTrainScratch(pb);
  const sweep: ToySweep = { x: betas.slice(), probs: [], closedForm: [], diverged: [] };
  for (const beta of betas) {
    const [probs, exact, diverged] = finalProbs(pb, withBeta(cfg, beta), scratch);
    sweep.probs.push(probs);
    sweep.closedForm.push(exact);
    sweep.diverged.push(diverged);
  }
  return sweep;
}

/** `points` probabilities evenly spaced in logit from min to 1 − min (default 40 over 0.01…0.99). */
export function probabilityGrid(min = 0.01, points = 40): number[] {
  if (typeof min !== 'number' || !(min > 0 && min < 0.5)) fail('min', 'must be in (0, 0.5)', min);
  checkPoints(points);
  const lo = logit(min);
  const step = (-2 * lo) / (points - 1);
  return Array.from({ length: points }, (_, i) => sigmoid(lo + i * step));
}

export interface ReferenceSweepOptions {
  /** The response whose reference probability is swept (default: the first pair's chosen response). */
  response?: number;
  /** Reference probabilities of that response (default: probabilityGrid()). */
  refProbs?: number[];
  /**
   * Shift the policy's base logit by the same amount (default true): DPO starts from the reference, so
   * changing the reference changes the starting policy too.
   */
  shiftPolicy?: boolean;
}

/** The response a reference sweep moves when none is named. */
function defaultResponse(pb: PreparedProblem): number {
  if (pb.pairChosen.length > 0) return pb.pairChosen[0];
  const desirable = pb.unpairedDesirable.indexOf(1);
  return pb.unpairedResponse[desirable >= 0 ? desirable : 0];
}

/**
 * Final probabilities of every response as the reference probability of one response varies: its
 * reference logit is set so that πref(y) = q, the others' reference logits stay as they are.
 */
export function referenceSweep(
  problem: ToyProblem,
  config: ToyTrainConfig,
  options: ReferenceSweepOptions = {},
): ToySweep {
  const [pb, cfg] = prepare(problem, config);
  const y = checkIndex('response', options.response ?? defaultResponse(pb), pb.K);
  const refProbs = options.refProbs ?? probabilityGrid();
  if (!Array.isArray(refProbs)) fail('refProbs', 'must be an array', refProbs);
  const shiftPolicy = options.shiftPolicy ?? true;
  // Reference log-probs are logits up to a constant; the others' log-normaliser fixes where y must sit.
  const others = Array.from(pb.refLogp).filter((_, k) => k !== y);
  const logOthers = logSumExp(others);
  const scratch = createTrainScratch(pb);
  const sweep: ToySweep = { x: [], probs: [], closedForm: [], diverged: [] };
  refProbs.forEach((q, i) => {
    const field = `refProbs[${i}]`;
    checkProbability(field, q);
    if (q === 0 || q === 1) fail(field, 'must be strictly between 0 and 1', q);
    const shift = logit(q) + logOthers - pb.refLogp[y];
    const refLogits = Float64Array.from(pb.refLogp);
    refLogits[y] += shift;
    const lse = logSumExp(refLogits);
    const base = Float64Array.from(pb.base);
    if (shiftPolicy) base[y] += shift;
    const moved: PreparedProblem = { ...pb, base, refLogp: refLogits.map((v) => v - lse) };
    const [probs, exact, diverged] = finalProbs(moved, cfg, scratch);
    sweep.x.push(q);
    sweep.probs.push(probs);
    sweep.closedForm.push(exact);
    sweep.diverged.push(diverged);
  });
  return sweep;
}
