// The facts lesson 'reference' states (i18n/types/lessons/reference.ts), from the state on screen and its runs:
// the state's DPO run and the compared run (vs=ref:…, trained as the views train it), the loss view's dotted
// optimum, TRL's metrics at step 0, and the sweeps view's reference sweep (math/toy/sweeps.ts referenceSweep,
// here at its two ends and at the state's π_ref(y_w); the whole sweep only where it is closed form, so no lesson
// text waits for 40 trainings to convergence on the main thread).
import { buildToyProblem, probabilityGrid, referenceSweep } from '../../math/index.ts';
import type { ReferenceFacts } from '../../i18n/types/lessons/reference.ts';
import type { LessonFactsInput } from './types.ts';
import { canTrain, startsAtReference, toyConfigOf, toySpecOf, type ToyFields } from '../toy.ts';
import { compareOf } from '../compare.ts';
import { optimumOnCurve } from '../pairCurves.ts';
import { SWEEP_POINTS } from '../sweeps.ts';
import { END, marginAt, metricAt, orNull, probAt, runOf, stepOf } from './runAt.ts';

/** "Ends at the optimum margin": within this (far tighter than the 3 digits shown). */
const SETTLED = 1e-3;
/** Two ends differ "visibly": by more than the 3 digits shown could hide. */
const VISIBLY = 0.01;

/** The sweeps view's reference grid (derive/sweeps.ts computeSweeps uses the same). */
const REF_GRID = probabilityGrid(0.01, SWEEP_POINTS);

function sweepOf(s: ToyFields): { low: number; at: number; high: number; rises: boolean } | null {
  if (!s.losses.includes('sigmoid') || !canTrain(s, 'sigmoid')) return null;
  const problem = buildToyProblem(toySpecOf(s));
  const config = toyConfigOf(s, 'sigmoid');
  const lo = REF_GRID[0];
  const hi = REF_GRID[REF_GRID.length - 1];
  const ends = referenceSweep(problem, config, { response: 0, refProbs: [lo, s.refProbs[0], hi] });
  if (!ends.converged.every(Boolean)) return null;
  const [low, at, high] = ends.probs.map((p) => p[0]);
  let rises = false;
  if (ends.closedForm.every(Boolean)) {
    const grid = referenceSweep(problem, config, { response: 0, refProbs: REF_GRID });
    const chosen = grid.probs.map((p) => p[0]);
    rises =
      grid.closedForm.every(Boolean) &&
      chosen.every((x, i) => i === 0 || x >= chosen[i - 1] - 1e-12) &&
      high > low;
  }
  return { low, at, high, rises };
}

export function referenceFacts({ s, runs, trainCompared }: LessonFactsInput): ReferenceFacts {
  const c = compareOf(s);
  const other = c.status === 'on' && c.choice.key === 'ref' ? c.state : null;
  const pair = s.dataset === 'pair';
  const dpo = runOf(runs, 'sigmoid');
  const otherDpo = dpo && other ? runOf(trainCompared(other), 'sigmoid') : undefined;
  const h = dpo && pair ? optimumOnCurve('sigmoid', s) : null;
  const optimum = h !== null && Number.isFinite(h) ? h : null;
  const marginEnd = marginAt(dpo, END);
  const otherMarginEnd = marginAt(otherDpo, END);
  const settles = (m: number | null) => optimum !== null && m !== null && Math.abs(m - optimum) <= SETTLED;
  const chosenEnd = probAt(dpo, 0, END);
  const otherChosenEnd = probAt(otherDpo, 0, END);
  const otherRef = other ? other.refProbs[0] : null;
  const sweep = orNull(() => sweepOf(s));
  const start = stepOf(dpo, 0);
  const lossStart = dpo && start !== null ? dpo.loss[start] : null;
  const rewardChosenStart = metricAt(dpo, 'rewards/chosen', 0);
  const rewardRejectedStart = metricAt(dpo, 'rewards/rejected', 0);
  return {
    t: s.t,
    steps: s.steps,
    pairHolds: pair,
    p: s.preferenceProb,
    beta: s.beta,
    refChosen: s.refProbs[0],
    otherRefChosen: otherDpo ? otherRef : null,
    chosenAt: probAt(dpo, 0, s.t),
    otherChosenAt: probAt(otherDpo, 0, s.t),
    chosenEnd,
    otherChosenEnd,
    marginEnd,
    otherMarginEnd,
    optimum,
    settlesHolds: settles(marginEnd),
    sameMarginHolds: settles(marginEnd) && settles(otherMarginEnd),
    higherRefEndsHigherHolds:
      otherRef !== null &&
      chosenEnd !== null &&
      otherChosenEnd !== null &&
      Math.abs(otherRef - s.refProbs[0]) > VISIBLY &&
      Math.abs(otherChosenEnd - chosenEnd) > VISIBLY &&
      otherRef > s.refProbs[0] === otherChosenEnd > chosenEnd,
    refMin: REF_GRID[0],
    refMax: REF_GRID[REF_GRID.length - 1],
    sweepLow: sweep?.low ?? null,
    sweepHigh: sweep?.high ?? null,
    sweepAtRef: sweep?.at ?? null,
    sweepRisesHolds: sweep?.rises ?? false,
    offsetsHolds: !startsAtReference(s),
    rhoChosenStart: dpo ? dpo.chosenLogRatio[0] : null,
    rhoRejectedStart: dpo ? dpo.rejectedLogRatio[0] : null,
    lossStart,
    ln2: Math.LN2,
    rewardChosenStart,
    rewardRejectedStart,
    lossBelowLn2Holds: lossStart !== null && lossStart < Math.LN2 - VISIBLY,
    rewardsNonZeroHolds:
      rewardChosenStart !== null &&
      rewardRejectedStart !== null &&
      Math.abs(rewardChosenStart) > 1e-3 &&
      Math.abs(rewardRejectedStart) > 1e-3,
  };
}
