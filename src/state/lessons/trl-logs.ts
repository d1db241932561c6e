// Lesson 'trl-logs': its steps as data (words: i18n/*/lessons/trl-logs.ts; facts: derive/lessons/trl-logs.ts).
// Reading a TRL training log: step 0 (loss ln 2, accuracy 0 by strict >), rewards/chosen going negative while
// rewards/margins grow, what rewards/* and logps/* are, and IPO's loss scale 1/(4β²).
import type { Lesson } from './types.ts';

export const TRLLOGS_LESSON: Lesson = {
  id: 'trl-logs',
  steps: [
    {
      // The answer is about step 0 itself: answering keeps the cursor there (revealAt 0).
      state: 'preset=start&loss=sigmoid&t=0',
      panels: ['metrics', 'training'],
      controls: ['time'],
      question: { choices: 3, answer: 0, revealAt: 0 },
    },
    {
      state: 'preset=razin-displacement',
      panels: ['metrics', 'training'],
      controls: ['time'],
    },
    {
      state: 'preset=razin-displacement&t=100',
      panels: ['metrics', 'training'],
      controls: ['time', 'beta'],
      formula:
        '\\begin{aligned} r_\\theta(x,y) &= \\beta\\,\\big(\\log\\pi_\\theta(y\\mid x) - \\log\\pi_{\\text{ref}}(y\\mid x)\\big) \\\\ \\text{margins} &= r_\\theta(x,y_w) - r_\\theta(x,y_l) \\end{aligned}',
    },
    {
      state: 'preset=start&loss=ipo&t=0',
      panels: ['metrics', 'loss'],
      controls: ['time', 'beta'],
      formula:
        '\\begin{aligned} \\mathcal{L}_{\\text{IPO}} &= \\Big(h - \\frac{1}{2\\beta}\\Big)^2 \\\\ h &= \\frac{1}{|y_w|}\\log\\frac{\\pi_\\theta(y_w)}{\\pi_{\\text{ref}}(y_w)} - \\frac{1}{|y_l|}\\log\\frac{\\pi_\\theta(y_l)}{\\pi_{\\text{ref}}(y_l)} \\end{aligned}',
      question: { choices: 3, answer: 2, revealAt: 0 },
    },
  ],
};
