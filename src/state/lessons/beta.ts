// Lesson 'beta': its steps as data (words: i18n/*/lessons/beta.ts; facts: derive/lessons/beta.ts). All on the
// "weak vs strong β" scenario: one noisy pair (p = 0.8) among four equally likely answers, DPO with β = 0.1 and,
// dashed, β = 1 (vs=beta:1). Students tend to expect the larger β to move the policy more (it multiplies the
// margin), so the first step asks before it shows.
import type { Lesson } from './types.ts';

const WEAK_VS_STRONG = 'preset=beta-strength';

export const BETA_LESSON: Lesson = {
  id: 'beta',
  steps: [
    {
      state: `${WEAK_VS_STRONG}&t=0`,
      panels: ['training'],
      controls: ['time'],
      formula:
        '\\max_{\\pi}\\; \\mathbb{E}_{y \\sim \\pi}\\big[r(y)\\big] - \\beta\\, \\mathrm{KL}\\big(\\pi \\,\\|\\, \\pi_{\\mathrm{ref}}\\big)',
      question: { choices: 3, answer: 1 },
    },
    {
      state: WEAK_VS_STRONG,
      panels: ['loss', 'training'],
      formula: '\\ell(h) = -\\log \\sigma(\\beta h), \\qquad \\beta h^* = \\log \\frac{p}{1-p}',
    },
    {
      state: WEAK_VS_STRONG,
      panels: ['sweeps'],
      controls: ['beta'],
    },
  ],
};
