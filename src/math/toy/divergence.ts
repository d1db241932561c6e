// When training diverges. Too large a learning rate (above all SGD on a quadratic loss: IPO, SPPO) makes
// every step overshoot by more than the last: the loss grows geometrically, the log-probabilities run off to
// ∓10³⁰⁰ and end as NaN. A step counts as diverged when its loss, a log-probability or a parameter is not a
// finite number, when its loss has blown up, or when a log-probability has run off far beyond anything a
// bounded push could reach. The views then say so, instead of drawing and quoting meaningless numbers.
import type { ToyTrajectory } from './types.ts';

/**
 * A loss beyond this (in absolute value) has blown up, or beyond DIVERGED_LOSS_GROWTH times the loss at
 * step 0 when that is larger: IPO at β = 0.001 starts at (1/(2β))² = 2.5·10⁵.
 */
export const DIVERGED_LOSS = 1e6;
export const DIVERGED_LOSS_GROWTH = 100;

/**
 * A summed log-probability below this (nats) has run off. π(y) is 0 in floating point from about −745 on,
 * which DPO at small β reaches honestly (its optimum margin is logit(p)/β), so the floor is far lower: runs
 * that do not diverge stay above −10⁵ across the explorer's ranges (lr ≤ 10, β ≥ 0.001, 2000 steps; robust
 * DPO at p = 1, unbounded below, gets to −5·10⁴), diverging ones reach −10³⁰⁰ before they turn NaN.
 */
export const DIVERGED_LOG_PROB = -1e6;

export type DivergenceReason =
  /** The loss, a log-probability or a parameter is NaN or infinite. */
  | 'non-finite'
  /** The loss is beyond divergenceLossBound(loss at step 0). */
  | 'loss'
  /** A log-probability is below DIVERGED_LOG_PROB. */
  | 'log-prob';

export interface ToyDivergence {
  /** The first step whose numbers show divergence (step 0 is before any update). */
  step: number;
  reason: DivergenceReason;
  /**
   * The last step before the first non-finite one: every number of steps 0…lastFiniteStep is finite. The
   * last step of the run when none is non-finite (the loss blew up but stayed a number).
   */
  lastFiniteStep: number;
}

/** The loss bound of a run whose loss at step 0 is `initialLoss`. */
export function divergenceLossBound(initialLoss: number): number {
  const grown = DIVERGED_LOSS_GROWTH * Math.abs(initialLoss);
  return grown > DIVERGED_LOSS ? grown : DIVERGED_LOSS;
}

function allFinite(xs: ArrayLike<number>): boolean {
  for (let i = 0; i < xs.length; i++) if (!Number.isFinite(xs[i])) return false;
  return true;
}

/**
 * Whether one step's numbers show divergence, and why (non-finite first), or null. `lossBound` comes from
 * divergenceLossBound. Allocates nothing: the trainer calls it on every step.
 */
export function stepDivergence(
  loss: number,
  lossBound: number,
  logProbs: ArrayLike<number>,
  theta: ArrayLike<number>,
): DivergenceReason | null {
  if (!Number.isFinite(loss) || !allFinite(logProbs) || !allFinite(theta)) return 'non-finite';
  if (!(Math.abs(loss) <= lossBound)) return 'loss';
  for (let k = 0; k < logProbs.length; k++) if (logProbs[k] < DIVERGED_LOG_PROB) return 'log-prob';
  return null;
}

/** The trajectory fields the detector reads. */
export type DivergenceInput = Pick<ToyTrajectory, 'loss' | 'logProbs' | 'theta'>;

/**
 * Where a training run diverged: its first diverged step and the last step whose numbers are all finite;
 * null when no step diverged.
 */
export function detectDivergence(run: DivergenceInput): ToyDivergence | null {
  const n = run.loss.length;
  if (n === 0) return null;
  const bound = divergenceLossBound(run.loss[0]);
  const noRow: readonly number[] = [];
  let found: ToyDivergence | null = null;
  for (let t = 0; t < n; t++) {
    const reason = stepDivergence(run.loss[t], bound, run.logProbs[t] ?? noRow, run.theta[t] ?? noRow);
    if (reason === null) continue;
    found ??= { step: t, reason, lastFiniteStep: n - 1 };
    if (reason === 'non-finite') {
      found.lastFiniteStep = t - 1;
      break;
    }
  }
  return found;
}

/**
 * How many leading steps of a run of `length` steps a plot draws: through the step where it diverged (the
 * jump shows), but not past its last finite one; all of them when it did not diverge.
 */
export function drawnSteps(divergence: ToyDivergence | null | undefined, length: number): number {
  if (!divergence) return length;
  const last = Math.min(divergence.step, divergence.lastFiniteStep);
  return Math.min(length, Math.max(1, last + 1));
}

/** How many leading steps hold trustworthy numbers (before the one where it diverged; at least step 0). */
export function trustedSteps(divergence: ToyDivergence | null | undefined, length: number): number {
  if (!divergence) return length;
  return Math.min(length, Math.max(1, divergence.step));
}
