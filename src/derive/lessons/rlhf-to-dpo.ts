// The facts lesson 'rlhf-to-dpo' states (i18n/types/lessons/rlhf-to-dpo.ts), from the state on screen and its
// runs: DPO's run (the training view and its metrics table at the time cursor), the gradient view's weight at
// the cursor (lossAtStep, what its dot shows) and the simplex view's ★ (toyRlhfOptimum, what it draws).
import { sigmoid, softplus } from '../../math/index.ts';
import type { RlhfToDpoFacts } from '../../i18n/types/lessons/rlhf-to-dpo.ts';
import type { LessonFactsInput } from './types.ts';
import { toyRlhfOptimum } from '../toy.ts';
import { lossAtStep } from '../atStep.ts';
import { END, marginAt, maxGap, metricAt, orNull, policyAt, probAt, runOf, stepOf } from './runAt.ts';

/** "Ends on the ★": every probability within this (far tighter than the 3 digits shown). */
const ON_STAR = 1e-3;
/** Two computations of one number (a logged metric and its formula) agree to rounding. */
const SAME = 1e-9;
const same = (a: number | null, b: number | null): boolean =>
  a !== null && b !== null && Math.abs(a - b) <= SAME * Math.max(1, Math.abs(b));

export function rlhfToDpoFacts({ s, runs }: LessonFactsInput): RlhfToDpoFacts {
  const { t, beta } = s;
  const dpo = runOf(runs, 'sigmoid');
  const ranking = s.dataset === 'ranking';
  const star = toyRlhfOptimum(s);
  // The formulas of the lesson (β·log π/π_ref as the reward, −log σ(βh), σ(−βh)) are DPO's on one pair
  // labelled the same way every time; TRL's loss and rewards average over flipped labels otherwise.
  const plainPair =
    s.dataset === 'pair' &&
    s.preferenceProb === 1 &&
    s.sftWeight === 0 &&
    s.fDivergence === 'reverse_kl' &&
    s.ldAlpha === 1 &&
    !s.wpoWeighting &&
    s.chosenLength === 1 &&
    s.rejectedLength === 1;
  const step = stepOf(dpo, t);
  const rhoW = dpo && step !== null ? dpo.chosenLogRatio[step] : null;
  const rhoL = dpo && step !== null ? dpo.rejectedLogRatio[step] : null;
  const rewardChosen = metricAt(dpo, 'rewards/chosen', t);
  const rewardRejected = metricAt(dpo, 'rewards/rejected', t);
  const margin = marginAt(dpo, t);
  const loss = dpo && step !== null ? dpo.loss[step] : null;
  const weightOf = (at: number): number | null =>
    dpo && s.dataset === 'pair'
      ? orNull(() => -lossAtStep('sigmoid', s, runs.runs, at).values.dChosen / beta)
      : null;
  const weight = weightOf(t);
  const weightStart = weightOf(0);
  const chosenStart = probAt(dpo, 0, 0);
  const chosenAt = probAt(dpo, 0, t);
  const rejectedStart = probAt(dpo, 1, 0);
  const rejectedAt = probAt(dpo, 1, t);
  const at = policyAt(dpo, t);
  const end = policyAt(dpo, END);
  const gapAt = star && at ? maxGap(at, star) : null;
  const gapEnd = star && end ? maxGap(end, star) : null;
  return {
    t,
    steps: s.steps,
    beta,
    rankingHolds: ranking,
    answers: s.responses,
    rewards: ranking ? [...s.rewards] : [],
    winFirst: ranking ? sigmoid(s.rewards[0] - s.rewards[1]) : null,
    refFirst: s.refProbs[0],
    starFirst: star?.[0] ?? null,
    starRaisesHolds: star !== null && star[0] > s.refProbs[0],
    rewardChosen,
    rewardRejected,
    rewardIsLogRatioHolds:
      plainPair &&
      rhoW !== null &&
      rhoL !== null &&
      same(rewardChosen, beta * rhoW) &&
      same(rewardRejected, beta * rhoL),
    margin,
    loss,
    lossIsDpoHolds: plainPair && margin !== null && same(loss, softplus(-beta * margin)),
    weight,
    weightStart,
    weightIsSigmaHolds: plainPair && margin !== null && same(weight, sigmoid(-beta * margin)),
    chosenStart,
    chosenAt,
    rejectedStart,
    rejectedAt,
    movesHolds:
      t > 0 &&
      chosenStart !== null &&
      chosenAt !== null &&
      rejectedStart !== null &&
      rejectedAt !== null &&
      chosenAt > chosenStart &&
      rejectedAt < rejectedStart,
    weightFallsHolds: t > 0 && weight !== null && weightStart !== null && weight < weightStart,
    gapAt,
    gapEnd,
    reachesStarHolds: gapEnd !== null && gapEnd <= ON_STAR,
  };
}
