// Lesson 'kto': its steps as data (words: i18n/*/lessons/kto.ts; facts: derive/lessons/kto.ts). KTO as TRL's
// KTOTrainer computes it: each example's loss λ·(1 − σ(±β(ρ − z0))), z0 held constant for the gradient.
import type { Lesson } from './types.ts';

/** The loss of one undesirable (thumbs-down) example: the value function seen from below. */
const UNDESIRABLE = String.raw`\mathcal{L}_U = \lambda_U\,\sigma\big(\beta(\rho - z_0)\big),\quad \rho = \log\frac{\pi(y)}{\pi_\text{ref}(y)}`;
/** TRL's reference point: the mismatched-pair batch mean, clamped at 0 and detached. */
const Z0 = String.raw`\begin{aligned} z_0 &= \max\Big(0,\ \overline{\log\pi(y') - \log\pi_\text{ref}(y')}\Big) \\ &\text{vs}\quad \mathrm{KL}(\pi\,\|\,\pi_\text{ref}) \end{aligned}`;
const WEIGHTS = String.raw`\begin{aligned} \mathcal{L} &= \lambda_D\,\sigma\big(-\beta(\rho_w - z_0)\big) \\ &\quad + \lambda_U\,\sigma\big(\beta(\rho_l - z_0)\big) \end{aligned}`;

export const KTO_LESSON: Lesson = {
  id: 'kto',
  steps: [
    // The value function: one thumbs-down example at step 0; predict what training does to its loss.
    {
      state: 'preset=kto-undesirable-only&t=0',
      panels: ['loss', 'training'],
      controls: ['time'],
      formula: UNDESIRABLE,
      question: { choices: 3, answer: 1 },
    },
    // z0 as a reference point: TRL's batch estimate on these data, against the exact KL.
    {
      state: 'preset=kto-undesirable-only&z0=batch',
      panels: ['training', 'metrics'],
      controls: ['kto'],
      formula: Z0,
    },
    // λD and λU on a pair split into a thumbs-up and a thumbs-down.
    {
      state: 'preset=start&loss=kto&wu=1.2&t=300',
      panels: ['training', 'loss'],
      controls: ['kto'],
      formula: WEIGHTS,
    },
    // Learning from thumbs-down alone: where the mass goes.
    { state: 'preset=kto-undesirable-only', panels: ['training'], controls: ['time'] },
  ],
};
