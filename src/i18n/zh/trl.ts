// “在 TRL 中使用”面板及其 Python 代码注释与说明的简体中文文案。
import type { TrlSnippetStrings } from '../types/trl.ts';

export const ZH_TRL: TrlSnippetStrings = {
  heading: '在 TRL 中使用',
  intro: '为所选的第一个损失生成 Python 代码，沿用本页的 β 和损失设置；其余选中的损失以注释形式附在后面。',
  codeLabel: 'TRL 配置（Python）',
  copy: '复制代码',
  copied: '代码已复制。',
  copyFailed: '复制失败：代码已选中，请按 Ctrl+C（Mac 上按 ⌘C）。',
  notesHeading: 'TRL 与本页的不同之处',
  code: {
    learningRate: (rate, optimizer) =>
      `learning_rate：请针对你的模型自行选择；玩具示例中的 ${rate}（${optimizer}）不能照搬`,
    alsoSelected: '页面上还选中了：',
    noTrlLoss: (loss) => `${loss} 在 TRL 中没有对应的 loss_type：这里训练的其实是普通 DPO（见下方说明）`,
    noReference: (trainer) => `用 ${trainer} 训练，它不接受 ref_model：没有参考模型`,
  },
  notes: {
    noReference:
      'SimPO 和 ORPO 是 trl.experimental 中不使用参考模型的训练器（CPOTrainer 配合 loss_type="simpo"，以及 ORPOTrainer；ORPOConfig 没有 loss_type）。它们的 rewards/* 是 β 乘以每个 token 的平均对数概率，而不是对数比率。ORPO 的 NLL 还包括提示词的 token，而玩具模型没有提示词。',
    cdpo: '自 TRL 0.29 起 cDPO 不再有对应的 loss_type：TRL 的 "sigmoid" 会忽略 label_smoothing，因此这段代码训练的是普通 DPO。保守 DPO 原本是 DPO 原始代码库中的 label_smoothing 选项，TRL 中没有等价实现。',
    ipoToken:
      'TRL 的 IPO 会在每个回答的 token 上对对数概率取平均（h̄ = ρw/Lw − ρl/Ll），没有任何参数可以改变这一点。',
    ipoSum: '本页的 IPO 用的是对数比率之和（论文式 17）；TRL 做不到这一点：它总是按 token 取平均。',
    exoSmoothing: (used) =>
      `EXO 要求 label_smoothing > 0（为 0 时 TRL 会报错）：代码与本页一样使用 ${used}。`,
    sigmoidNorm:
      'TRL 文档把 "sigmoid_norm" 称为 SimPO，但它保留了参考模型，也没有目标间隔 γ：它其实就是在按 token 平均的对数比率上做 DPO。',
    ktoZ0: {
      kl: 'TRL 用每个批次里错位配对的 (prompt, completion) 对来估计 KTO 的参考点 z0，即 max(0, 对数比率均值)；本页的“精确 KL”模式则直接使用玩具策略的精确 KL。',
      batch:
        'TRL 用每个批次里错位配对的 (prompt, completion) 对来估计 KTO 的参考点 z0，即 max(0, 对数比率均值)，与本页的“批内估计”模式相同。',
      fixed:
        'TRL 不支持固定的 z0：它总是用每个批次里错位配对的 (prompt, completion) 对来估计，即 max(0, 对数比率均值)。',
    },
    ktoRatio: (ratio, inRange) =>
      `TRL 只在训练集中期望样本与非期望样本的数量不同（nD ≠ nU，按整个训练集计数）时检查权重：此时若 λD·nD / (λU·nU) 不在 [1, 1.33] 内（KTO 论文式 (8)），就会发出警告；两类样本数量相同时从不警告。这里 λD/λU = ${ratio}${inRange ? '，在 [1, 1.33] 之内。' : '，不在 [1, 1.33] 之内：两类样本数量只要稍有不同，TRL 就会发出警告。'}`,
    refSync:
      '开启 sync_ref_model（TR-DPO）后：每经过 ref_model_sync_steps 个优化步，TRL 就把参考模型的每个参数设为 (1 − α)·参考 + α·策略，其中 α = ref_model_mixup_alpha。玩具模型的 logit 是参数的线性函数，所以本页改为混合对数概率再重新归一化，二者等价。TRL 不允许它与 PEFT 模型同时使用，也不允许在开启 precompute_ref_log_probs 时使用（预先算好的参考对数概率会过时）；它默认的 512 步远多于玩具模型的训练步数。',
    ktoWeightsZero:
      'desirable_weight = undesirable_weight = 0 时每个样本的权重都是 0：KTO 损失恒为 0，什么也训练不了。',
  },
};
