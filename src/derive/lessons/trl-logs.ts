// The facts lesson 'trl-logs' states (i18n/types/lessons/trl-logs.ts), from the state on screen and its runs:
// each loss's row of the "What TRL would log" table at the time cursor (atStep.ts metricsAtStep, as the
// table reads it), and the closed forms the text compares it with.
import type { LoggedRow, TrlLogsFacts } from '../../i18n/types/lessons/trl-logs.ts';
import { ipoOptimalMargin, type LossId } from '../../math/index.ts';
import { metricsAtStep } from '../atStep.ts';
import type { TrainingRunInput } from '../types.ts';
import type { LessonFactsInput } from './types.ts';

/** Identities between logged numbers hold to rounding; a closed form "is" the logged value to this much. */
const SAME = 1e-9;

const rowOf = (metrics: Record<string, number>): LoggedRow => {
  const get = (k: string): number | null => metrics[k] ?? null;
  return {
    loss: get('loss'),
    rewardsChosen: get('rewards/chosen'),
    rewardsRejected: get('rewards/rejected'),
    margins: get('rewards/margins'),
    accuracies: get('rewards/accuracies'),
    logpsChosen: get('logps/chosen'),
    logpsRejected: get('logps/rejected'),
  };
};
const near = (a: number | null, b: number | null, tol: number): boolean =>
  a !== null && b !== null && Math.abs(a - b) <= tol;

export function trlLogsFacts({ s, runs }: LessonFactsInput): TrlLogsFacts {
  const runOf = (id: LossId): TrainingRunInput | undefined => runs.runs.find((r) => r.id === id);
  const dpoRun = runOf('sigmoid');
  const ipoRun = runOf('ipo');
  const dpoAt = dpoRun ? metricsAtStep(dpoRun, s.t) : null;
  const ipoAt = ipoRun ? metricsAtStep(ipoRun, s.t) : null;
  const step = dpoAt?.step ?? ipoAt?.step ?? s.t;
  const dpo = dpoAt ? rowOf(dpoAt.metrics) : null;
  const ipo = ipoAt ? rowOf(ipoAt.metrics) : null;
  const pair = s.dataset === 'pair';
  const p = pair ? s.preferenceProb : null;
  const startAtReference = s.startLogRatios.every((r) => r === 0);
  const atReference = step === 0 && startAtReference;

  const margins = dpoRun?.metrics['rewards/margins'] ?? [];
  const accuracies = dpoRun?.metrics['rewards/accuracies'] ?? [];
  const accuracyNext = dpoRun && step + 1 < accuracies.length ? accuracies[step + 1] : null;
  const logpsChosen0 = dpoRun?.metrics['logps/chosen']?.[0] ?? null;

  const ipoScale = 1 / (4 * s.beta * s.beta);
  const ipoTarget = ipoRun && p !== null ? ipoOptimalMargin(p, s.beta) : null;
  // At h* = (2p − 1)/(2β) the batch's loss p(h* − 1/(2β))² + (1 − p)(h* + 1/(2β))² is p(1 − p)/β².
  const ipoFloor = ipoTarget !== null && p !== null ? (p * (1 - p)) / (s.beta * s.beta) : null;
  const ipoEndLoss = ipoRun ? (ipoRun.loss[ipoRun.loss.length - 1] ?? null) : null;

  return {
    t: s.t,
    step,
    beta: s.beta,
    p,
    atReferenceHolds: atReference,
    startAtReferenceHolds: startAtReference,
    dpo,
    dpoLn2Holds: dpo !== null && near(dpo.loss, Math.LN2, SAME),
    tieWrongHolds:
      dpo !== null &&
      dpo.rewardsChosen !== null &&
      dpo.rewardsChosen === dpo.rewardsRejected &&
      dpo.accuracies === 0,
    accuracyNext,
    nextIsPHolds:
      atReference &&
      p !== null &&
      p > 0.5 &&
      p < 1 &&
      (margins[step + 1] ?? 0) > 0 &&
      near(accuracyNext, p, SAME),
    chosenNegativeHolds: dpo !== null && dpo.rewardsChosen !== null && dpo.rewardsChosen < 0,
    marginsGrowHolds: step > 0 && margins.slice(0, step + 1).every((m, i) => i === 0 || m > margins[i - 1]),
    rejectedLowerHolds:
      dpo !== null &&
      dpo.rewardsChosen !== null &&
      dpo.rewardsRejected !== null &&
      dpo.rewardsRejected < dpo.rewardsChosen,
    logpsChosen0,
    chosenLength: s.chosenLength,
    rewardIdentityHolds:
      dpo !== null &&
      startAtReference &&
      dpo.logpsChosen !== null &&
      logpsChosen0 !== null &&
      near(dpo.rewardsChosen, s.beta * (dpo.logpsChosen - logpsChosen0), SAME),
    marginIdentityHolds:
      dpo !== null &&
      dpo.rewardsChosen !== null &&
      dpo.rewardsRejected !== null &&
      near(dpo.margins, dpo.rewardsChosen - dpo.rewardsRejected, SAME),
    ipo,
    ipoScale,
    ipoScaleHolds: atReference && ipo !== null && near(ipo.loss, ipoScale, SAME * ipoScale),
    ipoTarget,
    ipoFloor,
    ipoEndLoss,
    ipoFloorHolds:
      p !== null && p < 1 && ipoFloor !== null && near(ipoEndLoss, ipoFloor, 1e-6 * Math.max(1, ipoFloor)),
  };
}
