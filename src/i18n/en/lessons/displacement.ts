// Lesson 'displacement' in English (facts: i18n/types/lessons/displacement.ts). Every number comes from the
// facts (written with c3, as the plots' sentences write them); a claim is stated only while its `…Holds` is.
import type { LessonText } from '../../types/lessons.ts';
import type { DisplacementFacts } from '../../types/lessons/displacement.ts';
import { c3 } from '../../figureFormat.ts';

/** Sentences joined; empty ones (a claim left out) vanish. */
const say = (...sentences: (string | false | null)[]): string =>
  sentences.filter((x): x is string => typeof x === 'string' && x !== '').join(' ');
/** C, D, … : the `n` responses after A and B, as the training view names them; 'C and D'. */
const others = (n: number): string => {
  const names = Array.from({ length: n }, (_, i) => String.fromCharCode(67 + i));
  return names.length < 2
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
};
/** Paragraphs joined by a blank line; empty ones vanish. */
const paragraphs = (...ps: string[]): string => ps.filter((p) => p !== '').join('\n\n');

export const EN_displacement: LessonText<DisplacementFacts> = {
  title: 'Why did my chosen log-probability fall?',
  summary:
    'DPO can widen the margin while the chosen response gets less likely: likelihood displacement, the squeezing effect, and the SFT term that fixes it.',
  steps: [
    {
      heading: 'A margin that grows, a chosen response that falls',
      body: ({ razin: r, similarity }) =>
        paragraphs(
          r.sharedHolds
            ? 'Likelihood displacement (Razin et al., 2024) starts with two responses that are alike. Here y_w ' +
                `and y_l share one feature (similarity s = ${c3(similarity)}), y_l leaning on it twice as hard; a ` +
                'third response, y₃, is in no pair.'
            : 'Here y_w and y_l share no feature (a tabular policy): each response has a logit of its own.',
          r.chosenStart === null
            ? ''
            : r.thirdStart === null
              ? `π(y_w) starts at ${c3(r.chosenStart)}.`
              : `π(y_w) starts at ${c3(r.chosenStart)} and π(y₃) at ${c3(r.thirdStart)}.`,
        ),
      question: {
        prompt: 'DPO trains the policy to prefer y_w over y_l. Where will π(y_w) be when training ends?',
        choices: ['Higher than where it starts', 'About where it starts', 'Below half of where it starts'],
        explain: ({ razin: r }) =>
          r.chosenStart === null || r.chosenEnd === null
            ? 'DPO is not trained on this state, so there is no π(y_w) to follow.'
            : r.sharedHolds &&
                r.halfLostHolds &&
                r.marginGrowsHolds &&
                r.marginEnd !== null &&
                r.accuracy !== null
              ? paragraphs(
                  `π(y_w) fell from ${c3(r.chosenStart)} to ${c3(r.chosenEnd)}, below half of its start, while ` +
                    `rewards/margins grew at every step to ${c3(r.marginEnd)} and rewards/accuracies stayed ` +
                    `${c3(r.accuracy)}.`,
                  'DPO did what it optimises, the margin, and the chosen response lost probability anyway: that ' +
                    'is likelihood displacement.',
                )
              : `π(y_w) went from ${c3(r.chosenStart)} to ${c3(r.chosenEnd)}` +
                (r.marginEnd !== null ? ` and rewards/margins ended at ${c3(r.marginEnd)}.` : '.'),
      },
    },
    {
      heading: 'Where the mass goes, and why',
      body: ({ razin: r, similarity, scoreSlope, scoreFallsHolds }) =>
        paragraphs(
          r.thirdStart === null || r.thirdEnd === null
            ? 'With two responses there is no third one to take the mass.'
            : r.massToThirdHolds
              ? `Not to y_w: π(y₃), the response in no pair, rose from ${c3(r.thirdStart)} to ${c3(r.thirdEnd)}, ` +
                'more than any other response gained.'
              : `π(y₃) went from ${c3(r.thirdStart)} to ${c3(r.thirdEnd)}.`,
          scoreSlope === null
            ? 'With a tabular policy every response has a logit of its own: a DPO step raises y_w’s and lowers ' +
                'y_l’s, and nothing drags y_w down.'
            : scoreFallsHolds
              ? 'Why: each SGD step moves θ along f_w − f_l, which changes y_w’s score by ‖f_w‖² − ⟨f_w, f_l⟩ = ' +
                `(1 − s)² − s² = ${c3(scoreSlope)} per unit step (s = ${c3(similarity)}): negative once s > ½. ` +
                'Pushing y_l’s shared feature down drags y_w with it.' +
                (r.massToThirdHolds
                  ? ' y₃’s feature is orthogonal to f_w − f_l, so its score holds while the others fall, and the ' +
                    'softmax hands it their mass.'
                  : '')
              : `Here y_w’s score changes by (1 − s)² − s² = ${c3(scoreSlope)} per unit step along f_w − f_l ` +
                `(s = ${c3(similarity)}).`,
        ),
    },
    {
      heading: 'The squeezing effect',
      body: ({ squeezing: q }) =>
        paragraphs(
          'A second way to lose probability: the squeezing effect (Ren & Sutherland, 2024).',
          q.thumbsDownHolds && q.peakedHolds && q.undesirableStart !== null && q.topStart !== null
            ? 'New data: a single thumbs-down on A, a response the reference already finds unlikely ' +
                `(π = ${c3(q.undesirableStart)}), while the reference is peaked on B (π = ${c3(q.topStart)}). ` +
                'KTO will push π(A) down.'
            : 'It needs a peaked reference and a thumbs-down on an unlikely response; this state has not both.',
        ),
      question: {
        prompt: 'Only A is pushed down. Where will its probability go?',
        choices: [
          'Spread over B, C and D, each keeping its share',
          'Mostly to B, the likeliest; C and D lose too',
          'Mostly to C and D, the least likely',
        ],
        explain: ({ squeezing: q }) =>
          q.topStart === null || q.topEnd === null || q.undesirableStart === null
            ? 'KTO is not trained on this state, so there is nothing to follow.'
            : q.thumbsDownHolds &&
                q.peakedHolds &&
                q.sgdHolds &&
                q.topGainsMostHolds &&
                q.restStart !== null &&
                q.restEnd !== null
              ? paragraphs(
                  `B gained most: ${c3(q.topStart)} → ${c3(q.topEnd)}, far more than A ever had ` +
                    `(${c3(q.undesirableStart)}). ${others(q.squeezed)} together fell from ${c3(q.restStart)} to ` +
                    `${c3(q.restEnd)}, from the first step.`,
                  'With plain SGD, a push down on A raises every other logit in proportion to its probability: the ' +
                    'likeliest response outgrows the rest and squeezes them out. Ren & Sutherland show the same ' +
                    'for DPO’s push down on an unlikely y_l.',
                )
              : `π(B) went from ${c3(q.topStart)} to ${c3(q.topEnd)}.`,
      },
    },
    {
      heading: 'The fix: an SFT term',
      body: ({ sft }) =>
        paragraphs(
          'TRL’s fix is to add the SFT loss on the chosen response: loss_type=["sigmoid", "sft"] with ' +
            'loss_weights=[1.0, w] (sft=w in a link).',
          say(
            sft.termHolds && sft.otherWeight !== null
              ? `The solid run has w = ${c3(sft.weight)}; the dotted run is the same pair with w = ` +
                  `${c3(sft.otherWeight)}.`
              : `Here w = ${c3(sft.weight)}.`,
            sft.sharedHolds && 'It is the displacement pair again: y_w and y_l share a feature.',
            sft.chosenStart !== null && `Both start at π(y_w) = ${c3(sft.chosenStart)}.`,
          ),
        ),
      question: {
        prompt: 'Does the SFT term keep π(y_w) up?',
        choices: [
          'No: π(y_w) still falls, only more slowly',
          'Yes: π(y_w) ends above its start, and the margin still grows',
          'Yes, but the margin no longer grows',
        ],
        explain: ({ sft }) =>
          sft.chosenStart === null || sft.chosenEnd === null
            ? 'DPO is not trained on this state, so there is no π(y_w) to follow.'
            : sft.stopsFallHolds &&
                sft.otherChosenEnd !== null &&
                sft.marginEnd !== null &&
                sft.otherMarginEnd !== null &&
                sft.otherWeight !== null
              ? paragraphs(
                  `With w = ${c3(sft.weight)}, π(y_w) ends at ${c3(sft.chosenEnd)}, above its start ` +
                    `${c3(sft.chosenStart)}; with w = ${c3(sft.otherWeight)} it falls to ${c3(sft.otherChosenEnd)}. ` +
                    `Both runs still prefer y_w: rewards/margins ends at ${c3(sft.marginEnd)} and ${c3(sft.otherMarginEnd)}.`,
                  'The SFT term pulls y_w up by its own likelihood, which no margin does' +
                    (sft.marginEnd < sft.otherMarginEnd ? '; it costs some margin.' : '.'),
                )
              : `π(y_w) goes from ${c3(sft.chosenStart)} to ${c3(sft.chosenEnd)}` +
                (sft.otherChosenEnd !== null ? ` (the dotted run: ${c3(sft.otherChosenEnd)}).` : '.'),
      },
    },
  ],
};
