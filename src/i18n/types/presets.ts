// The scenarios' titles and explanations, by scenario id. An explanation is a template: it takes the facts
// src/derive/scenarioFacts.ts computes from the current state and its training runs, so every number it
// states is one the views draw. Each `…Holds` boolean says whether a claim is true of the state shown; a
// template states a claim only while it holds (after an edit it drops it or says something neutral).
// A number is null when the run it comes from is not trained (its loss was unticked, or the data cannot
// train it); the sentence about it is left out.
import type { ScenarioId } from '../../math/index.ts';

/** Step 0 is the reference: ln 2, accuracy 0, then p after one update. */
export interface StartFacts {
  /** DPO's loss at step 0 (the readout's loss of the toy's pair at its start). */
  startLoss: number | null;
  /** Every start offset is 0, so every log-ratio is 0 and the loss is ln 2 whatever β is. */
  atReferenceHolds: boolean;
  /** DPO's rewards/accuracies at steps 0 and 1. */
  accuracy0: number | null;
  accuracy1: number | null;
  /** The preference probability p, and the share of labels that say the opposite, 1 − p. */
  p: number;
  flipped: number;
  /** After one update the margin is positive and the accuracy is p (< 1), not 1. */
  accuracyIsPHolds: boolean;
}

/** p = 1: DPO's margin runs on, IPO's stops at 1/(2β). */
export interface DeterministicFacts {
  /** The data are one preference pair, so p is what the sentences about it say. */
  pairHolds: boolean;
  p: number;
  steps: number;
  /** DPO's π(y_l) where training ends. */
  dpoRejectedEnd: number | null;
  /** DPO's margin grows at every step and π(y_l) ends near 0. */
  dpoRunsOnHolds: boolean;
  /** IPO's target margin (the closed form the loss view draws) and whether IPO's run settles on it. */
  ipoTarget: number | null;
  ipoSettlesHolds: boolean;
}

/** The IPO paper's D1: IPO stops at θa − θb = θb − θc = 1/(3τ), DPO runs on to (1, 0, 0). */
export interface IpoD1Facts {
  /** The data are D1: three responses in a deterministic order, a uniform reference, a tabular policy from it. */
  d1Holds: boolean;
  /** τ (TRL's β) and the learning rate. */
  tau: number;
  learningRate: number;
  steps: number;
  /** IPO's fixed point 1/(3τ), and the gaps θa − θb, θb − θc (= ρa − ρb, ρb − ρc) where IPO's run ends. */
  ipoFixedPoint: number | null;
  ipoGaps: number[] | null;
  /** IPO's π where its run ends (the training view's three curves at the last step). */
  ipoEnd: number[] | null;
  /** IPO's gaps have stayed on 1/(3τ) over the last 50 steps. */
  ipoSettlesHolds: boolean;
  /** The paper's printed π for this τ (null for a τ the paper does not report) and the agreement asked. */
  paperProbs: number[] | null;
  paperTolerance: number;
  /** IPO's π where it ends is within paperTolerance of the paper's, entry by entry. */
  matchesPaperHolds: boolean;
  /** DPO's gap θa − θb and π(a) where its run ends. */
  dpoGapEnd: number | null;
  dpoChosenEnd: number | null;
  /** DPO's gaps grow at every step (no fixed point) and end past IPO's. */
  dpoRunsOnHolds: boolean;
}

/** Noisy preferences: DPO ends at π(y_w) = p, IPO at σ((2p − 1)/(2β)). */
export interface NoisyFacts {
  /** The data are one preference pair, so p is what the sentences about it say. */
  pairHolds: boolean;
  p: number;
  beta: number;
  /** DPO's optimum margin h* = logit(p)/β (the loss view's dotted line), and its π(y_w) at the end. */
  dpoOptimum: number | null;
  dpoChosenEnd: number | null;
  /** Two responses, a uniform reference and no start offsets, so π(y_w) = σ(h). */
  uniformPairHolds: boolean;
  /** DPO's π(y_w) ends at p. */
  dpoEndsAtPHolds: boolean;
  ipoOptimum: number | null;
  ipoChosenEnd: number | null;
  /** IPO's π(y_w) ends at σ(h*). */
  ipoEndsAtOptimumHolds: boolean;
}

/** Label noise: plain DPO fits p, cDPO ends less sure, robust DPO recovers the clean preference. */
export interface LabelNoiseFacts {
  /** The data are one preference pair, so p is what the sentences about it say. */
  pairHolds: boolean;
  p: number;
  /** ε, the label-smoothing / flip rate of cDPO and robust DPO. */
  epsilon: number;
  /** The clean preference q with q(1 − ε) + (1 − q)ε = p. */
  clean: number;
  /** 0 < ε < 0.5 and 0 ≤ q ≤ 1: p is a clean preference with a share ε of flipped labels. */
  noiseModelHolds: boolean;
  dpoChosenEnd: number | null;
  dpoFitsPHolds: boolean;
  cdpoChosenEnd: number | null;
  /** cDPO ends below plain DPO. */
  cdpoLessSureHolds: boolean;
  robustChosenEnd: number | null;
  /** Robust DPO ends at q. */
  robustRecoversHolds: boolean;
}

/** Likelihood displacement: π(y_w) rises briefly, then falls, while the margin grows. */
export interface DisplacementFacts {
  /** y_w and y_l share a feature (features 'shared', similarity > 0). */
  sharedHolds: boolean;
  /** DPO's π(y_w) at step 0, at its peak (and that step), and at the end. */
  chosenStart: number | null;
  chosenPeak: number | null;
  peakStep: number | null;
  chosenEnd: number | null;
  /** π(y_w) peaks after step 0, then falls at every step to below its start. */
  riseThenFallHolds: boolean;
  /** The margin grows at every step and the accuracy (the value after step 0) never changes. */
  marginGrowsHolds: boolean;
  accuracy: number | null;
  /** How many responses besides y_w and y_l (y₃, y₄, …), and whether each ends above its start. */
  others: number;
  massToOthersHolds: boolean;
  /** DPO's rewards/chosen where training ends: negative while rewards/margins rises at every step. */
  chosenRewardEnd: number | null;
  trlSignatureHolds: boolean;
  /** IPO's target margin and its π(y_w) at the end, within 0.005 of where it began. */
  ipoTarget: number | null;
  ipoChosenEnd: number | null;
  ipoKeepsHolds: boolean;
}

/** KTO with one undesirable example: π(A) falls, B gains most, the others rise then fall. */
export interface KtoUndesirableFacts {
  /** The data are one thumbs-down on A and nothing else. */
  thumbsDownHolds: boolean;
  steps: number;
  /** KTO's π(A) at the start and the end, and π(B) at the start and the end. */
  undesirableStart: number | null;
  undesirableEnd: number | null;
  otherStart: number | null;
  otherEnd: number | null;
  /** π(A) and the loss fall at every step. */
  fallsHolds: boolean;
  /** The optimizer is plain SGD. */
  sgdHolds: boolean;
  /** B is the most likely of the others and gains most. */
  mostLikelyGainsHolds: boolean;
  /** How many responses come after B (C, D, …), and whether each rises at first then ends below its start. */
  squeezed: number;
  squeezedHolds: boolean;
}

/** Weak vs strong β: the margin logit(p)/β and π(y_w) of each. */
export interface BetaStrengthFacts {
  /** The data are one preference pair, so p is what the sentences about it say. */
  pairHolds: boolean;
  p: number;
  /** The weak β (the state's) and the strong one: the compared run's (vs=beta:…), null without one. */
  weakBeta: number;
  strongBeta: number | null;
  /** The margins where DPO settles: the loss view's optimum lines (the strong one dashed). */
  weakOptimum: number;
  strongOptimum: number | null;
  /** π(y_w) where each run ends (the strong one: the compared run's dashed curve). */
  weakChosenEnd: number | null;
  strongChosenEnd: number | null;
  /** KL(π‖π_ref) where each run ends, as the table of both runs shows it; null without a strong run. */
  weakKl: number | null;
  strongKl: number | null;
  /** The weak run ends with π(y_w) ≥ 0.99: almost all probability on y_w. */
  weakAlmostAllHolds: boolean;
  /** The weak β is the smaller, and its run ends further from the reference (KL and π(y_w)). */
  weakFurtherHolds: boolean;
}

/** Bradley–Terry ranking: DPO ends at the RLHF optimum π* ∝ π_ref·exp(r/β). */
export interface BradleyTerryFacts {
  /** How many responses (answers) there are. */
  answers: number;
  /** The hidden rewards (one per response). */
  rewards: number[];
  /** The data are a ranking by these rewards. */
  rankingHolds: boolean;
  /** π(A) where DPO's training ends, and π*(A). */
  chosenEnd: number | null;
  optimumChosen: number | null;
  /** Every π(y) ends within 10⁻³ of π*(y). */
  reachesOptimumHolds: boolean;
}

/** An SFT term beside DPO (loss_type=["sigmoid", "sft"]) against the same pair without it (vs=sft:0). */
export interface SftTermFacts {
  /** y_w and y_l share a feature (the likelihood-displacement pair). */
  sharedHolds: boolean;
  /** DPO is shown and carries an SFT term (w > 0): TRL's loss_type=["sigmoid", "sft"]. */
  termHolds: boolean;
  /** The state's SFT weight w (loss_weights=[1, w]) and the compared run's (null without one). */
  weight: number;
  otherWeight: number | null;
  /** π(y_w) at the start and where the state's run ends, and where the compared run ends. */
  chosenStart: number | null;
  chosenEnd: number | null;
  otherChosenEnd: number | null;
  /** rewards/margins where each run ends (what TRL logs). */
  marginEnd: number | null;
  otherMarginEnd: number | null;
  /** With the SFT term π(y_w) ends above its start; without it (w = 0) below; both margins end above 0. */
  stopsFallHolds: boolean;
}

/** DPO under the state's f-divergence (reverse KL) against the compared one (vs=fdiv:…, forward KL). */
export interface FDivergenceFacts {
  /** The responses K, and the data are one preference pair with probability p. */
  responses: number;
  p: number;
  /** The state's run is reverse KL and the compared run forward KL (what the sentences name). */
  divergencesHolds: boolean;
  /** Every response starts equally likely (uniform π_ref, the policy at the reference). */
  uniformHolds: boolean;
  /** π(y_w) where each run ends, and KL(π‖π_ref) there (as the table of both runs shows them). */
  reverseChosenEnd: number | null;
  otherChosenEnd: number | null;
  reverseKl: number | null;
  otherKl: number | null;
  /** π of response 3 where the compared run ends: what it leaves the responses nobody compared. */
  otherThirdEnd: number | null;
  /** The compared run ends closer to the reference (smaller KL) with less on y_w. */
  closerHolds: boolean;
  /** Reverse KL ends with π(y_w) ≥ 0.99; the other run leaves each uncompared response more than y_l. */
  spreadHolds: boolean;
}

/** Each scenario's facts, by id. */
/**
 * SimPO and ORPO have no reference model: DPO keeps the policy near π_ref, they do not (the response the
 * pair never mentions is squeezed out); ORPO's NLL lifts π(y_w); their rewards are β × per-token log-probs.
 */
export interface NoReferenceFacts {
  /** The data are one preference pair, so p is what the sentences about it say. */
  pairHolds: boolean;
  p: number;
  beta: number;
  /** SimPO and ORPO both end further from π_ref than DPO (KL(π‖π_ref) where the runs end). */
  klHolds: boolean;
  /** π_ref(y₃), the third response, and π(y₃) where each run ends; null without a third response. */
  otherRef: number | null;
  dpoOtherEnd: number | null;
  simpoOtherEnd: number | null;
  orpoOtherEnd: number | null;
  /** SimPO and ORPO squeeze y₃ below a tenth of π_ref(y₃); DPO keeps it above half. */
  squeezedHolds: boolean;
  /** ORPO's nll_loss where its run ends (the metrics table), its π(y_w) at the end and DPO's. */
  orpoNllEnd: number | null;
  orpoChosenEnd: number | null;
  dpoChosenEnd: number | null;
  /** ORPO's NLL falls over the run and its π(y_w) ends above DPO's. */
  orpoRaisesHolds: boolean;
  /** rewards/chosen where ORPO's and DPO's runs end. */
  orpoRewardEnd: number | null;
  dpoRewardEnd: number | null;
  /** ORPO's reward (β × a mean log-prob) is below 0 while DPO's (a log-ratio) is above. */
  rewardSignHolds: boolean;
}

/**
 * TR-DPO: DPO with the reference synced toward the policy (the state's run) against the same state with a
 * fixed reference (sync = 0, trained for the facts): the synced run goes further from the start reference
 * while staying close to its current one.
 */
export interface TrDpoFacts {
  /** The data are one preference pair, so p is what the sentences about it say. */
  pairHolds: boolean;
  p: number;
  /** DPO is shown and its reference moves (sync ≥ 1, α > 0): S and α are the state's. */
  syncHolds: boolean;
  syncSteps: number;
  mixupAlpha: number;
  /** π(y_w) where the synced and the fixed-reference runs end. */
  syncedChosenEnd: number | null;
  fixedChosenEnd: number | null;
  /** KL(π‖π_ref of step 0) where each run ends. */
  syncedStartKl: number | null;
  fixedStartKl: number | null;
  /** The synced run ends further from the start reference (larger KL) with more on y_w. */
  furtherHolds: boolean;
  /** KL(π‖π_ref of that step) where the synced run ends (the table of both runs' last column). */
  syncedCurrentKl: number | null;
  /** It is below the fixed run's final KL: the reference has kept up with the policy. */
  followsHolds: boolean;
}

/**
 * Likelihood displacement as in Razin et al., 2024: y_w and y_l share a feature; DPO's margin grows while
 * π(y_w) loses more than half, and a third response, in no pair, takes the mass.
 */
export interface RazinDisplacementFacts {
  /** y_w and y_l share a feature (similarity > 0). */
  sharedHolds: boolean;
  /** DPO's π(y_w) at the start and where its run ends. */
  chosenStart: number | null;
  chosenEnd: number | null;
  /** π(y_w) ends below half of where it started. */
  halfLostHolds: boolean;
  /** rewards/margins where DPO's run ends, and rewards/accuracies after step 0 (one value throughout). */
  marginEnd: number | null;
  accuracy: number | null;
  /** The margin grows at every step and the accuracy after step 0 never changes. */
  marginGrowsHolds: boolean;
  /** π(y₃), the third response, at the start and the end (null with two responses). */
  thirdStart: number | null;
  thirdEnd: number | null;
  /** y₃ gains more probability than any other response: the mass y_w and y_l lose goes there. */
  massToThirdHolds: boolean;
}

/**
 * The squeezing effect (Ren & Sutherland, 2024): KTO pushes down one unlikely response (A, thumbs-down data)
 * of a peaked reference, and the mass goes to the most likely response B, squeezed out of the rest.
 */
export interface SqueezingFacts {
  /** The data are one undesirable example, response A. */
  thumbsDownHolds: boolean;
  /** π(A) is the smallest of all and B the largest (a peaked reference; an unlikely A). */
  peakedHolds: boolean;
  /** KTO's π(A) and π(B) at the start and where its run ends. */
  undesirableStart: number | null;
  undesirableEnd: number | null;
  topStart: number | null;
  topEnd: number | null;
  /** The responses after A and B (C, D, …): how many, and their π summed at the start and the end. */
  squeezed: number;
  restStart: number | null;
  restEnd: number | null;
  /** Plain SGD: each logit moves in proportion to its probability (Adam would move them alike). */
  sgdHolds: boolean;
  /** B gains and gains most; every other response (C, D, …) falls at every step. */
  topGainsMostHolds: boolean;
}

export interface ScenarioFactsById {
  start: StartFacts;
  deterministic: DeterministicFacts;
  'ipo-d1': IpoD1Facts;
  noisy: NoisyFacts;
  'label-noise': LabelNoiseFacts;
  'likelihood-displacement': DisplacementFacts;
  'kto-undesirable-only': KtoUndesirableFacts;
  'beta-strength': BetaStrengthFacts;
  'bradley-terry': BradleyTerryFacts;
  'sft-term': SftTermFacts;
  'f-divergence': FDivergenceFacts;
  'no-reference': NoReferenceFacts;
  'tr-dpo': TrDpoFacts;
  'razin-displacement': RazinDisplacementFacts;
  squeezing: SqueezingFacts;
}

export interface PresetText<F> {
  title: string;
  /** The explanation, 2–4 sentences for students, its numbers and claims from `facts`. */
  explanation: (facts: F) => string;
}

/** Every scenario id → its title and explanation template in one language. */
export type PresetStrings = { [K in ScenarioId]: PresetText<ScenarioFactsById[K]> };
