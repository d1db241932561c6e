// Lesson 'ipo-vs-dpo': its steps as data (words: i18n/*/lessons/ipo-vs-dpo.ts; facts: derive/lessons/ipo-vs-dpo.ts).
// The IPO paper's §5.4 (Azar et al. 2023) on the 'ipo-d1' preset: D₁ = {a ≻ b, b ≻ c, a ≻ c}, each certain,
// Adam at lr 0.01. τ is TRL's β; at one token per response IPO's token normalisation changes nothing.
import type { Lesson } from './types.ts';

/** IPO's loss on one pair (TRL's loss_type="ipo"), and its fixed point on D₁. */
const IPO_FORMULA = String.raw`\begin{aligned} \mathcal{L}_\text{IPO} &= \Big(h - \frac{1}{2\tau}\Big)^2 \\ h &= \log\frac{\pi(y_w)}{\pi_\text{ref}(y_w)} - \log\frac{\pi(y_l)}{\pi_\text{ref}(y_l)} \end{aligned}`;
const D1_FIXED_POINT = String.raw`\theta_a - \theta_b = \theta_b - \theta_c = \frac{1}{3\tau}`;
const DPO_FORMULA = String.raw`\mathcal{L}_\text{DPO} = -\log\sigma(\tau h)`;
const NOISY_OPTIMUM = String.raw`p\,\sigma(-\tau h) = (1-p)\,\sigma(\tau h) \;\Rightarrow\; \tau h^\ast = \operatorname{logit} p`;

export const IPOVSDPO_LESSON: Lesson = {
  id: 'ipo-vs-dpo',
  steps: [
    // The setup, before any update: three responses at the uniform reference.
    { state: 'preset=ipo-d1&t=0', panels: ['training', 'simplex'], formula: IPO_FORMULA },
    // Predict: where does DPO end for τ = 1? (Answer: it heads for (1, 0, 0).)
    {
      state: 'preset=ipo-d1&loss=sigmoid&t=0',
      panels: ['training', 'simplex'],
      controls: ['time'],
      formula: DPO_FORMULA,
      question: { choices: 3, answer: 1 },
    },
    // DPO for two τ at once: both run to (1, 0, 0).
    { state: 'preset=ipo-d1&loss=sigmoid&vs=beta:0.1', panels: ['training', 'simplex'], controls: ['beta'] },
    // IPO's fixed point for two τ, with the paper's numbers.
    {
      state: 'preset=ipo-d1&loss=ipo&vs=beta:0.1',
      panels: ['training', 'simplex'],
      controls: ['beta'],
      formula: D1_FIXED_POINT,
    },
    // Noise stops DPO: one pair, p = 0.8.
    { state: 'preset=noisy', panels: ['training', 'loss'], controls: ['p'], formula: NOISY_OPTIMUM },
  ],
};
