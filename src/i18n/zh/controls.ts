// 参数设置面板的简体中文文案。公式、符号和 TRL 名称（loss_type、rewards/margins 等）保持原样。
import type { ControlStrings } from '../types/controls.ts';

export const ZH_CONTROLS: ControlStrings = {
  panel: {
    heading: '参数设置',
    show: '展开参数设置',
    hide: '收起参数设置',
    sectionLoss: '损失函数',
    sectionPair: '回答',
    sectionToy: '玩具策略',
  },

  field: {
    empty: '请在这里输入数字。',
    notANumber: (text) => `“${text}”不是有效的数字。`,
    positiveLogProb: (text) => `对数概率总是 ≤ 0：${text} 意味着概率大于 1。`,
    tooLow: (text, min) => `${text} 小于允许的最小值 ${min}。`,
    tooHigh: (text, max) => `${text} 大于允许的最大值 ${max}。`,
    notWhole: (text) => `${text} 不是整数。`,
    stillUsing: (value) => `目前仍沿用 ${value}。`,
  },

  lossPicker: {
    legend: '损失函数',
    help: '可以同时勾选多个，并排比较。',
    allTrlLosses: 'TRL 的全部损失函数',
    batchOnly:
      'TRL 还有 aot 和 aot_unpaired：它们要在整个批次内对对数比率排序，属于批量损失，这个单对样本的玩具模型不训练它们。',
    referenceFreeGroup: 'trl.experimental 中的训练器，不使用参考模型',
    selectedCount: (n) => `已选 ${n} 个`,
    keepOne: (name) => `至少要保留一个损失函数：请先勾选另一个，再取消 ${name}。`,
  },

  beta: {
    label: 'β（KL 约束强度）',
    help: 'β 越小，策略可以偏离参考模型越远；β 越大，策略越被约束在参考模型附近。',
  },

  smoothing: {
    label: '标签平滑 ε',
    help: '偏好标签被翻转的概率（cdpo、robust、exo_pair、simpo）。',
    exoNeedsPositive: (min) => `EXO（exo_pair）要求 ε 至少为 ${min}：ε = 0 时 TRL 会报错。`,
  },

  lengthNorm: {
    legend: '长度归一化',
    ipoLegend: 'IPO 间隔',
    token: '按 token 平均（TRL）',
    tokenHelp: 'TRL 把每个对数比率除以该回答的 token 数。',
    sum: '求和（论文式 17）',
    sumHelp: 'IPO 论文使用的是对数比率之和。',
    chosenLength: 'y_w 的 token 数（Lw）',
    rejectedLength: 'y_l 的 token 数（Ll）',
    lengthsHelp: '只有按 token 平均的 IPO、sigmoid_norm、sft、SimPO 和 ORPO 会除以长度。',
  },

  discopopTau: {
    label: 'DiscoPOP 温度 τ',
    help: 'DiscoPOP 在 logistic 部分与指数部分之间切换的陡峭程度（TRL 默认值 0.05）。',
  },

  fDivergence: {
    label: 'f 散度（f_divergence_type）',
    help: '成对损失用什么来代替每个对数比 ρ = log π/π_ref（f-DPO）：反向 KL 就是普通的 DPO；其他几种以不同方式把策略约束在参考模型附近。TRL 记录的奖励仍是 β·ρ。',
    names: {
      reverse_kl: '反向 KL（ρ，DPO）',
      forward_kl: '正向 KL（−e^(−ρ)）',
      js_divergence: 'JS 散度（log σ(ρ)）',
      alpha_divergence: 'α 散度（e^((α−1)ρ)/(α−1)）',
    },
    alphaLabel: 'α（f_alpha_divergence_coef）',
    alphaHelp: 'TRL 默认 0.5；α → 1 即反向 KL（|α − 1| < 10⁻⁶ 时 TRL 直接用它），α → 0 接近正向 KL。',
  },
  sftWeight: {
    label: 'SFT 项权重 w',
    help: '给每个成对损失加上 w 倍的“被选回答交叉熵”：即 TRL 的 loss_type=[<损失>, "sft"] 配合 loss_weights=[1, w]（TRL 0.29 之前由 rpo_alpha 实现）。0 表示不加。',
    termName: (name, weight) => `${name}（+ ${weight}·SFT 项）`,
  },

  extraTerms: {
    label: '附加损失项',
    help: '在每个成对损失之外再同时训练几个损失，各有权重，用同一批偏好对、同一个 β 和同样的设置：即 TRL 的 loss_type=[<损失>, …] 配合 loss_weights=[1, …]（MPO 就是 ["sigmoid", "bco_pair", "sft"] 配 [0.8, 0.2, 1.0]）。SFT 项的权重在上面单独设置。',
    typeLabel: '要添加的损失',
    add: '添加此项',
    weightLabel: (name) => `${name} 的权重`,
    remove: (name) => `移除 ${name}`,
    listName: (name, terms) => `${name}（+ ${terms.join(' + ')}）`,
  },

  ldAlpha: {
    label: 'LD-DPO 的 α（ld_alpha）',
    help: '较长回答中超出较短回答长度的那部分 token，在对数概率里只按 α 倍计入（策略与参考模型相同处理）：玩具模型把每一侧的对数比乘以 (m + α(L − m))/L，其中 m = min(L_w, L_l)。取 1（TRL 默认）即普通 DPO；取 0 只保留共同长度部分。SFT 项不受影响。',
  },
  refSync: {
    legend: 'TR-DPO：会移动的参考模型',
    stepsLabel: '每 S 步同步一次（ref_model_sync_steps）',
    stepsHelp:
      '取 0 表示参考模型固定不变（不开启 sync_ref_model，这是 TRL 的默认设置）。S ≥ 1 时，每完成 S 次更新，就把参考模型向当前策略拉近一次。TRL 默认 S 为 512，比玩具模型的训练步数还多，所以这里 S 最小可以取 1。SimPO 和 ORPO 没有参考模型，此项对它们不起作用。',
    alphaLabel: '混合系数 α（ref_model_mixup_alpha）',
    alphaHelp: '每次同步时参考模型向策略靠近多少：取 0 保持不动，取 1 直接复制策略。TRL 默认值为 0.6。',
    rule: (steps, alpha) =>
      `参考模型会移动：在第 S、2S、3S……次更新之后（S = ${steps}），在参数上（即玩具模型的 logit 上）执行 π_ref ← (1 − ${alpha})·π_ref + ${alpha}·π_θ；因此每一步的对数比率、奖励和 KL 都是相对于该步的 π_ref 计算的。`,
    alphaZero: 'α = 0：每次同步都不混入任何策略成分，参考模型始终停在起点。',
  },
  wpoWeighting: {
    label: 'WPO 加权（use_weighting）',
    help: '把每个偏好对的损失（连同 SFT 项）乘以 w_w·w_l，其中 w = exp(每个 token 的平均对数概率 − log Σ π²)，由当前策略算出，求梯度时视为常数：策略本来就觉得更可能的偏好对权重更大。玩具模型里 Σ π² 对它的各个回答求和。',
  },

  simpoGamma: {
    label: 'SimPO 目标间隔 γ',
    help: 'CPOConfig.simpo_gamma：SimPO 希望 β·(μw − μl) 超过 γ，μ 为每个 token 的平均对数概率（TRL 默认值 0.5）。',
  },

  cpoAlpha: {
    label: 'SimPO 的 NLL 权重（cpo_alpha）',
    help: 'CPOConfig.cpo_alpha：在 SimPO 的损失上加上该权重 × y_w 每个 token 的 NLL；取 0 即关闭（TRL 默认值 1.0）。',
  },

  kto: {
    legend: 'KTO',
    desirableWeight: '期望样本权重 λD',
    undesirableWeight: '非期望样本权重 λU',
    weightsHelp: '即 TRL 的 desirable_weight 与 undesirable_weight。',
    weightRatioWarning: (ratio) =>
      `λD/λU = ${ratio}，不在 [1, 1.33] 内。训练集中期望与非期望样本数量不同时，λD·nD / (λU·nU) 超出这个范围 TRL 就会发出警告；像这里两类各一个时，TRL 不做检查。`,
    weightsBothZero: 'λD = λU = 0 时每个样本的权重都是 0：KTO 损失恒为 0，什么也训练不了。',
    z0Legend: '参考点 z0',
    z0Kl: '精确 KL',
    z0KlHelp: '玩具策略的 KL(π‖πref)，每一步重新计算。',
    z0Batch: '批内估计（TRL）',
    z0BatchHelp: 'TRL 的做法：在错位配对的补全上计算 max(0, 对数比率均值)。',
    z0Fixed: '固定值',
    z0Value: 'z0 取值',
  },

  pair: {
    legend: '玩具策略的回答：对数概率',
    help: '每个回答的 log πref，以及训练起点的 log πθ，均为其全部 token 的对数概率之和，与 TRL 一致（≤ 0）。回答 1 是 y_w，回答 2 是 y_l：它们就是损失图、梯度图、平面图、读数和“在 TRL 中使用”所用的偏好对。修改 πref 时起点随之移动（对数比率不变）。',
    refLogProb: (index, role) =>
      `log πref(回答 ${index})${role === 'chosen' ? '，y_w' : role === 'rejected' ? '，y_l' : ''}`,
    startLogProb: (index, role) =>
      `起点 log πθ(回答 ${index})${role === 'chosen' ? '，y_w' : role === 'rejected' ? '，y_l' : ''}`,
    derived: (rhoW, rhoL, h) => `对数比率 ρw = ${rhoW}，ρl = ${rhoL}；间隔 h = ρw − ρl = ${h}。`,
    bars: {
      help: '拖动柱子的顶端，或选中柱子后用方向键，即可设定概率；其余回答会按比例缩放，使每个策略的概率之和仍为 1。',
      label: '各回答的 πref 与起点 πθ',
      refKey: '参考策略 πref',
      startKey: '起点 πθ',
      refBar: (response) => `柱形：${response} 的 πref`,
      startBar: (response) => `柱形：${response} 的起点 πθ`,
      valueText: (p) => `概率 ${p}`,
    },
  },

  toy: {
    responses: '回答数 K',
    responsesHelp: '同一个提示词的候选回答。回答 1 是 y_w，回答 2 是 y_l。',
    refLegend: '参考概率',
    refHelp: '调整其中一个时，其余会按比例缩放，保证总和仍为 1。',
    refProb: (index, role) =>
      role === 'chosen'
        ? `πref(回答 ${index})，y_w`
        : role === 'rejected'
          ? `πref(回答 ${index})，y_l`
          : `πref(回答 ${index})`,
    featuresLegend: '特征',
    tabular: '表格型',
    tabularHelp: '每个回答各有一个参数：回答之间互不影响。',
    shared: '共享',
    sharedHelp: 'y_w 与 y_l 共享一个特征，且 y_l 对它的依赖是 y_w 的两倍：推动其中一个，另一个也会跟着动。',
    similarity: 'y_w 与 y_l 的相似度',
    similarityHelp:
      '仅在共享特征时生效。超过 0.5 后，DPO 每一步都会压低 y_w 的 logit，而间隔仍在增大：这就是似然位移。',
    preferenceProb: '偏好概率 p',
    preferenceProbHelp: 'y_w 真正胜过 y_l 的概率。滑块范围是 0.5–1；也可以直接输入 0–1 之间的任意值。',
    datasetLegend: '训练数据',
    datasetPair: '一个偏好对',
    datasetPairHelp: '以概率 p 有 y_w ≻ y_l。KTO 按 TRL 的方式转换：y_w 记为点赞，y_l 记为点踩。',
    datasetRanking: '排序数据（Bradley–Terry）',
    datasetRankingHelp: '所有回答两两配对，根据隐藏奖励 r 以概率 σ(r_i − r_j) 标注 i ≻ j。',
    datasetOrder: '确定的全序',
    datasetOrderHelp:
      '所有回答两两配对，按 A ≻ B ≻ C … 标注，每条偏好都确定无疑（p = 1）：三个回答时即 IPO 论文的 D1。',
    datasetThumbsDown: '一个点踩样本',
    datasetThumbsDownHelp: '只有一个非期望样本（回答 1），别无其他：只有 KTO 一类的损失能从中学习。',
    rewardsLegend: '隐藏奖励',
    reward: (index) => `r(回答 ${index})`,
    learningRate: '学习率',
    optimizerLegend: '优化器',
    sgd: 'SGD',
    adam: 'Adam',
    steps: '训练步数',
  },

  presetMenu: {
    label: '场景',
    none: '选择一个场景…',
    load: '加载',
    hint: '每个场景都会把所有参数设好，用来演示一个现象。',
    changed: (title, keys) =>
      `已在“${title}”的基础上修改（${keys}）：说明中的数字改按当前设置给出，不再成立的说法已略去。重新加载该场景即可恢复它自己的设置。`,
    staleExplanation: '该场景的说明（按当前设置）',
  },
};
