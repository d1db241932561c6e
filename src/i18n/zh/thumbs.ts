// 只有一个点踩样本（非期望样本）时各视图的中文文字：数据里没有偏好对。
import type { ThumbsStrings } from '../types/thumbs.ts';
import { formatFixed } from '../../math/numberFormat.ts';

const list = (parts: readonly string[]): string => parts.join('；');

export const ZH_THUMBS: ThumbsStrings = {
  sections: {
    loss: {
      title: '唯一一个点踩样本的损失',
      caption:
        '数据只有 A 上的一个非期望样本，没有偏好对，也就没有间隔 h。每个 KTO 类损失都画成 ρ_A = log π(A) − log π_ref(A) 的函数，参考点 z0 取该损失自己的训练在当前步用的值；圆点是该训练在当前步的位置。',
    },
    gradient: {
      title: '损失把 π(A) 往下压的力度',
      caption:
        '这个非期望样本的 ∂loss/∂log π(A) 随 ρ_A 的变化。它处处为正，所以每一步都把 log π(A) 往下压，ρ_A 接近 z0 时压得最狠；圆点是各训练在当前步的位置。',
    },
    plane: {
      title: '点踩数据没有 (ρw, ρl) 平面',
      caption:
        '这个平面需要一对回答：一个被选中，一个被拒绝。点踩数据只有一个非期望的回答 A，没有哪个回答被选中，所以画不出这个平面。损失随 ρ_A 的变化请看损失图。',
    },
  },
  pairLossesNote: (names) => `${names}：成对损失需要偏好对，而这些数据里没有，所以不画。`,
  noKto:
    '点踩数据里没有偏好对，成对损失没法在上面训练。请选 KTO 或非成对 APO-zero，查看这个非期望样本的损失。',
  planeNote: '点踩数据没有偏好对，也就没有 (ρw, ρl) 平面。损失随 ρ_A 的变化见损失图。',
  axis: {
    rho: 'ρ_A = log π(A) − log π_ref(A)（奈特）',
    loss: '非期望样本的损失',
    dLogp: '∂loss/∂log π(A)（> 0：π(A) 被往下压）',
  },
  trace: {
    loss: (label) => `${label}：A 的损失（点踩）`,
    dLogp: (label) => `${label}：∂loss/∂log π(A)`,
  },
  hover: { rho: 'ρ_A', loss: '损失', dLogp: '梯度 ∂loss/∂log π(A)' },
  summary: {
    loss: (parts) =>
      `唯一非期望样本的损失随 ρ_A 的变化。${list(
        parts.map(
          (p) =>
            `${p.label} 第 ${p.step} 步：ρ_A = ${formatFixed(p.rho, 2)}，损失 ${formatFixed(p.value, 3)}`,
        ),
      )}。`,
    gradient: (parts) =>
      `∂loss/∂log π(A) 随 ρ_A 的变化，为正表示 π(A) 被往下压。${list(
        parts.map(
          (p) =>
            `${p.label} 第 ${p.step} 步：ρ_A = ${formatFixed(p.rho, 2)}，∂loss/∂log π(A) = ${formatFixed(p.value, 4)}`,
        ),
      )}。`,
    noKto: '没有选 KTO 类损失，而成对损失不能在点踩数据上训练：没有可画的内容。',
    plane: '没有平面：点踩数据里没有偏好对。',
  },
  readout: {
    heading: '当前点踩样本的数值',
    intro:
      '数据只有 A 上的一个非期望样本。每一列是该损失在当前步对这个样本的数值，以及 TRL 的 KTOTrainer 对这样一个批次会记录的指标。',
    rowHelp: {
      loss: '唯一非期望样本的损失',
      dLogp: '为正：梯度下降把 π(A) 往下压',
      'rewards/chosen': '期望样本上 β·ρ 的均值',
      'rewards/rejected': 'β·ρ_A，来自唯一的非期望样本',
      'rewards/margins': '两类奖励之差：rewards/chosen − rewards/rejected',
      'logps/rejected': 'log π(A)，按词元求和',
      kl: '这一步用的参考点 z0',
    },
    noDesirable: '不记录：批次里没有期望样本',
    trlNoDesirable:
      '没有 rewards/chosen、rewards/margins 和 logps/chosen：TRL 只在批次里有期望样本时记录它们，而这些数据里一个也没有。',
    pairLoss: '成对损失：这些数据里没有可供训练的偏好对',
    z0: {
      kl: 'z0 = 这一步的 KL(π‖π_ref)，小于 0 时取 0（TRL 用错位配对的回答来估计）',
      batch: 'z0 = max(0, ρ_A)，即这一步 TRL 的批次估计',
      fixed: 'z0 由设置固定',
    },
    apoNoZ0: '非成对 APO-zero 拿 ρ_A 和 0 比，没有 z0',
  },
  trl: {
    datasetComment: '数据：一个非成对样本，标为非期望（点踩），别无其他。',
    pairLossComment: (label) => `${label} 需要偏好对；点踩数据里没有，TRL 无法训练它。`,
  },
};
