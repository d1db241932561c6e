// The sweeps view's sweeps: where training ends as β changes and as the reference probability of y_w changes.
// Each point is trained to its end (math/toy/converge.ts), not for the user's steps; a point that did not
// converge carries its status, which the figure draws differently and the caption and summary count.
// Up to 80 solves per loss, so the app runs this in a worker (components/workers) off the input path.
import {
  BETA_RANGE,
  betaSweep,
  buildToyProblem,
  logGrid,
  probabilityGrid,
  referenceSweep,
  type ConvergenceStatus,
  type LossId,
  type ToySweep,
} from '../math/index.ts';
import type { SweepInput } from './types.ts';
import { canTrain, toyConfigOf, toySpecOf, type ToyFields } from './toy.ts';

export const SWEEP_POINTS = 40;

export interface ToySweeps {
  beta: SweepInput[];
  ref: SweepInput[];
}

/** A sweep as the sweeps view draws it: y_w's and y_l's probabilities at each point. */
function sweepInputOf(id: LossId, sweep: ToySweep): SweepInput {
  return {
    id,
    x: sweep.x,
    chosen: sweep.probs.map((p) => p[0]),
    rejected: sweep.probs.map((p) => p[1]),
    closedForm: sweep.closedForm,
    converged: sweep.converged,
    status: sweep.status,
    criterion: sweep.criterion,
  };
}

/** The statuses of points that did not converge, in the order the texts list them. */
export const UNFINISHED_STATUSES = ['unbounded', 'kink', 'stalled', 'max-iterations', 'diverged'] as const;
export type UnfinishedStatus = (typeof UNFINISHED_STATUSES)[number];

/** The points of one sweep with one status: how many, and their smallest and largest swept value. */
export interface UnfinishedPoints {
  status: UnfinishedStatus;
  count: number;
  from: number;
  to: number;
}

/** The points of a sweep that did not converge, grouped by why (none: an empty list). */
export function unfinishedPoints(w: Pick<SweepInput, 'x' | 'status'>): UnfinishedPoints[] {
  const out: UnfinishedPoints[] = [];
  for (const status of UNFINISHED_STATUSES) {
    const xs = w.x.filter((_, i) => w.status[i] === status);
    if (xs.length > 0) out.push({ status, count: xs.length, from: Math.min(...xs), to: Math.max(...xs) });
  }
  return out;
}

/** true for a status whose point did not meet the criterion. */
export function isUnfinished(status: ConvergenceStatus): status is UnfinishedStatus {
  return status !== 'converged';
}

export function computeSweeps(s: ToyFields): ToySweeps {
  const problem = buildToyProblem(toySpecOf(s));
  const betas = logGrid(BETA_RANGE.min, BETA_RANGE.max, SWEEP_POINTS);
  const refs = probabilityGrid(0.01, SWEEP_POINTS);
  const out: ToySweeps = { beta: [], ref: [] };
  for (const id of s.losses) {
    if (!canTrain(s, id)) continue;
    const config = toyConfigOf(s, id);
    out.beta.push(sweepInputOf(id, betaSweep(problem, config, betas)));
    out.ref.push(sweepInputOf(id, referenceSweep(problem, config, { response: 0, refProbs: refs })));
  }
  return out;
}
