// The sweeps view's sweeps: where training ends as β changes and as the reference probability of y_w changes.
// Up to 80 training runs per loss, so the app runs this in a worker (components/workers) off the input path.
import {
  BETA_RANGE,
  betaSweep,
  buildToyProblem,
  logGrid,
  probabilityGrid,
  referenceSweep,
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
    diverged: sweep.diverged,
  };
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
