// “对比两次训练”的简体中文文案。
import type { CompareStrings } from '../types/compare.ts';
import { formatCompact } from '../../math/numberFormat.ts';
import { ZH_CONTROLS } from './controls.ts';
import { ZH_LOSSES } from './losses.ts';

export const ZH_COMPARE: CompareStrings = {
  side: (c) => {
    switch (c.key) {
      case 'beta':
        return `β = ${c.value}`;
      case 'p':
        return `p = ${c.value}`;
      case 'lr':
        return `学习率 ${c.value}`;
      case 'sft':
        return c.value === 0 ? '不加 SFT 项' : `SFT 权重 ${c.value}`;
      case 'sync':
        return c.value === 0 ? '固定参考模型' : `参考模型每 ${c.value} 步同步一次`;
      case 'fdiv':
        return ZH_CONTROLS.fDivergence.names[c.value];
      case 'features':
        return c.value === 'shared' ? '共享特征' : '表格型特征';
      case 'optimizer':
        return c.value === 'sgd' ? 'SGD' : 'Adam';
      case 'loss':
        return ZH_LOSSES[c.value].label;
      case 'ref':
        return `πref = ${c.value.map((x) => formatCompact(x, 2)).join('、')}`;
    }
  },
  legend: '与另一次训练对比…',
  help: '另训练一次，只改动一项设置：它在每张图中以虚线画出，数值与当前这次并列。',
  keyLabel: '改动的设置',
  none: '不对比（只有一次训练）',
  keyName: {
    beta: 'β',
    loss: '损失（当前第一个损失对比另一个）',
    ref: '参考概率',
    p: '偏好概率 p',
    features: '特征',
    optimizer: '优化器',
    lr: '学习率',
    sft: 'SFT 项的权重（TRL 的 loss_weights）',
    fdiv: 'f 散度（TRL 的 f_divergence_type）',
    sync: 'TR-DPO 的同步步数 S（TRL 的 ref_model_sync_steps）',
  },
  valueLabel: '第二次训练的取值',
  valueHint: {
    sft: '一个 ≥ 0 的权重，0 表示不加',
    fdiv: 'reverse_kl、forward_kl、js_divergence 或 alpha_divergence',
    sync: '一个整数步数，0 表示参考模型固定',
    beta: '一个数，例如 1',
    loss: 'TRL 的 loss_type，例如 ipo',
    ref: '每个回答一个概率，用逗号分隔',
    p: '0 到 1 之间的数',
    features: '从下拉列表中选择：表格型或共享',
    optimizer: 'SGD 或 Adam',
    lr: '一个数，例如 0.1',
  },
  apply: '对比',
  clear: '清除',
  invalid: (typed) => `“${typed}”不是这项设置可以取的值。`,
  same: '这正是当前的设置，没有可对比的内容。',
  status: (main, other) => `实线：${main}。虚线：${other}。`,
  statusDotted: (main, other) => `实线与虚线：${main}。点线与点划线：${other}。`,
  statusFaded: (main, other) => `深色线：${main}。线型相同的浅色线：${other}。`,
  sweepMarker: (main, other) => `点线竖线：${main}。虚线竖线：${other}。`,
  sweepsSame: (other) => `对比运行（${other}）的终点与此相同：这些扫描不受该设置影响。`,
  lossNote: (first, other) => `对比的是当前第一个损失 ${first} 与 ${other}。`,
  traceName: (name, side) => `${name} · ${side}`,
  summary: (main, other, mainSummary, otherSummary) =>
    `本次运行（${main}）：${mainSummary} 对比运行（${other}）：${otherSummary}`,
  pairViewsSame: (other) =>
    `第二次训练（${other}）只是训练方式不同：曲线与这里相同；第 0 步之后，空心点标出它在当前显示的这一步所处的位置。`,
  table: {
    caption: (main, other, step, steps) => `两次训练在第 ${step} / ${steps} 步的结果：${main} 与 ${other}`,
    loss: '损失',
    run: '训练',
    chosen: 'π(y_w)',
    rejected: 'π(y_l)',
    kl: 'KL(π‖πref)',
    klHelp: '这一步的策略离参考模型有多远，单位为奈特。',
    klStart: 'KL(π‖第 0 步的 πref)',
    klStartHelp: '这一步的策略与起始参考模型相差多远，单位为奈特。',
    klCurrent: 'KL(π‖这一步的 πref)',
    klCurrentHelp: '这一步的策略与这一步的参考模型相差多远（TR-DPO 会把参考模型向策略移动），单位为奈特。',
  },
  vsColumn: (side) => `对比 ${side}`,
  metricsCaption: (loss, side, step) => `${loss} · ${side}：第 ${step} 步的 TRL 指标`,
};
