// Lesson 'displacement': its steps as data (words: i18n/*/lessons/displacement.ts; facts: derive/lessons/displacement.ts).
// Why did my chosen log-probability fall? Likelihood displacement (the razin-displacement preset), the
// squeezing effect (the squeezing preset) and the fix TRL offers, an SFT term (the sft-term preset).
import type { Lesson } from './types.ts';

export const DISPLACEMENT_LESSON: Lesson = {
  id: 'displacement',
  steps: [
    {
      // Predict first: at step 0 the margin is 0 and π(y_w) where π_ref put it.
      state: 'preset=razin-displacement&t=0',
      panels: ['training', 'metrics'],
      controls: ['time'],
      question: { choices: 3, answer: 2 },
    },
    {
      state: 'preset=razin-displacement',
      panels: ['training', 'simplex'],
      controls: ['time'],
      formula:
        '\\Delta\\big(f_w^{\\top}\\theta\\big) \\propto \\lVert f_w\\rVert^2 - \\langle f_w, f_l\\rangle = (1-s)^2 - s^2',
    },
    {
      state: 'preset=squeezing&t=0',
      panels: ['training'],
      controls: ['time'],
      question: { choices: 3, answer: 1 },
    },
    {
      // The solid run carries the SFT term (sft=0.5), the dashed one (vs=sft:0, loaded with the preset) not.
      state: 'preset=sft-term&t=0',
      panels: ['training', 'metrics'],
      controls: ['time', 'sft'],
      formula:
        '\\begin{aligned} \\mathcal{L} &= 1.0\\cdot\\mathcal{L}_{\\text{sigmoid}} + w\\cdot\\mathcal{L}_{\\text{sft}} \\\\ \\mathcal{L}_{\\text{sft}} &= -\\tfrac{1}{|y_w|}\\log \\pi_\\theta(y_w\\mid x) \\end{aligned}',
      question: { choices: 3, answer: 1 },
    },
  ],
};
