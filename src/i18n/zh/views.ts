// 各视图（图表之外）的简体中文文案：标题、说明、图表框架、提示与警告。
import type { ViewStrings } from '../types/views.ts';
import type { ResponseData } from '../types/figures.ts';
import { responseSymbol } from '../figureFormat.ts';

const sweepCaption = (data: ResponseData): string =>
  `π(${responseSymbol(0, data)})（实线）与 π(${responseSymbol(1, data)})（虚线）在训练结束时的取值` +
  `如何随 β 和 ${responseSymbol(0, data)} 的参考概率变化；每个点都从训练视图的起点开始训练。`;

export const ZH_VIEWS: ViewStrings = {
  sections: {
    loss: {
      title: '损失随间隔的变化',
      caption:
        '各损失作为间隔 h = ρw − ρl 的函数；圆点是所选训练步上的偏好对（取自该损失自己的训练过程，第 0 步即你设置的那一对），点线（仅在只有一对偏好数据时）是该偏好概率 p 下的最优间隔。',
    },
    gradient: {
      title: '各损失的推动力度',
      caption:
        '实线：把 log π(y_w) 往上推的力度；虚线：把 log π(y_l) 往下压的力度。不加 TRL 的 SFT 项、也不用 f 散度时，间隔一旦变大，DPO 的推动力 σ(−βh) 就逐渐消失。',
    },
    training: {
      title: '训练玩具策略',
      caption: '每个回答的 π(y) 随训练步数的变化，每个损失一个子图。',
    },
    sweeps: {
      title: 'β 与参考模型的影响',
      caption: sweepCaption({ dataset: 'pair' }),
    },
    plane: {
      title: '(ρw, ρl) 平面',
      caption:
        '一个损失（在下方选择，默认为第一个）在两个对数比率上的等高线图，上面叠加了它的训练轨迹；虚线对角线是 h = 0。',
    },
    simplex: {
      title: '概率单纯形',
      caption:
        '每个点都是三个回答上的一个策略：图中画出训练轨迹、参考策略 ○ 和 RLHF 最优解 ★。回答多于三个时，第三个顶点代表其余所有回答的合计。',
    },
    metrics: {
      title: 'TRL 会记录什么',
      caption: '每次训练的 TRL 指标随训练步数的变化，指标名与 TRL 训练日志中的写法一致。',
    },
  },
  plotFailed: '这张图没能画出来，页面其余部分仍可正常使用。',
  retry: '重试',
  untrainable: (names) => `${names}：成对损失需要偏好对，而点踩数据里没有偏好对，因此无从训练。`,
  metricsLegend: '要绘制的 TRL 指标',
  trainingMoved: (dataset, rose, fell) => {
    if (dataset === 'ranking') return '';
    const who =
      dataset === 'thumbs-down'
        ? '被点踩的回答 A 的概率 π(A)'
        : dataset === 'order'
          ? '排在最前的回答 A 的概率 π(A)'
          : 'π(y_w)';
    const parts = [
      rose.length > 0 ? `在 ${rose.join('、')} 下上升` : '',
      fell.length > 0 ? `在 ${fell.join('、')} 下下降` : '',
    ].filter((p) => p !== '');
    // A space on each side of a Latin or Greek name beside Chinese text (此处 π(y_w) 在 …).
    const spaced = /^[A-Za-zπ]/.test(who) ? ` ${who} ` : `${who} `;
    return parts.length === 0 ? '' : `此处${spaced}${parts.join('，')}。`;
  },
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
  sentences: (parts) => parts.join(''),
  sweepsUpdating: '更新中…',
  sweepFixedReference:
    '这些扫描保持参考模型固定：每个点都训练到终点，而 TR-DPO 的参考模型每次同步后都会跟着策略移动，没有这样的终点。',
  trainingPending: ({ responses, steps, losses }) =>
    `训练中…（${responses} 个回答 × ${steps} 步 × ${losses} 种损失）`,
  sweepBetaHeading: '随 β 变化',
  headingPart: (title, part) => `${title}：${part}`,
  sweepCaption,
  sweepRefHeading: (data) => `……以及随 ${responseSymbol(0, data)} 的参考概率变化`,
  sweepRefCaption: (data, fromReference) =>
    `从给 ${responseSymbol(0, data)} 分配不同概率的参考模型出发进行训练` +
    (fromReference
      ? '（策略从参考模型开始）'
      : '（策略的起点与训练视图一致：在每个参考模型上加上同样的起点偏移）') +
    '；点线是当前的参考概率。',
  planeLossLabel: '等高线所示的损失',
  rlhfNote: {
    pair: '★ = π* ∝ π_ref·exp(r/β)，其中 r(y_w) = ½·logit p，r(y_l) = −½·logit p，其余为 0：即 DPO 在这个偏好对上的收敛点。',
    pairElsewhere:
      '★ = π* ∝ π_ref·exp(r/β)，其中 r(y_w) = ½·logit p，r(y_l) = −½·logit p，其余为 0。★ 与训练从哪里开始无关，但这里 DPO 并不收敛到 ★：一个偏好对只确定 y_w 相对 y_l 的间隔，其余部分由起点偏移或共享特征决定。',
    ranking: '★ = π* ∝ π_ref·exp(r/β)，r 为隐藏奖励：即带 KL 惩罚的 RLHF 得到的策略。',
    none: '这组数据下 RLHF 没有有限的最优解（p = 0 或 1、确定的全序，或只有点踩数据）。',
    movingReference:
      '参考模型会移动（TR-DPO）：按起始参考模型算出的 RLHF 最优解 ★ ∝ π_ref·exp(r/β) 已不再是训练的去向，因此不画出。点线是 π_ref 的移动轨迹，并标出它在游标所在步的位置；圆圈是它的起点。',
  },
  exportMenu: {
    button: '导出',
    buttonLabel: (title) => `导出：${title}`,
    menuLabel: (title) => `导出格式：${title}`,
    png: 'PNG 图片（2×，适合放进幻灯片）',
    slide: '幻灯片尺寸的 PNG（1920 × 1080）',
    slideCaption: '在幻灯片图片下方附上当前设置',
    settingsCaption: ({ losses, beta, step, steps, scenario }) =>
      `${scenario ? `${scenario} · ` : ''}${losses} · β = ${beta} · 第 ${step} 步（共 ${steps} 步）· DPO 探索器`,
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
};
