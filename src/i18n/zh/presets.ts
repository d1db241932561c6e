// 各场景的标题与说明，按场景 id 对应。说明是模板：数字与论断都来自 src/derive/scenarioFacts.ts 根据当前
// 状态算出的事实（数字用与图中文字相同的 c3 格式），某条论断（…Holds）不再成立时就略去，或只陈述数字本身。
// 与英文模板说的是同一件事、同样的数字（tests/unit/i18n.test.ts 逐一核对）。
import type { PresetStrings } from '../types/presets.ts';
import { c3, subscript } from '../figureFormat.ts';

/** 把各句连起来；空句（被略去的论断）不留痕迹。 */
const say = (...sentences: (string | false | null)[]): string =>
  sentences.filter((x): x is string => typeof x === 'string' && x !== '').join('');

/** 'a'、'a 和 b'、'a、b 和 c'。 */
function list(items: readonly string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join('、')} 和 ${items[items.length - 1]}`;
}
/** y₃、y₄……：y_w、y_l 之后的 n 个回答，与训练图中的名称一致。 */
const otherPairResponses = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `y${subscript(i + 3)}`);
/** C、D……：A、B 之后的 n 个回答（点踩数据与排序数据）。 */
const otherLetters = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => String.fromCharCode(67 + i));
/** IPO 目标间隔的公式：p = 1 时为 1/(2β)，否则为 (2p − 1)/(2β)。 */
const ipoFormula = (p: number): string => (p === 1 ? '1/(2β)' : '(2p − 1)/(2β)');

/** 数据不是单个偏好对时，用这句代替关于 p 的说法。 */
const NOT_PAIR = '这份数据不是单个偏好对，p 在这里不影响训练。';

export const ZH_PRESETS: PresetStrings = {
  start: {
    title: '第 0 步：策略就是参考模型',
    explanation: (f) =>
      say(
        f.atReferenceHolds &&
          f.startLoss !== null &&
          f.accuracy0 !== null &&
          '训练从参考模型的一份副本开始，所以每个对数比率 log π/π_ref 都为零。' +
            `此时无论 β 取多少，DPO 损失都是 −log σ(0) = ln 2 ≈ ${c3(f.startLoss)}；而 TRL 记录的 ` +
            `rewards/accuracies 是 ${c3(f.accuracy0)}，不是 0.5：只有被选回答的奖励严格更大，这个偏好对才算判对。`,
        !f.atReferenceHolds &&
          f.startLoss !== null &&
          `训练并不从参考模型出发（设置了起始偏移），所以训练开始时的 DPO 损失是 ${c3(f.startLoss)}。`,
        f.startLoss === null && '勾选 DPO，即可看到它在第一次更新前后的损失与准确率。',
        f.accuracyIsPHolds && f.accuracy1 !== null
          ? `第一次更新之后间隔变为正数，准确率跳到 ${c3(f.accuracy1)} 而不是 1：数据中 y_w ≻ y_l 的概率为 ` +
              `p = ${c3(f.p)}，也就是有比例为 1 − p = ${c3(f.flipped)} 的标签是反的，TRL 把这些也算了进去。`
          : f.accuracy1 !== null && `第一次更新之后，TRL 记录的 rewards/accuracies 是 ${c3(f.accuracy1)}。`,
      ),
  },
  deterministic: {
    title: '偏好确定：DPO 停不下来，IPO 适可而止',
    explanation: (f) =>
      say(
        !f.pairHolds
          ? NOT_PAIR
          : f.p === 1
            ? `这里 y_w 每次都胜过 y_l（p = ${c3(f.p)}）。`
            : `这里 y_w 以 p = ${c3(f.p)} 的概率胜过 y_l。`,
        f.dpoRunsOnHolds && f.dpoRejectedEnd !== null
          ? 'DPO 总能靠再拉大一点间隔让损失再降一点，所以只要继续训练，间隔就会一直增长，π(y_l) 趋向零' +
              `（${c3(f.steps)} 步后只剩 ${c3(f.dpoRejectedEnd)}）：DPO 会对确定性偏好过拟合。`
          : f.dpoRejectedEnd !== null && `${c3(f.steps)} 步后，DPO 的 π(y_l) 停在 ${c3(f.dpoRejectedEnd)}。`,
        f.ipoSettlesHolds && f.ipoTarget !== null
          ? `IPO 则把间隔回归到一个目标值，这里是 ${ipoFormula(f.p)} = ${c3(f.ipoTarget)}，到了就停。`
          : f.ipoTarget !== null && `IPO 的目标间隔是 ${ipoFormula(f.p)} = ${c3(f.ipoTarget)}。`,
        f.dpoRunsOnHolds &&
          f.ipoSettlesHolds &&
          '看训练视图下方的 rewards/margins：DPO 的曲线一路攀升，IPO 的逐渐走平。',
      ),
  },
  'ipo-d1': {
    title: 'IPO 论文的 D₁：DPO 一路奔向 (1, 0, 0)，IPO 会停下',
    explanation: (f) =>
      say(
        f.d1Holds
          ? 'IPO 论文的例子 D₁（arXiv 2310.12036，§5.4）：三个回答，A ≻ B、B ≻ C、A ≻ C 每次都成立，参考策略均匀，' +
              `每个回答一个自由 logit、从 π_ref 出发，用 Adam 训练，学习率 ${c3(f.learningRate)}；τ 就是 TRL 的 β，` +
              `这里为 ${c3(f.tau)}。`
          : '这份数据不是 IPO 论文的 D₁（三个回答排成确定的顺序、参考策略均匀、每个回答一个自由 logit 且从参考策略出发），' +
              '论文的数字在这里不适用。',
        f.ipoEnd !== null &&
          f.ipoFixedPoint !== null &&
          (f.ipoSettlesHolds
            ? `IPO 停在 θ_A − θ_B = θ_B − θ_C = 1/(3τ) = ${c3(f.ipoFixedPoint)}：${c3(f.steps)} 步后 ` +
              `π = (${f.ipoEnd.map(c3).join(', ')})` +
              (f.matchesPaperHolds && f.paperProbs !== null
                ? `，与论文的 (${f.paperProbs.map(c3).join(', ')}) 相差不超过 ${c3(f.paperTolerance)}。`
                : '。')
            : `IPO 的不动点是 θ_A − θ_B = θ_B − θ_C = 1/(3τ) = ${c3(f.ipoFixedPoint)}；训练结束时 ` +
              `π = (${f.ipoEnd.map(c3).join(', ')})` +
              (f.ipoGaps !== null ? `，两个差值为 ${f.ipoGaps.map(c3).join(' 和 ')}。` : '。')),
        f.dpoChosenEnd !== null &&
          f.dpoGapEnd !== null &&
          (f.dpoRunsOnHolds
            ? 'DPO 没有这样的停止点：偏好确定时，把差值再拉大一点总能让损失再降一点，所以差值每一步都在增长' +
              `（结束时 θ_A − θ_B = ${c3(f.dpoGapEnd)}，π(A) = ${c3(f.dpoChosenEnd)}），` +
              '不论 τ 取多少，π 都奔向 (1, 0, 0)。'
            : `DPO 的 π(A) 最终为 ${c3(f.dpoChosenEnd)}，θ_A − θ_B = ${c3(f.dpoGapEnd)}。`),
      ),
  },
  noisy: {
    title: '带噪声的偏好：两种损失都会收敛',
    explanation: (f) =>
      say(
        f.pairHolds ? `标注者偏好 y_w 的比例是 p = ${c3(f.p)}。` : NOT_PAIR,
        f.dpoOptimum !== null &&
          f.dpoChosenEnd !== null &&
          (f.dpoEndsAtPHolds && f.uniformPairHolds
            ? `这时 DPO 有有限的最优间隔 h* = logit(p)/β = ${c3(f.dpoOptimum)}：当 β = ${c3(f.beta)}、参考模型在两个` +
              `回答上均匀分布时，策略最终停在 π(y_w) = ${c3(f.dpoChosenEnd)}，恰好等于偏好概率。`
            : `DPO 的最优间隔是 h* = logit(p)/β = ${c3(f.dpoOptimum)}，它的 π(y_w) 最终停在 ${c3(f.dpoChosenEnd)}。`),
        f.ipoOptimum !== null &&
          f.ipoChosenEnd !== null &&
          (f.ipoEndsAtOptimumHolds
            ? `IPO 的目标是 h* = (2p − 1)/(2β) = ${c3(f.ipoOptimum)}，最终停在 π(y_w) = σ(h*) ≈ ${c3(f.ipoChosenEnd)}。`
            : `IPO 的目标是 h* = (2p − 1)/(2β) = ${c3(f.ipoOptimum)}，它的 π(y_w) 最终停在 ${c3(f.ipoChosenEnd)}。`),
        f.dpoEndsAtPHolds && '让 DPO 不至于一路跑向无穷的是数据中的噪声，而不是损失函数本身。',
      ),
  },
  'label-noise': {
    title: '标签噪声：保守 DPO 与鲁棒 DPO',
    explanation: (f) => {
      const eps = c3(f.epsilon);
      const smoothed = [
        f.cdpoChosenEnd !== null &&
          (f.cdpoLessSureHolds
            ? `保守 DPO（cDPO，ε = ${eps}）会进一步平滑标签，结果更不确定，停在 ${c3(f.cdpoChosenEnd)}`
            : `保守 DPO（cDPO，ε = ${eps}）停在 ${c3(f.cdpoChosenEnd)}`),
        f.robustChosenEnd !== null &&
          (f.robustRecoversHolds
            ? `鲁棒 DPO（ε = ${eps}）则抵消了假定的翻转，恢复出干净的偏好 ${c3(f.robustChosenEnd)}`
            : `鲁棒 DPO（ε = ${eps}）停在 ${c3(f.robustChosenEnd)}`),
      ].filter((x): x is string => typeof x === 'string');
      return say(
        f.noiseModelHolds
          ? `假设 y_w 真实的被偏好比例是 q = ${c3(f.clean)}，但有比例为 ε = ${eps} 的标签被翻转，` +
              `于是数据给出的是 p = ${c3(f.p)}。`
          : f.pairHolds
            ? `数据给出 y_w 胜过 y_l 的概率为 p = ${c3(f.p)}。`
            : NOT_PAIR,
        f.dpoChosenEnd !== null &&
          (f.dpoFitsPHolds
            ? `普通 DPO 拟合的就是这份带噪声的数据：π(y_w) → ${c3(f.dpoChosenEnd)}。`
            : `普通 DPO 停在 π(y_w) = ${c3(f.dpoChosenEnd)}。`),
        smoothed.length > 0 && `${smoothed.join('；')}。`,
        f.noiseModelHolds &&
          f.dpoFitsPHolds &&
          f.cdpoLessSureHolds &&
          f.robustRecoversHolds &&
          '同一份数据，三种不同的答案：ε 的取值本身就是一种建模假设。',
      );
    },
  },
  'likelihood-displacement': {
    title: '似然位移：被选回答的概率反而下降',
    explanation: (f) =>
      say(
        f.sharedHolds
          ? '被选回答 y_w 和被拒回答 y_l 几乎一模一样：二者都依赖同一个共享特征，y_l 对它的依赖是 y_w 的两倍。'
          : '这里 y_w 和 y_l 没有共享特征：每个回答都有自己的 logit。',
        f.chosenStart !== null &&
          f.chosenEnd !== null &&
          (f.sharedHolds &&
          f.riseThenFallHolds &&
          f.marginGrowsHolds &&
          f.chosenPeak !== null &&
          f.peakStep !== null &&
          f.accuracy !== null
            ? 'DPO 通过压低这个共享特征来拉大间隔，结果把 y_w 和 y_l 一起拉了下去：π(y_w) 短暂上升到 ' +
              `${c3(f.chosenPeak)}（第 ${c3(f.peakStep)} 步）后，从 ${c3(f.chosenStart)} 降到 ${c3(f.chosenEnd)}，` +
              `而间隔持续增大、从第一次更新起准确率一直是 ${c3(f.accuracy)}` +
              (f.massToOthersHolds ? `，概率质量都流向了 ${list(otherPairResponses(f.others))}。` : '。')
            : `DPO 的 π(y_w) 从 ${c3(f.chosenStart)} 变为 ${c3(f.chosenEnd)}。`),
        f.trlSignatureHolds &&
          f.chosenRewardEnd !== null &&
          `在 TRL 日志里，这表现为 rewards/chosen 变成负数（最后为 ${c3(f.chosenRewardEnd)}），` +
            '而 rewards/margins 仍在上升。',
        f.ipoTarget !== null &&
          f.ipoChosenEnd !== null &&
          (f.ipoKeepsHolds
            ? `IPO 到达目标间隔 h* = ${c3(f.ipoTarget)} 就停下，π(y_w) 留在了起点附近（${c3(f.ipoChosenEnd)}）。`
            : `IPO 的目标间隔是 h* = ${c3(f.ipoTarget)}，它的 π(y_w) 最终停在 ${c3(f.ipoChosenEnd)}。`),
      ),
  },
  'kto-undesirable-only': {
    title: '只有点踩数据的 KTO',
    explanation: (f) =>
      say(
        f.thumbsDownHolds
          ? 'KTO 不需要偏好对：这个数据集只有一个非期望样本，即回答 A，别无其他。'
          : 'KTO 不需要偏好对：它从每个标为期望或非期望的样本中学习。',
        f.undesirableStart !== null &&
          f.undesirableEnd !== null &&
          (f.thumbsDownHolds && f.fallsHolds
            ? `KTO 把 π(A) 从 ${c3(f.undesirableStart)} 推向零（${c3(f.steps)} 步后为 ${c3(f.undesirableEnd)}），` +
              '损失一直下降，却始终到不了最优点。'
            : `${c3(f.steps)} 步内，KTO 的 π(A) 从 ${c3(f.undesirableStart)} 变为 ${c3(f.undesirableEnd)}。`),
        f.otherStart !== null &&
          f.otherEnd !== null &&
          (f.thumbsDownHolds && f.sgdHolds && f.mostLikelyGainsHolds
            ? '用普通 SGD 时，其余每个 logit 的上升幅度与其概率成正比，所以概率最大的回答 B 获益最多' +
              `（${c3(f.otherStart)} → ${c3(f.otherEnd)}）` +
              (f.squeezedHolds
                ? `，最后连 ${list(otherLetters(f.squeezed))} 也被挤压：先升后降，最终跌到初始值以下。`
                : '。')
            : `π(B) 从 ${c3(f.otherStart)} 变为 ${c3(f.otherEnd)}。`),
      ),
  },
  'beta-strength': {
    title: '弱 β 与强 β',
    explanation: (f) =>
      say(
        'β 决定策略可以离参考模型多远。',
        f.weakChosenEnd !== null &&
          (f.weakFurtherHolds &&
          f.strongBeta !== null &&
          f.strongOptimum !== null &&
          f.strongChosenEnd !== null
            ? `在 p = ${c3(f.p)} 时，DPO 停在 βh = logit(p) 处：较弱的 β = ${c3(f.weakBeta)} 需要 ` +
              `${c3(f.weakOptimum)} 的间隔，` +
              (f.weakAlmostAllHolds
                ? `几乎把全部概率都压到 y_w 上（π(y_w) ≈ ${c3(f.weakChosenEnd)}，远离参考模型）`
                : `把 π(y_w) 推到 ${c3(f.weakChosenEnd)}`) +
              `；对比的那次训练 β = ${c3(f.strongBeta)} 较强，在间隔为 ${c3(f.strongOptimum)} 时就停下，` +
              `此时 π(y_w) ≈ ${c3(f.strongChosenEnd)}。`
            : f.pairHolds
              ? `在 p = ${c3(f.p)}、β = ${c3(f.weakBeta)} 时，DPO 停在 βh = logit(p) 处，间隔为 ` +
                `${c3(f.weakOptimum)}，π(y_w) ≈ ${c3(f.weakChosenEnd)}。`
              : `β = ${c3(f.weakBeta)} 时，DPO 的 π(y_w) 最终停在 ${c3(f.weakChosenEnd)}。`),
        f.weakFurtherHolds && f.weakKl !== null && f.strongKl !== null
          ? `两次训练的对比表列出了它们相对参考模型的 KL：弱 β 为 ${c3(f.weakKl)} 奈特，强 β 只有 ` +
              `${c3(f.strongKl)} 奈特；也可以再看看 β 扫描图。`
          : '试试 β 扫描图，看看 β 取其他值时训练停在哪里。',
      ),
  },
  'bradley-terry': {
    title: 'DPO 找到了 RLHF 的最优解',
    explanation: (f) =>
      say(
        f.rankingHolds
          ? `这里 ${c3(f.answers)} 个回答的隐藏奖励为 r = (${f.rewards.map(c3).join(', ')})，每一对都按 ` +
              'Bradley–Terry 模型标注：i 以概率 σ(r_i − r_j) 胜过 j。'
          : '这份数据并非按隐藏奖励排序，因此没有可供比较的 RLHF 最优解。',
        f.chosenEnd !== null &&
          f.optimumChosen !== null &&
          (f.reachesOptimumHolds
            ? 'DPO 从未见过这些奖励，却收敛到了带 KL 惩罚的 RLHF 会找到的同一个策略 ' +
              `π*(y) ∝ π_ref(y)·exp(r(y)/β)：π(A) 最终为 ${c3(f.chosenEnd)}，而 π*(A) = ${c3(f.optimumChosen)}。`
            : `DPO 训练结束时 π(A) = ${c3(f.chosenEnd)}，而 RLHF 最优解 π*(y) ∝ π_ref(y)·exp(r(y)/β) ` +
              `给出 π*(A) = ${c3(f.optimumChosen)}。`),
        f.reachesOptimumHolds && '这种等价性正是 DPO 的核心思想。',
      ),
  },
  'sft-term': {
    title: '加一项 SFT，被选回答的概率就不再下降',
    explanation: (f) =>
      say(
        (f.sharedHolds ? '仍是“似然位移”里那对几乎相同的回答，' : '一对偏好数据，') +
          (f.termHolds
            ? `这次用 TRL 的 loss_type=["sigmoid", "sft"]、loss_weights=[1, ${c3(f.weight)}] 训练：SFT 项把被选回答` +
              `交叉熵的 ${c3(f.weight)} 倍加到 DPO 的损失上。`
            : `这次训练不加 SFT 项（w = ${c3(f.weight)}）。`),
        f.chosenStart !== null &&
          f.chosenEnd !== null &&
          (f.stopsFallHolds && f.otherChosenEnd !== null && f.marginEnd !== null && f.otherMarginEnd !== null
            ? `加上它，π(y_w) 从 ${c3(f.chosenStart)} 升到 ${c3(f.chosenEnd)}；不加它的对比那次（w = ${c3(f.otherWeight ?? NaN)}）` +
              `最终只有 ${c3(f.otherChosenEnd)}。两次的间隔都在变大（rewards/margins 分别为 ${c3(f.marginEnd)} 和 ` +
              `${c3(f.otherMarginEnd)}）：SFT 项并没有阻止 DPO 拉开这一对，它阻止的是共享特征把 y_w 和 y_l 一起往下拖。`
            : `π(y_w) 从 ${c3(f.chosenStart)} 变为 ${c3(f.chosenEnd)}。`),
        'TRL 0.29 去掉了 rpo_alpha 之后，就是用这种损失列表来防止被选回答的对数概率下降。',
      ),
  },
  'f-divergence': {
    title: 'f 散度：离参考模型多远，又保留多少多样性',
    explanation: (f) =>
      say(
        `${c3(f.responses)} 个回答${f.uniformHolds ? '起初同样可能，' : '；'}只有一对 y_w ≻ y_l 按 p = ${c3(f.p)} 标注。`,
        f.reverseChosenEnd !== null &&
          (f.divergencesHolds &&
          f.closerHolds &&
          f.otherChosenEnd !== null &&
          f.reverseKl !== null &&
          f.otherKl !== null
            ? `在 TRL 默认的反向 KL 下，DPO 最终 π(y_w) = ${c3(f.reverseChosenEnd)}，离参考模型 ` +
              `${c3(f.reverseKl)} 奈特；用 f_divergence_type="forward_kl" 的对比那次最终 π(y_w) = ` +
              `${c3(f.otherChosenEnd)}，只离开 ${c3(f.otherKl)} 奈特` +
              (f.spreadHolds && f.otherThirdEnd !== null
                ? `，数据里没有提到的每个回答还留有约 ${c3(f.otherThirdEnd)}，比 y_l 多。`
                : '。')
            : `DPO 的 π(y_w) 最终为 ${c3(f.reverseChosenEnd)}。`),
        f.closerHolds &&
          f.divergencesHolds &&
          '正向 KL 用 −e^(−ρ) 代替每个对数比 ρ，一个回答一旦领先就不再为它多付代价：它覆盖参考模型的概率质量，而不是只追逐一个众数。',
      ),
  },
  'no-reference': {
    title: 'SimPO 与 ORPO：没有参考模型',
    explanation: (f) =>
      say(
        `${f.pairHolds ? `在 p = ${c3(f.p)}、β = ${c3(f.beta)} 的单个偏好对上` : `在 β = ${c3(f.beta)} 下`}，` +
          'SimPO 和 ORPO 的训练不使用参考模型' +
          (f.klHolds
            ? '：没有什么能把它们留在 π_ref 附近，两者最终都比 DPO 离它更远（KL 更大）。'
            : '，所以 π_ref 不参与它们的损失。'),
        f.otherRef !== null &&
          f.dpoOtherEnd !== null &&
          f.simpoOtherEnd !== null &&
          f.orpoOtherEnd !== null &&
          (f.squeezedHolds
            ? `偏好对中从未出现的回答 y₃（π_ref = ${c3(f.otherRef)}）在 DPO 下保持 π = ${c3(f.dpoOtherEnd)}，` +
              `却被 SimPO 压到 ${c3(f.simpoOtherEnd)}、被 ORPO 压到 ${c3(f.orpoOtherEnd)}。`
            : `第三个回答 y₃（π_ref = ${c3(f.otherRef)}）最终在 DPO 下为 π = ${c3(f.dpoOtherEnd)}，` +
              `SimPO 下为 ${c3(f.simpoOtherEnd)}，ORPO 下为 ${c3(f.orpoOtherEnd)}。`),
        f.orpoNllEnd !== null &&
          f.orpoChosenEnd !== null &&
          f.dpoChosenEnd !== null &&
          (f.orpoRaisesHolds
            ? `ORPO 的 NLL 项不断把 y_w 往上拉（nll_loss 降到 ${c3(f.orpoNllEnd)}）：π(y_w) 最终为 ` +
              `${c3(f.orpoChosenEnd)}，高于 DPO 的 ${c3(f.dpoChosenEnd)}。`
            : `ORPO 的 nll_loss 最终为 ${c3(f.orpoNllEnd)}，π(y_w) 最终为 ${c3(f.orpoChosenEnd)}` +
              `（DPO：${c3(f.dpoChosenEnd)}）。`),
        f.orpoRewardEnd !== null &&
          f.dpoRewardEnd !== null &&
          (f.rewardSignHolds
            ? 'TRL 把 ORPO 的 rewards/chosen 记为 β × 每个 token 的平均对数概率，所以它最终为负值 ' +
              `${c3(f.orpoRewardEnd)}，而 DPO 基于对数比率的奖励最终为 ${c3(f.dpoRewardEnd)}。`
            : `rewards/chosen 最终在 ORPO 下为 ${c3(f.orpoRewardEnd)}（β × 每个 token 的平均对数概率），` +
              `在 DPO 下为 ${c3(f.dpoRewardEnd)}（β × 对数比率）。`),
      ),
  },
  'tr-dpo': {
    title: 'TR-DPO：跟着策略走的参考模型',
    explanation: (f) =>
      say(
        `${f.pairHolds ? `在 p = ${c3(f.p)} 的单个偏好对上，` : ''}这里的 DPO ` +
          (f.syncHolds
            ? `开启了 sync_ref_model：每完成 ${c3(f.syncSteps)} 次更新，参考模型就向策略靠近 α = ${c3(f.mixupAlpha)} 的比例。`
            : '目前使用固定的参考模型：把同步步数 S 和混合系数 α 都设为大于零，它就会跟着策略移动。'),
        f.syncedChosenEnd !== null &&
          f.fixedChosenEnd !== null &&
          f.syncedStartKl !== null &&
          f.fixedStartKl !== null &&
          (f.furtherHolds
            ? `每次同步都把对数比率拉回零附近，KL 惩罚再也无法把策略留在带噪标签本该让它停下的位置：π(y_w) 最终为 ${c3(f.syncedChosenEnd)}，而参考模型固定时为 ${c3(f.fixedChosenEnd)}；相对起始参考模型的 KL 达到 ${c3(f.syncedStartKl)}，固定时为 ${c3(f.fixedStartKl)}。`
            : `π(y_w) 最终为 ${c3(f.syncedChosenEnd)}（参考模型固定时为 ${c3(f.fixedChosenEnd)}），相对起始参考模型的 KL 为 ${c3(f.syncedStartKl)}（固定时为 ${c3(f.fixedStartKl)}）。`),
        f.syncedCurrentKl !== null &&
          f.fixedStartKl !== null &&
          (f.followsHolds
            ? `但相对它当前参考模型的 KL 最终只有 ${c3(f.syncedCurrentKl)}，低于参考模型固定时的 ${c3(f.fixedStartKl)}：训练图里的 π_ref 长虚线一直紧跟着策略。`
            : `相对它当前参考模型的 KL 最终为 ${c3(f.syncedCurrentKl)}（参考模型固定时为 ${c3(f.fixedStartKl)}）。`),
      ),
  },
  'razin-displacement': {
    title: '似然位移（Razin 等人，2024）',
    explanation: (f) =>
      say(
        f.sharedHolds
          ? '似然位移（Razin 等人，2024）：y_w 和 y_l 几乎一模一样，都依赖同一个共享特征，y_l 的依赖是 y_w 的两倍。'
          : '似然位移（Razin 等人，2024）要求 y_w 与 y_l 相似；这里二者没有共享特征。',
        f.chosenStart !== null &&
          f.chosenEnd !== null &&
          (f.sharedHolds &&
          f.halfLostHolds &&
          f.marginGrowsHolds &&
          f.marginEnd !== null &&
          f.accuracy !== null
            ? `DPO 每一步都在拉大间隔（rewards/margins 最终为 ${c3(f.marginEnd)}，从第一次更新起准确率一直是 ` +
              `${c3(f.accuracy)}），π(y_w) 却从 ${c3(f.chosenStart)} 降到 ${c3(f.chosenEnd)}：` +
              '丢掉了一半以上的概率。'
            : `DPO 的 π(y_w) 从 ${c3(f.chosenStart)} 变为 ${c3(f.chosenEnd)}。`),
        f.thirdStart !== null &&
          f.thirdEnd !== null &&
          (f.massToThirdHolds
            ? `概率质量流向了不在任何偏好对里的 y₃，它涨得最多：π(y₃) 从 ${c3(f.thirdStart)} ` +
              `升到 ${c3(f.thirdEnd)}。`
            : `π(y₃) 从 ${c3(f.thirdStart)} 变为 ${c3(f.thirdEnd)}。`),
      ),
  },
  squeezing: {
    title: '挤压效应（Ren & Sutherland，2024）',
    explanation: (f) =>
      say(
        f.thumbsDownHolds && f.peakedHolds && f.undesirableStart !== null && f.topStart !== null
          ? `挤压效应（Ren & Sutherland，2024）：参考分布集中在 B 上（π = ${c3(f.topStart)}），` +
              `而唯一的数据只说了一件事：本来就不太可能的回答 A（π = ${c3(f.undesirableStart)}）是坏的。`
          : '挤压效应（Ren & Sutherland，2024）需要一个尖锐的参考分布，以及对某个低概率回答的负梯度；当前状态并不同时满足。',
        f.undesirableStart !== null &&
          f.undesirableEnd !== null &&
          f.topStart !== null &&
          f.topEnd !== null &&
          (f.thumbsDownHolds && f.peakedHolds && f.sgdHolds && f.topGainsMostHolds
            ? `KTO 把 π(A) 压到 ${c3(f.undesirableEnd)}；用普通 SGD 时，其余每个 logit 的上升幅度与其概率成正比，` +
              `所以概率最大的回答 B 获益最多：${c3(f.topStart)} → ${c3(f.topEnd)}。`
            : `KTO 把 π(A) 从 ${c3(f.undesirableStart)} 变为 ${c3(f.undesirableEnd)}，π(B) 从 ` +
              `${c3(f.topStart)} 变为 ${c3(f.topEnd)}。`),
        f.restStart !== null &&
          f.restEnd !== null &&
          (f.thumbsDownHolds && f.peakedHolds && f.sgdHolds && f.topGainsMostHolds
            ? `这部分概率并不是 A 让出来的：${list(otherLetters(f.squeezed))} 合计从 ${c3(f.restStart)} ` +
              `降到 ${c3(f.restEnd)}，从第一步起就被挤给了 B。`
            : `${list(otherLetters(f.squeezed))} 合计从 ${c3(f.restStart)} 变为 ${c3(f.restEnd)}。`),
      ),
  },
};
