// Lesson 'kto' in English (facts: i18n/types/lessons/kto.ts). Every number is a fact's, and a claim is made
// only while its `…Holds` fact says it is true of the state on screen.
import type { LessonText } from '../../types/lessons.ts';
import type { KtoFacts } from '../../types/lessons/kto.ts';
import { c3 } from '../../figureFormat.ts';

const say = (...parts: (string | false | null)[]): string =>
  parts
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .join(' ')
    .replace(/ *\n\n */g, '\n\n')
    .trim();
const NOT_THUMBS = 'These data are not a single thumbs-down with KTO ticked: load the step again to see it.';

export const EN_kto: LessonText<KtoFacts> = {
  title: 'KTO: thumbs up and down without pairs',
  summary:
    'KTO’s value function, its reference point z0 (TRL’s clamped batch estimate against the exact KL), the weights λD and λU, and learning from thumbs-down alone.',
  steps: [
    {
      heading: 'The value function',
      body: (f) =>
        say(
          f.thumbsHolds
            ? 'KTO needs no pairs: each example is a thumbs-up (desirable) or a thumbs-down (undesirable). Here ' +
                'there is one thumbs-down on answer A and nothing else. Its loss is λU·σ(β(ρ − z0)), a sigmoid of ' +
                'the implicit reward β·ρ measured from a reference point z0: the loss view draws it against ρ_A.'
            : NOT_THUMBS,
          f.lossAtT !== null &&
            f.rhoAtT !== null &&
            f.z0AtT !== null &&
            (f.atStartHolds && f.halfAtStartHolds
              ? `At step 0 the policy is the reference, so ρ_A = z0 = ${c3(f.z0AtT)} and the loss is ` +
                `λU·σ(0) = ${c3(f.lossAtT)}, with λU = ${c3(f.lambdaU)}: the middle of the S, where it is steepest.`
              : `At step ${c3(f.t)} ρ_A = ${c3(f.rhoAtT)}, z0 = ${c3(f.z0AtT)} and the loss is ${c3(f.lossAtT)}.`),
        ),
      question: {
        prompt: 'Training pushes π(A) down, so ρ_A falls. What happens to the loss and its push?',
        choices: [
          'The loss falls without limit and the push grows, like a log-loss',
          'The loss falls towards 0 ever more slowly: the push fades as the sigmoid flattens',
          'The loss stays where it is: one example cannot move it',
        ],
        explain: (f) =>
          f.lossStart === null || f.lossEnd === null || f.pushStart === null || f.pushEnd === null
            ? 'Tick KTO on the thumbs-down data to see its loss.'
            : f.saturatesHolds
              ? `After ${c3(f.steps)} steps the loss has fallen at every step, from ${c3(f.lossStart)} to ` +
                `${c3(f.lossEnd)}, and its push on log π(A) from ${c3(f.pushStart)} to ${c3(f.pushEnd)}. ` +
                'That is KTO’s value function at work: a sigmoid, bounded like prospect theory’s, whose slope fades ' +
                'with distance from z0, so the further an example already is, the less it moves the policy.'
              : `After ${c3(f.steps)} steps the loss is ${c3(f.lossEnd)} (from ${c3(f.lossStart)}) and its push ` +
                `${c3(f.pushEnd)} (from ${c3(f.pushStart)}).`,
      },
    },
    {
      heading: 'z0: the reference point',
      body: (f) =>
        say(
          'z0 is where the value function is centred, and KTO holds it constant for the gradient. TRL estimates ' +
            'it in each batch from mismatched pairs (a prompt with another example’s completion): the mean of ' +
            'log π − log π_ref over them, clamped at 0, never the exact KL(π‖π_ref).',
          !f.thumbsHolds && NOT_THUMBS,
          f.clampedHolds && f.rhoEnd !== null && f.z0End !== null && f.klEnd !== null
            ? 'Here z0=batch: the only completion is A, whose ρ_A is below 0 after the first step (' +
                `${c3(f.rhoEnd)} at the end), so the clamp gives z0 = ${c3(f.z0End)} at every step, while the ` +
                `exact KL(π‖π_ref) where training ends is ${c3(f.klEnd)}.`
            : f.exactKlHolds && f.z0End !== null
              ? `Here z0 is the exact KL(π‖π_ref) of each step: ${c3(f.z0End)} where training ends.`
              : f.z0End !== null &&
                f.klEnd !== null &&
                `Where training ends z0 = ${c3(f.z0End)}, and KL(π‖π_ref) = ${c3(f.klEnd)}.`,
          f.clampedHolds &&
            '\n\nSwitch z0 to the exact KL: the reference point then rises as π leaves π_ref, so the same ρ_A ' +
              'counts as less bad, and the push on A changes with it.',
        ),
    },
    {
      heading: 'λD and λU',
      body: (f) =>
        say(
          f.pairHolds
            ? 'KTO on one preference pair, converted as TRL converts paired data: y_w becomes a thumbs-up and y_l ' +
                'a thumbs-down. λD (desirable_weight) scales the thumbs-ups’ loss, λU (undesirable_weight) the ' +
                `thumbs-downs’; here λD = ${c3(f.lambdaD)} and λU = ${c3(f.lambdaU)}.`
            : 'These data are not one preference pair: load the step again to see it.',
          f.pairHolds &&
            f.chosenStart !== null &&
            f.chosenEnd !== null &&
            f.rejectedStart !== null &&
            f.rejectedEnd !== null &&
            `Over ${c3(f.steps)} steps π(y_w) goes from ${c3(f.chosenStart)} to ${c3(f.chosenEnd)} and π(y_l) ` +
              `from ${c3(f.rejectedStart)} to ${c3(f.rejectedEnd)}.`,
          f.ratio !== null &&
            (f.ratioInRangeHolds
              ? `\n\nλD/λU = ${c3(f.ratio)} is inside the range TRL asks for, [1, 4/3].`
              : `\n\nλD/λU = ${c3(f.ratio)} is outside the range TRL asks for, [1, 4/3] (λD·nD over λU·nU, from ` +
                'the KTO paper).') +
              ' TRL checks it only when the numbers of desirable and undesirable examples differ, and counts ' +
              'each as at least 1: converted pairs give as many of each, so TRL would not warn here.',
        ),
    },
    {
      heading: 'Learning from thumbs-down alone',
      body: (f) => {
        const d = f.thumbs;
        return say(
          d.thumbsDownHolds
            ? 'Only a thumbs-down on A: no pair, so DPO has nothing to train on, but KTO does.'
            : NOT_THUMBS,
          d.undesirableStart !== null &&
            d.undesirableEnd !== null &&
            (d.fallsHolds
              ? `π(A) falls at every step, from ${c3(d.undesirableStart)} to ${c3(d.undesirableEnd)} after ` +
                `${c3(d.steps)} steps.`
              : `π(A) goes from ${c3(d.undesirableStart)} to ${c3(d.undesirableEnd)}.`),
          d.otherStart !== null &&
            d.otherEnd !== null &&
            (d.mostLikelyGainsHolds && d.sgdHolds
              ? `The mass A loses goes mostly to B, the likeliest other answer (${c3(d.otherStart)} to ` +
                `${c3(d.otherEnd)}): a push down on one logit raises every other in proportion to its probability.`
              : `π(B) goes from ${c3(d.otherStart)} to ${c3(d.otherEnd)}.`),
          d.squeezedHolds &&
            '\n\nThe unlikely answers rise at first, then end below where they began: the negative gradient ' +
              'squeezes mass into the likeliest answer. Thumbs-down data say what not to do, never what to do.',
        );
      },
    },
  ],
};
