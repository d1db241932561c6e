// 课程 'ipo-vs-dpo' 的中文文本（事实：i18n/types/lessons/ipo-vs-dpo.ts）。每个数字都取自事实；
// 一个论断只在其 `…Holds` 事实对当前画面成立时才出现。
import type { LessonText } from '../../types/lessons.ts';
import type { IpoVsDpoFacts } from '../../types/lessons/ipo-vs-dpo.ts';
import { c3 } from '../../figureFormat.ts';

const say = (...parts: (string | false | null)[]): string =>
  parts
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .join('')
    .trim();
const tuple = (xs: readonly number[]): string => `(${xs.map(c3).join(', ')})`;
const NOT_D1 =
  '这份数据不是 IPO 论文的 D₁（三个回答排成确定的顺序、参考策略均匀、每个回答一个自由 logit 且从参考策略出发）：' +
  '重新载入这一步即可看到它。';

export const ZH_ipoVsDpo: LessonText<IpoVsDpoFacts> = {
  title: 'DPO 会过拟合，IPO 不会',
  summary:
    'IPO 论文的例子：偏好确定时，无论 τ 取多少，DPO 都一路走向 (1, 0, 0)，IPO 停在 1/(3τ)；让 DPO 停下来的是噪声。',
  steps: [
    {
      heading: '三个回答，三条确定的偏好',
      body: (f) =>
        say(
          f.d1.d1Holds
            ? '三个回答 A、B、C，以及 IPO 论文中的数据集 D₁（Azar 等人，§5.4）：A ≻ B、B ≻ C、A ≻ C，每条标注都确定无疑。' +
                '策略是对每个回答各一个自由 logit 做 softmax，从均匀的参考策略出发，' +
                `用 Adam 训练，学习率 ${c3(f.d1.learningRate)}。`
            : NOT_D1,
          f.ipoAtT !== null &&
            (f.atStartHolds && f.uniformAtTHolds
              ? `第 0 步时还什么都没学到：π = ${tuple(f.ipoAtT)}，就是参考策略。`
              : `第 ${c3(f.t)} 步时 IPO 的 π = ${tuple(f.ipoAtT)}。`),
          '\n\nIPO（TRL 的 loss_type="ipo"）把每个偏好对的间隔 h 回归到 1/(2τ)；TRL 的 β 就是论文里的 τ。' +
            '每个回答只有一个 token，所以 TRL 对 IPO 按 token 取平均的做法在这里没有影响。',
          `这里 τ = ${c3(f.d1.tau)}。`,
        ),
    },
    {
      heading: '先猜一猜：DPO 会走到哪里？',
      body: (f) =>
        say(
          f.d1.d1Holds ? '同样的数据，现在改用 DPO（loss_type="sigmoid"）训练。' : NOT_D1,
          `这里 τ = ${c3(f.d1.tau)}，共训练 ${c3(f.steps)} 步。`,
          f.dpoAtT !== null &&
            (f.atStartHolds && f.uniformAtTHolds
              ? `第 0 步时 π = ${tuple(f.dpoAtT)}，就是参考策略。`
              : `第 ${c3(f.t)} 步时 DPO 的 π = ${tuple(f.dpoAtT)}。`),
        ),
      question: {
        prompt: '在 D₁ 上、当前的 τ 下，DPO 的策略最终停在哪里？',
        choices: [
          '像 IPO 一样停在某个有限的点，三个回答都还有相当的概率',
          '奔向 (1, 0, 0)：只要一直训练，A 就会拿走全部概率',
          '回到均匀的参考策略：三条偏好相互抵消',
        ],
        explain: (f) =>
          f.d1.dpoChosenEnd === null || f.d1.dpoGapEnd === null
            ? '勾选 DPO，看看它会走到哪里。'
            : f.d1.dpoRunsOnHolds
              ? `${c3(f.steps)} 步后 DPO 的 π(A) = ${c3(f.d1.dpoChosenEnd)}，θ_A − θ_B = ${c3(f.d1.dpoGapEnd)}，` +
                '而且每一步都还在增长。标注确定时，间隔再拉大一点总能让 −log σ(τh) 再降一点，' +
                '所以没有任何力量阻止 π 走向 (1, 0, 0)。'
              : `${c3(f.steps)} 步后 DPO 的 π(A) = ${c3(f.d1.dpoChosenEnd)}，θ_A − θ_B = ${c3(f.d1.dpoGapEnd)}。`,
      },
    },
    {
      heading: 'DPO：任何 τ 下都走向 (1, 0, 0)',
      body: (f) => {
        const vs = f.vsD1;
        const a = f.d1.dpoChosenEnd;
        const b = vs?.dpoChosenEnd ?? null;
        return say(
          f.d1.d1Holds ? '' : NOT_D1,
          vs !== null && f.vsTau !== null && a !== null && b !== null
            ? `实线：τ = ${c3(f.d1.tau)}；点线（单纯形图中为虚线）：τ = ${c3(f.vsTau)}。${c3(f.steps)} 步后 DPO 的 π(A) 分别为 ` +
                `${c3(a)} 和 ${c3(b)}` +
                (f.d1.dpoRunsOnHolds && vs.dpoRunsOnHolds
                  ? '，两次训练中各 logit 之间的差值每一步都还在增长。'
                  : '。')
            : a !== null && `${c3(f.steps)} 步后，τ = ${c3(f.d1.tau)} 时 DPO 的 π(A) = ${c3(a)}。`,
          f.d1.dpoRunsOnHolds &&
            (vs === null || vs.dpoRunsOnHolds) &&
            '\n\nτ 越大，只是爬得越慢。偏好确定时，无论 τ 取多少，DPO 的最优点都在间隔无穷大处，' +
              '所以代表 KL 惩罚强度的 τ 永远拦不住它：论文指出，偏好确定时正则化形同虚设，DPO 会过拟合数据。',
        );
      },
    },
    {
      heading: 'IPO 停在 1/(3τ)',
      body: (f) => {
        const vs = f.vsD1;
        const one = (d: IpoVsDpoFacts['d1']): string | false =>
          d.ipoFixedPoint !== null &&
          d.ipoEnd !== null &&
          (d.ipoSettlesHolds
            ? `τ = ${c3(d.tau)}：IPO 停在 θ_A − θ_B = θ_B − θ_C = 1/(3τ) = ${c3(d.ipoFixedPoint)}，` +
              `π = ${tuple(d.ipoEnd)}` +
              (d.matchesPaperHolds && d.paperProbs !== null
                ? `；论文给出 ${tuple(d.paperProbs)}，相差不超过 ${c3(d.paperTolerance)}。`
                : '。')
            : `τ = ${c3(d.tau)}：1/(3τ) = ${c3(d.ipoFixedPoint)}，训练结束时 IPO 的 π = ${tuple(d.ipoEnd)}。`);
        return say(
          f.d1.d1Holds ? '' : NOT_D1,
          f.d1.ipoEnd === null ? '勾选 IPO，看看它停在哪里。' : '实线，',
          one(f.d1),
          vs !== null && vs.ipoEnd !== null && '点线（单纯形图中为虚线），',
          vs !== null && one(vs),
          f.d1.ipoSettlesHolds &&
            '\n\n为什么是 1/(3τ)：每个偏好对都把自己的间隔拉向 1/(2τ)，但三个间隔彼此牵连（h_AC = h_AB + h_BC）。' +
              '最小二乘下的折中是 h_AB = h_BC = 1/(3τ)、h_AC = 2/(3τ)：对任何 τ 都是有限的点，τ 越大，π 离参考策略越近。',
        );
      },
    },
    {
      heading: '让 DPO 停下来的是噪声',
      body: (f) => {
        const n = f.noisy;
        return say(
          n.pairHolds
            ? `现在只有一个偏好对，它的标注正确的比例为 p = ${c3(n.p)}，τ = ${c3(n.beta)}。`
            : '这份数据不是单个偏好对：重新载入这一步即可看到它。',
          n.dpoOptimum !== null &&
            n.dpoChosenEnd !== null &&
            (n.dpoEndsAtPHolds && n.uniformPairHolds
              ? 'DPO 的期望损失 p·(−log σ(τh)) + (1 − p)·(−log σ(−τh)) 在 τh = logit p 处最小，' +
                `也就是有限的间隔 h* = ${c3(n.dpoOptimum)}：DPO 停在那里，π(y_w) = ${c3(n.dpoChosenEnd)}，正是偏好本身。`
              : `DPO 的最优间隔是 h* = logit(p)/τ = ${c3(n.dpoOptimum)}，它的 π(y_w) 最终为 ${c3(n.dpoChosenEnd)}。`),
          n.dpoEndsAtPHolds &&
            n.pairHolds &&
            n.p < 1 &&
            '\n\n被翻转的标注会往回推，间隔越大推力越强，正是这股力量让 DPO 停在有限的点。' +
              '标注确定时（D₁）没有任何力量往回推：logit p 是无穷大，τ 也替代不了缺失的噪声。',
          n.ipoOptimum !== null &&
            n.ipoChosenEnd !== null &&
            (n.ipoEndsAtOptimumHolds
              ? `IPO 的目标 (2p − 1)/(2τ) = ${c3(n.ipoOptimum)} 对任何 p 都是有限的，所以无论标注有没有噪声，IPO 都会停下` +
                `（这里 π(y_w) = ${c3(n.ipoChosenEnd)}）。`
              : `IPO 的目标间隔是 (2p − 1)/(2τ) = ${c3(n.ipoOptimum)}；它的 π(y_w) 最终为 ${c3(n.ipoChosenEnd)}。`),
        );
      },
    },
  ],
};
