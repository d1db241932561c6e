// Lesson 'reference' in English (facts: i18n/types/lessons/reference.ts). Every number comes from the facts
// (written with c3); a claim is stated only while its `…Holds` is true.
import type { LessonText } from '../../types/lessons.ts';
import type { ReferenceFacts } from '../../types/lessons/reference.ts';
import { c3 } from '../../figureFormat.ts';

/** Sentences joined; empty ones (a claim left out) vanish. */
const say = (...sentences: (string | false | null)[]): string =>
  sentences.filter((x): x is string => typeof x === 'string' && x !== '').join(' ');

/** Said instead of the answer when the state trains no DPO run (DPO unticked, or thumbs-down data). */
const NO_DPO =
  'DPO is not trained in this state (tick DPO, on preference data), so there is nothing to show yet.';

export const EN_reference: LessonText<ReferenceFacts> = {
  title: 'The reference policy',
  summary:
    'DPO measures everything against π_ref: where training ends depends on the reference, and a policy that starts away from it does not start at ln 2.',
  steps: [
    {
      heading: 'Same data, two references',
      body: (f) =>
        say(
          f.otherRefChosen !== null && f.pairHolds
            ? `Two runs learn the same pair (p = ${c3(f.p)}, β = ${c3(f.beta)}); only the reference differs: π_ref(y_w) = ${c3(f.refChosen)} for the solid run and ${c3(f.otherRefChosen)} for the dotted one.`
            : `This run learns with π_ref(y_w) = ${c3(f.refChosen)}; compare it with another reference (vs=ref:…) to see two.`,
          'DPO never reads π(y_w) alone: its loss sees only the log-ratios log π/π_ref.',
          f.t > 0 &&
            f.chosenAt !== null &&
            (f.otherChosenAt !== null
              ? `At step ${c3(f.t)} π(y_w) is ${c3(f.chosenAt)} (solid) and ${c3(f.otherChosenAt)} (dotted).`
              : `At step ${c3(f.t)} π(y_w) is ${c3(f.chosenAt)}.`),
        ),
      question: {
        prompt: 'Where does π(y_w) end in the two runs?',
        choices: [
          'At the same probability: the data decide, not the reference',
          'Higher in the run whose π_ref(y_w) is higher',
          'Lower in the run whose π_ref(y_w) is higher: it has less room to grow',
        ],
        explain: (f) =>
          say(
            f.higherRefEndsHigherHolds && f.chosenEnd !== null && f.otherChosenEnd !== null
              ? `Higher where the reference is higher: π(y_w) ends at ${c3(f.chosenEnd)} (solid) and ${c3(f.otherChosenEnd)} (dotted).`
              : f.chosenEnd !== null && `π(y_w) ends at ${c3(f.chosenEnd)}.`,
            f.chosenEnd === null && NO_DPO,
            f.sameMarginHolds &&
              f.optimum !== null &&
              f.marginEnd !== null &&
              f.otherMarginEnd !== null &&
              `What the data fix is the margin of log-ratios: both runs settle at the same h* = ${c3(f.optimum)} (h = ${c3(f.marginEnd)} solid, ${c3(f.otherMarginEnd)} dotted), and the same h is a different probability on a different reference.`,
          ),
      },
    },
    {
      heading: 'The reference sweep',
      body: (f) =>
        say(
          `The sweeps view trains DPO to its end for every π_ref(y_w) from ${c3(f.refMin)} to ${c3(f.refMax)}, the other answers keeping their reference odds.`,
          f.sweepLow !== null &&
            f.sweepHigh !== null &&
            (f.sweepRisesHolds
              ? `π(y_w) ends higher the higher its reference: from ${c3(f.sweepLow)} at the smallest to ${c3(f.sweepHigh)} at the largest.`
              : `π(y_w) ends at ${c3(f.sweepLow)} at the smallest π_ref(y_w) and at ${c3(f.sweepHigh)} at the largest.`),
          f.sweepAtRef !== null &&
            `At this state’s π_ref(y_w) = ${c3(f.refChosen)} it ends at ${c3(f.sweepAtRef)}.`,
          'A preference can only tilt the reference: an answer the reference thinks unlikely stays fairly unlikely.',
        ),
    },
    {
      heading: 'Starting away from the reference',
      body: (f) =>
        say(
          'Training usually starts from a copy of the reference, so every log-ratio is 0 at step 0.',
          f.offsetsHolds && f.rhoChosenStart !== null && f.rhoRejectedStart !== null
            ? `Here the start offsets give y_w a head start: at step 0 log π/π_ref is already ${c3(f.rhoChosenStart)} for y_w and ${c3(f.rhoRejectedStart)} for y_l.`
            : 'Here the policy starts at its reference (no start offsets).',
          'This happens whenever the reference is not the model you start from, e.g. a policy already tuned on other data.',
        ),
      question: {
        prompt: 'What does TRL log as the loss at step 0?',
        choices: ['ln 2, as always', 'Less than ln 2', 'More than ln 2'],
        explain: (f) =>
          say(
            f.lossStart !== null &&
              (f.lossBelowLn2Holds
                ? `Less: TRL logs loss = ${c3(f.lossStart)} at step 0, not ln 2 ≈ ${c3(f.ln2)}, because the margin already favours y_w.`
                : `TRL logs loss = ${c3(f.lossStart)} at step 0.`),
            f.lossStart === null && NO_DPO,
            f.rewardsNonZeroHolds &&
              f.rewardChosenStart !== null &&
              f.rewardRejectedStart !== null &&
              `And the rewards are not 0 either: rewards/chosen = ${c3(f.rewardChosenStart)}, rewards/rejected = ${c3(f.rewardRejectedStart)}.`,
          ),
      },
    },
    {
      heading: 'Where it ends from there',
      body: (f) =>
        say(
          'The offsets move where training starts, not what it aims at: the margin is measured against π_ref, not against the start.',
          f.settlesHolds && f.marginEnd !== null && f.optimum !== null
            ? `So DPO still settles at h = ${c3(f.marginEnd)}, the loss view’s h* = ${c3(f.optimum)}, as it would from the reference.`
            : f.marginEnd !== null && `DPO’s margin ends at h = ${c3(f.marginEnd)}.`,
          f.settlesHolds && 'On the loss view its dot ends on the dotted line.',
          'Try it yourself: change the start offsets or π_ref, and watch which numbers move.',
        ),
    },
  ],
};
