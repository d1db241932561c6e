// 损失函数名称表（简体中文）：每种损失的全称、简称（图例、警告、代码注释）以及 TRL 与论文不同之处的说明。
// TRL 的 loss_type 在任何语言中都保持原样；各语言都不翻译的名称（论文与 TRL 中的名字）
// 直接沿用英文表中的那一行。
import type { LossNames } from '../types/losses.ts';
import { EN_LOSSES } from '../en/losses.ts';

export const ZH_LOSSES: LossNames = {
  sigmoid: EN_LOSSES.sigmoid,
  cdpo: {
    name: '保守 DPO',
    label: 'cDPO',
    note: '自 TRL 0.29 起不再是独立的 loss_type：TRL 的 sigmoid 现在会忽略 label_smoothing。',
  },
  robust: {
    name: '鲁棒 DPO',
    label: '鲁棒 DPO',
    note: '偏好完全确定时，损失可能为负。',
  },
  ipo: {
    name: 'IPO',
    label: 'IPO',
    note: 'TRL 对对数比率按 token 取平均，论文中则是求和。',
  },
  hinge: {
    name: 'SLiC 合页损失',
    label: 'SLiC 合页损失',
  },
  exo_pair: {
    name: 'EXO',
    label: 'EXO',
    note: '要求 ε > 0：ε = 0 时 TRL 会直接报错。',
  },
  nca_pair: EN_LOSSES.nca_pair,
  bco_pair: {
    name: 'BCO（成对）',
    label: 'BCO',
    note: 'TRL ≥ 0.29 中已没有滑动平均偏移项。',
  },
  sppo_hard: {
    name: 'SPPO（硬标签）',
    label: 'SPPO（硬标签）',
  },
  apo_zero: EN_LOSSES.apo_zero,
  apo_down: EN_LOSSES.apo_down,
  discopop: EN_LOSSES.discopop,
  sigmoid_norm: {
    name: '长度归一化 DPO',
    label: '长度归一化 DPO',
    note: 'TRL 文档称之为 SimPO，但它保留了参考模型，也没有间隔项 γ。',
  },
  sft: {
    name: 'SFT（只用优选回答）',
    label: 'SFT',
    note: '对优选回答的 token 做交叉熵，即 −log π(y_w)/Lw：不用参考模型，也不管 y_l。TRL 通过 loss_type=[…, "sft"] 把它混进别的损失。',
  },
  kto: {
    name: 'KTO',
    label: 'KTO',
    note: 'KTOTrainer，非成对数据：y_w 记为点赞，y_l 记为点踩。',
  },
  apo_zero_unpaired: {
    name: 'APO-zero（非成对）',
    label: 'APO-zero（非成对）',
    note: 'KTOTrainer，非成对数据：y_w 点赞，y_l 点踩。',
  },
  simpo: {
    name: 'SimPO',
    label: 'SimPO',
    note: 'trl.experimental 的 CPOTrainer(loss_type="simpo")：没有参考模型；按 token 平均的对数概率、间隔 γ，外加 cpo_alpha × NLL。',
  },
  orpo: {
    name: 'ORPO',
    label: 'ORPO',
    note: 'trl.experimental 的 ORPOTrainer：没有参考模型；y_w 的 NLL 减去 λ·log σ(对数几率比)，λ 即 β。',
  },
};
