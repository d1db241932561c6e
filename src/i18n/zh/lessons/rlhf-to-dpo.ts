// 课程 'rlhf-to-dpo' 的中文（事实：i18n/types/lessons/rlhf-to-dpo.ts）。数字都来自事实（用 c3 格式，与图中文字
// 一致）；某条论断只在其 `…Holds` 为真时才说。与英文说的是同一件事、同样的数字。
import type { LessonText } from '../../types/lessons.ts';
import type { RlhfToDpoFacts } from '../../types/lessons/rlhf-to-dpo.ts';
import { c3 } from '../../figureFormat.ts';

/** 把各句连起来；空句（被略去的论断）不留痕迹。 */
const say = (...sentences: (string | false | null)[]): string =>
  sentences.filter((x): x is string => typeof x === 'string' && x !== '').join('');
/** A、B……：训练图中排序数据的回答名称。 */
const letters = (n: number): string =>
  Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i))
    .join('、')
    .replace(/、(\w)$/, ' 和 $1');
const first = (f: RlhfToDpoFacts): string => (f.rankingHolds ? 'A' : 'y_w');

export const ZH_rlhfToDpo: LessonText<RlhfToDpoFacts> = {
  title: '从 RLHF 到 DPO',
  summary:
    '沿着 DPO 论文的思路：偏好数据、奖励模型加带 KL 惩罚的强化学习、强化学习要找的最优策略，以及 DPO 如何不用这两者就到达它。',
  steps: [
    {
      heading: '偏好与 Bradley–Terry 模型',
      body: (f) =>
        say(
          '人很难给一个回答打分，却很容易说出两个回答中更喜欢哪一个。',
          'Bradley–Terry 模型把这种比较与奖励联系起来：一个回答胜过另一个的概率是 σ(两者的奖励之差)。',
          f.rankingHolds && f.winFirst !== null
            ? `这里 ${letters(f.answers)} 各有一个隐藏奖励 r = (${f.rewards.map(c3).join(', ')})，每一对都按这个模型标注：A 胜过 B 的概率是 σ(r_A − r_B) = ${c3(f.winFirst)}。`
            : '这份数据是单个偏好对，不是按隐藏奖励排出的顺序。',
        ),
    },
    {
      heading: 'RLHF：先训练奖励模型，再做强化学习',
      body: (f) =>
        say(
          'RLHF 先用 Bradley–Terry 似然在这些比较上拟合一个奖励模型 r。',
          `然后用强化学习训练策略去获取奖励，同时用权重为 β = ${c3(f.beta)} 的 KL 惩罚把它约束在参考策略 π_ref 附近。`,
          '难的是第二步：PPO 要在训练过程中不断从策略采样回答，需要一个 critic（与策略一样大的价值模型），而且训练不稳定、对超参数敏感。',
          '单纯形图把这几个回答上的每个策略都画成一个点；训练从 π_ref 出发。',
        ),
    },
    {
      heading: 'RLHF 要找的最优策略',
      body: (f) =>
        say(
          '带 KL 惩罚的目标有闭式最优解：π*(y) = π_ref(y)·exp(r(y)/β)/Z，其中 Z 是 π_ref·exp(r/β) 对所有回答的求和。',
          f.starFirst !== null ? '它就是单纯形图中的 ★。' : '这份数据推不出有限的奖励，所以画不出 ★。',
          f.starRaisesHolds &&
            f.starFirst !== null &&
            `β = ${c3(f.beta)} 时，它给 ${first(f)} 的概率是 π*(${first(f)}) = ${c3(f.starFirst)}，高于 π_ref(${first(f)}) = ${c3(f.refFirst)}；β 越大，π* 离 π_ref 越近。`,
          '对语言模型来说，Z 要对所有可能的文本求和，根本算不出来；这也是 RLHF 改用采样的原因之一。',
        ),
    },
    {
      heading: '反过来：隐式奖励',
      body: (f) =>
        say(
          '两边取对数，解出奖励：r(y) = β·log(π*(y)/π_ref(y)) + β·log Z。',
          '于是每个策略 π 都定义了一个隐式奖励 β·log π/π_ref，只差一个对所有回答都相同的常数 β·log Z。',
          f.rewardIsLogRatioHolds && f.rewardChosen !== null && f.rewardRejected !== null
            ? `TRL 把它记为 rewards/chosen 和 rewards/rejected：第 ${c3(f.t)} 步时分别是 ${c3(f.rewardChosen)} 和 ${c3(f.rewardRejected)}，也就是 y_w 和 y_l 的 β·log π/π_ref。`
            : f.rewardChosen !== null &&
                f.rewardRejected !== null &&
                `第 ${c3(f.t)} 步时 TRL 记录 rewards/chosen = ${c3(f.rewardChosen)}、rewards/rejected = ${c3(f.rewardRejected)}。`,
        ),
    },
    {
      heading: 'Z 被消掉：DPO 损失',
      body: (f) =>
        say(
          '把隐式奖励代入 Bradley–Terry：y_w 胜过 y_l 的概率是 σ(r(y_w) − r(y_l))，两者共有的 β·log Z 正好消掉。',
          '剩下的只依赖策略和参考模型：记间隔 h = log π(y_w)/π_ref(y_w) − log π(y_l)/π_ref(y_l)，偏好的似然就是 σ(βh)，DPO 最小化 −log σ(βh)，既不要奖励模型，也不要采样。',
          f.lossIsDpoHolds && f.margin !== null && f.loss !== null
            ? `第 ${c3(f.t)} 步时间隔 h = ${c3(f.margin)}，损失 −log σ(βh) = ${c3(f.loss)}，即损失图上的那个点。`
            : f.loss !== null && `第 ${c3(f.t)} 步时 DPO 的损失是 ${c3(f.loss)}。`,
        ),
    },
    {
      heading: '梯度做了什么',
      body: (f) =>
        say(
          'DPO 的梯度抬高 log π(y_w)、压低 log π(y_l)，两者的权重都是 β·σ(−βh)。',
          'σ(−βh) 是隐式奖励把这一对排反的概率：已经排对的偏好对，权重就很小。',
          f.weightIsSigmaHolds && f.weight !== null
            ? `第 ${c3(f.t)} 步时梯度图显示 σ(−βh) = ${c3(f.weight)}` +
                (f.weightFallsHolds && f.weightStart !== null
                  ? `，比第 0 步的 ${c3(f.weightStart)} 小。`
                  : '。')
            : f.weight !== null && `第 ${c3(f.t)} 步时梯度图显示的权重是 ${c3(f.weight)}。`,
          f.movesHolds &&
            f.chosenStart !== null &&
            f.chosenAt !== null &&
            f.rejectedStart !== null &&
            f.rejectedAt !== null &&
            `从第 0 步到现在，π(y_w) 从 ${c3(f.chosenStart)} 升到 ${c3(f.chosenAt)}，π(y_l) 从 ${c3(f.rejectedStart)} 降到 ${c3(f.rejectedAt)}。`,
        ),
    },
    {
      heading: 'DPO 最后停在哪里？',
      body: (f) =>
        say(
          '回到排好序的几个回答：DPO 只在它们标注好的偏好对上训练，既看不到奖励，也看不到 ★。',
          f.gapAt !== null &&
            `第 ${c3(f.t)} 步时，它的策略与 ★ 相差 ${c3(f.gapAt)}（按单个概率之差的最大值计）。`,
        ),
      question: {
        prompt: 'DPO 训练结束时会停在哪里？',
        choices: [
          '停在 ★ 上：RLHF 的最优策略 π*',
          '只剩最好的回答：概率全部集中到 A',
          '停在 π_ref 附近：各个偏好对互相抵消',
        ],
        explain: (f) =>
          say(
            f.reachesStarHolds && f.gapEnd !== null
              ? `停在 ★ 上：训练 ${c3(f.steps)} 步后，DPO 策略的每个概率与 π* 相差都不超过 ${c3(f.gapEnd)}。`
              : f.gapEnd !== null &&
                  `训练 ${c3(f.steps)} 步后，DPO 的策略与 ★ 的最大差距是 ${c3(f.gapEnd)}。`,
            f.reachesStarHolds &&
              '在 Bradley–Terry 数据上最小化 DPO 损失，会让隐式奖励拟合真实奖励（相差一个常数）；而具有这个隐式奖励的策略正是 π*。不用奖励模型、不用强化学习，就得到了 RLHF 的最优解。',
            '自己试试：在探索器里改变 β 或各个奖励，看 ★ 和 DPO 的终点一起移动。',
          ),
      },
    },
  ],
};
