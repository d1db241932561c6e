// Named toy problems for the app's scenario picker: data, not UI. Each explanation makes claims that
// tests/unit/toy.scenarios.test.ts checks against a real training run, so edit both together.
import type { ToyLossType, ToyProblem, ToyTrainConfig } from './types.ts';
import { buildToyProblem, type ToySpec } from './build.ts';

export interface ToyScenario {
  id: string;
  title: string;
  /** 2–4 sentences for students: what happens and what to look at. */
  explanation: string;
  /** Names for the responses, in order (legends, tables). */
  responses: string[];
  /** The knobs the problem is built from (the app loads these into its controls). */
  spec: ToySpec;
  problem: ToyProblem;
  config: ToyTrainConfig;
  /** The losses to train and show side by side, config.loss.type first. */
  displayLosses: ToyLossType[];
  /**
   * The training step the app's time cursor shows when the scenario is loaded; absent = the last step
   * (config.steps). The 'start' scenario is about step 0.
   */
  showStep?: number;
  /** For a comparison across β: the values to train at (config.loss.beta is the first). */
  compareBetas?: number[];
}

/** Reference logits of the four-response Bradley–Terry scenario and its rewards. */
export const BRADLEY_TERRY_REF = [0, 0.5, 0.3, 0.2];
export const BRADLEY_TERRY_REWARDS = [1, 0.5, 0, -1];

/** A scenario's problem comes from a spec, so that the app's controls can express every scenario exactly. */
function fromSpec(spec: ToySpec): { spec: ToySpec; problem: ToyProblem } {
  return { spec, problem: buildToyProblem(spec) };
}

function tabular(refLogits: number[], dataset: ToySpec['dataset']): { spec: ToySpec; problem: ToyProblem } {
  return fromSpec({ refLogits, features: 'tabular', similarity: 0, dataset });
}

export const TOY_SCENARIOS: readonly ToyScenario[] = [
  {
    id: 'start',
    title: 'Step 0: the policy is the reference',
    explanation:
      'Training starts from a copy of the reference model, so every log-ratio log π/π_ref is 0. ' +
      'The DPO loss is then −log σ(0) = ln 2 ≈ 0.693 whatever β is, and TRL logs rewards/accuracies = 0, ' +
      'not 0.5: a pair only counts as right when the chosen reward is strictly larger. ' +
      'After the first update the margin is positive and the accuracy jumps to 0.9, not 1: the data say ' +
      'A ≻ B with p = 0.9, so one label in ten says the opposite, and TRL counts those too.',
    responses: ['A (chosen)', 'B (rejected)', 'C', 'D'],
    ...tabular([1, 0.5, 0, -0.5], { kind: 'pair', p: 0.9 }),
    config: { loss: { type: 'sigmoid', beta: 0.1 }, optimizer: 'adam', learningRate: 0.05, steps: 300 },
    displayLosses: ['sigmoid', 'ipo', 'kto'],
    showStep: 0,
  },
  {
    id: 'deterministic',
    title: 'Always preferred: DPO never stops, IPO does',
    explanation:
      'Here A beats B every time (p = 1). DPO can always lower its loss a little more by widening the ' +
      'margin, so the margin keeps growing for as long as you train and π(B) heads to 0: DPO over-fits ' +
      'deterministic preferences. IPO regresses the margin onto a target, 1/(2β) = 5 here, and stops there. ' +
      'Watch the margin plot: one curve climbs, the other flattens.',
    responses: ['A (chosen)', 'B (rejected)'],
    ...tabular([0, 0], { kind: 'pair', p: 1 }),
    config: { loss: { type: 'sigmoid', beta: 0.1 }, optimizer: 'adam', learningRate: 0.05, steps: 300 },
    displayLosses: ['sigmoid', 'ipo'],
  },
  {
    id: 'noisy',
    title: 'Noisy preferences: both losses settle',
    explanation:
      'Annotators prefer A 8 times out of 10 (p = 0.8). DPO now has a finite optimum, βh = logit(0.8) ≈ 1.39: ' +
      'with β = 1 and a uniform two-answer reference the policy ends at π(A) = 0.8, exactly the preference. ' +
      'IPO aims at h = (2p − 1)/(2β) = 0.3 and ends at π(A) = σ(0.3) ≈ 0.57. ' +
      'Noise, not the loss, is what stops DPO from running off to infinity.',
    responses: ['A (chosen)', 'B (rejected)'],
    ...tabular([0, 0], { kind: 'pair', p: 0.8 }),
    config: { loss: { type: 'sigmoid', beta: 1 }, optimizer: 'sgd', learningRate: 0.25, steps: 300 },
    displayLosses: ['sigmoid', 'ipo'],
  },
  {
    id: 'label-noise',
    title: 'Label noise: conservative vs robust DPO',
    explanation:
      'Suppose A is truly preferred 90% of the time but 10% of labels get flipped, so the data say p = 0.82. ' +
      'Plain DPO fits the noisy data: π(A) → 0.82. Conservative DPO (cDPO, ε = 0.1) smooths the labels ' +
      'further and ends less sure, at 0.756; robust DPO (ε = 0.1) undoes the assumed flips and recovers ' +
      'the clean preference, 0.9. Same data, three different answers: ε is a modelling choice.',
    responses: ['A (chosen)', 'B (rejected)'],
    ...tabular([0, 0], { kind: 'pair', p: 0.82 }),
    config: {
      loss: { type: 'sigmoid', beta: 1, labelSmoothing: 0.1 },
      optimizer: 'sgd',
      learningRate: 0.5,
      steps: 300,
    },
    displayLosses: ['sigmoid', 'cdpo', 'robust'],
  },
  {
    id: 'likelihood-displacement',
    title: 'Likelihood displacement: the chosen answer gets less likely',
    explanation:
      'The chosen answer A and the rejected answer B are near-duplicates: both lean on one shared feature, ' +
      'B twice as hard as A. DPO widens the margin by pushing that shared feature down, which drags A down ' +
      'with B: after a brief rise π(A) falls from 0.36 to about 0.10 while the margin keeps growing and ' +
      'accuracy stays 1, and the mass goes to C and D. In TRL logs this is rewards/chosen turning negative ' +
      'while rewards/margins keeps rising. IPO stops at its target margin 1/(2β) = 0.5 and leaves π(A) where it began.',
    responses: ['A (chosen)', 'B (rejected)', 'C', 'D'],
    ...fromSpec({
      refLogits: [1, 1, 0.3, -0.3],
      features: 'shared',
      similarity: 0.8,
      dataset: { kind: 'pair', p: 1 },
    }),
    config: { loss: { type: 'sigmoid', beta: 1 }, optimizer: 'sgd', learningRate: 0.1, steps: 300 },
    displayLosses: ['sigmoid', 'ipo'],
  },
  {
    id: 'kto-undesirable-only',
    title: 'KTO with thumbs-down only',
    explanation:
      'KTO needs no pairs: this dataset has a single undesirable example, response A, and nothing else. ' +
      'KTO pushes π(A) towards 0 and its loss keeps falling without reaching an optimum. ' +
      'With plain SGD each other logit rises in proportion to its probability, so the most likely answer B ' +
      'gains most and ends up squeezing C and D too: they rise at first, then fall below where they started.',
    responses: ['A (undesirable)', 'B', 'C', 'D'],
    ...tabular([1, 0.5, 0, -0.5], { kind: 'thumbs-down' }),
    config: { loss: { type: 'kto', beta: 0.1 }, optimizer: 'sgd', learningRate: 1, steps: 300 },
    displayLosses: ['kto'],
  },
  {
    id: 'beta-strength',
    title: 'Weak vs strong β',
    explanation:
      'β sets how far the policy may move from the reference. With p = 0.8 DPO settles where βh = logit(0.8): ' +
      'a weak β = 0.1 needs a margin of 13.9, which puts almost all probability on A (π(A) ≈ 0.998, far from ' +
      'the reference), while a strong β = 1 stops at a margin of 1.39 with π(A) ≈ 0.44. ' +
      'Compare the KL from the reference of the two runs, and try the β sweep.',
    responses: ['A (chosen)', 'B (rejected)', 'C', 'D'],
    ...tabular([0, 0, 0, 0], { kind: 'pair', p: 0.8 }),
    config: { loss: { type: 'sigmoid', beta: 0.1 }, optimizer: 'adam', learningRate: 0.05, steps: 600 },
    displayLosses: ['sigmoid'],
    compareBetas: [0.1, 1],
  },
  {
    id: 'bradley-terry',
    title: 'DPO finds the RLHF optimum',
    explanation:
      'Four answers with hidden rewards r = (1, 0.5, 0, −1), and every pair labelled the Bradley–Terry way: ' +
      'i beats j with probability σ(r_i − r_j). DPO never sees the rewards, yet it converges to the policy ' +
      'that RLHF with a KL penalty would find, π*(y) ∝ π_ref(y)·exp(r(y)/β). ' +
      'That equivalence is the whole idea of DPO.',
    responses: ['A (r = 1)', 'B (r = 0.5)', 'C (r = 0)', 'D (r = −1)'],
    ...tabular(BRADLEY_TERRY_REF, { kind: 'ranking', rewards: BRADLEY_TERRY_REWARDS }),
    config: { loss: { type: 'sigmoid', beta: 1 }, optimizer: 'sgd', learningRate: 1, steps: 300 },
    displayLosses: ['sigmoid'],
  },
];

/** The scenario the app opens with. */
export const DEFAULT_SCENARIO_ID = 'start';

export function findScenario(id: string): ToyScenario | undefined {
  return TOY_SCENARIOS.find((s) => s.id === id);
}
