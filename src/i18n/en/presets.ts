// Scenario titles and explanations by scenario id. An explanation is a template over the facts
// src/derive/scenarioFacts.ts computes from the state on screen: every number comes from there (written
// with c3, as the plots' sentences write them), and a claim is stated only while its `…Holds` is true;
// otherwise the sentence is left out or says only what the numbers say.
import type { PresetStrings } from '../types/presets.ts';
import { c3, subscript } from '../figureFormat.ts';

/** Sentences joined; empty ones (a claim left out) vanish. */
const say = (...sentences: (string | false | null)[]): string =>
  sentences.filter((x): x is string => typeof x === 'string' && x !== '').join(' ');

/** 'a', 'a and b', 'a, b and c'. */
function list(items: readonly string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
/** y₃, y₄, … : the `n` responses after y_w and y_l, as the training view names them. */
const otherPairResponses = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `y${subscript(i + 3)}`);
/** C, D, … : the `n` responses after A and B (thumbs-down and ranking data). */
const otherLetters = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => String.fromCharCode(67 + i));
/** IPO's target as a formula: 1/(2β) for p = 1, (2p − 1)/(2β) otherwise. */
const ipoFormula = (p: number): string => (p === 1 ? '1/(2β)' : '(2p − 1)/(2β)');
/** Said instead of a sentence about p when the data are not one preference pair. */
const NOT_PAIR = 'These data are not one preference pair, so p plays no part in training here.';
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export const EN_PRESETS: PresetStrings = {
  start: {
    title: 'Step 0: the policy is the reference',
    explanation: (f) =>
      say(
        f.atReferenceHolds &&
          f.startLoss !== null &&
          f.accuracy0 !== null &&
          'Training starts from a copy of the reference model, so every log-ratio log π/π_ref is zero. ' +
            `The DPO loss is then −log σ(0) = ln 2 ≈ ${c3(f.startLoss)} whatever β is, and TRL logs ` +
            `rewards/accuracies = ${c3(f.accuracy0)}, not 0.5: a pair only counts as right when the chosen ` +
            'reward is strictly larger.',
        !f.atReferenceHolds &&
          f.startLoss !== null &&
          `Training starts away from the reference (the start offsets), so the DPO loss before any update is ${c3(f.startLoss)}.`,
        f.startLoss === null &&
          'Tick DPO to see its loss and its accuracy before and after the first update.',
        f.accuracyIsPHolds && f.accuracy1 !== null
          ? `After the first update the margin is positive and the accuracy jumps to ${c3(f.accuracy1)}, not 1: ` +
              `the data say y_w ≻ y_l with p = ${c3(f.p)}, so a share 1 − p = ${c3(f.flipped)} of the labels ` +
              'says the opposite, and TRL counts those too.'
          : f.accuracy1 !== null &&
              `After the first update TRL logs rewards/accuracies = ${c3(f.accuracy1)}.`,
      ),
  },
  deterministic: {
    title: 'Always preferred: DPO never stops, IPO does',
    explanation: (f) =>
      say(
        !f.pairHolds
          ? NOT_PAIR
          : f.p === 1
            ? `Here y_w beats y_l every time (p = ${c3(f.p)}).`
            : `Here y_w beats y_l with probability p = ${c3(f.p)}.`,
        f.dpoRunsOnHolds && f.dpoRejectedEnd !== null
          ? 'DPO can always lower its loss a little more by widening the margin, so the margin keeps growing ' +
              `for as long as you train and π(y_l) heads to zero (${c3(f.dpoRejectedEnd)} after ${c3(f.steps)} ` +
              'steps): DPO over-fits deterministic preferences.'
          : f.dpoRejectedEnd !== null &&
              `DPO’s π(y_l) ends at ${c3(f.dpoRejectedEnd)} after ${c3(f.steps)} steps.`,
        f.ipoSettlesHolds && f.ipoTarget !== null
          ? `IPO regresses the margin onto a target, ${ipoFormula(f.p)} = ${c3(f.ipoTarget)} here, and stops there.`
          : f.ipoTarget !== null && `IPO’s target margin is ${ipoFormula(f.p)} = ${c3(f.ipoTarget)}.`,
        f.dpoRunsOnHolds &&
          f.ipoSettlesHolds &&
          'Watch rewards/margins under the training view: DPO’s curve climbs, IPO’s flattens.',
      ),
  },
  'ipo-d1': {
    title: 'The IPO paper’s D₁: DPO runs to (1, 0, 0), IPO stops',
    explanation: (f) =>
      say(
        f.d1Holds
          ? 'The IPO paper’s example D₁ (arXiv 2310.12036, §5.4): three answers with A ≻ B, B ≻ C and A ≻ C every ' +
              'time, a uniform reference, one free logit per answer starting at π_ref, and Adam at learning rate ' +
              `${c3(f.learningRate)}; τ is TRL’s β, here ${c3(f.tau)}.`
          : 'These data are not the IPO paper’s D₁ (three answers in a certain order, a uniform reference, one ' +
              'free logit per answer starting there), so its numbers do not apply.',
        f.ipoEnd !== null &&
          f.ipoFixedPoint !== null &&
          (f.ipoSettlesHolds
            ? `IPO stops where θ_A − θ_B = θ_B − θ_C = 1/(3τ) = ${c3(f.ipoFixedPoint)}: after ${c3(f.steps)} steps ` +
              `π = (${f.ipoEnd.map(c3).join(', ')})` +
              (f.matchesPaperHolds && f.paperProbs !== null
                ? `, the paper’s (${f.paperProbs.map(c3).join(', ')}) to within ${c3(f.paperTolerance)}.`
                : '.')
            : `IPO’s fixed point is θ_A − θ_B = θ_B − θ_C = 1/(3τ) = ${c3(f.ipoFixedPoint)}; where training ` +
              `stops its π = (${f.ipoEnd.map(c3).join(', ')})` +
              (f.ipoGaps !== null ? `, with gaps ${f.ipoGaps.map(c3).join(' and ')}.` : '.')),
        f.dpoChosenEnd !== null &&
          f.dpoGapEnd !== null &&
          (f.dpoRunsOnHolds
            ? 'DPO has no such point: with certain preferences it can always lower its loss by widening the gaps, ' +
              `so they grow at every step (θ_A − θ_B = ${c3(f.dpoGapEnd)} at the end, π(A) = ` +
              `${c3(f.dpoChosenEnd)}) and π heads to (1, 0, 0) whatever τ is.`
            : `DPO’s π(A) ends at ${c3(f.dpoChosenEnd)}, with θ_A − θ_B = ${c3(f.dpoGapEnd)}.`),
      ),
  },
  noisy: {
    title: 'Noisy preferences: both losses settle',
    explanation: (f) =>
      say(
        f.pairHolds ? `Annotators prefer y_w a share p = ${c3(f.p)} of the time.` : NOT_PAIR,
        f.dpoOptimum !== null &&
          f.dpoChosenEnd !== null &&
          (f.dpoEndsAtPHolds && f.uniformPairHolds
            ? `DPO now has a finite optimum, h* = logit(p)/β = ${c3(f.dpoOptimum)}: with β = ${c3(f.beta)} and a ` +
              `uniform two-answer reference the policy ends at π(y_w) = ${c3(f.dpoChosenEnd)}, exactly the preference.`
            : `DPO’s optimum margin is h* = logit(p)/β = ${c3(f.dpoOptimum)}, and its π(y_w) ends at ${c3(f.dpoChosenEnd)}.`),
        f.ipoOptimum !== null &&
          f.ipoChosenEnd !== null &&
          (f.ipoEndsAtOptimumHolds
            ? `IPO aims at h* = (2p − 1)/(2β) = ${c3(f.ipoOptimum)} and ends at π(y_w) = σ(h*) ≈ ${c3(f.ipoChosenEnd)}.`
            : `IPO aims at h* = (2p − 1)/(2β) = ${c3(f.ipoOptimum)}, and its π(y_w) ends at ${c3(f.ipoChosenEnd)}.`),
        f.dpoEndsAtPHolds && 'Noise, not the loss, is what stops DPO from running off to infinity.',
      ),
  },
  'label-noise': {
    title: 'Label noise: conservative vs robust DPO',
    explanation: (f) => {
      const eps = c3(f.epsilon);
      const smoothed = [
        f.cdpoChosenEnd !== null &&
          (f.cdpoLessSureHolds
            ? `conservative DPO (cDPO, ε = ${eps}) smooths the labels further and ends less sure, at ${c3(f.cdpoChosenEnd)}`
            : `conservative DPO (cDPO, ε = ${eps}) ends at ${c3(f.cdpoChosenEnd)}`),
        f.robustChosenEnd !== null &&
          (f.robustRecoversHolds
            ? `robust DPO (ε = ${eps}) undoes the assumed flips and recovers the clean preference, ${c3(f.robustChosenEnd)}`
            : `robust DPO (ε = ${eps}) ends at ${c3(f.robustChosenEnd)}`),
      ].filter((x): x is string => typeof x === 'string');
      return say(
        f.noiseModelHolds
          ? `Suppose y_w is truly preferred a share q = ${c3(f.clean)} of the time but a share ε = ${eps} of ` +
              `labels get flipped, so the data say p = ${c3(f.p)}.`
          : f.pairHolds
            ? `The data say y_w beats y_l with probability p = ${c3(f.p)}.`
            : NOT_PAIR,
        f.dpoChosenEnd !== null &&
          (f.dpoFitsPHolds
            ? `Plain DPO fits the noisy data: π(y_w) → ${c3(f.dpoChosenEnd)}.`
            : `Plain DPO ends at π(y_w) = ${c3(f.dpoChosenEnd)}.`),
        smoothed.length > 0 && `${capital(smoothed.join('; '))}.`,
        f.noiseModelHolds &&
          f.dpoFitsPHolds &&
          f.cdpoLessSureHolds &&
          f.robustRecoversHolds &&
          'Same data, three different answers: ε is a modelling choice.',
      );
    },
  },
  'likelihood-displacement': {
    title: 'Likelihood displacement: the chosen answer gets less likely',
    explanation: (f) =>
      say(
        f.sharedHolds
          ? 'The chosen answer y_w and the rejected answer y_l are near-duplicates: both lean on one shared ' +
              'feature, y_l twice as hard as y_w.'
          : 'Here y_w and y_l share no feature: each response has a logit of its own.',
        f.chosenStart !== null &&
          f.chosenEnd !== null &&
          (f.sharedHolds &&
          f.riseThenFallHolds &&
          f.marginGrowsHolds &&
          f.chosenPeak !== null &&
          f.peakStep !== null &&
          f.accuracy !== null
            ? 'DPO widens the margin by pushing that shared feature down, which drags y_w down with y_l: after ' +
              `a brief rise to ${c3(f.chosenPeak)} (step ${c3(f.peakStep)}) π(y_w) falls from ${c3(f.chosenStart)} ` +
              `to ${c3(f.chosenEnd)} while the margin keeps growing and accuracy is ${c3(f.accuracy)} from the first update on` +
              (f.massToOthersHolds ? `, and the mass goes to ${list(otherPairResponses(f.others))}.` : '.')
            : `DPO’s π(y_w) goes from ${c3(f.chosenStart)} to ${c3(f.chosenEnd)}.`),
        f.trlSignatureHolds &&
          f.chosenRewardEnd !== null &&
          `In TRL logs this is rewards/chosen turning negative (${c3(f.chosenRewardEnd)} at the end) while ` +
            'rewards/margins keeps rising.',
        f.ipoTarget !== null &&
          f.ipoChosenEnd !== null &&
          (f.ipoKeepsHolds
            ? `IPO stops at its target margin h* = ${c3(f.ipoTarget)} and leaves π(y_w) where it began (${c3(f.ipoChosenEnd)}).`
            : `IPO’s target margin is h* = ${c3(f.ipoTarget)}, and its π(y_w) ends at ${c3(f.ipoChosenEnd)}.`),
      ),
  },
  'kto-undesirable-only': {
    title: 'KTO with thumbs-down only',
    explanation: (f) =>
      say(
        f.thumbsDownHolds
          ? 'KTO needs no pairs: this dataset has a single undesirable example, response A, and nothing else.'
          : 'KTO needs no pairs: it learns from each example marked desirable or undesirable.',
        f.undesirableStart !== null &&
          f.undesirableEnd !== null &&
          (f.thumbsDownHolds && f.fallsHolds
            ? `KTO pushes π(A) from ${c3(f.undesirableStart)} towards zero (${c3(f.undesirableEnd)} after ` +
              `${c3(f.steps)} steps) and its loss keeps falling without reaching an optimum.`
            : `KTO’s π(A) goes from ${c3(f.undesirableStart)} to ${c3(f.undesirableEnd)} in ${c3(f.steps)} steps.`),
        f.otherStart !== null &&
          f.otherEnd !== null &&
          (f.thumbsDownHolds && f.sgdHolds && f.mostLikelyGainsHolds
            ? 'With plain SGD each other logit rises in proportion to its probability, so the most likely ' +
              `answer B gains most (${c3(f.otherStart)} → ${c3(f.otherEnd)})` +
              (f.squeezedHolds
                ? ` and ends up squeezing ${list(otherLetters(f.squeezed))} too: ` +
                  (f.squeezed === 1
                    ? 'it rises at first, then falls below where it started.'
                    : 'they rise at first, then fall below where they started.')
                : '.')
            : `π(B) goes from ${c3(f.otherStart)} to ${c3(f.otherEnd)}.`),
      ),
  },
  'beta-strength': {
    title: 'Weak vs strong β',
    explanation: (f) =>
      say(
        'β sets how far the policy may move from the reference.',
        f.weakChosenEnd !== null &&
          (f.weakFurtherHolds &&
          f.strongBeta !== null &&
          f.strongOptimum !== null &&
          f.strongChosenEnd !== null
            ? `With p = ${c3(f.p)} DPO settles where βh = logit(p): a weak β = ${c3(f.weakBeta)} needs a margin ` +
              `of ${c3(f.weakOptimum)}, which ` +
              (f.weakAlmostAllHolds
                ? `puts almost all probability on y_w (π(y_w) ≈ ${c3(f.weakChosenEnd)}, far from the reference)`
                : `takes π(y_w) to ${c3(f.weakChosenEnd)}`) +
              `, while the compared run’s strong β = ${c3(f.strongBeta)} stops at a margin of ` +
              `${c3(f.strongOptimum)} with π(y_w) ≈ ${c3(f.strongChosenEnd)}.`
            : f.pairHolds
              ? `With p = ${c3(f.p)} and β = ${c3(f.weakBeta)} DPO settles where βh = logit(p), at a margin of ` +
                `${c3(f.weakOptimum)} with π(y_w) ≈ ${c3(f.weakChosenEnd)}.`
              : `With β = ${c3(f.weakBeta)} DPO’s π(y_w) ends at ${c3(f.weakChosenEnd)}.`),
        f.weakFurtherHolds && f.weakKl !== null && f.strongKl !== null
          ? `The table of both runs compares their KL from the reference: ${c3(f.weakKl)} nats for the weak β ` +
              `against ${c3(f.strongKl)} for the strong one; try the β sweep too.`
          : 'Try the β sweep to see where training ends at other values of β.',
      ),
  },
  'bradley-terry': {
    title: 'DPO finds the RLHF optimum',
    explanation: (f) =>
      say(
        f.rankingHolds
          ? `Here ${c3(f.answers)} answers have hidden rewards r = (${f.rewards.map(c3).join(', ')}), and ` +
              'every pair is labelled the Bradley–Terry way: i beats j with probability σ(r_i − r_j).'
          : 'These data are not a ranking by hidden rewards, so there is no RLHF optimum to compare with.',
        f.chosenEnd !== null &&
          f.optimumChosen !== null &&
          (f.reachesOptimumHolds
            ? 'DPO never sees the rewards, yet it converges to the policy that RLHF with a KL penalty would find, ' +
              `π*(y) ∝ π_ref(y)·exp(r(y)/β): π(A) ends at ${c3(f.chosenEnd)}, and π*(A) = ${c3(f.optimumChosen)}.`
            : `Where DPO’s training ends π(A) = ${c3(f.chosenEnd)}, while the RLHF optimum ` +
              `π*(y) ∝ π_ref(y)·exp(r(y)/β) has π*(A) = ${c3(f.optimumChosen)}.`),
        f.reachesOptimumHolds && 'That equivalence is the whole idea of DPO.',
      ),
  },
  'sft-term': {
    title: 'An SFT term stops the chosen probability falling',
    explanation: (f) =>
      say(
        (f.sharedHolds ? 'The near-duplicate pair of “Likelihood displacement”, ' : 'One preference pair, ') +
          (f.termHolds
            ? `trained with TRL’s loss_type=["sigmoid", "sft"] and loss_weights=[1, ${c3(f.weight)}]: the SFT ` +
              `term adds ${c3(f.weight)} × the chosen answer’s cross-entropy to DPO’s loss.`
            : `trained with no SFT term (w = ${c3(f.weight)}).`),
        f.chosenStart !== null &&
          f.chosenEnd !== null &&
          (f.stopsFallHolds && f.otherChosenEnd !== null && f.marginEnd !== null && f.otherMarginEnd !== null
            ? `With it π(y_w) rises from ${c3(f.chosenStart)} to ${c3(f.chosenEnd)}; the compared run without it ` +
              `(w = ${c3(f.otherWeight ?? NaN)}) ends at ${c3(f.otherChosenEnd)}. Both margins still grow (rewards/margins ` +
              `${c3(f.marginEnd)} and ${c3(f.otherMarginEnd)}): the SFT term does not stop DPO separating the ` +
              'pair, it stops the shared feature dragging y_w down with y_l.'
            : `π(y_w) goes from ${c3(f.chosenStart)} to ${c3(f.chosenEnd)}.`),
        'Since TRL 0.29 removed rpo_alpha, this list is how TRL keeps the chosen log-probability from falling.',
      ),
  },
  'f-divergence': {
    title: 'f-divergences: how far from the reference, and how diverse',
    explanation: (f) =>
      say(
        `${c3(f.responses)} responses${f.uniformHolds ? ' start equally likely, and' : ';'} one pair y_w ≻ y_l is ` +
          `labelled with p = ${c3(f.p)}.`,
        f.reverseChosenEnd !== null &&
          (f.divergencesHolds &&
          f.closerHolds &&
          f.otherChosenEnd !== null &&
          f.reverseKl !== null &&
          f.otherKl !== null
            ? `Under TRL’s default reverse KL, DPO ends with π(y_w) = ${c3(f.reverseChosenEnd)}, ` +
              `${c3(f.reverseKl)} nats from the reference; the compared run with f_divergence_type="forward_kl" ends ` +
              `with π(y_w) = ${c3(f.otherChosenEnd)}, only ${c3(f.otherKl)} nats away` +
              (f.spreadHolds && f.otherThirdEnd !== null
                ? `, and leaves each response the data never mention about ${c3(f.otherThirdEnd)}, more than y_l.`
                : '.')
            : `DPO’s π(y_w) ends at ${c3(f.reverseChosenEnd)}.`),
        f.closerHolds &&
          f.divergencesHolds &&
          'Forward KL reads −e^(−ρ) in place of each log-ratio ρ, which stops paying for a response once it is ' +
            'ahead: it covers the reference’s mass instead of seeking one mode.',
      ),
  },
  'no-reference': {
    title: 'SimPO and ORPO: no reference',
    explanation: (f) =>
      say(
        `${f.pairHolds ? `On one pair with p = ${c3(f.p)} and β = ${c3(f.beta)}` : `With β = ${c3(f.beta)}`}, ` +
          'SimPO and ORPO train without a reference model' +
          (f.klHolds
            ? ': nothing holds them near π_ref, and both end further from it than DPO (a larger KL).'
            : ', so π_ref plays no part in their losses.'),
        f.otherRef !== null &&
          f.dpoOtherEnd !== null &&
          f.simpoOtherEnd !== null &&
          f.orpoOtherEnd !== null &&
          (f.squeezedHolds
            ? `The response the pair never mentions, y₃ (π_ref = ${c3(f.otherRef)}), keeps π = ${c3(f.dpoOtherEnd)} ` +
              `under DPO but is squeezed to ${c3(f.simpoOtherEnd)} by SimPO and ${c3(f.orpoOtherEnd)} by ORPO.`
            : `The third response y₃ (π_ref = ${c3(f.otherRef)}) ends at π = ${c3(f.dpoOtherEnd)} under DPO, ` +
              `${c3(f.simpoOtherEnd)} under SimPO and ${c3(f.orpoOtherEnd)} under ORPO.`),
        f.orpoNllEnd !== null &&
          f.orpoChosenEnd !== null &&
          f.dpoChosenEnd !== null &&
          (f.orpoRaisesHolds
            ? `ORPO’s NLL term keeps pulling y_w up (its nll_loss falls to ${c3(f.orpoNllEnd)}): π(y_w) ends at ` +
              `${c3(f.orpoChosenEnd)}, above DPO’s ${c3(f.dpoChosenEnd)}.`
            : `ORPO’s nll_loss ends at ${c3(f.orpoNllEnd)} and its π(y_w) at ${c3(f.orpoChosenEnd)} ` +
              `(DPO: ${c3(f.dpoChosenEnd)}).`),
        f.orpoRewardEnd !== null &&
          f.dpoRewardEnd !== null &&
          (f.rewardSignHolds
            ? 'TRL logs ORPO’s rewards/chosen as β × the mean log-prob per token, so it ends negative, at ' +
              `${c3(f.orpoRewardEnd)}, while DPO’s log-ratio reward ends at ${c3(f.dpoRewardEnd)}.`
            : `rewards/chosen ends at ${c3(f.orpoRewardEnd)} for ORPO (β × the mean log-prob per token) and at ` +
              `${c3(f.dpoRewardEnd)} for DPO (β × the log-ratio).`),
      ),
  },
  'tr-dpo': {
    title: 'TR-DPO: a reference that follows the policy',
    explanation: (f) =>
      say(
        `${f.pairHolds ? `On one pair with p = ${c3(f.p)}, DPO` : 'DPO'} here runs with ` +
          (f.syncHolds
            ? `sync_ref_model: every ${c3(f.syncSteps)} updates the reference moves a share α = ${c3(f.mixupAlpha)} of the way to the policy.`
            : 'a fixed reference now: set the sync steps S and the mix-up α above zero to let it follow the policy.'),
        f.syncedChosenEnd !== null &&
          f.fixedChosenEnd !== null &&
          f.syncedStartKl !== null &&
          f.fixedStartKl !== null &&
          (f.furtherHolds
            ? `Each sync pulls the log-ratios back toward zero, so the KL penalty never holds the policy where the noisy label would stop it: π(y_w) ends at ${c3(f.syncedChosenEnd)} against ${c3(f.fixedChosenEnd)} with the reference fixed, and KL to the starting reference reaches ${c3(f.syncedStartKl)} against ${c3(f.fixedStartKl)}.`
            : `π(y_w) ends at ${c3(f.syncedChosenEnd)} (with the reference fixed: ${c3(f.fixedChosenEnd)}), and KL to the starting reference at ${c3(f.syncedStartKl)} (fixed: ${c3(f.fixedStartKl)}).`),
        f.syncedCurrentKl !== null &&
          f.fixedStartKl !== null &&
          (f.followsHolds
            ? `Yet KL to its current reference ends at ${c3(f.syncedCurrentKl)}, below the fixed run’s ${c3(f.fixedStartKl)}: the long-dashed π_ref lines in the training view have kept up with the policy.`
            : `KL to its current reference ends at ${c3(f.syncedCurrentKl)} (the fixed run’s KL: ${c3(f.fixedStartKl)}).`),
      ),
  },
  'razin-displacement': {
    title: 'Likelihood displacement, as in Razin et al. (2024)',
    explanation: (f) =>
      say(
        f.sharedHolds
          ? 'Likelihood displacement (Razin et al., 2024): y_w and y_l are near-duplicates, both leaning on one ' +
              'shared feature, y_l twice as hard.'
          : 'Likelihood displacement (Razin et al., 2024) needs y_w and y_l to be alike; here they share no feature.',
        f.chosenStart !== null &&
          f.chosenEnd !== null &&
          (f.sharedHolds &&
          f.halfLostHolds &&
          f.marginGrowsHolds &&
          f.marginEnd !== null &&
          f.accuracy !== null
            ? `DPO widens the margin at every step (rewards/margins ends at ${c3(f.marginEnd)}, accuracy ` +
              `${c3(f.accuracy)} from the first update on), yet π(y_w) falls from ${c3(f.chosenStart)} to ${c3(f.chosenEnd)}: ` +
              'it loses more than half of its probability.'
            : `DPO’s π(y_w) goes from ${c3(f.chosenStart)} to ${c3(f.chosenEnd)}.`),
        f.thirdStart !== null &&
          f.thirdEnd !== null &&
          (f.massToThirdHolds
            ? `The mass goes to y₃, a response in no pair, which gains most: π(y₃) rises from ${c3(f.thirdStart)} ` +
              `to ${c3(f.thirdEnd)}.`
            : `π(y₃) goes from ${c3(f.thirdStart)} to ${c3(f.thirdEnd)}.`),
      ),
  },
  squeezing: {
    title: 'The squeezing effect (Ren & Sutherland, 2024)',
    explanation: (f) =>
      say(
        f.thumbsDownHolds && f.peakedHolds && f.undesirableStart !== null && f.topStart !== null
          ? 'The squeezing effect (Ren & Sutherland, 2024): the reference is peaked on B ' +
              `(π = ${c3(f.topStart)}), and the only data say that A, an unlikely response ` +
              `(π = ${c3(f.undesirableStart)}), is bad.`
          : 'The squeezing effect (Ren & Sutherland, 2024) needs a peaked reference and a push down on an ' +
              'unlikely response; this state has not both.',
        f.undesirableStart !== null &&
          f.undesirableEnd !== null &&
          f.topStart !== null &&
          f.topEnd !== null &&
          (f.thumbsDownHolds && f.peakedHolds && f.sgdHolds && f.topGainsMostHolds
            ? `KTO pushes π(A) down to ${c3(f.undesirableEnd)}; with plain SGD every other logit rises in ` +
              'proportion to its probability, so the most likely response B gains most: ' +
              `${c3(f.topStart)} → ${c3(f.topEnd)}.`
            : `KTO takes π(A) from ${c3(f.undesirableStart)} to ${c3(f.undesirableEnd)} and π(B) from ` +
              `${c3(f.topStart)} to ${c3(f.topEnd)}.`),
        f.restStart !== null &&
          f.restEnd !== null &&
          (f.thumbsDownHolds && f.peakedHolds && f.sgdHolds && f.topGainsMostHolds
            ? `That mass is not A’s: ${list(otherLetters(f.squeezed))} together fall from ${c3(f.restStart)} ` +
              `to ${c3(f.restEnd)}, squeezed into B from the first step.`
            : `${list(otherLetters(f.squeezed))} together go from ${c3(f.restStart)} to ${c3(f.restEnd)}.`),
      ),
  },
};
