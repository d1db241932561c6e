// Lesson 'beta' in English (facts: i18n/types/lessons/beta.ts). Every number comes from the facts (written with
// c3); a claim is stated only while its `…Holds` is true.
import type { LessonText } from '../../types/lessons.ts';
import type { BetaFacts } from '../../types/lessons/beta.ts';
import { c3 } from '../../figureFormat.ts';

/** Sentences joined; empty ones (a claim left out) vanish. */
const say = (...sentences: (string | false | null)[]): string =>
  sentences.filter((x): x is string => typeof x === 'string' && x !== '').join(' ');

/** Said instead of the answer when the state trains no DPO run (DPO unticked, or thumbs-down data). */
const NO_DPO =
  'DPO is not trained in this state (tick DPO, on preference data), so there is nothing to show yet.';

export const EN_beta: LessonText<BetaFacts> = {
  title: 'What β does',
  summary:
    'β is the price of moving away from the reference: a larger β makes the loss steeper in the margin and yet moves the policy less.',
  steps: [
    {
      heading: 'Which β moves the policy more?',
      body: (f) =>
        say(
          'β weighs the KL penalty of the RLHF objective, which DPO inherits: it measures how much moving away from π_ref costs.',
          f.otherBeta !== null && f.pairHolds
            ? `Two runs learn the same pair, y_w preferred with p = ${c3(f.p)}: π(y_w) is the solid line with β = ${c3(f.beta)} and the dotted one with β = ${c3(f.otherBeta)}.`
            : `This run trains DPO with β = ${c3(f.beta)}; compare it with another β (vs=beta:…) to see two.`,
          f.startsAtRefHolds && `Both start at the reference, π(y_w) = π_ref(y_w) = ${c3(f.refChosen)}.`,
          f.t > 0 &&
            f.chosenAt !== null &&
            (f.otherChosenAt !== null && f.otherBeta !== null
              ? `At step ${c3(f.t)} π(y_w) is ${c3(f.chosenAt)} with β = ${c3(f.beta)} and ${c3(f.otherChosenAt)} with β = ${c3(f.otherBeta)}.`
              : `At step ${c3(f.t)} π(y_w) is ${c3(f.chosenAt)}.`),
        ),
      question: {
        prompt: 'Which run ends with π(y_w) nearer the reference?',
        choices: [
          'The smaller β',
          'The larger β',
          'Neither: both end at the same place, β only rescales the loss',
        ],
        explain: (f) =>
          say(
            f.largerCloserHolds &&
              f.otherBeta !== null &&
              f.chosenEnd !== null &&
              f.otherChosenEnd !== null &&
              f.kl !== null &&
              f.otherKl !== null
              ? `The larger β: π(y_w) ends at ${c3(f.otherChosenEnd)} with β = ${c3(f.otherBeta)}, against ${c3(f.chosenEnd)} with β = ${c3(f.beta)}, and its KL from π_ref is ${c3(f.otherKl)} nats against ${c3(f.kl)}.`
              : f.chosenEnd !== null &&
                  `With β = ${c3(f.beta)} π(y_w) ends at ${c3(f.chosenEnd)}` +
                    (f.otherChosenEnd !== null && f.otherBeta !== null
                      ? `, and with β = ${c3(f.otherBeta)} at ${c3(f.otherChosenEnd)}.`
                      : '.'),
            f.chosenEnd === null && NO_DPO,
            f.largerCloserHolds &&
              'β is the price of each nat of KL, so the larger β buys less movement: it holds the policy closer to π_ref.',
          ),
      },
    },
    {
      heading: 'A steeper loss, a smaller move',
      body: (f) =>
        say(
          'Both of these are true at once.',
          f.largerSteeperHolds &&
            f.otherBeta !== null &&
            f.slope !== null &&
            f.otherSlope !== null &&
            `In the margin h the loss with the larger β is steeper: at the start its slope is ${c3(f.otherSlope)} against ${c3(f.slope)} for β = ${c3(f.beta)}, since the loss reads βh.`,
          f.largerStopsSoonerHolds &&
            f.optimum !== null &&
            f.otherOptimum !== null &&
            f.otherChosenEnd !== null &&
            f.chosenEnd !== null
            ? `But its minimum comes sooner: DPO settles where βh = logit(p), at h* = ${c3(f.otherOptimum)} against ${c3(f.optimum)} (the dotted lines), so π(y_w) ends at ${c3(f.otherChosenEnd)} against ${c3(f.chosenEnd)}.`
            : f.optimum !== null &&
                f.chosenEnd !== null &&
                `With β = ${c3(f.beta)} DPO settles where βh = logit(p), at h* = ${c3(f.optimum)}, and π(y_w) ends at ${c3(f.chosenEnd)}.`,
          f.largerSteeperHolds &&
            f.largerStopsSoonerHolds &&
            'A steep loss is not a long trip: β scales the margin the loss reads, so the same preference is met by a smaller change in probability.',
        ),
    },
    {
      heading: 'The β sweep',
      body: (f) =>
        say(
          `The sweeps view trains DPO to its end at every β from ${c3(f.betaMin)} to ${c3(f.betaMax)}.`,
          f.sweepLow !== null &&
            f.sweepHigh !== null &&
            (f.sweepFallsHolds
              ? `π(y_w) falls all the way, from ${c3(f.sweepLow)} at the smallest β to ${c3(f.sweepHigh)} at the largest, back towards π_ref(y_w) = ${c3(f.refChosen)}.`
              : `π(y_w) ends at ${c3(f.sweepLow)} at the smallest β and at ${c3(f.sweepHigh)} at the largest.`),
          f.sweepAtBeta !== null && `At this state’s β = ${c3(f.beta)} it ends at ${c3(f.sweepAtBeta)}.`,
          'Try it yourself: drag β, or compare with another β, and see where each run ends on this curve.',
        ),
    },
  ],
};
