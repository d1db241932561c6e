// “你的 TRL 日志”的中文文字（types/trlLog.ts）。
import type { Finding } from '../../logs/index.ts';
import type { TrlLogStrings } from '../types/trlLog.ts';

/** 三位有效数字，与日志本身的舍入大致一致。 */
const n = (x: number | undefined): string =>
  x === undefined ? '?' : Number.isFinite(x) ? String(Number(x.toPrecision(3))) : String(x);

const CAUSE = {
  'nan-loss': '损失变成了 NaN 或无穷大',
  'nan-grad-norm': 'grad_norm 变成 NaN 或无穷大，且没有恢复',
  'loss-explodes': '损失涨到了早期水平的十倍以上',
  'grad-norm-explodes': 'grad_norm 涨到了早期水平的一百倍以上',
} as const;

function findingTitle(f: Finding): string {
  const v = f.values;
  switch (f.id) {
    case 'start-at-ln2':
      return `损失从 ln 2 ≈ 0.693 起步，所有奖励都是 0。`;
    case 'chosen-reward-falls':
      return `rewards/chosen 在下降，而 rewards/margins 在上升。`;
    case 'margin-runaway':
      return `损失接近 0，而间隔还在不断增大。`;
    case 'accuracy-granularity':
      return `rewards/accuracies 只取 1/${n(v.batch)} 的整数倍（${n(v.rows)} 行中只有 ${n(v.distinct)} 种取值）。`;
    case 'kto-kl-zero':
      return `KTO 的 kl 在 ${n(v.rows)} 行中有 ${n(v.zeroRows)} 行为 0。`;
    case 'diverged':
      return `训练从第 ${n(v.firstStep)} 步开始发散：${f.cause ? CAUSE[f.cause] : ''}。`;
  }
}

function findingText(f: Finding): string {
  const v = f.values;
  switch (f.id) {
    case 'start-at-ln2':
      return (
        `损失 = ${n(v.loss)}，rewards/margins = ${n(v.margins)}。第一步时策略模型就是参考模型，` +
        '所以每个对数比都是 0，每个奖励都是 β·0 = 0，DPO 损失就是 −log σ(0) = ln 2。' +
        (v.learningRate === 0 ? '此时学习率为 0（预热），所以一直停在这里。' : '') +
        (v.accuracy === 0
          ? 'rewards/accuracies 为 0，是因为打平不算对（TRL 用的是严格的 >）。'
          : v.accuracy !== undefined
            ? `rewards/accuracies 已经是 ${n(v.accuracy)}：一行记录是其记录区间内各步的平均，第一次更新之后奖励就不再打平（最开始那一步打平算错：TRL 用的是严格的 >）。`
            : '') +
        '这并不是出了问题。'
      );
    case 'chosen-reward-falls':
      return (
        `按 ${n(v.window)} 行平滑后，rewards/chosen 从 ${n(v.chosenFrom)} 降到 ${n(v.chosenTo)}，` +
        `同时 rewards/margins 从 ${n(v.marginsFrom)} 升到 ${n(v.marginsTo)}。DPO 只要求被选回答相对被拒回答占优：` +
        '把两者都往下压、被拒的压得更快，同样能降低损失。这就是似然位移，' +
        '很常见，并不是程序出错。判断要看 rewards/*（相对参考模型的对数比），因为 logps/* 会随每个批次的样本而变。'
      );
    case 'margin-runaway':
      return (
        `平滑后的损失降到 ${n(v.lossTo)}，rewards/margins 从 ${n(v.marginsFrom)} 增大到 ${n(v.marginsTo)}` +
        `（最后一次记录为 ${n(v.lastMargin)}）。当每一对都已分开时，DPO 的损失仍会无止境地奖励更大的间隔：` +
        '它对确定性偏好过拟合，并越来越偏离参考模型。换成 IPO，间隔会停在 1/(2β) 附近。'
      );
    case 'accuracy-granularity':
      return (
        '每个记录下来的准确率，是被选回答奖励高于被拒回答的样本对所占的比例，统计范围是这一次记录所涵盖的样本对：' +
        `这里是 ${n(v.batch)} 对（每设备批大小 × 设备数 × 梯度累积步数 × 记录间隔步数）。` +
        '样本对这么少，它只能在几个值之间跳动：请看趋势而不是单行，或者在更多样本对上统计。'
      );
    case 'kto-kl-zero':
      return (
        'TRL 用批次内错配的样本对来估计 KL 项，并把估计值截断在 0（该值不参与反向传播）。' +
        '训练初期或批次较小时，这个估计常常是负的，所以记录下来的 kl 正好是 0，损失便以 0 作为参考点。'
      );
    case 'diverged':
      return (
        `记录中的最大有限值：损失 ${n(v.lossMax)}，grad_norm ${n(v.gradNormMax)}（NaN 的记录不画在图中）。` +
        '学习率对模型来说过大、fp16 溢出或某个坏批次，都会让某一步更新迈过头：梯度或损失爆炸，' +
        '一旦权重变成 NaN，之后的每条记录都是 NaN。可以调低学习率、延长预热、裁剪梯度或改用 bf16。'
      );
  }
}

const FINDING_LINK = {
  'start-at-ln2': '在课程“读懂 TRL 日志”中查看',
  'chosen-reward-falls': '在玩具模型中查看似然位移',
  'margin-runaway': '在玩具模型中对比确定性偏好下的 DPO 与 IPO',
  'kto-kl-zero': '在课程中查看 KTO 的参考点',
  diverged: '在玩具模型中查看学习率过大时的发散',
};

const GROUP_NAME = {
  optimisation: '损失与优化',
  rewards: '奖励',
  logps: '对数概率与 logits',
  trainer: '该训练器特有的指标',
} as const;

export const ZH_TRL_LOG: TrlLogStrings = {
  open: '你的 TRL 日志',
  close: '关闭日志',
  heading: '解读你的 TRL 训练',
  intro:
    '打开 DPO、KTO、ORPO 或 CPO/SimPO 训练的 trainer_state.json（其中的 log_history）。' +
    '它只在本浏览器中读取：不会上传任何内容，也不会写进链接。',
  chooseFile: '选择文件…',
  dropHere: '或拖放到这里',
  pasteLabel: '或粘贴其文本',
  read: '读取',
  reading: '正在读取…',
  loaded: (name, trainer) => `正在显示 ${name}：一次 ${trainer} 训练。`,
  pasted: '粘贴的文本',
  errorHeading: '无法显示这份日志。',
  error: (kind, found) => {
    switch (kind) {
      case 'not-json':
        return '这不是可读的 JSON：文件可能不完整（复制时中断了），或者不是 trainer_state.json。';
      case 'no-log-history':
        return '这个 JSON 里没有 “log_history” 列表：请打开 Trainer 在每个检查点文件夹中写出的 trainer_state.json。';
      case 'empty':
        return '这份日志还没有训练记录：它是空的，或者只有最后的汇总行。';
      case 'too-large':
        return '文件太大（超过 100 MB）。请打开更短的日志，或只保留其中的 log_history。';
      case 'not-preference':
        return found === 'grpo'
          ? '这是一份 GRPO 日志（含有 reward_std、completions/… 等键）：属于在线策略强化学习，而不是偏好训练。其中的 kl 和 rewards/… 含义不同，因此不予显示。'
          : found === 'ppo'
            ? '这是一份 PPO/RLOO 日志（含有 objective/…、ppo/… 等键）：属于在线策略强化学习，而不是偏好训练，因此不予显示。'
            : found === 'sft'
              ? '这是一份监督微调（SFT）日志：只有损失，没有 rewards/… 或 logps/…，没有可解读的偏好训练。'
              : '这份日志里没有 DPO、KTO、ORPO 或 CPO 会记录的任何名称（rewards/…、logps/…、kl、log_odds_ratio），因此不予显示。';
    }
  },
  keptLast: (name) => `仍在显示 ${name}。`,
  aboutHeading: '这是什么日志',
  trainerName: { dpo: 'DPO', kto: 'KTO', orpo: 'ORPO', cpo: 'CPO/SimPO' },
  trainer: (trainer, source) => {
    const tool = source === 'llamafactory' ? 'LLaMA-Factory' : 'TRL';
    switch (trainer) {
      case 'dpo':
        return `DPO 系列训练器（${tool}）：记录 rewards/* 和 logps/*，有参考模型。`;
      case 'kto':
        return `KTO 训练器（${tool}）：记录 kl 和 rewards/*，但没有 rewards/accuracies。`;
      case 'orpo':
        return source === 'llamafactory'
          ? `ORPO 训练器（${tool}）：记录 sft_loss 和 odds_ratio_loss；没有参考模型。`
          : `ORPO 训练器（${tool}）：记录 SFT 损失（nll_loss）和对数几率比；没有参考模型。`;
      case 'cpo':
        return `CPO/SimPO 训练器（${tool}）：奖励就是 β·logps/*，没有参考模型。`;
    }
  },
  rows: (train, evalRows, first, last) =>
    `训练记录 ${train} 行（第 ${first}–${last} 步），评估记录 ${evalRows} 行。`,
  logpUnit: (unit, basis) => {
    const what =
      unit === 'summed'
        ? 'logps/* 是每个回答的对数概率之和'
        : unit === 'mean'
          ? 'logps/* 是按词元平均的对数概率'
          : '无法判断 logps/* 是求和还是按词元平均';
    const how =
      basis === 'trainer'
        ? '这个训练器总是按词元取平均'
        : basis === 'reward-ratio'
          ? '奖励等于 β·logps/*，且每个 logps/* 值都在 −10 与 0 之间'
          : basis === 'magnitude'
            ? unit === 'summed'
              ? '其中位数不高于 −20，相当于整段回答的量级'
              : '每个值都在 −10 与 0 之间，相当于单个词元的量级'
            : '日志中没有能判断这一点的信息';
    return `${what}（依据：${how}）。`;
  },
  beta: (beta) =>
    beta === null
      ? '日志中看不出 β（DPO 和 KTO 只记录 β 与对数比的乘积，不记录其组成部分）。'
      : `β = ${beta}：每一行的 rewards/* 都等于 β·logps/*（这是一次没有参考模型的训练）。`,
  plotsHeading: '记录的指标',
  trainCaption: '沿用 TRL 自己的名称。浅色：每一条记录；深色线：居中滑动平均。',
  trainTitle: '训练',
  evalTitle: '评估',
  evalCaption: 'eval_ 开头的记录（已去掉前缀），与训练分开显示。',
  plotTitle: (part, group) => `${part}：${GROUP_NAME[group]}`,
  groupCaption: {
    optimisation: '损失；日志里有的话，还有梯度范数（裁剪前）和学习率调度给出的学习率。',
    rewards:
      'β 乘以每个回答相对参考模型的对数比（没有参考模型时为 β·logps）、两者之差（rewards/margins），以及（日志里有的话）被选回答奖励更高的比例。',
    logps: '被选与被拒回答的对数概率及其平均 logits：它们随每批样本而变，宜看趋势，不必看单条记录。',
    trainer:
      '只有部分训练器才记录的指标，例如 KTO 的 kl，ORPO 和 CPO 的 nll_loss，ORPO 的对数几率比，LLaMA-Factory 的 sft_loss 与 odds_ratio_loss。',
  },
  smoothing: '平滑',
  smoothingRows: (rows) => (rows <= 1 ? '不平滑' : `${rows} 行`),
  raw: (trainer) => `${trainer}（原始记录）`,
  smoothed: (trainer) => `${trainer}（平滑后）`,
  summary: (part, trainer, values, logAxes) => {
    if (values.length === 0) return `${part}：没有记录。`;
    const last = values.map((v) => `${v.metric} ${n(v.value)}`).join('，');
    const log = logAxes.length > 0 ? `对数坐标：${logAxes.join('，')}。` : '';
    return `${part}（${trainer} 训练），最后记录的值：${last}。${log}`;
  },
  findingsHeading: '这次训练说明了什么',
  noFindings: '没有发现异常：这份日志不符合任何已知的模式。',
  steps: (from, to) => (from === to ? `（第 ${from} 步）` : `（第 ${from}–${to} 步）`),
  findingTitle,
  findingText,
  findingLink: FINDING_LINK,
  divergeCause: CAUSE,
};
