// 课程 'beta' 的中文（事实：i18n/types/lessons/beta.ts）。数字都来自事实（c3 格式）；某条论断只在其 `…Holds`
// 为真时才说。与英文说的是同一件事、同样的数字。
import type { LessonText } from '../../types/lessons.ts';
import type { BetaFacts } from '../../types/lessons/beta.ts';
import { c3 } from '../../figureFormat.ts';

/** 把各句连起来；空句（被略去的论断）不留痕迹。 */
const say = (...sentences: (string | false | null)[]): string =>
  sentences.filter((x): x is string => typeof x === 'string' && x !== '').join('');

/** 当前状态没有训练 DPO（未勾选 DPO，或是点踩数据）时，用这句代替答案。 */
const NO_DPO = '当前状态没有训练 DPO（请勾选 DPO，并使用偏好数据），所以还没有结果可看。';

export const ZH_beta: LessonText<BetaFacts> = {
  title: 'β 的作用',
  summary: 'β 是偏离参考模型的代价：β 越大，损失随间隔变化越陡，策略却移动得越少。',
  steps: [
    {
      heading: '哪个 β 让策略移动得更多？',
      body: (f) =>
        say(
          'β 是 RLHF 目标中 KL 惩罚的权重，DPO 也继承了它：它衡量偏离 π_ref 要付出多少代价。',
          f.otherBeta !== null && f.pairHolds
            ? `两次训练学习同一个偏好对（y_w 被偏好的概率 p = ${c3(f.p)}）：π(y_w) 的实线用 β = ${c3(f.beta)}，点线用 β = ${c3(f.otherBeta)}。`
            : `这里用 β = ${c3(f.beta)} 训练 DPO；再选一个 β 来对比（vs=beta:…），就能同时看到两次训练。`,
          f.startsAtRefHolds && `两者都从参考模型出发：π(y_w) = π_ref(y_w) = ${c3(f.refChosen)}。`,
          f.t > 0 &&
            f.chosenAt !== null &&
            (f.otherChosenAt !== null && f.otherBeta !== null
              ? `第 ${c3(f.t)} 步时，β = ${c3(f.beta)} 的 π(y_w) 是 ${c3(f.chosenAt)}，β = ${c3(f.otherBeta)} 的是 ${c3(f.otherChosenAt)}。`
              : `第 ${c3(f.t)} 步时 π(y_w) 是 ${c3(f.chosenAt)}。`),
        ),
      question: {
        prompt: '训练结束时，哪次训练的 π(y_w) 离参考模型更近？',
        choices: ['β 较小的那次', 'β 较大的那次', '一样近：β 只是缩放了损失'],
        explain: (f) =>
          say(
            f.largerCloserHolds &&
              f.otherBeta !== null &&
              f.chosenEnd !== null &&
              f.otherChosenEnd !== null &&
              f.kl !== null &&
              f.otherKl !== null
              ? `β 较大的那次：β = ${c3(f.otherBeta)} 时 π(y_w) 停在 ${c3(f.otherChosenEnd)}，而 β = ${c3(f.beta)} 时停在 ${c3(f.chosenEnd)}；它与 π_ref 之间的 KL 是 ${c3(f.otherKl)} nats，另一次是 ${c3(f.kl)} nats。`
              : f.chosenEnd !== null &&
                  `β = ${c3(f.beta)} 时 π(y_w) 停在 ${c3(f.chosenEnd)}` +
                    (f.otherChosenEnd !== null && f.otherBeta !== null
                      ? `，β = ${c3(f.otherBeta)} 时停在 ${c3(f.otherChosenEnd)}。`
                      : '。'),
            f.chosenEnd === null && NO_DPO,
            f.largerCloserHolds &&
              'β 是每 nat KL 的价格：价格越高，能“买到”的移动越少，所以 β 越大，策略离 π_ref 越近。',
          ),
      },
    },
    {
      heading: '损失更陡，移动更小',
      body: (f) =>
        say(
          '这两件事同时成立。',
          f.largerSteeperHolds &&
            f.otherBeta !== null &&
            f.slope !== null &&
            f.otherSlope !== null &&
            `作为间隔 h 的函数，β 较大的损失更陡：起点处它的斜率是 ${c3(f.otherSlope)}，β = ${c3(f.beta)} 时只有 ${c3(f.slope)}，因为损失的自变量是 βh。`,
          f.largerStopsSoonerHolds &&
            f.optimum !== null &&
            f.otherOptimum !== null &&
            f.otherChosenEnd !== null &&
            f.chosenEnd !== null
            ? `但它的最小值也来得更早：DPO 停在 βh = logit(p) 处，即 h* = ${c3(f.otherOptimum)}，另一次是 ${c3(f.optimum)}（图中点线）；所以 π(y_w) 停在 ${c3(f.otherChosenEnd)}，另一次是 ${c3(f.chosenEnd)}。`
            : f.optimum !== null &&
                f.chosenEnd !== null &&
                `β = ${c3(f.beta)} 时 DPO 停在 βh = logit(p) 处，即 h* = ${c3(f.optimum)}，π(y_w) 停在 ${c3(f.chosenEnd)}。`,
          f.largerSteeperHolds &&
            f.largerStopsSoonerHolds &&
            '损失陡并不意味着走得远：β 放大了损失看到的间隔，同样的偏好只需更小的概率变化就能满足。',
        ),
    },
    {
      heading: 'β 扫描',
      body: (f) =>
        say(
          `扫描图对 ${c3(f.betaMin)} 到 ${c3(f.betaMax)} 之间的每个 β 都把 DPO 训练到终点。`,
          f.sweepLow !== null &&
            f.sweepHigh !== null &&
            (f.sweepFallsHolds
              ? `π(y_w) 一路下降：从最小 β 处的 ${c3(f.sweepLow)} 降到最大 β 处的 ${c3(f.sweepHigh)}，向 π_ref(y_w) = ${c3(f.refChosen)} 靠拢。`
              : `π(y_w) 在最小 β 处停在 ${c3(f.sweepLow)}，在最大 β 处停在 ${c3(f.sweepHigh)}。`),
          f.sweepAtBeta !== null && `在当前的 β = ${c3(f.beta)} 处，它停在 ${c3(f.sweepAtBeta)}。`,
          '自己试试：拖动 β，或选另一个 β 来对比，看看每次训练停在这条曲线上的哪个位置。',
        ),
    },
  ],
};
