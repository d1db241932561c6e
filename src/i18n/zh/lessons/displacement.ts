// Lesson 'displacement' in Chinese (facts: i18n/types/lessons/displacement.ts). 与英文说的是同一件事、同样的
// 数字（都来自 facts，用 c3 书写）；某条论断（…Holds）不成立时就略去。
import type { LessonText } from '../../types/lessons.ts';
import type { DisplacementFacts } from '../../types/lessons/displacement.ts';
import { c3 } from '../../figureFormat.ts';

/** 把各句连起来；空句（被略去的论断）不留痕迹。 */
const say = (...sentences: (string | false | null)[]): string =>
  sentences.filter((x): x is string => typeof x === 'string' && x !== '').join('');
/** C、D……：A、B 之后的 n 个回答，与训练图中的名称一致；'C 和 D'。 */
const others = (n: number): string => {
  const names = Array.from({ length: n }, (_, i) => String.fromCharCode(67 + i));
  return names.length < 2
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join('、')} 和 ${names[names.length - 1]}`;
};
/** 段落之间空一行；空段落不留痕迹。 */
const paragraphs = (...ps: string[]): string => ps.filter((p) => p !== '').join('\n\n');

export const ZH_displacement: LessonText<DisplacementFacts> = {
  title: '为什么被选回答的对数概率反而下降了？',
  summary: 'DPO 可以在拉大间隔的同时让被选回答变得更不可能：似然位移、挤压效应，以及能解决它的 SFT 项。',
  steps: [
    {
      heading: '间隔在增大，被选回答却在下降',
      body: ({ razin: r, similarity }) =>
        paragraphs(
          r.sharedHolds
            ? '似然位移（Razin 等人，2024）从两个相似的回答说起。这里 y_w 和 y_l 共享一个特征' +
                `（相似度 s = ${c3(similarity)}），y_l 对它的依赖是 y_w 的两倍；第三个回答 y₃ 不在任何偏好对里。`
            : '这里 y_w 和 y_l 没有共享特征（表格式策略）：每个回答都有自己的 logit。',
          r.chosenStart === null
            ? ''
            : r.thirdStart === null
              ? `π(y_w) 的初始值为 ${c3(r.chosenStart)}。`
              : `π(y_w) 的初始值为 ${c3(r.chosenStart)}，π(y₃) 为 ${c3(r.thirdStart)}。`,
        ),
      question: {
        prompt: 'DPO 训练策略偏好 y_w 胜过 y_l。训练结束时，π(y_w) 会在哪里？',
        choices: ['比初始值更高', '与初始值差不多', '不到初始值的一半'],
        explain: ({ razin: r }) =>
          r.chosenStart === null || r.chosenEnd === null
            ? '当前状态下没有训练 DPO，因此没有 π(y_w) 可看。'
            : r.sharedHolds &&
                r.halfLostHolds &&
                r.marginGrowsHolds &&
                r.marginEnd !== null &&
                r.accuracy !== null
              ? paragraphs(
                  `π(y_w) 从 ${c3(r.chosenStart)} 降到 ${c3(r.chosenEnd)}，不到初始值的一半；与此同时，` +
                    `rewards/margins 每一步都在增大，最终为 ${c3(r.marginEnd)}，rewards/accuracies 始终为 ` +
                    `${c3(r.accuracy)}。`,
                  'DPO 做到了它要优化的事情——拉大间隔，可被选回答的概率还是丢了：这就是似然位移。',
                )
              : `π(y_w) 从 ${c3(r.chosenStart)} 变为 ${c3(r.chosenEnd)}` +
                (r.marginEnd !== null ? `，rewards/margins 最终为 ${c3(r.marginEnd)}。` : '。'),
      },
    },
    {
      heading: '概率质量去了哪里，为什么',
      body: ({ razin: r, similarity, scoreSlope, scoreFallsHolds }) =>
        paragraphs(
          r.thirdStart === null || r.thirdEnd === null
            ? '只有两个回答时，没有第三个回答来接收概率质量。'
            : r.massToThirdHolds
              ? `不是给了 y_w：不在任何偏好对里的 y₃ 从 ${c3(r.thirdStart)} 升到 ${c3(r.thirdEnd)}，` +
                '涨幅超过其他所有回答。'
              : `π(y₃) 从 ${c3(r.thirdStart)} 变为 ${c3(r.thirdEnd)}。`,
          scoreSlope === null
            ? '表格式策略中每个回答都有自己的 logit：DPO 的一步只抬高 y_w 的 logit、压低 y_l 的，没有什么会把 y_w 拖下去。'
            : scoreFallsHolds
              ? '原因：每一步 SGD 都让 θ 沿 f_w − f_l 移动，y_w 的得分随之变化 ‖f_w‖² − ⟨f_w, f_l⟩ = ' +
                `(1 − s)² − s² = ${c3(scoreSlope)}（每单位步长，s = ${c3(similarity)}）：只要 s > ½ 就是负的。` +
                '压低 y_l 的共享特征，也就把 y_w 一起拖了下去。' +
                (r.massToThirdHolds
                  ? 'y₃ 的特征与 f_w − f_l 正交，其余回答的得分在降，它的得分却不变，softmax 便把它们的概率质量交给了它。'
                  : '')
              : `这里沿 f_w − f_l 每单位步长，y_w 的得分变化 (1 − s)² − s² = ${c3(scoreSlope)}` +
                `（s = ${c3(similarity)}）。`,
        ),
    },
    {
      heading: '挤压效应',
      body: ({ squeezing: q }) =>
        paragraphs(
          '丢失概率的第二种方式：挤压效应（Ren & Sutherland，2024）。',
          q.thumbsDownHolds && q.peakedHolds && q.undesirableStart !== null && q.topStart !== null
            ? `换一份数据：只有一个点踩，落在 A 上，而参考模型本来就认为 A 不太可能（π = ${c3(q.undesirableStart)}），` +
                `它的概率集中在 B 上（π = ${c3(q.topStart)}）。KTO 会把 π(A) 往下压。`
            : '它需要一个尖锐的参考分布，以及对某个低概率回答的点踩；当前状态并不同时满足。',
        ),
      question: {
        prompt: '只有 A 被往下压。它的概率会流向哪里？',
        choices: [
          '按比例分给 B、C 和 D，各自份额不变',
          '大多给了最可能的 B；C 和 D 也会下降',
          '大多给了最不可能的 C 和 D',
        ],
        explain: ({ squeezing: q }) =>
          q.topStart === null || q.topEnd === null || q.undesirableStart === null
            ? '当前状态下没有训练 KTO，因此没有什么可看。'
            : q.thumbsDownHolds &&
                q.peakedHolds &&
                q.sgdHolds &&
                q.topGainsMostHolds &&
                q.restStart !== null &&
                q.restEnd !== null
              ? paragraphs(
                  `B 涨得最多：${c3(q.topStart)} → ${c3(q.topEnd)}，远超 A 原有的全部概率` +
                    `（${c3(q.undesirableStart)}）。${others(q.squeezed)} 合计从第一步起就在下降，从 ${c3(q.restStart)} 降到 ` +
                    `${c3(q.restEnd)}。`,
                  '用普通 SGD 时，压低 A 会让其余每个 logit 按各自的概率成比例上升：最可能的回答涨得最快，' +
                    '把其余回答挤了出去。Ren & Sutherland 指出，DPO 压低一个低概率的 y_l 时也会如此。',
                )
              : `π(B) 从 ${c3(q.topStart)} 变为 ${c3(q.topEnd)}。`,
      },
    },
    {
      heading: '解决办法：加一个 SFT 项',
      body: ({ sft }) =>
        paragraphs(
          'TRL 的解决办法是对被选回答加上 SFT 损失：loss_type=["sigmoid", "sft"]，' +
            'loss_weights=[1.0, w]（链接里写 sft=w）。',
          say(
            sft.termHolds && sft.otherWeight !== null
              ? `实线是 w = ${c3(sft.weight)} 的训练；点线是同一个偏好对、w = ${c3(sft.otherWeight)} 的训练。`
              : `这里 w = ${c3(sft.weight)}。`,
            sft.sharedHolds && '仍是那个会发生似然位移的偏好对：y_w 和 y_l 共享一个特征。',
            sft.chosenStart !== null && `两者的 π(y_w) 都从 ${c3(sft.chosenStart)} 开始。`,
          ),
        ),
      question: {
        prompt: 'SFT 项能让 π(y_w) 不再下降吗？',
        choices: [
          '不能：π(y_w) 仍在下降，只是慢一些',
          '能：π(y_w) 最终高于初始值，间隔也仍在增大',
          '能，但间隔不再增大',
        ],
        explain: ({ sft }) =>
          sft.chosenStart === null || sft.chosenEnd === null
            ? '当前状态下没有训练 DPO，因此没有 π(y_w) 可看。'
            : sft.stopsFallHolds &&
                sft.otherChosenEnd !== null &&
                sft.marginEnd !== null &&
                sft.otherMarginEnd !== null &&
                sft.otherWeight !== null
              ? paragraphs(
                  `w = ${c3(sft.weight)} 时，π(y_w) 最终为 ${c3(sft.chosenEnd)}，高于初始的 ${c3(sft.chosenStart)}；` +
                    `w = ${c3(sft.otherWeight)} 时，它降到 ${c3(sft.otherChosenEnd)}。两次训练仍都偏好 y_w：` +
                    `rewards/margins 最终分别为 ${c3(sft.marginEnd)} 和 ${c3(sft.otherMarginEnd)}。`,
                  'SFT 项直接用 y_w 自身的似然把它往上拉，这是任何间隔都做不到的' +
                    (sft.marginEnd < sft.otherMarginEnd ? '；代价是间隔小了一些。' : '。'),
                )
              : `π(y_w) 从 ${c3(sft.chosenStart)} 变为 ${c3(sft.chosenEnd)}` +
                (sft.otherChosenEnd !== null ? `（点线：${c3(sft.otherChosenEnd)}）。` : '。'),
      },
    },
  ],
};
