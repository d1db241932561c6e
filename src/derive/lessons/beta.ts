// The facts lesson 'beta' states (i18n/types/lessons/beta.ts), from the state on screen and its runs: the
// state's DPO run and the compared run (vs=beta:…, trained as the views train it), the loss view's slope at
// the start pair and its dotted optimum, and the sweeps view's β sweep (math/toy/sweeps.ts betaSweep, the
// worker's computation, here at its two ends and at the state's β; the whole sweep only where it is closed form,
// so no lesson text ever waits for 40 trainings to convergence on the main thread).
import { BETA_RANGE, betaSweep, buildToyProblem, logGrid } from '../../math/index.ts';
import type { BetaFacts } from '../../i18n/types/lessons/beta.ts';
import type { LessonFactsInput } from './types.ts';
import { canTrain, startsAtReference, toyConfigOf, toySpecOf, type ToyFields } from '../toy.ts';
import { compareOf, runEndOf } from '../compare.ts';
import { optimumOnCurve } from '../pairCurves.ts';
import { pairValuesOf } from '../pairValues.ts';
import { SWEEP_POINTS } from '../sweeps.ts';
import { END, orNull, probAt, runOf } from './runAt.ts';

/** A sweep's π(y_w) at the grid's ends and at `beta`, and the whole grid when every point is closed form. */
function sweepOf(s: ToyFields): { low: number; at: number; high: number; falls: boolean } | null {
  if (!s.losses.includes('sigmoid') || !canTrain(s, 'sigmoid')) return null;
  const problem = buildToyProblem(toySpecOf(s));
  const config = toyConfigOf(s, 'sigmoid');
  const ends = betaSweep(problem, config, [BETA_RANGE.min, s.beta, BETA_RANGE.max]);
  const [low, at, high] = ends.probs.map((p) => p[0]);
  if (!ends.converged.every(Boolean)) return null;
  let falls = false;
  if (ends.closedForm.every(Boolean)) {
    const grid = betaSweep(problem, config, logGrid(BETA_RANGE.min, BETA_RANGE.max, SWEEP_POINTS));
    const chosen = grid.probs.map((p) => p[0]);
    const ref = s.refProbs[0];
    falls =
      grid.closedForm.every(Boolean) &&
      chosen.every((x, i) => i === 0 || x <= chosen[i - 1] + 1e-12) &&
      Math.abs(high - ref) < Math.abs(low - ref);
  }
  return { low, at, high, falls };
}

/** −∂loss/∂h of DPO at the start pair: the loss view's slope where its curve passes the start. */
const slopeOf = (s: ToyFields): number | null =>
  s.losses.includes('sigmoid') && s.dataset === 'pair'
    ? orNull(() => -pairValuesOf('sigmoid', s).dChosen)
    : null;

export function betaFacts({ s, runs, trainCompared }: LessonFactsInput): BetaFacts {
  const c = compareOf(s);
  const other =
    c.status === 'on' && c.choice.key === 'beta' ? { beta: c.choice.value, state: c.state } : null;
  const pair = s.dataset === 'pair';
  const dpo = runOf(runs, 'sigmoid');
  const otherDpo = dpo && other ? runOf(trainCompared(other.state), 'sigmoid') : undefined;
  const ref = s.refProbs[0];
  const chosenEnd = probAt(dpo, 0, END);
  const otherChosenEnd = probAt(otherDpo, 0, END);
  const kl = dpo && otherDpo ? runEndOf(dpo, s.refProbs).kl : null;
  const otherKl = otherDpo && other ? runEndOf(otherDpo, other.state.refProbs).kl : null;
  const larger = other !== null && other.beta > s.beta;
  const largerCloser =
    larger &&
    chosenEnd !== null &&
    otherChosenEnd !== null &&
    kl !== null &&
    otherKl !== null &&
    Math.abs(otherChosenEnd - ref) < Math.abs(chosenEnd - ref) &&
    otherKl < kl;
  const slope = dpo ? slopeOf(s) : null;
  const otherSlope = otherDpo && other ? slopeOf(other.state) : null;
  const lossOptimum = (x: ToyFields): number | null => {
    const h = x.losses.includes('sigmoid') && pair ? optimumOnCurve('sigmoid', x) : null;
    return h !== null && Number.isFinite(h) ? h : null;
  };
  const optimum = dpo ? lossOptimum(s) : null;
  const otherOptimum = otherDpo && other ? lossOptimum(other.state) : null;
  const sweep = orNull(() => sweepOf(s));
  return {
    t: s.t,
    pairHolds: pair,
    p: s.preferenceProb,
    beta: s.beta,
    otherBeta: other?.beta ?? null,
    otherLargerHolds: larger,
    refChosen: ref,
    startsAtRefHolds: startsAtReference(s),
    chosenAt: probAt(dpo, 0, s.t),
    otherChosenAt: probAt(otherDpo, 0, s.t),
    chosenEnd,
    otherChosenEnd,
    kl,
    otherKl,
    largerCloserHolds: largerCloser,
    slope,
    otherSlope,
    largerSteeperHolds: larger && slope !== null && otherSlope !== null && otherSlope > slope && slope > 0,
    optimum,
    otherOptimum,
    largerStopsSoonerHolds:
      largerCloser && optimum !== null && otherOptimum !== null && otherOptimum < optimum,
    betaMin: BETA_RANGE.min,
    betaMax: BETA_RANGE.max,
    sweepLow: sweep?.low ?? null,
    sweepHigh: sweep?.high ?? null,
    sweepAtBeta: sweep?.at ?? null,
    sweepFallsHolds: sweep?.falls ?? false,
  };
}
