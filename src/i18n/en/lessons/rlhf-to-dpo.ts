// Lesson 'rlhf-to-dpo' in English (facts: i18n/types/lessons/rlhf-to-dpo.ts). Every number comes from the facts
// (written with c3, as the plots' sentences write them); a claim is stated only while its `…Holds` is true.
import type { LessonText } from '../../types/lessons.ts';
import type { RlhfToDpoFacts } from '../../types/lessons/rlhf-to-dpo.ts';
import { c3 } from '../../figureFormat.ts';

/** Sentences joined; empty ones (a claim left out) vanish. */
const say = (...sentences: (string | false | null)[]): string =>
  sentences.filter((x): x is string => typeof x === 'string' && x !== '').join(' ');
/** A, B, … as the training view names ranked answers, and y_w for one pair. */
const letters = (n: number): string =>
  Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i))
    .join(', ')
    .replace(/, (\w)$/, ' and $1');
const first = (f: RlhfToDpoFacts): string => (f.rankingHolds ? 'A' : 'y_w');

export const EN_rlhfToDpo: LessonText<RlhfToDpoFacts> = {
  title: 'From RLHF to DPO',
  summary:
    'The path of the DPO paper: preferences, a reward model and RL with a KL penalty, the optimum that RL is after, and how DPO reaches it without either.',
  steps: [
    {
      heading: 'Preferences and Bradley–Terry',
      body: (f) =>
        say(
          'People find it hard to score an answer, but easy to say which of two they prefer.',
          'The Bradley–Terry model turns such comparisons into rewards: one answer beats another with probability σ of the difference of their rewards.',
          f.rankingHolds && f.winFirst !== null
            ? `Here ${letters(f.answers)} have hidden rewards r = (${f.rewards.map(c3).join(', ')}), and every pair of them is labelled that way: A beats B with probability σ(r_A − r_B) = ${c3(f.winFirst)}.`
            : 'These data are one preference pair, not a ranking by hidden rewards.',
        ),
    },
    {
      heading: 'RLHF: a reward model, then RL',
      body: (f) =>
        say(
          'RLHF first fits a reward model r to the comparisons, by the Bradley–Terry likelihood.',
          `Then reinforcement learning trains the policy to earn reward, while a KL penalty weighted by β = ${c3(f.beta)} keeps it near the reference π_ref.`,
          'That second stage is the hard one: PPO must sample answers from the policy as it trains, needs a critic (a value model as large as the policy), and is unstable and sensitive to its settings.',
          'The simplex view draws every policy over these answers as a point; training starts at π_ref.',
        ),
    },
    {
      heading: 'The optimum RLHF is after',
      body: (f) =>
        say(
          'The KL-penalised objective has a closed-form maximiser: π*(y) = π_ref(y)·exp(r(y)/β)/Z, where Z sums π_ref·exp(r/β) over every answer.',
          f.starFirst !== null
            ? 'It is the ★ in the simplex view.'
            : 'These data imply no finite reward, so there is no ★ to draw.',
          f.starRaisesHolds &&
            f.starFirst !== null &&
            `With β = ${c3(f.beta)} it gives ${first(f)} π*(${first(f)}) = ${c3(f.starFirst)}, up from π_ref(${first(f)}) = ${c3(f.refFirst)}; a larger β keeps π* nearer π_ref.`,
          'For a language model Z sums over every possible text and cannot be computed, which is one reason RLHF samples instead.',
        ),
    },
    {
      heading: 'Inverting it: the implicit reward',
      body: (f) =>
        say(
          'Take logs and solve for the reward: r(y) = β·log(π*(y)/π_ref(y)) + β·log Z.',
          'So every policy π defines an implicit reward β·log π/π_ref, up to β·log Z, which is the same for every answer.',
          f.rewardIsLogRatioHolds && f.rewardChosen !== null && f.rewardRejected !== null
            ? `TRL logs it as rewards/chosen and rewards/rejected: at step ${c3(f.t)} they are ${c3(f.rewardChosen)} and ${c3(f.rewardRejected)}, β·log π/π_ref of y_w and y_l.`
            : f.rewardChosen !== null &&
                f.rewardRejected !== null &&
                `At step ${c3(f.t)} TRL logs rewards/chosen = ${c3(f.rewardChosen)} and rewards/rejected = ${c3(f.rewardRejected)}.`,
        ),
    },
    {
      heading: 'Z cancels: the DPO loss',
      body: (f) =>
        say(
          'Put the implicit reward into Bradley–Terry: y_w beats y_l with probability σ(r(y_w) − r(y_l)), and β·log Z, the same for both, cancels.',
          'What is left depends only on the policy and the reference: with the margin h = log π(y_w)/π_ref(y_w) − log π(y_l)/π_ref(y_l), the likelihood of the preferences is σ(βh), and DPO minimises −log σ(βh), with no reward model and no sampling.',
          f.lossIsDpoHolds && f.margin !== null && f.loss !== null
            ? `At step ${c3(f.t)} the margin is h = ${c3(f.margin)} and the loss −log σ(βh) = ${c3(f.loss)}: the dot on the loss view.`
            : f.loss !== null && `At step ${c3(f.t)} DPO’s loss is ${c3(f.loss)}.`,
        ),
    },
    {
      heading: 'What the gradient does',
      body: (f) =>
        say(
          'The DPO gradient raises log π(y_w) and lowers log π(y_l), both with the weight β·σ(−βh).',
          'σ(−βh) is the probability the implicit reward puts the pair in the wrong order: a pair it already ranks well counts little.',
          f.weightIsSigmaHolds && f.weight !== null
            ? `At step ${c3(f.t)} the gradient view shows σ(−βh) = ${c3(f.weight)}` +
                (f.weightFallsHolds && f.weightStart !== null
                  ? `, down from ${c3(f.weightStart)} at step 0.`
                  : '.')
            : f.weight !== null && `At step ${c3(f.t)} the gradient view shows a weight of ${c3(f.weight)}.`,
          f.movesHolds &&
            f.chosenStart !== null &&
            f.chosenAt !== null &&
            f.rejectedStart !== null &&
            f.rejectedAt !== null &&
            `Since step 0, π(y_w) has risen from ${c3(f.chosenStart)} to ${c3(f.chosenAt)} and π(y_l) has fallen from ${c3(f.rejectedStart)} to ${c3(f.rejectedAt)}.`,
        ),
    },
    {
      heading: 'Where does DPO end?',
      body: (f) =>
        say(
          'Back to the ranked answers: DPO trains on their labelled pairs alone, and never sees the rewards or the ★.',
          f.gapAt !== null &&
            `At step ${c3(f.t)} its policy is ${c3(f.gapAt)} away from the ★ (the largest gap in any one probability).`,
        ),
      question: {
        prompt: 'Where will DPO’s training end?',
        choices: [
          'On the ★: the RLHF optimum π*',
          'On the best answer alone: all probability on A',
          'Near π_ref: the pairs cancel out',
        ],
        explain: (f) =>
          say(
            f.reachesStarHolds && f.gapEnd !== null
              ? `On the ★: after ${c3(f.steps)} steps no probability of DPO’s policy is more than ${c3(f.gapEnd)} from π*’s.`
              : f.gapEnd !== null &&
                  `After ${c3(f.steps)} steps DPO’s policy is ${c3(f.gapEnd)} from the ★ in its largest gap.`,
            f.reachesStarHolds &&
              'Minimising the DPO loss on Bradley–Terry data fits the implicit reward to the true one, up to a constant, and the policy with that implicit reward is π*: the RLHF optimum, with no reward model and no RL.',
            'Try it yourself: change β or the rewards in the explorer and watch the ★ and DPO’s end move together.',
          ),
      },
    },
  ],
};
