// Lesson 'reference': its steps as data (words: i18n/*/lessons/reference.ts; facts: derive/lessons/reference.ts).
// One noisy pair (p = 0.8, β = 1, so DPO settles at a finite margin, logit(0.8) ≈ 1.39) among three answers,
// 300 steps of Adam (enough to settle to 1e-3): first two references for y_w side by side (vs=ref:…) and the
// reference sweep, then a policy that starts away from its reference (start offsets): what TRL logs at step 0 (on a pair
// labelled one way, p = 1) and where training ends from there (p = 0.8 again).
import type { Lesson } from './types.ts';

const PAIR = 'loss=sigmoid&beta=1&p=0.8&steps=300';
/** π_ref(y_w) = 0.2 here, 0.6 in the dashed run. */
const TWO_REFS = `${PAIR}&ref=0.2,0.4,0.4&vs=ref:0.6,0.2,0.2`;
/** y_w's logit one above the reference's at step 0: ρ ≠ 0 before any update. */
const OFFSET = `${PAIR}&start=1,0,0`;
/**
 * The same start with y_w always preferred (p = 1), for the step about what TRL logs at step 0: with p < 1 TRL's
 * loss averages over the flipped labels, so it would differ from the loss view's dot, −log σ(βh) of the pair.
 */
const OFFSET_SURE = `loss=sigmoid&beta=1&p=1&steps=300&start=1,0,0`;

/** On two lines: on one it is wider than the text column of a 1280 px slide. */
const MARGIN =
  '\\begin{aligned} h &= \\log \\frac{\\pi(y_w)}{\\pi_{\\mathrm{ref}}(y_w)} - \\log \\frac{\\pi(y_l)}{\\pi_{\\mathrm{ref}}(y_l)} \\\\ \\beta h^* &= \\log \\frac{p}{1-p} \\end{aligned}';

export const REFERENCE_LESSON: Lesson = {
  id: 'reference',
  steps: [
    {
      state: `${TWO_REFS}&t=0`,
      panels: ['training'],
      controls: ['ref', 'time'],
      formula: MARGIN,
      question: { choices: 3, answer: 1 },
    },
    {
      state: `${PAIR}&ref=0.2,0.4,0.4&t=300`,
      panels: ['sweeps'],
      controls: ['ref'],
    },
    {
      state: `${OFFSET_SURE}&t=0`,
      panels: ['loss', 'metrics'],
      controls: ['time'],
      formula: '\\mathcal{L} = -\\log \\sigma(\\beta h), \\qquad h \\neq 0 \\text{ at step } 0',
      question: { choices: 3, answer: 1, revealAt: 0 },
    },
    {
      state: `${OFFSET}&t=300`,
      panels: ['training', 'loss'],
      controls: ['time'],
      formula: MARGIN,
    },
  ],
};
