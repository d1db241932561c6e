// The facts each scenario's explanation states, computed from the current state and the training runs the
// views draw (trainingRunsOf; the compared run's: compareRunsOf), and from the closed forms the loss view
// draws (optimumOnCurve): so every number in an explanation is a number on screen, and every claim (a
// `…Holds` boolean) is checked against the state shown. The i18n templates (i18n/en/presets.ts,
// zh/presets.ts) turn these into sentences.
import {
  IPO_PAPER_D1,
  IPO_PAPER_TOLERANCE,
  logit,
  rlhfOptimum,
  sigmoid,
  type LossId,
  type ScenarioId,
} from '../math/index.ts';
import type { PresetStrings, ScenarioFactsById } from '../i18n/types/presets.ts';
import { stateFields, type FieldsOf } from '../state/pickFields.ts';
import type { TrainingRunInput } from './types.ts';
import { TOY_FIELDS, trainingRunsOf, type ToyFields, type ToyRuns } from './toy.ts';
import { refMoves } from './mathParams.ts';
import { optimumOnCurve } from './pairCurves.ts';
import { compareOf, compareRunsOf, runEndOf } from './compare.ts';

/** The fields an explanation reads: the toy's, and the compared run's choice (vs=…), which the views draw too. */
export const SCENARIO_FIELDS = stateFields(...TOY_FIELDS, 'compare');
export type ScenarioFields = FieldsOf<typeof SCENARIO_FIELDS>;

/** How the compared run is trained: by default the views' own memo (derive/compare.ts), so it is theirs. */
export type TrainCompared = (s: ScenarioFields) => ToyRuns;

/** How close an end value must be to a closed form for "ends at" (far tighter than the 3 digits shown). */
const ENDS_AT = 1e-3;
/** "Leaves π(y_w) where it began": within this much of its start. */
const KEEPS = 0.005;

const last = (xs: readonly number[]): number | null => (xs.length > 0 ? xs[xs.length - 1] : null);
const lastOf = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1];
const runOf = (runs: ToyRuns, id: LossId): TrainingRunInput | undefined => runs.runs.find((r) => r.id === id);
/** π(k) over the run, or [] when the run has no response k. */
const probsOf = (run: TrainingRunInput | undefined, k: number): number[] =>
  run && (run.probs[0]?.length ?? 0) > k ? run.probs.map((row) => row[k]) : [];
const endProb = (run: TrainingRunInput | undefined, k: number): number | null => last(probsOf(run, k));
const margins = (run: TrainingRunInput): number[] =>
  run.chosenLogRatio.map((c, t) => c - run.rejectedLogRatio[t]);
const increasing = (xs: readonly number[]): boolean =>
  xs.length > 1 && xs.every((x, t) => t === 0 || x > xs[t - 1]);
const decreasing = (xs: readonly number[]): boolean =>
  xs.length > 1 && xs.every((x, t) => t === 0 || x < xs[t - 1]);
const near = (a: number | null, b: number | null, tol: number): boolean =>
  a !== null && b !== null && Math.abs(a - b) <= tol;
/** The loss view's dotted optimum line for `id` (null when the loss is not shown or has none). */
function lossViewOptimum(s: ToyFields, id: LossId): number | null {
  if (!s.losses.includes(id)) return null;
  const h = optimumOnCurve(id, s);
  return h !== null && Number.isFinite(h) ? h : null;
}
const noOffsets = (s: ToyFields): boolean => s.startLogRatios.every((r) => r === 0);
/** KL(π‖π_ref) where a run ends: the number the table of both runs shows (CompareTable, at the last step). */
const endKl = (run: TrainingRunInput | undefined, ref: readonly number[]): number | null =>
  run ? runEndOf(run, ref).kl : null;

type Compute<K extends ScenarioId> = (
  s: ScenarioFields,
  runs: ToyRuns,
  trainCompared: TrainCompared,
) => ScenarioFactsById[K];

function start(s: ToyFields, runs: ToyRuns): ScenarioFactsById['start'] {
  const dpo = runOf(runs, 'sigmoid');
  const acc = dpo?.metrics['rewards/accuracies'] ?? [];
  const p = s.dataset === 'pair' ? s.preferenceProb : NaN;
  return {
    startLoss: dpo?.loss[0] ?? null,
    atReferenceHolds: dpo !== undefined && noOffsets(s),
    accuracy0: acc[0] ?? null,
    accuracy1: acc[1] ?? null,
    p,
    flipped: 1 - p,
    accuracyIsPHolds:
      dpo !== undefined &&
      s.dataset === 'pair' &&
      p < 1 &&
      acc[0] === 0 &&
      margins(dpo)[1] > 0 &&
      near(acc[1] ?? null, p, 1e-9),
  };
}

function deterministic(s: ToyFields, runs: ToyRuns): ScenarioFactsById['deterministic'] {
  const dpo = runOf(runs, 'sigmoid');
  const ipo = runOf(runs, 'ipo');
  const rejectedEnd = endProb(dpo, 1);
  const ipoTarget = lossViewOptimum(s, 'ipo');
  const ipoMargins = ipo ? margins(ipo) : [];
  return {
    pairHolds: s.dataset === 'pair',
    p: s.preferenceProb,
    steps: s.steps,
    dpoRejectedEnd: rejectedEnd,
    dpoRunsOnHolds:
      s.dataset === 'pair' &&
      s.preferenceProb === 1 &&
      dpo !== undefined &&
      increasing(margins(dpo)) &&
      rejectedEnd !== null &&
      rejectedEnd < ENDS_AT,
    ipoTarget: ipo ? ipoTarget : null,
    ipoSettlesHolds:
      s.dataset === 'pair' &&
      ipoTarget !== null &&
      ipoMargins.length > 50 &&
      ipoMargins.slice(-50).every((h) => near(h, ipoTarget, ENDS_AT)),
  };
}

/** The toy is the IPO paper's D1: three responses in a certain order, a uniform tabular policy from π_ref. */
export function isD1(s: ToyFields): boolean {
  return (
    s.dataset === 'order' &&
    s.responses === 3 &&
    s.features === 'tabular' &&
    s.refProbs.every((p) => p === s.refProbs[0]) &&
    noOffsets(s)
  );
}

/** The gaps ρa − ρb and ρb − ρc of a three-response run at every step (θa − θb, θb − θc when tabular). */
export function d1Gaps(run: TrainingRunInput): [number, number][] {
  return run.probs.map((row) => [Math.log(row[0] / row[1]), Math.log(row[1] / row[2])]);
}

/** The paper's printed π for τ (IPO_PAPER_D1), or null for a τ it does not report. */
export function paperD1Probs(tau: number): number[] | null {
  const row = IPO_PAPER_D1.find((r) => r.tau === tau);
  return row ? [...row.probs] : null;
}

function ipoD1(s: ToyFields, runs: ToyRuns): ScenarioFactsById['ipo-d1'] {
  const d1 = isD1(s);
  const ipo = d1 ? runOf(runs, 'ipo') : undefined;
  const dpo = d1 ? runOf(runs, 'sigmoid') : undefined;
  const fixed = 1 / (3 * s.beta);
  const ipoGaps = ipo ? d1Gaps(ipo) : [];
  const dpoGaps = dpo ? d1Gaps(dpo) : [];
  const ipoEnd = (ipo && lastOf(ipo.probs)) ?? null;
  const paper = paperD1Probs(s.beta);
  const dpoGapEnd = lastOf(dpoGaps)?.[0] ?? null;
  return {
    d1Holds: d1,
    tau: s.beta,
    learningRate: s.learningRate,
    steps: s.steps,
    ipoFixedPoint: ipo ? fixed : null,
    ipoGaps: ipoGaps.length > 0 ? [...ipoGaps[ipoGaps.length - 1]] : null,
    ipoEnd: ipoEnd ? [...ipoEnd] : null,
    ipoSettlesHolds:
      ipoGaps.length > 50 &&
      ipoGaps.slice(-50).every((g) => near(g[0], fixed, ENDS_AT) && near(g[1], fixed, ENDS_AT)),
    paperProbs: ipoEnd ? paper : null,
    paperTolerance: IPO_PAPER_TOLERANCE,
    matchesPaperHolds:
      ipoEnd !== null && paper !== null && paper.every((p, k) => near(ipoEnd[k], p, IPO_PAPER_TOLERANCE)),
    dpoGapEnd,
    dpoChosenEnd: endProb(dpo, 0),
    dpoRunsOnHolds:
      dpoGaps.length > 1 &&
      increasing(dpoGaps.map((g) => g[0])) &&
      increasing(dpoGaps.map((g) => g[1])) &&
      dpoGapEnd !== null &&
      dpoGapEnd > fixed,
  };
}

function noisy(s: ToyFields, runs: ToyRuns): ScenarioFactsById['noisy'] {
  const dpo = runOf(runs, 'sigmoid');
  const ipo = runOf(runs, 'ipo');
  const pair = s.dataset === 'pair';
  const dpoOptimum = dpo ? lossViewOptimum(s, 'sigmoid') : null;
  const ipoOptimum = ipo ? lossViewOptimum(s, 'ipo') : null;
  const dpoEnd = endProb(dpo, 0);
  const ipoEnd = endProb(ipo, 0);
  return {
    pairHolds: pair,
    p: s.preferenceProb,
    beta: s.beta,
    dpoOptimum,
    dpoChosenEnd: dpoEnd,
    uniformPairHolds: s.responses === 2 && s.refProbs[0] === s.refProbs[1] && noOffsets(s),
    dpoEndsAtPHolds: pair && dpoOptimum !== null && near(dpoEnd, s.preferenceProb, ENDS_AT),
    ipoOptimum,
    ipoChosenEnd: ipoEnd,
    ipoEndsAtOptimumHolds: pair && ipoOptimum !== null && near(ipoEnd, sigmoid(ipoOptimum), ENDS_AT),
  };
}

function labelNoise(s: ToyFields, runs: ToyRuns): ScenarioFactsById['label-noise'] {
  const p = s.preferenceProb;
  const eps = s.labelSmoothing;
  const clean = (p - eps) / (1 - 2 * eps);
  const pair = s.dataset === 'pair';
  const dpoEnd = endProb(runOf(runs, 'sigmoid'), 0);
  const cdpoEnd = endProb(runOf(runs, 'cdpo'), 0);
  const robustEnd = endProb(runOf(runs, 'robust'), 0);
  return {
    pairHolds: pair,
    p,
    epsilon: eps,
    clean,
    noiseModelHolds: pair && eps > 0 && eps < 0.5 && clean >= 0 && clean <= 1,
    dpoChosenEnd: dpoEnd,
    dpoFitsPHolds: pair && near(dpoEnd, p, ENDS_AT),
    cdpoChosenEnd: cdpoEnd,
    cdpoLessSureHolds: pair && dpoEnd !== null && cdpoEnd !== null && cdpoEnd < dpoEnd,
    robustChosenEnd: robustEnd,
    robustRecoversHolds: pair && near(robustEnd, clean, ENDS_AT),
  };
}

function displacement(s: ToyFields, runs: ToyRuns): ScenarioFactsById['likelihood-displacement'] {
  const dpo = runOf(runs, 'sigmoid');
  const ipo = runOf(runs, 'ipo');
  const chosen = probsOf(dpo, 0);
  const peak = chosen.length > 0 ? Math.max(...chosen) : null;
  const peakStep = peak === null ? null : chosen.indexOf(peak);
  const acc = (dpo?.metrics['rewards/accuracies'] ?? []).slice(1);
  const chosenReward = dpo?.metrics['rewards/chosen'] ?? [];
  const ipoStart = probsOf(ipo, 0)[0] ?? null;
  const ipoEnd = endProb(ipo, 0);
  const others = dpo
    ? Array.from({ length: Math.max(0, (dpo.probs[0]?.length ?? 0) - 2) }, (_, i) => i + 2)
    : [];
  return {
    sharedHolds: s.features === 'shared' && s.similarity > 0,
    chosenStart: chosen[0] ?? null,
    chosenPeak: peak,
    peakStep,
    chosenEnd: last(chosen),
    riseThenFallHolds:
      peakStep !== null &&
      peakStep > 0 &&
      decreasing(chosen.slice(peakStep)) &&
      chosen[chosen.length - 1] < chosen[0],
    marginGrowsHolds:
      dpo !== undefined && increasing(margins(dpo)) && acc.length > 0 && acc.every((a) => a === acc[0]),
    accuracy: acc[0] ?? null,
    others: others.length,
    massToOthersHolds: others.length > 0 && others.every((k) => (endProb(dpo, k) ?? 0) > probsOf(dpo, k)[0]),
    chosenRewardEnd: last(chosenReward),
    trlSignatureHolds:
      dpo !== undefined && (last(chosenReward) ?? 0) < 0 && increasing(dpo.metrics['rewards/margins'] ?? []),
    ipoTarget: ipo ? lossViewOptimum(s, 'ipo') : null,
    ipoChosenEnd: ipoEnd,
    ipoKeepsHolds: near(ipoEnd, ipoStart, KEEPS),
  };
}

function ktoUndesirable(s: ToyFields, runs: ToyRuns): ScenarioFactsById['kto-undesirable-only'] {
  const kto = runOf(runs, 'kto');
  const a = probsOf(kto, 0);
  const b = probsOf(kto, 1);
  const K = kto?.probs[0]?.length ?? 0;
  const rest = Array.from({ length: Math.max(0, K - 2) }, (_, i) => probsOf(kto, i + 2));
  const gains = [b, ...rest].map((p) => (p.length > 0 ? p[p.length - 1] - p[0] : -Infinity));
  return {
    thumbsDownHolds: s.dataset === 'thumbs-down',
    steps: s.steps,
    undesirableStart: a[0] ?? null,
    undesirableEnd: last(a),
    otherStart: b[0] ?? null,
    otherEnd: last(b),
    fallsHolds: kto !== undefined && decreasing(a) && decreasing(kto.loss),
    sgdHolds: s.optimizer === 'sgd',
    mostLikelyGainsHolds:
      b.length > 0 && rest.every((p) => p[0] <= b[0]) && gains[0] > 0 && gains.every((g) => g <= gains[0]),
    squeezed: rest.length,
    squeezedHolds: rest.length > 0 && rest.every((p) => p[1] > p[0] && p[p.length - 1] < p[0]),
  };
}

/**
 * Weak vs strong β: the weak run is the state's, the strong one the compared run the views draw dashed
 * (vs=beta:…, loaded with the scenario), its training the views' (trainCompared) and its optimum the dashed
 * line of the loss view. Without a β comparison there is no strong run to speak of.
 */
function betaStrength(
  s: ScenarioFields,
  runs: ToyRuns,
  trainCompared: TrainCompared,
): ScenarioFactsById['beta-strength'] {
  const c = compareOf(s);
  const other =
    c.status === 'on' && c.choice.key === 'beta' ? { beta: c.choice.value, state: c.state } : null;
  const weak = runOf(runs, 'sigmoid');
  const strong =
    weak && other && s.dataset === 'pair' ? runOf(trainCompared(other.state), 'sigmoid') : undefined;
  const weakEnd = endProb(weak, 0);
  const strongEnd = endProb(strong, 0);
  const weakKl = endKl(weak, s.refProbs);
  const strongKl = other ? endKl(strong, other.state.refProbs) : null;
  const strongOptimum = other ? lossViewOptimum(other.state, 'sigmoid') : null;
  return {
    pairHolds: s.dataset === 'pair',
    p: s.preferenceProb,
    weakBeta: s.beta,
    strongBeta: other?.beta ?? null,
    weakOptimum: logit(s.preferenceProb) / s.beta,
    strongOptimum: strong ? strongOptimum : null,
    weakChosenEnd: weakEnd,
    strongChosenEnd: strongEnd,
    weakKl: strong ? weakKl : null,
    strongKl,
    weakAlmostAllHolds: weakEnd !== null && weakEnd >= 0.99,
    weakFurtherHolds:
      other !== null &&
      s.beta < other.beta &&
      strongOptimum !== null &&
      weakEnd !== null &&
      strongEnd !== null &&
      weakEnd > strongEnd &&
      weakKl !== null &&
      strongKl !== null &&
      weakKl > strongKl,
  };
}

function bradleyTerry(s: ToyFields, runs: ToyRuns): ScenarioFactsById['bradley-terry'] {
  const dpo = runOf(runs, 'sigmoid');
  const ranking = s.dataset === 'ranking';
  const star = ranking ? rlhfOptimum(s.refProbs.map(Math.log), s.rewards, s.beta) : null;
  const end = dpo?.probs[dpo.probs.length - 1] ?? null;
  return {
    answers: s.responses,
    rewards: [...s.rewards],
    rankingHolds: ranking,
    chosenEnd: end?.[0] ?? null,
    optimumChosen: star?.[0] ?? null,
    reachesOptimumHolds:
      star !== null &&
      end !== null &&
      end.length === star.length &&
      end.every((p, k) => near(p, star[k], ENDS_AT)),
  };
}

/**
 * An SFT term beside DPO: the state's run carries it (sftWeight), the compared run (vs=sft:…, loaded with the
 * scenario) does not; both trained as the views train them.
 */
function sftTerm(
  s: ScenarioFields,
  runs: ToyRuns,
  trainCompared: TrainCompared,
): ScenarioFactsById['sft-term'] {
  const c = compareOf(s);
  const other = c.status === 'on' && c.choice.key === 'sft' ? { w: c.choice.value, state: c.state } : null;
  const dpo = runOf(runs, 'sigmoid');
  const without = dpo && other ? runOf(trainCompared(other.state), 'sigmoid') : undefined;
  const start = probsOf(dpo, 0)[0] ?? null;
  const end = endProb(dpo, 0);
  const otherEnd = endProb(without, 0);
  const marginEnd = last(dpo?.metrics['rewards/margins'] ?? []);
  const otherMarginEnd = last(without?.metrics['rewards/margins'] ?? []);
  return {
    sharedHolds: s.features === 'shared',
    termHolds: dpo !== undefined && s.sftWeight > 0,
    weight: s.sftWeight,
    otherWeight: other?.w ?? null,
    chosenStart: start,
    chosenEnd: end,
    otherChosenEnd: otherEnd,
    marginEnd,
    otherMarginEnd,
    stopsFallHolds:
      s.dataset === 'pair' &&
      s.sftWeight > 0 &&
      other?.w === 0 &&
      start !== null &&
      end !== null &&
      otherEnd !== null &&
      end > start &&
      otherEnd < start &&
      marginEnd !== null &&
      otherMarginEnd !== null &&
      marginEnd > 0 &&
      otherMarginEnd > 0,
  };
}

/**
 * DPO under reverse KL (the state's run) against another f-divergence (the compared run, vs=fdiv:…), both
 * trained as the views train them; KL as the table of both runs shows it.
 */
function fDivergence(
  s: ScenarioFields,
  runs: ToyRuns,
  trainCompared: TrainCompared,
): ScenarioFactsById['f-divergence'] {
  const c = compareOf(s);
  const other = c.status === 'on' && c.choice.key === 'fdiv' ? c.state : null;
  const main = runOf(runs, 'sigmoid');
  const alt = main && other ? runOf(trainCompared(other), 'sigmoid') : undefined;
  const reverseEnd = endProb(main, 0);
  const otherEnd = endProb(alt, 0);
  const reverseKl = endKl(main, s.refProbs);
  const otherKl = other ? endKl(alt, other.refProbs) : null;
  const rejectedEnd = endProb(alt, 1);
  const others = alt ? Array.from({ length: s.responses - 2 }, (_, k) => endProb(alt, k + 2)) : [];
  const pair = s.dataset === 'pair';
  return {
    responses: s.responses,
    p: s.preferenceProb,
    divergencesHolds:
      pair && s.fDivergence === 'reverse_kl' && other !== null && other.fDivergence === 'forward_kl',
    uniformHolds: s.refProbs.every((p) => p === s.refProbs[0]) && noOffsets(s),
    reverseChosenEnd: reverseEnd,
    otherChosenEnd: otherEnd,
    reverseKl,
    otherKl,
    otherThirdEnd: others[0] ?? null,
    closerHolds:
      reverseKl !== null &&
      otherKl !== null &&
      otherKl < reverseKl &&
      reverseEnd !== null &&
      otherEnd !== null &&
      otherEnd < reverseEnd,
    spreadHolds:
      reverseEnd !== null &&
      reverseEnd >= 0.99 &&
      rejectedEnd !== null &&
      others.length > 0 &&
      others.every((x) => x !== null && x > rejectedEnd),
  };
}

/**
 * SimPO and ORPO against DPO on one pair: numbers of the three runs the views draw (the training view's
 * π curves, the metrics view's rewards/chosen, the metrics table's nll_loss). KL from π_ref is only
 * compared (the claim), as no view shows it without a second run.
 */
function noReference(s: ToyFields, runs: ToyRuns): ScenarioFactsById['no-reference'] {
  const dpo = runOf(runs, 'sigmoid');
  const simpo = runOf(runs, 'simpo');
  const orpo = runOf(runs, 'orpo');
  const below = (x: number | null, y: number | null, k = 1) => x !== null && y !== null && x < k * y;
  const dpoKl = endKl(dpo, s.refProbs);
  const third = s.responses >= 3;
  const otherRef = third ? s.refProbs[2] : null;
  const dpoOtherEnd = third ? endProb(dpo, 2) : null;
  const simpoOtherEnd = third ? endProb(simpo, 2) : null;
  const orpoOtherEnd = third ? endProb(orpo, 2) : null;
  const nll = orpo?.metrics['nll_loss'] ?? [];
  const orpoNllEnd = last(nll);
  const orpoChosenEnd = endProb(orpo, 0);
  const dpoChosenEnd = endProb(dpo, 0);
  const orpoRewardEnd = last(orpo?.metrics['rewards/chosen'] ?? []);
  const dpoRewardEnd = last(dpo?.metrics['rewards/chosen'] ?? []);
  return {
    pairHolds: s.dataset === 'pair',
    p: s.preferenceProb,
    beta: s.beta,
    klHolds: below(dpoKl, endKl(simpo, s.refProbs)) && below(dpoKl, endKl(orpo, s.refProbs)),
    otherRef,
    dpoOtherEnd,
    simpoOtherEnd,
    orpoOtherEnd,
    squeezedHolds:
      below(simpoOtherEnd, otherRef, 0.1) &&
      below(orpoOtherEnd, otherRef, 0.1) &&
      dpoOtherEnd !== null &&
      !below(dpoOtherEnd, otherRef, 0.5),
    orpoNllEnd,
    orpoChosenEnd,
    dpoChosenEnd,
    orpoRaisesHolds: below(orpoNllEnd, nll[0] ?? null) && below(dpoChosenEnd, orpoChosenEnd),
    orpoRewardEnd,
    dpoRewardEnd,
    rewardSignHolds: below(orpoRewardEnd, 0) && below(0, dpoRewardEnd),
  };
}

/**
 * TR-DPO: the state's DPO run, its reference synced toward the policy, against the compared run with a fixed
 * reference (vs=sync:0, trained as the views train it). KL to the start reference as the table of both runs
 * shows it; KL to the current reference from the run's own π and π_ref at every step.
 */
function trDpo(s: ScenarioFields, runs: ToyRuns, trainCompared: TrainCompared): ScenarioFactsById['tr-dpo'] {
  const synced = runOf(runs, 'sigmoid');
  const moving = synced?.refProbs !== undefined && refMoves('sigmoid', s);
  const c = compareOf(s);
  const other = c.status === 'on' && c.choice.key === 'sync' && c.choice.value === 0 ? c.state : null;
  const fixed = moving && other ? runOf(trainCompared(other), 'sigmoid') : undefined;
  const syncedChosenEnd = moving ? endProb(synced, 0) : null;
  const fixedChosenEnd = endProb(fixed, 0);
  const syncedStartKl = moving ? endKl(synced, s.refProbs) : null;
  const fixedStartKl = endKl(fixed, s.refProbs);
  const syncedCurrentKl = moving ? runEndOf(synced, s.refProbs).klCurrent : null;
  const above = (x: number | null, y: number | null) => x !== null && y !== null && x > y;
  return {
    pairHolds: s.dataset === 'pair',
    p: s.preferenceProb,
    syncHolds: moving,
    syncSteps: s.refSyncSteps,
    mixupAlpha: s.refMixupAlpha,
    syncedChosenEnd,
    fixedChosenEnd,
    syncedStartKl,
    fixedStartKl,
    furtherHolds:
      moving &&
      !synced.divergence &&
      above(syncedStartKl, fixedStartKl) &&
      above(syncedChosenEnd, fixedChosenEnd),
    syncedCurrentKl,
    followsHolds: moving && !synced.divergence && above(fixedStartKl, syncedCurrentKl),
  };
}

/** Razin et al., 2024: π(y_w) loses more than half while the margin grows; y₃ takes the mass. */
function razinDisplacement(s: ToyFields, runs: ToyRuns): ScenarioFactsById['razin-displacement'] {
  const dpo = runOf(runs, 'sigmoid');
  const chosen = probsOf(dpo, 0);
  const third = probsOf(dpo, 2);
  const acc = (dpo?.metrics['rewards/accuracies'] ?? []).slice(1);
  const K = dpo?.probs[0]?.length ?? 0;
  const gains = Array.from({ length: K }, (_, k) => {
    const p = probsOf(dpo, k);
    return p[p.length - 1] - p[0];
  });
  const start = chosen[0] ?? null;
  const end = last(chosen);
  return {
    sharedHolds: s.features === 'shared' && s.similarity > 0,
    chosenStart: start,
    chosenEnd: end,
    halfLostHolds: start !== null && end !== null && end < start / 2,
    marginEnd: last(dpo?.metrics['rewards/margins'] ?? []),
    accuracy: acc[0] ?? null,
    marginGrowsHolds:
      dpo !== undefined && increasing(margins(dpo)) && acc.length > 0 && acc.every((a) => a === acc[0]),
    thirdStart: third[0] ?? null,
    thirdEnd: last(third),
    massToThirdHolds: third.length > 0 && gains[2] > 0 && gains.every((g, k) => k === 2 || g < gains[2]),
  };
}

/** Ren & Sutherland, 2024: a push down on unlikely A moves the mass to the most likely B, not evenly. */
function squeezing(s: ToyFields, runs: ToyRuns): ScenarioFactsById['squeezing'] {
  const kto = runOf(runs, 'kto');
  const K = kto?.probs[0]?.length ?? 0;
  const a = probsOf(kto, 0);
  const b = probsOf(kto, 1);
  const rest = Array.from({ length: Math.max(0, K - 2) }, (_, i) => probsOf(kto, i + 2));
  const sumAt = (t: number): number | null =>
    kto && rest.length > 0 ? rest.reduce((acc, p) => acc + p[t], 0) : null;
  const ref = s.refProbs;
  const peaked =
    ref.length >= 3 &&
    noOffsets(s) &&
    ref.every((p, k) => k === 0 || p > ref[0]) &&
    ref.every((p) => p <= ref[1]);
  return {
    thumbsDownHolds: s.dataset === 'thumbs-down',
    peakedHolds: peaked,
    undesirableStart: a[0] ?? null,
    undesirableEnd: last(a),
    topStart: b[0] ?? null,
    topEnd: last(b),
    squeezed: rest.length,
    restStart: sumAt(0),
    restEnd: kto ? sumAt(kto.probs.length - 1) : null,
    sgdHolds: s.optimizer === 'sgd',
    topGainsMostHolds:
      b.length > 0 && rest.length > 0 && (last(b) ?? 0) > b[0] && rest.every((p) => decreasing(p)),
  };
}

const COMPUTE: { [K in ScenarioId]: Compute<K> } = {
  start,
  deterministic,
  'ipo-d1': ipoD1,
  noisy,
  'label-noise': labelNoise,
  'likelihood-displacement': displacement,
  'kto-undesirable-only': ktoUndesirable,
  'beta-strength': betaStrength,
  'bradley-terry': bradleyTerry,
  'sft-term': sftTerm,
  'f-divergence': fDivergence,
  'no-reference': noReference,
  'tr-dpo': trDpo,
  'razin-displacement': razinDisplacement,
  squeezing,
};

/**
 * Scenario `id`'s facts about the state `s` and its runs (default: the views' memoised runs, and the compared
 * run's memo for a second run).
 */
export function scenarioFacts<K extends ScenarioId>(
  id: K,
  s: ScenarioFields,
  runs: ToyRuns = trainingRunsOf(s),
  trainCompared: TrainCompared = compareRunsOf,
): ScenarioFactsById[K] {
  return COMPUTE[id](s, runs, trainCompared);
}

/** Scenario `id`'s explanation in one language, about the state `s`. */
export function scenarioExplanation<K extends ScenarioId>(
  strings: PresetStrings,
  id: K,
  s: ScenarioFields,
  runs?: ToyRuns,
  trainCompared?: TrainCompared,
): string {
  const text: PresetStrings[K] = strings[id];
  return text.explanation(scenarioFacts(id, s, runs, trainCompared));
}
