// 图表的简体中文文案：实现与 ../en/figures.ts 相同的 FigureStrings 接口，数字格式与英文版完全一致（../figureFormat.ts）。
import type { FigureStrings, StepSummary, UnfinishedStatus } from '../types/figures.ts';
import { c3, f2, f3, formatTuple, responseSymbol, signed, subscript, sweepName } from '../figureFormat.ts';
import { ZH_LOSSES } from './losses.ts';

function joinClauses(clauses: string[]): string {
  return clauses.join('；');
}

function optimumClause(optimum: number | null): string {
  if (optimum === null || Number.isNaN(optimum)) return '';
  if (!Number.isFinite(optimum)) return `，且没有有限的最优解（h → ${optimum > 0 ? '+' : ''}${f2(optimum)}）`;
  return `，最优间隔 h* = ${f2(optimum)}`;
}

/** 扫描点未收敛的原因（converge.ts ConvergenceStatus）。 */
const ZH_SWEEP_STATUS: Record<UnfinishedStatus, string> = {
  unbounded: '没有有限的最优解：训练永不结束，图中画的是 π 趋向的极限',
  kink: '停在 hinge 损失的折点上，即最小值处，那里梯度不为零',
  stalled: '停滞：迭代不再降低损失（图中画的是最后一次迭代）',
  'max-iterations': '在迭代次数上限内未收敛（图中画的是最后一次迭代）',
  diverged: '发散：数值溢出，因此图中未画出这些点',
};

/** "在第 40 步（h = 6.20）"：时间游标下该损失的数值取自哪一步；没有游标时为空。 */
function zhAt(at: StepSummary | undefined): string {
  return at ? `在第 ${at.step} 步（h = ${f2(at.margin)}）` : '';
}

export const ZH_FIGURES: FigureStrings = {
  listSeparator: '、',
  lossLabel: (id) => ZH_LOSSES[id]?.label ?? id,
  responseLabel: (k, data) => {
    const letter = String.fromCharCode(65 + k);
    if (data?.dataset === 'thumbs-down') return k === 0 ? 'A：非期望样本（点踩）' : letter;
    if (data?.dataset === 'order') return k === 0 ? 'A（排在最前）' : letter;
    if (data?.dataset === 'ranking') {
      const r = data.rewards?.[k];
      return r === undefined ? letter : `${letter}（r = ${c3(r)}）`;
    }
    return k === 0 ? 'y_w（被选）' : k === 1 ? 'y_l（被拒）' : `y${subscript(k + 1)}`;
  },
  responsesTogether: (from, to, data) =>
    data && data.dataset !== 'pair'
      ? `${String.fromCharCode(65 + from)}…${String.fromCharCode(65 + to)} 合计`
      : `y${subscript(from + 1)}…y${subscript(to + 1)} 合计`,
  movingReference: {
    of: (response) => `${response} 的 π_ref，随训练移动（TR-DPO）`,
    marker: '此步的 π_ref（TR-DPO：参考模型会移动）',
    path: 'π_ref 的移动轨迹（TR-DPO）',
  },

  axis: {
    margin: '间隔 h = ρw − ρl（nats）',
    loss: '损失',
    push: '对 log π(y) 的推动力度 ÷ β',
    step: '训练步数',
    probability: 'π(y)',
    finalProbability: '训练结束时的 π(y)',
    sweep: (axis, data) => (axis === 'beta' ? 'β（对数刻度）' : `参考概率 ${sweepName(axis, data)}`),
    chosenLogRatio: 'ρw = log π(y_w) − log π_ref(y_w)（nats）',
    rejectedLogRatio: 'ρl = log π(y_l) − log π_ref(y_l)（nats）',
    metric: (name) => name,
    lossColourbar: (log) => (log ? '损失（对数刻度）' : '损失'),
  },

  trace: {
    current: '当前偏好对',
    currentOf: (label) => `${label}：当前偏好对`,
    atStepOf: (label, step) => `${label}：第 ${step} 步`,
    atDivergedStepOf: (label, step, at) =>
      `${label}：第 ${step} 步（训练在第 ${at} 步发散，这是发散前的最后一步）`,
    stepCursor: (step) => `第 ${step} 步`,
    optimum: (label) => `${label}：最优 h*`,
    pushChosen: (label) => `${label}：y_w ↑`,
    pushRejected: (label) => `${label}：y_l ↓`,
    pushBoth: (label) => `${label}：y_w ↑ 且 y_l ↓`,
    sweepChosen: (label, data) => `${label}：π(${responseSymbol(0, data)})`,
    sweepRejected: (label, data) => `${label}：π(${responseSymbol(1, data)})`,
    currentValue: (axis, data) => `当前 ${sweepName(axis, data)}`,
    trajectory: (label) => `${label}：训练轨迹`,
    start: (label) => `${label}：起点`,
    end: (label) => `${label}：终点`,
    marginZero: 'h = 0 (ρw = ρl)',
    reference: '参考策略 π_ref',
    rlhfOptimum: 'RLHF 最优解 π*',
  },

  hover: {
    margin: 'h',
    loss: '损失',
    push: '推动力度 ÷ β',
    step: '训练步',
    probability: 'π',
    sweepValue: sweepName,
    chosenLogRatio: 'ρw',
    rejectedLogRatio: 'ρl',
    closedForm: '闭式解',
    trained: '训练至收敛',
  },

  sweep: {
    criterion: (grad, step) =>
      `每个点都是训练结束的位置：有闭式解时取闭式解，否则一直训练（与学习率无关），直到梯度小于 ${c3(grad)}，` +
      `且任何对数概率的变化都不超过 ${c3(step)}。`,
    status: (status) => ZH_SWEEP_STATUS[status],
    unfinished: (sweeps, axis, data) => {
      const name = sweepName(axis, data);
      const runs = sweeps.filter((w) => w.unfinished.length > 0);
      if (runs.length === 0) return '所有点都已收敛。';
      const where = (from: number, to: number): string =>
        from === to ? `${name} = ${c3(from)} 处` : `${name} 从 ${c3(from)} 到 ${c3(to)}`;
      const clauses = runs.map(
        (w) =>
          `${w.label}：` +
          w.unfinished
            .map(
              (u) =>
                `${u.count >= w.total ? `全部 ${w.total} 个点` : `${w.total} 个点中有 ${u.count} 个（${where(u.from, u.to)}）`}` +
                ZH_SWEEP_STATUS[u.status],
            )
            .join('；'),
      );
      return `未收敛的点（画成空心圆 ○）：${clauses.join('。')}。`;
    },
  },

  note: {
    noFiniteOptimum: (label, direction, p) =>
      `${label}：没有有限的最优解${p === null ? '' : `（p = ${f2(p)}）`}，h → ${direction > 0 ? '+∞' : '−∞'}`,
    optimumOffPlot: (label, optimum) => `${label}：最优 h* = ${f2(optimum)}，超出绘图范围`,
    offScale: (label, value) => `${label}：当前值 ${c3(value)} 超出纵轴范围`,
    marginOffPlot: (dot, margin) => `${dot}：h = ${f2(margin)} 超出横轴范围`,
    pushTurns: (label, margin) => `${label}：推动力在 h = ${f2(margin)} 处变号`,
    noData: '没有可显示的内容：请至少选择一个损失函数。',
    computing: '计算中…',
    simplexNeedsThree: (k) => `单纯形图至少需要 3 个回答（当前为 ${k} 个）。`,
    noTrajectory: (label) => `没有 ${label} 的训练轨迹可画。`,
    noReference: (labels) => `${labels}：没有参考模型；<br>h 直接改变 log π（向右 y_l 降低，向左 y_w 降低）`,
    noReferenceExplained: (labels) =>
      `${labels} 没有参考模型：沿 h 轴，它们的曲线改变的是策略自身的对数概率（向右 log π(y_l) 降低，向左 log π(y_w) 降低），其奖励是 β × 每个 token 的平均对数概率，而不是 β·log(π/π_ref)。`,
    metricsNoReference: (labels) =>
      `${labels} 记录的 logps/* 是每个 token 的平均对数概率，rewards/* 是它们乘以 β（没有参考模型），而不是求和与对数比率。`,
    noReferencePlane: (label) => `${label}：没有参考模型；ρ 改变 log π = log π_ref + ρ，log π > 0 处留空`,
    diverged: (step) => `第 ${step} 步发散`,
    metricNoData: (metric) =>
      metric === 'rewards/accuracies'
        ? '无数据：<br>KTO 不记录<br>rewards/accuracies'
        : `无数据：KTO 对没有样本的<br>类别不记录任何值<br>（${metric}）`,
  },

  summary: {
    loss: (parts, margin, beta) =>
      (parts.some((p) => p.at)
        ? `在所显示的训练步上（β = ${c3(beta)}）：`
        : `在当前间隔 h = ${f2(margin)}（β = ${c3(beta)}）处：`) +
      joinClauses(
        parts.map(
          (p) =>
            `${p.label}${zhAt(p.at)} 的损失为 ${c3(p.loss)}，` +
            (p.id === 'sigmoid' && !p.modified
              ? `梯度权重 σ(−βh) 为 ${c3(p.weight)}`
              : `对 y_w 的推动力度 ÷ β 为 ${c3(p.weight)}`) +
            optimumClause(p.optimum),
        ),
      ) +
      '。',
    gradient: (parts, margin, beta) =>
      (parts.some((p) => p.at)
        ? `在所显示的训练步上，除以 β = ${c3(beta)} 后：`
        : `在当前间隔 h = ${f2(margin)} 处，除以 β = ${c3(beta)} 后：`) +
      joinClauses(
        parts.map(
          (p) =>
            `${p.label}${zhAt(p.at)} 把 log π(y_w) 推高 ${c3(p.chosenPush)}，把 log π(y_l) 压低 ${c3(p.rejectedPush)}`,
        ),
      ) +
      '。实线表示推高 y_w，虚线表示压低 y_l；数值为负表示推动方向相反。',
    training: (parts, data) => {
      if (parts.length === 0) return '没有可显示的训练结果。';
      const [a, b] = [responseSymbol(0, data), responseSymbol(1, data)];
      const moved = joinClauses(
        parts.map((p) =>
          p.divergedAt != null
            ? `${p.label} 在第 ${p.divergedAt} 步发散，曲线在该步中断`
            : `${p.label} 使 π(${a}) 从 ${f2(p.chosenStart)} 变为 ${f2(p.chosenEnd)}，π(${b}) 从 ` +
              `${f2(p.rejectedStart)} 变为 ${f2(p.rejectedEnd)}`,
        ),
      );
      const displaced = parts.filter((p) => p.displaced).map((p) => p.label);
      const note =
        displaced.length === 0
          ? ''
          : `在 ${displaced.join('、')} 中，间隔虽然在增大，π(${a}) 却下降了（似然位移）。`;
      return `训练 ${parts[0].steps} 步后，${moved}。${note}`;
    },
    metrics: (parts) => {
      if (parts.length === 0) return '没有可显示的训练结果。';
      return (
        `训练 ${parts[0].steps} 步后的最终值——` +
        joinClauses(
          parts.map((p) =>
            p.divergedAt != null
              ? `${p.label}：无，训练在第 ${p.divergedAt} 步发散（曲线在该步中断）`
              : `${p.label}：${p.values.map((v) => `${v.metric} ${c3(v.value)}`).join('，')}`,
          ),
        ) +
        '。'
      );
    },
    sweep: (parts, axis, current, criterion, data) => {
      if (parts.length === 0) return '没有可显示的扫描结果。';
      const name = sweepName(axis, data);
      const [a, b] = [responseSymbol(0, data), responseSymbol(1, data)];
      const nearest = parts[0].x;
      const at =
        Math.abs(nearest - current) <= 1e-9 * Math.max(1, Math.abs(current))
          ? `在当前 ${name} = ${c3(current)} 处`
          : `在当前 ${name} = ${c3(current)} 处（最近的计算点为 ${c3(nearest)}）`;
      const ends = joinClauses(
        parts.map((p) => {
          if (p.status === 'diverged') return `${p.label} 在此处发散（数值溢出）`;
          const values = `π(${a}) = ${f3(p.chosen)}，π(${b}) = ${f3(p.rejected)}`;
          if (p.status === 'unbounded')
            return `${p.label} 的训练永不结束，趋向 ${values}（没有有限的最优解）`;
          const how =
            p.status !== 'converged' ? ZH_SWEEP_STATUS[p.status] : p.closedForm ? '闭式解' : '已收敛';
          return `${p.label} 最终得到 ${values}（${how}）`;
        }),
      );
      const across = joinClauses(
        parts.map((p) =>
          p.unfinished.some((u) => u.status === 'diverged' && u.count >= p.total)
            ? `${p.label} 在每个点上都发散了（数值溢出）`
            : `${p.label} 的 π(${a}) 从 ${name} = ${c3(p.firstX)} 时的 ${f2(p.firstChosen)} ` +
              `变为 ${name} = ${c3(p.lastX)} 时的 ${f2(p.lastChosen)}`,
        ),
      );
      const crit = ZH_FIGURES.sweep.criterion(criterion.gradientTolerance, criterion.stepTolerance);
      return `${at}，${ends}。在整个扫描范围内，${across}。${crit}${ZH_FIGURES.sweep.unfinished(parts, axis, data)}`;
    },
    plane: (s) => {
      const range =
        `在图中的 (ρw, ρl) 平面上，${s.label} 损失的取值范围是 ${c3(s.minLoss)} 到 ${c3(s.maxLoss)}` +
        (s.logCompressed ? '（颜色按对数刻度）。' : '。');
      const t = s.trajectory;
      const path = !t
        ? ''
        : t.divergedAt != null
          ? `训练在 ${t.steps} 步内把 (ρw, ρl) 从 ${formatTuple(t.start)} 移到 ${formatTuple(t.end)}，` +
            `随后在第 ${t.divergedAt} 步发散，路径在该步中断。`
          : `训练在 ${t.steps} 步内把 (ρw, ρl) 从 ${formatTuple(t.start)} 移到 ` +
            `${formatTuple(t.end)}（最终间隔 h = ${signed(t.end[0] - t.end[1])}）。`;
      const current = s.current ? `当前偏好对位于 ${formatTuple(s.current)}。` : '';
      return range + path + current;
    },
    simplex: (s) => {
      const ref = `参考策略 π_ref 在 (${s.corners.join('，')}) 上的分布为 ${formatTuple(s.reference)}`;
      const star = s.rlhfOptimum ? `，RLHF 最优解 π* 为 ${formatTuple(s.rlhfOptimum)}。` : '。';
      const runs =
        s.runs.length === 0
          ? ''
          : `训练 ${s.runs[0].steps} 步后，` +
            joinClauses(
              s.runs.map((r) =>
                r.divergedAt != null
                  ? `${r.label} 在第 ${r.divergedAt} 步发散，路径在该步中断`
                  : `${r.label} 最终到达 ${formatTuple(r.end)}`,
              ),
            ) +
            '。';
      return ref + star + runs;
    },
    empty: '图中没有内容：请至少选择一个损失函数。',
  },
};
