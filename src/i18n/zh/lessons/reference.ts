// 课程 'reference' 的中文（事实：i18n/types/lessons/reference.ts）。数字都来自事实（c3 格式）；某条论断只在其
// `…Holds` 为真时才说。与英文说的是同一件事、同样的数字。
import type { LessonText } from '../../types/lessons.ts';
import type { ReferenceFacts } from '../../types/lessons/reference.ts';
import { c3 } from '../../figureFormat.ts';

/** 把各句连起来；空句（被略去的论断）不留痕迹。 */
const say = (...sentences: (string | false | null)[]): string =>
  sentences.filter((x): x is string => typeof x === 'string' && x !== '').join('');

/** 当前状态没有训练 DPO（未勾选 DPO，或是点踩数据）时，用这句代替答案。 */
const NO_DPO = '当前状态没有训练 DPO（请勾选 DPO，并使用偏好数据），所以还没有结果可看。';

export const ZH_reference: LessonText<ReferenceFacts> = {
  title: '参考策略',
  summary:
    'DPO 的一切都相对于 π_ref 衡量：训练停在哪里取决于参考模型；策略若不从参考模型出发，起点的损失也不是 ln 2。',
  steps: [
    {
      heading: '同样的数据，两个参考模型',
      body: (f) =>
        say(
          f.otherRefChosen !== null && f.pairHolds
            ? `两次训练学习同一个偏好对（p = ${c3(f.p)}，β = ${c3(f.beta)}），只有参考模型不同：实线的 π_ref(y_w) = ${c3(f.refChosen)}，点线的是 ${c3(f.otherRefChosen)}。`
            : `这里的 π_ref(y_w) = ${c3(f.refChosen)}；再选一个参考模型来对比（vs=ref:…），就能同时看到两次训练。`,
          'DPO 从不单独读取 π(y_w)：它的损失只看对数比率 log π/π_ref。',
          f.t > 0 &&
            f.chosenAt !== null &&
            (f.otherChosenAt !== null
              ? `第 ${c3(f.t)} 步时，π(y_w) 分别是 ${c3(f.chosenAt)}（实线）和 ${c3(f.otherChosenAt)}（点线）。`
              : `第 ${c3(f.t)} 步时 π(y_w) 是 ${c3(f.chosenAt)}。`),
        ),
      question: {
        prompt: '两次训练结束时，π(y_w) 各停在哪里？',
        choices: [
          '停在同一个概率：由数据决定，与参考模型无关',
          'π_ref(y_w) 较高的那次停得更高',
          'π_ref(y_w) 较高的那次停得更低：它上升的空间更小',
        ],
        explain: (f) =>
          say(
            f.higherRefEndsHigherHolds && f.chosenEnd !== null && f.otherChosenEnd !== null
              ? `参考概率高的那次停得更高：π(y_w) 最终是 ${c3(f.chosenEnd)}（实线）和 ${c3(f.otherChosenEnd)}（点线）。`
              : f.chosenEnd !== null && `π(y_w) 最终停在 ${c3(f.chosenEnd)}。`,
            f.chosenEnd === null && NO_DPO,
            f.sameMarginHolds &&
              f.optimum !== null &&
              f.marginEnd !== null &&
              f.otherMarginEnd !== null &&
              `数据确定的是对数比率的间隔：两次训练都停在同一个 h* = ${c3(f.optimum)}（实线 h = ${c3(f.marginEnd)}，点线 ${c3(f.otherMarginEnd)}）；同样的 h 放在不同的参考模型上，就是不同的概率。`,
          ),
      },
    },
    {
      heading: '参考概率扫描',
      body: (f) =>
        say(
          `扫描图对 ${c3(f.refMin)} 到 ${c3(f.refMax)} 之间的每个 π_ref(y_w) 都把 DPO 训练到终点，其余回答之间的参考概率比例保持不变。`,
          f.sweepLow !== null &&
            f.sweepHigh !== null &&
            (f.sweepRisesHolds
              ? `参考概率越高，π(y_w) 停得越高：从最小处的 ${c3(f.sweepLow)} 到最大处的 ${c3(f.sweepHigh)}。`
              : `π(y_w) 在最小的 π_ref(y_w) 处停在 ${c3(f.sweepLow)}，在最大处停在 ${c3(f.sweepHigh)}。`),
          f.sweepAtRef !== null &&
            `在当前的 π_ref(y_w) = ${c3(f.refChosen)} 处，它停在 ${c3(f.sweepAtRef)}。`,
          '偏好只能让参考分布倾斜：参考模型认为不太可能的回答，训练后可能性也依然不高。',
        ),
    },
    {
      heading: '不从参考模型出发',
      body: (f) =>
        say(
          '训练通常从参考模型的一份副本开始，所以第 0 步时每个对数比率都是 0。',
          f.offsetsHolds && f.rhoChosenStart !== null && f.rhoRejectedStart !== null
            ? `这里的起点偏移让 y_w 先行一步：第 0 步时 y_w 的 log π/π_ref 已经是 ${c3(f.rhoChosenStart)}，y_l 的是 ${c3(f.rhoRejectedStart)}。`
            : '这里策略从参考模型出发（没有起点偏移）。',
          '只要参考模型不是训练的起点模型，就会出现这种情况，例如策略已经在别的数据上微调过。',
        ),
      question: {
        prompt: '第 0 步时 TRL 记录的损失是多少？',
        choices: ['ln 2，一向如此', '小于 ln 2', '大于 ln 2'],
        explain: (f) =>
          say(
            f.lossStart !== null &&
              (f.lossBelowLn2Holds
                ? `小于：第 0 步时 TRL 记录 loss = ${c3(f.lossStart)}，不是 ln 2 ≈ ${c3(f.ln2)}，因为间隔一开始就偏向 y_w。`
                : `第 0 步时 TRL 记录 loss = ${c3(f.lossStart)}。`),
            f.lossStart === null && NO_DPO,
            f.rewardsNonZeroHolds &&
              f.rewardChosenStart !== null &&
              f.rewardRejectedStart !== null &&
              `奖励也不是 0：rewards/chosen = ${c3(f.rewardChosenStart)}，rewards/rejected = ${c3(f.rewardRejectedStart)}。`,
          ),
      },
    },
    {
      heading: '从那里出发，停在哪里',
      body: (f) =>
        say(
          '偏移改变的是训练的起点，而不是目标：间隔是相对 π_ref 衡量的，不是相对起点。',
          f.settlesHolds && f.marginEnd !== null && f.optimum !== null
            ? `所以 DPO 仍然停在 h = ${c3(f.marginEnd)}，即损失图中的 h* = ${c3(f.optimum)}，和从参考模型出发时一样。`
            : f.marginEnd !== null && `DPO 的间隔最终是 h = ${c3(f.marginEnd)}。`,
          f.settlesHolds && '在损失图上，它的点最终落在点线上。',
          '自己试试：改变起点偏移或 π_ref，看看哪些数字会变。',
        ),
    },
  ],
};
