// Lesson 'trl-logs' in Chinese (facts: i18n/types/lessons/trl-logs.ts). 与英文说的是同一件事、同样的数字
// （都来自 facts，按表格所示的那一步读取，用 c3 书写）；某条论断（…Holds）不成立时就略去。
import type { LessonText } from '../../types/lessons.ts';
import type { TrlLogsFacts } from '../../types/lessons/trl-logs.ts';
import { c3 } from '../../figureFormat.ts';

/** 把各句连起来；空句（被略去的论断）不留痕迹。 */
const say = (...sentences: (string | false | null)[]): string =>
  sentences.filter((x): x is string => typeof x === 'string' && x !== '').join('');
/** 段落之间空一行；空段落不留痕迹。 */
const paragraphs = (...ps: string[]): string => ps.filter((p) => p !== '').join('\n\n');
/** 算式中的一项：负数加括号，如 1 − (−0.96)。 */
const term = (x: number): string => (x < 0 ? `(${c3(x)})` : c3(x));
const NO_DPO = '勾选 DPO（loss_type="sigmoid"），表格里才有它的一行。';
const NO_IPO = '勾选 IPO（loss_type="ipo"），表格里才有它的一行。';

export const ZH_trlLogs: LessonText<TrlLogsFacts> = {
  title: '读懂 TRL 训练日志',
  summary:
    'DPOTrainer 记录了什么、该怎么读：第 0 步的 ln 2 与准确率 0，奖励为负而间隔却在增大，以及 IPO 损失的量级。',
  steps: [
    {
      heading: '第 0 步：ln 2 与平局',
      body: (f) =>
        f.dpo === null
          ? NO_DPO
          : paragraphs(
              `“TRL 会记录的指标”表格就是 TRL 的 DPOTrainer 在第 ${c3(f.step)} 步会记录的内容。`,
              say(
                f.atReferenceHolds &&
                  '第 0 步时策略仍是参考模型的副本，所以两个对数比率都是 0，两个奖励也都是 0。',
                f.dpoLn2Holds &&
                  f.dpo.loss !== null &&
                  `损失为 −log σ(0) = ln 2 = ${c3(f.dpo.loss)}，与 β 无关。`,
                !f.dpoLn2Holds && f.dpo.loss !== null && `损失为 ${c3(f.dpo.loss)}。`,
              ),
            ),
      question: {
        prompt: '第 0 步时，TRL 记录的 rewards/accuracies 是多少？',
        choices: ['0', '0.5，相当于抛硬币', '1'],
        explain: (f) =>
          f.dpo === null || f.dpo.accuracies === null
            ? NO_DPO
            : paragraphs(
                f.atReferenceHolds && f.tieWrongHolds && f.dpo.rewardsChosen !== null
                  ? `rewards/accuracies = ${c3(f.dpo.accuracies)}。只有 rewards/chosen 严格大于 rewards/rejected 时，` +
                      'TRL 才把一个偏好对算作正确（代码里是 chosen_rewards > rejected_rewards）；第 0 步两者都是 ' +
                      `${c3(f.dpo.rewardsChosen)}，打成平局，所以每个偏好对都算错。`
                  : `第 ${c3(f.step)} 步时 TRL 记录的 rewards/accuracies = ${c3(f.dpo.accuracies)}。`,
                f.nextIsPHolds && f.accuracyNext !== null && f.p !== null
                  ? '更新一步之后策略已经偏好 y_w，于是标为 y_w ≻ y_l 的偏好对算对，标签被翻转的算错：' +
                      `TRL 记录的是 ${c3(f.accuracyNext)}，即标签没有被翻转的偏好对所占的比例 p = ${c3(f.p)}。`
                  : '',
              ),
      },
    },
    {
      heading: '奖励为负，间隔却在增大',
      body: (f) =>
        f.dpo === null || f.dpo.rewardsChosen === null || f.dpo.margins === null
          ? NO_DPO
          : paragraphs(
              f.chosenNegativeHolds
                ? `第 ${c3(f.step)} 步时 TRL 记录的 rewards/chosen = ${c3(f.dpo.rewardsChosen)}：是负数，说明 y_w ` +
                    '比在参考模型下更不可能了。'
                : `第 ${c3(f.step)} 步时 TRL 记录的 rewards/chosen = ${c3(f.dpo.rewardsChosen)}。`,
              f.marginsGrowHolds
                ? `可 rewards/margins = ${c3(f.dpo.margins)}，每一步都在增大` +
                    (f.dpo.accuracies !== null ? `，rewards/accuracies = ${c3(f.dpo.accuracies)}。` : '。')
                : `rewards/margins = ${c3(f.dpo.margins)}。`,
              f.chosenNegativeHolds &&
                f.marginsGrowHolds &&
                f.rejectedLowerHolds &&
                f.dpo.rewardsRejected !== null
                ? '这不是 bug：DPO 只要求间隔增大；两个奖励一起下降时，只要 rewards/rejected 降得更快，间隔照样可以增大' +
                    `（${c3(f.dpo.rewardsRejected)}）。这正是上一课的似然位移在日志里的样子。`
                : '',
            ),
    },
    {
      heading: 'rewards/* 与 logps/* 是什么',
      body: (f) =>
        f.dpo === null ||
        f.dpo.logpsChosen === null ||
        f.dpo.rewardsChosen === null ||
        f.dpo.rewardsRejected === null ||
        f.dpo.margins === null ||
        f.logpsChosen0 === null
          ? NO_DPO
          : paragraphs(
              `logps/chosen = ${c3(f.dpo.logpsChosen)} 是策略给 y_w 的对数概率，按回答的所有 token 求和` +
                `（这里有 ${c3(f.chosenLength)} 个 token）` +
                (f.startAtReferenceHolds
                  ? `；第 0 步策略还是参考模型时，它是 ${c3(f.logpsChosen0)}。`
                  : '。'),
              f.rewardIdentityHolds
                ? 'rewards/chosen 是 β 乘以对数比率，即隐式奖励：' +
                    `${c3(f.beta)} × (${c3(f.dpo.logpsChosen)} − ${term(f.logpsChosen0)}) = ${c3(f.dpo.rewardsChosen)}。`
                : `β = ${c3(f.beta)} 时 rewards/chosen = ${c3(f.dpo.rewardsChosen)}。`,
              f.marginIdentityHolds
                ? 'rewards/margins 是两个奖励之差，' +
                    `${c3(f.dpo.rewardsChosen)} − ${term(f.dpo.rewardsRejected)} = ${c3(f.dpo.margins)}：` +
                    '正是 DPO 损失 −log σ(β·h) 里的 β·h，训练要把它推高。'
                : `rewards/margins = ${c3(f.dpo.margins)}。`,
            ),
    },
    {
      heading: 'IPO 损失的量级',
      body: (f) =>
        f.ipo === null
          ? NO_IPO
          : `现在换成 β = ${c3(f.beta)} 的 IPO。IPO 用平方损失把间隔 h 回归到 1/(2β)；TRL 会先把每个对数比率按回答的 token 数取平均。`,
      question: {
        prompt: 'IPO 记录的第一个损失值会是多少？',
        choices: ['ln 2 ≈ 0.693，和 DPO 一样', '0：策略仍是参考模型', '1/(4β²)：β = 0.1 时为 25'],
        explain: (f) =>
          f.ipo === null || f.ipo.loss === null
            ? NO_IPO
            : paragraphs(
                f.ipoScaleHolds
                  ? `第 0 步 h = 0，所以 TRL 记录的损失为 (0 − 1/(2β))² = 1/(4β²) = ${c3(f.ipo.loss)}` +
                      `（β = ${c3(f.beta)}）。数字很大，但并不说明出了问题：这就是 IPO 损失的量级，β 越小它越大。`
                  : `第 ${c3(f.step)} 步时 TRL 记录的 IPO 损失为 ${c3(f.ipo.loss)}（β = ${c3(f.beta)}）。`,
                f.ipoFloorHolds && f.ipoTarget !== null && f.ipoEndLoss !== null && f.p !== null
                  ? `在这份有噪声的数据上（p = ${c3(f.p)}），它也不会降到 0：在目标间隔 h* = ${c3(f.ipoTarget)}（点线）处，` +
                      '按两种标注方式（如同一个批次中所见）取平均的损失为 p(1 − p)/β²；图中的曲线是按现有标注计算的这一对的损失，' +
                      `其最低点更靠外。训练结束时 TRL 记录的是 ${c3(f.ipoEndLoss)}。`
                  : '',
              ),
      },
    },
  ],
};
