// View 4's sweeps: where training ends as β changes and as the reference probability of y_w changes.
// Up to 80 training runs per loss, so the app runs this in a worker (components/workers) off the input path.
import { betaSweep, buildToyProblem, logGrid, probabilityGrid, referenceSweep } from '../../math/index.ts';
import type { SweepInput } from '../../figures/types.ts';
import { canTrain, toyConfigOf, toySpecOf, type ToyFields } from './toy.ts';

export const SWEEP_POINTS = 40;

export interface ToySweeps {
  beta: SweepInput[];
  ref: SweepInput[];
}

export function computeSweeps(s: ToyFields): ToySweeps {
  const problem = buildToyProblem(toySpecOf(s));
  const betas = logGrid(1e-3, 10, SWEEP_POINTS);
  const refs = probabilityGrid(0.01, SWEEP_POINTS);
  const out: ToySweeps = { beta: [], ref: [] };
  for (const id of s.losses) {
    if (!canTrain(s, id)) continue;
    const config = toyConfigOf(s, id);
    const b = betaSweep(problem, config, betas);
    out.beta.push({
      id,
      x: b.x,
      chosen: b.probs.map((p) => p[0]),
      rejected: b.probs.map((p) => p[1]),
      closedForm: b.closedForm,
      diverged: b.diverged,
    });
    const r = referenceSweep(problem, config, { response: 0, refProbs: refs });
    out.ref.push({
      id,
      x: r.x,
      chosen: r.probs.map((p) => p[0]),
      rejected: r.probs.map((p) => p[1]),
      closedForm: r.closedForm,
      diverged: r.diverged,
    });
  }
  return out;
}
