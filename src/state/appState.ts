// The app's whole shareable state: one flat, plain object. Everything a reader must see to restore a view
// lives here; everything else (curves, trajectories) is derived from it.
// The choices of every enum field are `as const` arrays here; the types are derived from them, and the
// parameter list (urlParams.ts) takes its choices from the same arrays, so a choice is written once.
import type { ExplorerMetricName, ExtraTerm, FDivergence, LossId } from '../math/index.ts';
import { EMBED_VIEW_IDS } from './viewIds.ts';
import { LESSON_IDS, type LessonId } from './lessons/types.ts';
import type { CustomLessonId } from './lessons/loaded.ts';

export type { ExtraTerm, FDivergence, LossId };

/** The settings a second run may change, by their name in `vs=<key>:<value>` (CONVENTIONS §9). */
export const COMPARE_KEY_NAMES = [
  'beta',
  'loss',
  'ref',
  'p',
  'features',
  'optimizer',
  'lr',
  'sft',
  'fdiv',
  'sync',
] as const;
export type CompareKey = (typeof COMPARE_KEY_NAMES)[number];
/** The compared run's choice: '' (none) or `<key>:<value>` with the value as a link writes it. */
export type CompareText = '' | `${CompareKey}:${string}`;

export const THEMES = ['auto', 'light', 'dark', 'projector'] as const;
export type ThemeName = (typeof THEMES)[number];
export const LANGS = ['en', 'zh'] as const;
export type LangCode = (typeof LANGS)[number];
export const Z0_MODES = ['kl', 'batch', 'fixed'] as const;
export type Z0Mode = (typeof Z0_MODES)[number];
export const IPO_NORMALIZATIONS = ['token', 'sum'] as const;
export type IpoNormalization = (typeof IPO_NORMALIZATIONS)[number];
export const FEATURE_KINDS = ['tabular', 'shared'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];
export const DATASETS = ['pair', 'ranking', 'order', 'thumbs-down'] as const;
export type DatasetKind = (typeof DATASETS)[number];
export const OPTIMIZERS = ['sgd', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];
/** '' = the full app; '1' = the default single view; a view id = that view. */
/**
 * '' = the free explorer; a lesson id = that lesson's presenter layout (`lesson=` in a link); 'custom' = the
 * instructor's lesson loaded from `lessondata=` or a file (lessons/loaded.ts), which `lesson=` cannot name.
 */
export const LESSON_CHOICES = ['', ...LESSON_IDS] as const;
export type LessonChoice = LessonId | CustomLessonId | '';
export const EMBED_CHOICES = ['', '1', ...EMBED_VIEW_IDS] as const;
export type EmbedChoice = (typeof EMBED_CHOICES)[number];

export interface AppState {
  /** Losses shown side by side, in the order chosen. */
  losses: LossId[];
  beta: number;
  labelSmoothing: number;
  ipoNormalization: IpoNormalization;
  discopopTau: number;
  /** TRL's f_divergence_type: what replaces the log-ratios in every pair loss that reads them. */
  fDivergence: FDivergence;
  /** TRL's f_alpha_divergence_coef α (alpha_divergence only). */
  fAlphaDivergenceCoef: number;
  /**
   * The weight of TRL's "sft" term added to every pair loss: loss_type=[<loss>, "sft"], loss_weights=[1, w]
   * (0: no such term). Since TRL 0.29 removed rpo_alpha, this is how TRL keeps log π(y_w) from falling.
   */
  sftWeight: number;
  /**
   * Further terms of TRL's loss list beside every pair loss that takes the SFT term (takesSftTerm):
   * loss_type=[<loss>, …types, "sft"], loss_weights=[1, …weights, sftWeight]; each type once, each a loss
   * takesAsExtraTerm accepts, in the order added ([]: none).
   */
  extraTerms: ExtraTerm[];
  /**
   * LD-DPO's ld_alpha α in [0, 1] (1: off, TRL's None): the verbose tail of the longer response of a pair
   * counts α times (math/ldWpo.ts).
   */
  ldAlpha: number;
  /** WPO's use_weighting: each pair's loss times w_c·w_r of the current policy, held constant (ldWpo.ts). */
  wpoWeighting: boolean;

  /** Completion tokens of the toy's y_w (response 0) and y_l (response 1); every other response has 1. */
  chosenLength: number;
  rejectedLength: number;

  desirableWeight: number;
  undesirableWeight: number;
  z0Mode: Z0Mode;
  /** Used when z0Mode is 'fixed'. */
  z0: number;

  /** SimPO's target margin γ (CPOConfig.simpo_gamma) and the weight of its NLL term (cpo_alpha). */
  simpoGamma: number;
  cpoAlpha: number;

  /** The toy policy: K responses; response 0 is y_w, response 1 is y_l. */
  responses: number;
  /** Reference probabilities of the K responses (normalised to sum to 1). */
  refProbs: number[];
  /**
   * Where the policy starts: per-response offsets added to the reference logits (all 0 = the reference).
   * The starting log π(k) = log softmax(log refProbs + startLogRatios)[k]; the pair of the loss and gradient
   * views, the readout and the TRL code is responses 0 and 1 of this policy (src/derive/toyPair.ts).
   */
  startLogRatios: number[];
  features: FeatureKind;
  /** How much y_w and y_l share their feature (0 = tabular-like, near 1 = almost the same direction). */
  similarity: number;
  /** What the toy is trained on: one pair y_w ≻ y_l with probability p, a Bradley–Terry ranking from hidden rewards, a deterministic order A ≻ B ≻ C … (every pair, p = 1), or a single thumbs-down on response A. */
  dataset: DatasetKind;
  preferenceProb: number;
  /** Hidden rewards of the K responses for the 'ranking' dataset. */
  rewards: number[];
  optimizer: OptimizerName;
  learningRate: number;
  steps: number;
  /**
   * TR-DPO: TRL's ref_model_sync_steps S with sync_ref_model=True (0: off, the reference stays fixed). After
   * every S-th update the reference is mixed toward the policy (math/toy/types.ts ToyTrainConfig.refSync).
   */
  refSyncSteps: number;
  /** TR-DPO's ref_model_mixup_alpha α (TRL's default 0.6); read only while refSyncSteps ≥ 1. */
  refMixupAlpha: number;
  /**
   * The time cursor: the training step every view shows (0 … steps; 0 = the start, before any update).
   * Not a toy field: moving it never retrains, it only indexes into the runs (derive/atStep.ts).
   */
  t: number;

  /** The TRL metrics ticked under the training view, in the order ticked; [] = automatic (the usual ones that have data in these runs). */
  trainingMetrics: ExplorerMetricName[];
  /** The loss whose contours the plane draws; '' = the first loss shown. */
  planeLoss: LossId | '';

  /**
   * A second run that differs in one setting, drawn dashed beside this one: '' = none, else
   * `<key>:<value>` in canonical form (compareText.ts; keys COMPARE_KEYS in urlParams.ts), e.g. 'beta:1'.
   * Only the choice lives here; the second run itself is derived (src/derive/compare.ts).
   */
  compare: CompareText;

  /** The preset last loaded, so a shared link shows its explanation ('' = none). */
  preset: string;

  /**
   * The lesson shown ('' = none, the free explorer) and its step, from 1 as in a link (`lesson=…&step=…`).
   * A lesson step's state (state/lessons/) is the base the rest of the state differs from (urlCodec.ts).
   */
  lesson: LessonChoice;
  lessonStep: number;

  theme: ThemeName;
  lang: LangCode;
  /** '' = the full app; a view id or '1' = that single view, for iframes. */
  embed: EmbedChoice;
  showControls: boolean;
  /** An embed shows the loaded scenario's explanation above its view (`explain=1`; off by default). */
  showExplanation: boolean;
}

/** The state fields that hold one of a few named choices (the enums above). */
export type ChoiceField = Exclude<
  {
    [K in keyof AppState]: AppState[K] extends string ? K : never;
  }[keyof AppState],
  'compare'
>;
