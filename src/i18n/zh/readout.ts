// 数值读数与 TRL 训练指标表的简体中文文案。
import type { ReadoutStrings } from '../types/readout.ts';

export const ZH_READOUT: ReadoutStrings = {
  heading: '当前偏好对的数值',
  intro:
    '这里是玩具策略在上方所选训练步的那一对回答 y_w、y_l，每一列取自该损失自己的训练过程（第 0 步即你在“一个偏好对”中设置的那一对），也就是上方两张图中的圆点。把鼠标悬停在任一数值上（或用 Tab 键聚焦），即可查看它的公式；玩具策略的训练结果见下方“TRL 会记录什么”。',
  metricColumn: '指标',
  rowHelp: {
    loss: '这个偏好对的损失。',
    dChosen: '为负：沿梯度更新一步会提高 log π(y_w)。',
    dRejected: '为正：沿梯度更新一步会降低 log π(y_l)。',
    'rewards/chosen': 'y_w 的隐式奖励。',
    'rewards/rejected': 'y_l 的隐式奖励。',
    'rewards/margins': '被选回答的奖励领先多少。',
    'rewards/accuracies': '被选回答的奖励更高时为 1。',
  },
  formulaHeading: '公式',
  numbersHeading: '代入当前数值',
  notes: {
    ipoToken: 'TRL 对对数比率按 token 取平均（h̄）；IPO 论文（式 17）则是求和。',
    ipoSum: '论文式 17：对数比率求和。TRL 则是按 token 取平均。',
    cdpo: '自 TRL 0.29 起不再是独立的 loss_type：TRL 的 sigmoid 会忽略 label_smoothing。',
    sigmoidNorm: 'TRL 文档称之为 SimPO；但它保留了参考模型，也没有间隔项 γ。',
    robustNegative: '鲁棒 DPO 的损失没有下界：这里出现负值是正常的。',
    accuracyStrict: '与 TRL 一致，采用严格大于：策略等于参考模型时记为 0，而不是 0.5。',
    logpsSummed: '对数概率是对所有 token 求和（与 TRL 的算法一致），而不是按 token 取平均。',
    rewardsSummed: '无论用哪种损失，奖励都按对数比率之和计算。',
    ktoZ0Estimated: (mode) =>
      mode === 'kl'
        ? 'z0 是策略的 KL，在训练过程中估计；单个偏好对这里取 z0 = 0。'
        : 'z0 是 TRL 在训练中的批内估计；单个偏好对这里取 z0 = 0。',
    ktoZ0Fixed: (z0) => `z0 = ${z0}（固定值）。`,
    ktoLossSum: (trlMean) =>
      `期望样本（y_w）与非期望样本（y_l）的损失之和，与图中一致；TRL 记录的是二者的均值 ${trlMean}。`,
    ldAlpha: (alpha, fw, fl) =>
      `LD-DPO（α = ${alpha}）：对数比率乘以 (m + α(L − m))/L，其中 m = min(L_w, L_l)：y_w 乘以 ${fw}，y_l 乘以 ${fl}；这里的 ρ 是缩放后的值，两侧的推力也各乘以自己的系数。TRL 记录的奖励同样经过缩放。`,
    wpo: (weight) =>
      `WPO 加权：损失和两侧的推力都乘以 w_w·w_l = ${weight}（由策略按 token 的概率算出；视为常数，本身不产生梯度）。`,
    ktoNoAccuracy: 'KTO 不记录准确率。',
    ktoMargins: '期望样本的平均奖励减去非期望样本的平均奖励。',
    invalid: (detail) => `无法计算：${detail}`,
    noReference:
      '这种损失没有参考模型：它直接读取 log πθ 并按 token 取平均（μ = log πθ(y)/L），π_ref 不参与计算。',
    rewardsNoReference:
      '没有参考模型：TRL 记录的是 β × 每个 token 的平均对数概率（βμ），而不是 β·log(πθ/π_ref)。',
    logpsPerToken:
      'CPOTrainer（SimPO）和 ORPOTrainer 记录的是按 token 平均的对数概率，奖励是这些均值乘以 β（没有参考模型）。',
  },

  trlMetrics: {
    caption: 'TRL 记录的训练指标',
    metricColumn: '指标',
    valueColumn: '数值',
    empty: '暂无训练指标。',
    descriptions: {
      loss: '批内的平均损失。',
      'rewards/chosen': '被选回答的平均隐式奖励。',
      'rewards/rejected': '被拒回答的平均隐式奖励。',
      'rewards/margins': '被选奖励减去被拒奖励的均值。',
      'rewards/accuracies': '被选奖励严格更高的偏好对所占的比例。',
      'logps/chosen': '被选回答的对数概率（每条按 token 求和）在批次上的平均值。',
      'logps/rejected': '被拒回答的对数概率（每条按 token 求和）在批次上的平均值。',
      kl: 'KTO 的参考点 z0。',
      nll_loss:
        'NLL 项的均值：被选回答每个 token 的 −log πθ（ORPO 包括提示词和被选回答的 token；玩具模型没有提示词）。',
      log_odds_ratio: 'ORPO：log σ(对数几率比) 的均值，即乘以 λ 的那一项。',
      log_odds_chosen: 'ORPO：y_w 相对 y_l 的对数几率比的均值。',
    },
    referenceFreeDescriptions: {
      'rewards/chosen': '被选回答每个 token 的平均对数概率乘以 β 的均值（没有参考模型）。',
      'rewards/rejected': '被拒回答每个 token 的平均对数概率乘以 β 的均值（没有参考模型）。',
      'logps/chosen': '被选回答每个 token 的平均对数概率的均值。',
      'logps/rejected': '被拒回答每个 token 的平均对数概率的均值。',
    },
  },
};
