// Lesson 'rlhf-to-dpo': its steps as data (words: i18n/*/lessons/rlhf-to-dpo.ts; facts: derive/lessons/rlhf-to-dpo.ts).
// The path of the DPO paper (Rafailov et al. 2023, §4–5) on two scenarios: the Bradley–Terry ranking, whose ★
// in the simplex view is the RLHF optimum, and one deterministic pair (p = 1), where TRL's rewards/chosen and
// rewards/rejected are exactly β·log π/π_ref of y_w and y_l and the loss is exactly −log σ(βh).
import type { Lesson } from './types.ts';

/** Four answers ranked by hidden rewards, at step 0: the data, the ★, and the question where DPO ends. */
const RANKING = 'preset=bradley-terry&t=0';
/** One pair, y_w always preferred, DPO alone, a few dozen steps in: rewards, loss and gradient mid-training. */
const ONE_PAIR = 'preset=deterministic&loss=sigmoid&t=60';

export const RLHFTODPO_LESSON: Lesson = {
  id: 'rlhf-to-dpo',
  steps: [
    {
      state: RANKING,
      panels: ['training'],
      formula: 'P(y_1 \\succ y_2) = \\sigma\\big(r(y_1) - r(y_2)\\big)',
    },
    {
      state: RANKING,
      panels: ['simplex'],
      formula:
        '\\max_{\\pi}\\; \\mathbb{E}_{y \\sim \\pi}\\big[r(y)\\big] - \\beta\\, \\mathrm{KL}\\big(\\pi \\,\\|\\, \\pi_{\\mathrm{ref}}\\big)',
    },
    {
      state: RANKING,
      panels: ['simplex'],
      controls: ['beta'],
      formula: '\\pi^*(y) = \\frac{1}{Z}\\, \\pi_{\\mathrm{ref}}(y)\\, \\exp\\!\\big(r(y)/\\beta\\big)',
    },
    {
      state: ONE_PAIR,
      panels: ['training', 'metrics'],
      controls: ['time'],
      formula: 'r(y) = \\beta \\log \\frac{\\pi^*(y)}{\\pi_{\\mathrm{ref}}(y)} + \\beta \\log Z',
    },
    {
      state: ONE_PAIR,
      panels: ['loss', 'metrics'],
      controls: ['time'],
      // Two lines: on one the loss written out is wider than the text column of a 1280 px slide.
      formula:
        '\\begin{aligned} \\mathcal{L}_{\\mathrm{DPO}} &= -\\log \\sigma\\Big(\\beta \\log \\frac{\\pi(y_w)}{\\pi_{\\mathrm{ref}}(y_w)} - \\beta \\log \\frac{\\pi(y_l)}{\\pi_{\\mathrm{ref}}(y_l)}\\Big) \\\\ &= -\\log \\sigma(\\beta h) \\end{aligned}',
    },
    {
      state: ONE_PAIR,
      panels: ['gradient', 'training'],
      controls: ['time'],
      formula:
        '\\begin{aligned} -\\nabla_\\theta \\mathcal{L}_{\\mathrm{DPO}} &= \\beta\\, \\sigma(-\\beta h) \\\\ &\\quad \\times \\big[\\nabla_\\theta \\log \\pi(y_w) - \\nabla_\\theta \\log \\pi(y_l)\\big] \\end{aligned}',
    },
    {
      state: RANKING,
      panels: ['simplex', 'training'],
      controls: ['time'],
      question: { choices: 3, answer: 0 },
    },
  ],
};
