// 页面框架、各视图标题与说明、链接提示的简体中文文案。
import type { AppStrings } from './appStrings.ts';
import type { UrlNotice } from '../state/urlNotice.ts';

function notice(n: UrlNotice): string {
  const key = n.key ? `“${n.key}”` : '该链接';
  switch (n.kind) {
    case 'unknown-key':
      return `已忽略 ${key}：本工具没有这个设置项。`;
    case 'bad-value':
      return `已忽略 ${key} = “${n.given}”：它不能取这个值，已保留默认值。`;
    case 'clamped':
      return `${key} = ${n.given} 超出范围；已改用 ${n.used ?? '最接近的允许值'}。`;
    case 'rounded':
      return `${key} 必须是整数；已改用 ${n.used ?? ''}。`;
    case 'adjusted':
      return `已调整 ${key}，使其与其他设置相容（${n.used ?? ''}）。`;
    case 'version':
      return `该链接由更新的或未知的版本生成（v = ${n.given}）；现显示默认设置。`;
    case 'too-long':
      return `链接中有一部分过长，无法读取（${key}）；其余部分已生效。`;
  }
}

export const ZH_APP: AppStrings = {
  appTitle: 'DPO 探索器',
  tagline: '直观展示 DPO、IPO、KTO 以及 TRL 中的每一种偏好优化损失如何改变语言模型的输出概率。',
  copyLink: '复制链接',
  linkCopied: '链接已复制：打开它即可还原当前视图。',
  copyFailed: '复制失败：请选中地址栏手动复制。',
  reset: '重置',
  skipToViews: '跳到图表',
  controlsHeading: '参数设置',
  viewsHeading: '图表',
  readoutHeading: '具体数值',
  views: {
    loss: {
      title: '损失随间隔的变化',
      caption: '各损失作为间隔 h = ρw − ρl 的函数；圆点是当前偏好对，点线是偏好概率 p 下的最优间隔。',
    },
    gradient: {
      title: '各损失的推动力度',
      caption:
        '实线：把 log π(y_w) 往上推的力度；虚线：把 log π(y_l) 往下压的力度。间隔一旦变大，DPO 的推动力 σ(−βh) 就逐渐消失。',
    },
    training: {
      title: '训练玩具策略',
      caption: '每个回答的 π(y) 随训练步数的变化，每个损失一个子图：看 y_w 如何上升、y_l 如何下降。',
    },
    sweeps: {
      title: 'β 与参考模型的影响',
      caption: '训练结束时的 π(y_w)（实线）与 π(y_l)（虚线）如何随 β 和 y_w 的参考概率变化。',
    },
    plane: {
      title: '(ρw, ρl) 平面',
      caption: '第一个损失在两个对数比率上的等高线图，上面叠加了它的训练轨迹；虚线对角线是 h = 0。',
    },
    simplex: {
      title: '概率单纯形',
      caption:
        '每个点都是三个回答上的一个策略：图中画出训练轨迹、参考策略 ○ 和 RLHF 最优解 ★。回答多于三个时，第三个顶点代表其余所有回答的合计。',
    },
  },
  metricsView: {
    title: 'TRL 会记录什么',
    caption: '每次训练的 TRL 指标随训练步数的变化，指标名与 TRL 训练日志中的写法一致。',
  },
  plotFailed: '这张图没能画出来，页面其余部分仍可正常使用。',
  retry: '重试',
  loadingPlot: '图表加载中…',
  textAlternative: '图表内容的文字说明',
  noticeHeading: '链接中有部分设置无法按原样使用',
  dismiss: '关闭',
  notice,
  footer: '公式与指标名称遵循 Hugging Face TRL 以及 DPO、IPO、KTO 原论文；两者不一致之处，两种写法都会给出。',
  untrainable: (names) => `${names}：成对损失需要偏好对，而点踩数据里没有偏好对，因此无从训练。`,
  metricsLegend: '要绘制的 TRL 指标',
  finalMetricsCaption: (loss, step) => `${loss}：TRL 在第 ${step} 步会记录的指标`,
  divergedMetricsCaption: (loss, step, divergedAt) =>
    `${loss}：TRL 在第 ${step} 步会记录的指标（训练在第 ${divergedAt} 步发散，这是发散前的最后一步）`,
  trainingDiverged: (runs, learningRate, optimizer) => {
    const where = runs.map((r) => `${r.loss} 在第 ${r.step} 步`).join('，');
    const which = runs.length === 1 ? `对 ${runs[0].loss} 而言` : '对这些损失函数而言';
    return (
      `训练发散了：${where}。${which}，学习率 ${learningRate} 用于 ` +
      `${optimizer === 'sgd' ? 'SGD' : 'Adam'} 过大：损失急剧增大，从该步起的数值已没有意义，曲线在那里中断。` +
      (optimizer === 'sgd' ? '请降低学习率或改用 Adam。' : '请降低学习率。')
    );
  },
  sweepDiverged: (runs, axis, learningRate, optimizer) => {
    const name = axis === 'beta' ? 'β' : 'π_ref(y_w)';
    const where = runs
      .map((r) => `${r.loss} 在 ${r.total} 个点中的 ${r.count} 个（${name} 介于 ${r.from} 与 ${r.to} 之间）`)
      .join('；');
    return (
      `训练在以下位置发散：${where}。学习率 ${learningRate} 在这些点上对 ` +
      `${optimizer === 'sgd' ? 'SGD' : 'Adam'} 过大，因此图中未画出这些点。` +
      (optimizer === 'sgd' ? '请降低学习率或改用 Adam。' : '请降低学习率。')
    );
  },
  sweepsUpdating: '更新中…',
  sweepBetaHeading: '随 β 变化',
  sweepRefHeading: '……以及随 y_w 的参考概率变化',
  sweepRefCaption:
    '从给 y_w 分配不同概率的参考模型出发进行训练（策略从参考模型开始）；点线是当前的参考概率。',
  planeLossLabel: '等高线所示的损失',
  rlhfNote: {
    pair: '★ = π* ∝ π_ref·exp(r/β)，其中 r(y_w) = ½·logit p，r(y_l) = −½·logit p，其余为 0：即 DPO 在这个偏好对上的收敛点。',
    ranking: '★ = π* ∝ π_ref·exp(r/β)，r 为隐藏奖励：即带 KL 惩罚的 RLHF 得到的策略。',
    none: '这组数据下 RLHF 没有有限的最优解（p = 0 或 1，或只有点踩数据）。',
  },
  language: '语言',
  theme: '主题',
  themeNames: {
    auto: '跟随系统',
    light: '浅色',
    dark: '深色',
    projector: '投影',
  },
  share: {
    open: '分享 / 嵌入',
    title: '分享或嵌入当前视图',
    intro:
      '链接可以原样还原你现在看到的内容。嵌入代码只显示一个视图，可放进幻灯片或网页；它运行在沙箱框架中，无需联网。',
    viewLabel: '显示内容',
    wholeApp: '整个探索器',
    showControls: '显示该视图所需的参数控件',
    width: '宽度（px）',
    height: '高度（px）',
    linkLabel: '链接',
    iframeLabel: '嵌入代码',
    copyLink: '复制链接',
    copyCode: '复制代码',
    copied: '已复制。',
    copyFailed: '复制失败：文本已选中，请按 Ctrl+C（⌘C）。',
    preview: '预览',
    close: '关闭',
    frameTitle: (view) => `DPO 探索器：${view}`,
  },
  exportMenu: {
    button: '导出',
    buttonLabel: (title) => `导出：${title}`,
    menuLabel: (title) => `导出格式：${title}`,
    png: 'PNG 图片（2×，适合放进幻灯片）',
    svg: 'SVG 矢量图',
    csv: 'CSV 数据',
    json: 'JSON 数据',
    working: '正在生成图片…',
    saved: (fileName) => `已开始下载：${fileName}。`,
    failed: '这张图导出失败。',
    showInstead: '没收到文件？在这里显示',
    textHint: '如果这里无法下载，请全选下面的文本并复制。',
    imageHint: '如果这里无法下载，请右键点击图片，复制或另存为。',
    close: '关闭',
  },
  zoom: {
    toggle: '缩放',
    toggleLabel: (title) => `缩放：${title}`,
    hint: '在图上拖出一个方框即可放大。',
    reset: '还原缩放',
    resetLabel: (title) => `还原缩放：${title}`,
  },
  trl: {
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
    },
    notes: {
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
        `TRL 建议 λD·nD / (λU·nU) 落在 [1, 4/3] 内（nD、nU：期望样本与非期望样本的数量），否则会发出警告。两类样本数量相同时，这个比值就是 λD/λU = ${ratio}${inRange ? '，在范围之内。' : '：超出了范围，TRL 会发出警告。'}`,
      ktoWeightsZero:
        'desirable_weight = undesirable_weight = 0 时每个样本的权重都是 0：KTO 损失恒为 0，什么也训练不了。',
    },
  },
};
