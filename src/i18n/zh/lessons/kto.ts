// 课程 'kto' 的中文文本（事实：i18n/types/lessons/kto.ts）。每个数字都取自事实；
// 一个论断只在其 `…Holds` 事实对当前画面成立时才出现。
import type { LessonText } from '../../types/lessons.ts';
import type { KtoFacts } from '../../types/lessons/kto.ts';
import { c3 } from '../../figureFormat.ts';

const say = (...parts: (string | false | null)[]): string =>
  parts
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .join('')
    .trim();
const NOT_THUMBS = '当前不是“只有一个点踩样本、并勾选了 KTO”的状态：重新载入这一步即可看到它。';

export const ZH_kto: LessonText<KtoFacts> = {
  title: 'KTO：不成对的点赞和点踩',
  summary:
    'KTO 的价值函数、参考点 z0（TRL 截断后的批内估计与精确 KL 的对比）、权重 λD 和 λU，以及只靠点踩数据学习。',
  steps: [
    {
      heading: '价值函数',
      body: (f) =>
        say(
          f.thumbsHolds
            ? 'KTO 不需要偏好对：每个样本要么是点赞（期望样本），要么是点踩（非期望样本）。这里只有回答 A 上的一个点踩，别无其他。' +
                '它的损失是 λU·σ(β(ρ − z0))，即隐式奖励 β·ρ 相对参考点 z0 的 sigmoid；损失图画的就是它随 ρ_A 的变化。'
            : NOT_THUMBS,
          f.lossAtT !== null &&
            f.rhoAtT !== null &&
            f.z0AtT !== null &&
            (f.atStartHolds && f.halfAtStartHolds
              ? `第 0 步时策略就是参考策略，所以 ρ_A = z0 = ${c3(f.z0AtT)}，损失为 λU·σ(0) = ${c3(f.lossAtT)}` +
                `（λU = ${c3(f.lambdaU)}）：正处在 S 形曲线的中点，也是最陡的地方。`
              : `第 ${c3(f.t)} 步时 ρ_A = ${c3(f.rhoAtT)}，z0 = ${c3(f.z0AtT)}，损失为 ${c3(f.lossAtT)}。`),
        ),
      question: {
        prompt: '训练把 π(A) 往下压，ρ_A 随之下降。损失和它的推动力度会怎样？',
        choices: [
          '损失无限下降，推动力度越来越大，就像对数损失一样',
          '损失越来越慢地趋向 0：sigmoid 变平，推动力度逐渐消失',
          '损失保持不变：一个样本推不动它',
        ],
        explain: (f) =>
          f.lossStart === null || f.lossEnd === null || f.pushStart === null || f.pushEnd === null
            ? '在点踩数据上勾选 KTO，就能看到它的损失。'
            : f.saturatesHolds
              ? `${c3(f.steps)} 步里损失每一步都在下降，从 ${c3(f.lossStart)} 降到 ${c3(f.lossEnd)}，` +
                `对 log π(A) 的推动力度从 ${c3(f.pushStart)} 降到 ${c3(f.pushEnd)}。` +
                '这就是 KTO 价值函数在起作用：它是一条 sigmoid，像前景理论中的价值函数一样有界，离 z0 越远斜率越小；所以样本离得越远，对策略的推动就越弱。'
              : `${c3(f.steps)} 步后损失为 ${c3(f.lossEnd)}（起初为 ${c3(f.lossStart)}），推动力度为 ` +
                `${c3(f.pushEnd)}（起初为 ${c3(f.pushStart)}）。`,
      },
    },
    {
      heading: 'z0：参考点',
      body: (f) =>
        say(
          'z0 是价值函数的中心，KTO 求梯度时把它当作常数。TRL 在每个批次里用错配的样本对（一个提示配上另一个样本的回答）来估计它：' +
            '取这些样本上 log π − log π_ref 的均值，再截断到不小于 0；它从来不是精确的 KL(π‖π_ref)。',
          !f.thumbsHolds && NOT_THUMBS,
          f.clampedHolds && f.rhoEnd !== null && f.z0End !== null && f.klEnd !== null
            ? `这里 z0=batch：唯一的回答是 A，它的 ρ_A 从第一步之后就小于 0（结束时为 ${c3(f.rhoEnd)}），` +
                `截断后每一步都是 z0 = ${c3(f.z0End)}；而训练结束时精确的 KL(π‖π_ref) 是 ${c3(f.klEnd)}。`
            : f.exactKlHolds && f.z0End !== null
              ? `这里 z0 取每一步精确的 KL(π‖π_ref)：训练结束时为 ${c3(f.z0End)}。`
              : f.z0End !== null &&
                f.klEnd !== null &&
                `训练结束时 z0 = ${c3(f.z0End)}，KL(π‖π_ref) = ${c3(f.klEnd)}。`,
          f.clampedHolds &&
            '\n\n把 z0 切换成精确 KL 试试：参考点会随着 π 离开 π_ref 而升高，同样的 ρ_A 就显得没那么糟，对 A 的推动力度也随之改变。',
        ),
    },
    {
      heading: 'λD 和 λU',
      body: (f) =>
        say(
          f.pairHolds
            ? '在一个偏好对上训练 KTO，并按 TRL 转换成对数据的方式处理：y_w 变成一个点赞，y_l 变成一个点踩。' +
                'λD（desirable_weight）缩放点赞样本的损失，λU（undesirable_weight）缩放点踩样本的损失；' +
                `这里 λD = ${c3(f.lambdaD)}，λU = ${c3(f.lambdaU)}。`
            : '这份数据不是单个偏好对：重新载入这一步即可看到它。',
          f.pairHolds &&
            f.chosenStart !== null &&
            f.chosenEnd !== null &&
            f.rejectedStart !== null &&
            f.rejectedEnd !== null &&
            `${c3(f.steps)} 步里 π(y_w) 从 ${c3(f.chosenStart)} 变为 ${c3(f.chosenEnd)}，` +
              `π(y_l) 从 ${c3(f.rejectedStart)} 变为 ${c3(f.rejectedEnd)}。`,
          f.ratio !== null &&
            (f.ratioInRangeHolds
              ? `\n\nλD/λU = ${c3(f.ratio)}，在 TRL 要求的范围 [1, 4/3] 之内。`
              : `\n\nλD/λU = ${c3(f.ratio)}，不在 TRL 要求的范围 [1, 4/3] 之内（该范围针对 λD·nD 与 λU·nU 之比，出自 KTO 论文）。`) +
              'TRL 只在期望样本数和非期望样本数不同时才检查它，而且每类至少按 1 个计：成对数据转换后两类一样多，所以这里 TRL 不会警告。',
        ),
    },
    {
      heading: '只靠点踩数据学习',
      body: (f) => {
        const d = f.thumbs;
        return say(
          d.thumbsDownHolds ? '只有 A 上的一个点踩：没有偏好对，DPO 无从训练，KTO 却可以。' : NOT_THUMBS,
          d.undesirableStart !== null &&
            d.undesirableEnd !== null &&
            (d.fallsHolds
              ? `π(A) 每一步都在下降，${c3(d.steps)} 步后从 ${c3(d.undesirableStart)} 降到 ${c3(d.undesirableEnd)}。`
              : `π(A) 从 ${c3(d.undesirableStart)} 变为 ${c3(d.undesirableEnd)}。`),
          d.otherStart !== null &&
            d.otherEnd !== null &&
            (d.mostLikelyGainsHolds && d.sgdHolds
              ? `A 失去的概率大多流向了 B，也就是其余回答中最可能的那个（从 ${c3(d.otherStart)} 到 ${c3(d.otherEnd)}）：` +
                '把一个 logit 往下压，其余每个回答都按各自的概率成比例地上升。'
              : `π(B) 从 ${c3(d.otherStart)} 变为 ${c3(d.otherEnd)}。`),
          d.squeezedHolds &&
            '\n\n不太可能的回答先升后降，最后低于起点：负梯度把概率挤向了最可能的回答。点踩数据只告诉模型不该做什么，从不告诉它该做什么。',
        );
      },
    },
  ],
};
