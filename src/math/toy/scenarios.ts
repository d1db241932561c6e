// Named toy problems for the app's scenario picker: data only. Their titles and explanations are i18n
// templates (src/i18n/en/presets.ts, zh/presets.ts) filled with numbers computed from the state
// (src/derive/scenarioFacts.ts); tests/unit/toy.scenarios.test.ts checks the trainer's behaviour each
// explanation relies on, and tests/unit/scenarioFacts.test.ts each claim as loaded.
import type { ToyLossType, ToyProblem, ToyTrainConfig } from './types.ts';
import type { FDivergence } from '../types.ts';
import { buildToyProblem, type ToySpec } from './build.ts';
import { softmax } from '../stable.ts';

/** Every scenario's id, in menu order (the i18n tables key their titles and explanations on these). */
export const SCENARIO_IDS = [
  'start',
  'deterministic',
  'ipo-d1',
  'noisy',
  'label-noise',
  'likelihood-displacement',
  'kto-undesirable-only',
  'beta-strength',
  'bradley-terry',
  'sft-term',
  'f-divergence',
  'no-reference',
  'tr-dpo',
  'razin-displacement',
  'squeezing',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export function isScenarioId(id: string): id is ScenarioId {
  return (SCENARIO_IDS as readonly string[]).includes(id);
}

export interface ToyScenario {
  id: ScenarioId;
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
  /** For a comparison across β: config.loss.beta first; the other is loaded as the compared run (vs=beta:…). */
  compareBetas?: number[];
  /** For a comparison across SFT weights: config.loss.sftWeight first; the other is the compared run (vs=sft:…). */
  compareSftWeights?: number[];
  /** For a comparison across f-divergences: the compared run's (vs=fdiv:…); the state's is config.loss's. */
  compareDivergence?: FDivergence;
  /** For TR-DPO against another sync period: the compared run's S (vs=sync:…; 0 = a fixed reference). */
  compareSyncSteps?: number;
}

/** The likelihood-displacement pair: y_w and y_l near-duplicates that share a feature (see that scenario). */
const DISPLACEMENT_SPEC: ToySpec = {
  refLogits: [1, 1, 0.3, -0.3],
  features: 'shared',
  similarity: 0.8,
  dataset: { kind: 'pair', p: 1 },
};

/** Reference logits of the four-response Bradley–Terry scenario and its rewards. */
export const BRADLEY_TERRY_REF = [0, 0.5, 0.3, 0.2];
export const BRADLEY_TERRY_REWARDS = [1, 0.5, 0, -1];

/**
 * The IPO paper's D1 (Azar et al. 2023, §5.4, its Figure): three responses, a ≻ b, b ≻ c, a ≻ c, each
 * certain, and the policy IPO learns for τ = 0.1, 0.5, 1 as the paper prints it (three decimals). The toy
 * reproduces them with a uniform reference, a tabular policy from θ = 0 (softmax of three free logits), the
 * full dataset in every batch (the mean of the three pairs' losses) and Adam at lr 0.01: IPO's per-pair loss
 * (h − 1/(2τ))² summed over D1 has its minimum at θa − θb = θb − θc = 1/(3τ), π ∝ (e^(2/(3τ)), e^(1/(3τ)), 1).
 * At τ = 0.1 that is (0.9644, 0.0344, 0.0012), which the paper prints as (0.964, 0.035, 0.001): its middle
 * entry is 0.0006 off (the three printed numbers sum to 1), so the paper is matched to within 0.001.
 */
export const IPO_PAPER_D1: readonly { tau: number; probs: readonly [number, number, number] }[] = [
  { tau: 0.1, probs: [0.964, 0.035, 0.001] },
  { tau: 0.5, probs: [0.563, 0.289, 0.148] },
  { tau: 1, probs: [0.448, 0.321, 0.23] },
];
/** How close the toy's π must be to the paper's printed one: one unit in its last (third) decimal. */
export const IPO_PAPER_TOLERANCE = 0.001;

/**
 * log π_ref of each of three equally likely responses, as the app's controls hold it (log of softmax's 1/3,
 * which rounds to 0.33333333333333337): bit for bit, so that the app trains exactly this problem.
 */
const UNIFORM3 = Math.log(softmax([0, 0, 0])[0]);

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
    ...tabular([1, 0.5, 0, -0.5], { kind: 'pair', p: 0.9 }),
    config: { loss: { type: 'sigmoid', beta: 0.1 }, optimizer: 'adam', learningRate: 0.05, steps: 300 },
    displayLosses: ['sigmoid', 'ipo', 'kto'],
    showStep: 0,
  },
  {
    id: 'deterministic',
    ...tabular([0, 0], { kind: 'pair', p: 1 }),
    config: { loss: { type: 'sigmoid', beta: 0.1 }, optimizer: 'adam', learningRate: 0.05, steps: 300 },
    displayLosses: ['sigmoid', 'ipo'],
  },
  {
    // The IPO paper's D1 (IPO_PAPER_D1): τ = β = 1 loaded; 2000 steps, so that τ = 0.1 converges too. By
    // symmetry θ_b's gradient is 0 up to rounding, and Adam divides it by its own tiny RMS, so rounding moves
    // θ_b by up to lr per step: the path (not the fixed point) depends on the last bit of the logits (UNIFORM3).
    id: 'ipo-d1',
    ...tabular([UNIFORM3, UNIFORM3, UNIFORM3], { kind: 'order' }),
    config: { loss: { type: 'ipo', beta: 1 }, optimizer: 'adam', learningRate: 0.01, steps: 2000 },
    displayLosses: ['ipo', 'sigmoid'],
  },
  {
    id: 'noisy',
    ...tabular([0, 0], { kind: 'pair', p: 0.8 }),
    config: { loss: { type: 'sigmoid', beta: 1 }, optimizer: 'sgd', learningRate: 0.25, steps: 300 },
    displayLosses: ['sigmoid', 'ipo'],
  },
  {
    id: 'label-noise',
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
    ...fromSpec(DISPLACEMENT_SPEC),
    config: { loss: { type: 'sigmoid', beta: 1 }, optimizer: 'sgd', learningRate: 0.1, steps: 300 },
    displayLosses: ['sigmoid', 'ipo'],
  },
  {
    id: 'kto-undesirable-only',
    ...tabular([1, 0.5, 0, -0.5], { kind: 'thumbs-down' }),
    config: { loss: { type: 'kto', beta: 0.1 }, optimizer: 'sgd', learningRate: 1, steps: 300 },
    displayLosses: ['kto'],
  },
  {
    id: 'beta-strength',
    ...tabular([0, 0, 0, 0], { kind: 'pair', p: 0.8 }),
    config: { loss: { type: 'sigmoid', beta: 0.1 }, optimizer: 'adam', learningRate: 0.05, steps: 600 },
    displayLosses: ['sigmoid'],
    compareBetas: [0.1, 1],
  },
  {
    id: 'bradley-terry',
    ...tabular(BRADLEY_TERRY_REF, { kind: 'ranking', rewards: BRADLEY_TERRY_REWARDS }),
    config: { loss: { type: 'sigmoid', beta: 1 }, optimizer: 'sgd', learningRate: 1, steps: 300 },
    displayLosses: ['sigmoid'],
  },
  {
    // TRL's loss_type=["sigmoid", "sft"], loss_weights=[1.0, 0.5] on the displacement pair, against w = 0.
    id: 'sft-term',
    ...fromSpec(DISPLACEMENT_SPEC),
    config: {
      loss: { type: 'sigmoid', beta: 1, sftWeight: 0.5 },
      optimizer: 'sgd',
      learningRate: 0.1,
      steps: 300,
    },
    displayLosses: ['sigmoid'],
    compareSftWeights: [0.5, 0],
  },
  {
    // DPO under reverse KL (TRL's default) against forward KL, on one noisy pair among four responses.
    id: 'f-divergence',
    ...tabular([0, 0, 0, 0], { kind: 'pair', p: 0.9 }),
    config: { loss: { type: 'sigmoid', beta: 0.1 }, optimizer: 'adam', learningRate: 0.05, steps: 300 },
    displayLosses: ['sigmoid'],
    compareDivergence: 'forward_kl',
  },
  {
    // One noisy pair beside a third response the pair never mentions: DPO holds the policy near π_ref,
    // SimPO and ORPO (no reference model) do not, and their NLL terms pull the chosen response up. ε = 0,
    // CPOConfig's default, so SimPO is TRL's; γ and cpo_alpha take the app's (CPOConfig's) defaults.
    id: 'no-reference',
    ...tabular([0.5, 0, -0.5], { kind: 'pair', p: 0.9 }),
    config: {
      loss: { type: 'sigmoid', beta: 2, labelSmoothing: 0 },
      optimizer: 'adam',
      learningRate: 0.05,
      steps: 300,
    },
    displayLosses: ['sigmoid', 'simpo', 'orpo'],
  },
  {
    // TR-DPO (sync_ref_model): DPO on one noisy pair with the reference mixed toward the policy every 10
    // updates (α = 0.6, TRL's default), against the same run with a fixed reference (vs=sync:0).
    id: 'tr-dpo',
    ...tabular([0.5, 0, -0.5], { kind: 'pair', p: 0.9 }),
    config: {
      loss: { type: 'sigmoid', beta: 1 },
      optimizer: 'adam',
      learningRate: 0.05,
      steps: 300,
      refSync: { mixupAlpha: 0.6, syncSteps: 10 },
    },
    displayLosses: ['sigmoid'],
    compareSyncSteps: 0,
  },
  {
    // Razin et al., 2024, "Unintentional Unalignment: Likelihood Displacement in Direct Preference
    // Optimization": when y_w and y_l are alike (here: one shared feature, similarity 0.8), DPO can lower
    // π(y_w) while the margin grows, and the mass goes to a response in no pair. Their toy is a model's
    // hidden embeddings; ours is the shared-feature toy, tuned so the effect is theirs in kind: π(y_w) loses
    // more than half (0.384 → 0.120) while π(y₃) rises 0.233 → 0.874 (tests/unit/toy.paperPresets.test.ts).
    id: 'razin-displacement',
    ...fromSpec({
      refLogits: [1, 1, 0.5],
      features: 'shared',
      similarity: 0.8,
      dataset: { kind: 'pair', p: 1 },
    }),
    config: { loss: { type: 'sigmoid', beta: 1 }, optimizer: 'sgd', learningRate: 0.1, steps: 300 },
    displayLosses: ['sigmoid'],
  },
  {
    // Ren & Sutherland, 2024, "Learning Dynamics of LLM Finetuning" (the squeezing effect): a negative
    // gradient on an unlikely response of a peaked softmax moves the mass to the MOST likely response, not
    // evenly. Thumbs-down data (A, π_ref = 0.019, is the one undesirable example), KTO, plain SGD: each other
    // logit rises in proportion to its probability, so B (0.617) ends at 0.998 while C and D, which rise
    // less than the average logit, fall from the first step.
    id: 'squeezing',
    ...tabular([-2, 1.5, 0.5, 0], { kind: 'thumbs-down' }),
    config: { loss: { type: 'kto', beta: 0.1 }, optimizer: 'sgd', learningRate: 1, steps: 300 },
    displayLosses: ['kto'],
  },
];

/** The scenario the app opens with. */
export const DEFAULT_SCENARIO_ID: ScenarioId = 'start';

export function findScenario(id: string): ToyScenario | undefined {
  return TOY_SCENARIOS.find((s) => s.id === id);
}
