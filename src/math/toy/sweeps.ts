// "What do β and the reference change?": where training ends as a function of β, or of the reference
// probability of one response. Each point is trained to the end (converge.ts), not for the user's step count
// with the user's learning rate: a closed form where one exists (CONVENTIONS.md §6), the exact 1-D answer for
// one pair under a margin-only loss (marginLine.ts), damped Newton otherwise, each with its own step sizes so
// that it converges whatever the configured learning rate. The user's optimiser matters only where the
// minimum leaves the policy undetermined (one pair with shared features or unequal lengths under a per-token
// margin: gradient descent and Adam reach the same margin with different π(y_w)); config.learningRate and
// config.steps are not used. A point that does not converge says why (status), and for an optimum at
// infinity its probabilities are the limit. The criterion is CONVERGENCE_CRITERION (ToySweep.criterion).
import type { ToyProblem, ToyTrainConfig } from './types.ts';
import { checkIndex, checkPositive, checkProbability, fail } from '../validate.ts';
import { logit, logSumExp, sigmoid } from '../stable.ts';
import {
  CONVERGENCE_CRITERION,
  convergePrepared,
  createConvergeScratch,
  type ConvergenceCriterion,
  type ConvergeScratch,
  type ConvergenceStatus,
} from './converge.ts';
import {
  checkCompatible,
  prepareConfig,
  prepareProblem,
  withBeta,
  type PreparedConfig,
  type PreparedProblem,
} from './prepare.ts';

export interface ToySweep {
  /** The swept value at each point (β, or the reference probability of the swept response). */
  x: number[];
  /**
   * probs[i][k]: where training ends for response k at point i: the converged policy; where the optimum is
   * at infinity (status 'unbounded') the limit training tends to; otherwise the last iterate.
   */
  probs: number[][];
  /** true where probs[i] is a closed form of CONVENTIONS.md §6 on a tabular policy. */
  closedForm: boolean[];
  /** true where point i met `criterion` (status 'converged'); draw the others differently and say why. */
  converged: boolean[];
  /**
   * Per point: 'converged'; 'unbounded' (training never ends: the objective keeps decreasing as the policy
   * runs off towards `probs[i]`, e.g. DPO with p = 1 or KTO); 'kink' (hinge on one noisy pair: it ends at
   * its kink, the minimum, where the gradient does not vanish); 'stalled' (stuck at a kink, e.g. hinge on
   * several pairs); 'max-iterations'; 'diverged'.
   */
  status: ConvergenceStatus[];
  /** The work per point (ConvergenceResult.iterations): Newton iterations, 1-D steps, 0 for a closed form. */
  iterations: number[];
  /** The convergence criterion every converged point meets (for the view to state). */
  criterion: Readonly<ConvergenceCriterion>;
  /** true where numbers became NaN or infinite (status 'diverged'): probs[i] then means nothing. */
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

function emptySweep(): ToySweep {
  return {
    x: [],
    probs: [],
    closedForm: [],
    converged: [],
    status: [],
    iterations: [],
    criterion: CONVERGENCE_CRITERION,
    diverged: [],
  };
}

/** Trains one point to its end and appends it to the sweep. */
function addPoint(
  sweep: ToySweep,
  x: number,
  pb: PreparedProblem,
  cfg: PreparedConfig,
  scratch: ConvergeScratch,
): void {
  const end = convergePrepared(pb, cfg, scratch);
  sweep.x.push(x);
  sweep.probs.push(end.probs);
  sweep.closedForm.push(end.method === 'closed-form');
  sweep.converged.push(end.converged);
  sweep.status.push(end.status);
  sweep.iterations.push(end.iterations);
  sweep.diverged.push(end.status === 'diverged');
}

function prepare(problem: ToyProblem, config: ToyTrainConfig): [PreparedProblem, PreparedConfig] {
  const pb = prepareProblem(problem);
  const cfg = prepareConfig(config);
  checkCompatible(pb, cfg);
  return [pb, cfg];
}

/** Where training ends, for every response, as β varies over `betas` (default: logGrid()). */
export function betaSweep(
  problem: ToyProblem,
  config: ToyTrainConfig,
  betas: number[] = logGrid(),
): ToySweep {
  const [pb, cfg] = prepare(problem, config);
  if (!Array.isArray(betas)) fail('betas', 'must be an array', betas);
  betas.forEach((b, i) => checkPositive(`betas[${i}]`, b));
  const scratch = createConvergeScratch(pb);
  const sweep = emptySweep();
  for (const beta of betas) addPoint(sweep, beta, pb, withBeta(cfg, beta), scratch);
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
 * Where training ends, for every response, as the reference probability of one response varies: its
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
  const scratch = createConvergeScratch(pb);
  const sweep = emptySweep();
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
    addPoint(sweep, q, moved, cfg, scratch);
  });
  return sweep;
}
