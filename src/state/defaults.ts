// The state a first-time visitor sees. URL writing omits every value equal to these.
import type { AppState } from './appState.ts';
import { DEFAULT_CPO_ALPHA, DEFAULT_SIMPO_GAMMA } from '../math/index.ts';

export const DEFAULT_STATE: Readonly<AppState> = Object.freeze({
  losses: ['sigmoid', 'ipo', 'kto'],
  beta: 0.1,
  labelSmoothing: 0.1,
  ipoNormalization: 'token',
  discopopTau: 0.05,
  // TRL's defaults: plain log-ratios (reverse KL), α = 0.5 (DEFAULT_F_ALPHA), no SFT term.
  fDivergence: 'reverse_kl',
  fAlphaDivergenceCoef: 0.5,
  sftWeight: 0,
  // TRL's loss_type is one loss unless listed.
  extraTerms: [],
  // TRL's defaults: ld_alpha None (= 1, off), use_weighting False.
  ldAlpha: 1,
  wpoWeighting: false,

  // The toy's responses are one token each; the policy starts at the reference (h = 0).
  chosenLength: 1,
  rejectedLength: 1,

  desirableWeight: 1,
  undesirableWeight: 1,
  z0Mode: 'kl',
  z0: 0,

  // CPOConfig's defaults (math/lossInfo.ts, SimPO's row).
  simpoGamma: DEFAULT_SIMPO_GAMMA,
  cpoAlpha: DEFAULT_CPO_ALPHA,

  // The reference starts out preferring the loser y_l, so training visibly has to undo that.
  responses: 3,
  refProbs: [0.3, 0.45, 0.25],
  startLogRatios: [0, 0, 0],
  features: 'tabular',
  similarity: 0.7,
  dataset: 'pair',
  preferenceProb: 0.9,
  rewards: [1, 0, -1],
  optimizer: 'adam',
  learningRate: 0.05,
  steps: 200,
  // TRL's sync_ref_model=False (a fixed reference) and its ref_model_mixup_alpha default.
  refSyncSteps: 0,
  refMixupAlpha: 0.6,
  // A fresh page shows the start (step 0); a scenario shows its end unless it says otherwise (presets.ts).
  t: 0,

  trainingMetrics: [],
  planeLoss: '',

  compare: '',

  preset: '',

  lesson: '',
  lessonStep: 1,

  theme: 'auto',
  lang: 'en',
  embed: '',
  showControls: true,
  showExplanation: false,
} satisfies AppState) as Readonly<AppState>;
