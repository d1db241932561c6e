// Lesson 'trl-logs' in English (facts: i18n/types/lessons/trl-logs.ts). Every number comes from the facts,
// read at the step the table shows (written with c3); a claim is stated only while its `…Holds` is.
import type { LessonText } from '../../types/lessons.ts';
import type { TrlLogsFacts } from '../../types/lessons/trl-logs.ts';
import { c3 } from '../../figureFormat.ts';

/** Sentences joined; empty ones (a claim left out) vanish. */
const say = (...sentences: (string | false | null)[]): string =>
  sentences.filter((x): x is string => typeof x === 'string' && x !== '').join(' ');
/** Paragraphs joined by a blank line; empty ones vanish. */
const paragraphs = (...ps: string[]): string => ps.filter((p) => p !== '').join('\n\n');
/** A number inside a sum: negative ones in brackets, as one writes 1 − (−0.96). */
const term = (x: number): string => (x < 0 ? `(${c3(x)})` : c3(x));
const NO_DPO = 'Tick DPO (loss_type="sigmoid") to see its row of the table.';

export const EN_trlLogs: LessonText<TrlLogsFacts> = {
  title: 'Reading a TRL training log',
  summary:
    'What DPOTrainer logs and how to read it: ln 2 and accuracy 0 at step 0, negative rewards with growing margins, and IPO’s loss scale.',
  steps: [
    {
      heading: 'Step 0: ln 2 and a tie',
      body: (f) =>
        f.dpo === null
          ? NO_DPO
          : paragraphs(
              `The table “What TRL would log” is what TRL’s DPOTrainer would log at step ${c3(f.step)}.`,
              say(
                f.atReferenceHolds &&
                  'At step 0 the policy is still a copy of the reference, so both log-ratios, and both rewards, are 0.',
                f.dpoLn2Holds &&
                  f.dpo.loss !== null &&
                  `The loss is −log σ(0) = ln 2 = ${c3(f.dpo.loss)}, whatever β is.`,
                !f.dpoLn2Holds && f.dpo.loss !== null && `The loss is ${c3(f.dpo.loss)}.`,
              ),
            ),
      question: {
        prompt: 'At step 0, what does TRL log as rewards/accuracies?',
        choices: ['0', '0.5, a coin flip', '1'],
        explain: (f) =>
          f.dpo === null || f.dpo.accuracies === null
            ? NO_DPO
            : paragraphs(
                f.atReferenceHolds && f.tieWrongHolds && f.dpo.rewardsChosen !== null
                  ? `rewards/accuracies = ${c3(f.dpo.accuracies)}. TRL counts a pair as right only when ` +
                      'rewards/chosen > rewards/rejected, strictly (chosen_rewards > rejected_rewards in its code); at ' +
                      `step 0 both are ${c3(f.dpo.rewardsChosen)}, a tie, so every pair counts as wrong.`
                  : `At step ${c3(f.step)} TRL logs rewards/accuracies = ${c3(f.dpo.accuracies)}.`,
                f.nextIsPHolds && f.accuracyNext !== null && f.p !== null
                  ? `One update later the policy prefers y_w, so the pairs labelled y_w ≻ y_l count as right and the ` +
                      `flipped ones as wrong: TRL logs ${c3(f.accuracyNext)}, the share p = ${c3(f.p)} of pairs ` +
                      'whose label was not flipped.'
                  : '',
              ),
      },
    },
    {
      heading: 'Negative rewards, growing margins',
      body: (f) =>
        f.dpo === null || f.dpo.rewardsChosen === null || f.dpo.margins === null
          ? NO_DPO
          : paragraphs(
              f.chosenNegativeHolds
                ? `At step ${c3(f.step)} TRL logs rewards/chosen = ${c3(f.dpo.rewardsChosen)}: negative, so y_w ` +
                    'is less likely than under the reference.'
                : `At step ${c3(f.step)} TRL logs rewards/chosen = ${c3(f.dpo.rewardsChosen)}.`,
              f.marginsGrowHolds
                ? `Yet rewards/margins = ${c3(f.dpo.margins)} has grown at every step` +
                    (f.dpo.accuracies !== null ? `, and rewards/accuracies = ${c3(f.dpo.accuracies)}.` : '.')
                : `rewards/margins = ${c3(f.dpo.margins)}.`,
              f.chosenNegativeHolds &&
                f.marginsGrowHolds &&
                f.rejectedLowerHolds &&
                f.dpo.rewardsRejected !== null
                ? 'This is not a bug: DPO only asks the margin to grow, and it can grow with both rewards falling, ' +
                    `rewards/rejected faster (${c3(f.dpo.rewardsRejected)}). It is the likelihood displacement of ` +
                    'the previous lesson, as the log shows it.'
                : '',
            ),
    },
    {
      heading: 'What rewards/* and logps/* are',
      body: (f) =>
        f.dpo === null ||
        f.dpo.logpsChosen === null ||
        f.dpo.rewardsChosen === null ||
        f.dpo.rewardsRejected === null ||
        f.dpo.margins === null ||
        f.logpsChosen0 === null
          ? NO_DPO
          : paragraphs(
              `logps/chosen = ${c3(f.dpo.logpsChosen)} is the policy’s log-probability of y_w, summed over its ` +
                `completion tokens (${c3(f.chosenLength)} here)` +
                (f.startAtReferenceHolds
                  ? `; at step 0, when the policy was the reference, it was ${c3(f.logpsChosen0)}.`
                  : '.'),
              f.rewardIdentityHolds
                ? 'rewards/chosen is β times the log-ratio, the implicit reward: ' +
                    `${c3(f.beta)} × (${c3(f.dpo.logpsChosen)} − ${term(f.logpsChosen0)}) = ${c3(f.dpo.rewardsChosen)}.`
                : `rewards/chosen = ${c3(f.dpo.rewardsChosen)} at β = ${c3(f.beta)}.`,
              f.marginIdentityHolds
                ? 'rewards/margins is their difference, ' +
                    `${c3(f.dpo.rewardsChosen)} − ${term(f.dpo.rewardsRejected)} = ${c3(f.dpo.margins)}: the ` +
                    'β·h inside DPO’s loss −log σ(β·h), the number training pushes up.'
                : `rewards/margins = ${c3(f.dpo.margins)}.`,
            ),
    },
    {
      heading: 'IPO’s loss scale',
      body: (f) =>
        f.ipo === null
          ? 'Tick IPO (loss_type="ipo") to see its row of the table.'
          : paragraphs(
              `Now IPO at β = ${c3(f.beta)}. IPO regresses the margin h onto 1/(2β) with a squared loss; TRL ` +
                'averages each log-ratio over the completion’s tokens first.',
            ),
      question: {
        prompt: 'What will IPO’s first logged loss be?',
        choices: [
          'ln 2 ≈ 0.693, as for DPO',
          '0: the policy is still the reference',
          '1/(4β²): 25 at β = 0.1',
        ],
        explain: (f) =>
          f.ipo === null || f.ipo.loss === null
            ? 'Tick IPO (loss_type="ipo") to see its row of the table.'
            : paragraphs(
                f.ipoScaleHolds
                  ? `At step 0 h = 0, so TRL logs loss = (0 − 1/(2β))² = 1/(4β²) = ${c3(f.ipo.loss)} at ` +
                      `β = ${c3(f.beta)}. A large number that says nothing is wrong: it is IPO’s scale, and a ` +
                      'smaller β makes it larger.'
                  : `At step ${c3(f.step)} TRL logs IPO’s loss = ${c3(f.ipo.loss)} (β = ${c3(f.beta)}).`,
                f.ipoFloorHolds && f.ipoTarget !== null && f.ipoEndLoss !== null && f.p !== null
                  ? `Nor does it fall to 0 on these noisy data (p = ${c3(f.p)}): at its target margin ` +
                      `h* = ${c3(f.ipoTarget)} (the dotted line) the loss averaged over both labellings, as a ` +
                      'batch sees them, is p(1 − p)/β²; the curve drawn is the pair as labelled, lowest further ' +
                      `out. Where training ends TRL logs ${c3(f.ipoEndLoss)}.`
                  : '',
              ),
      },
    },
  ],
};
