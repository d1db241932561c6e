// The parameter list: the one declaration of every field of the app state (the idea of TensorFlow
// Playground's state.ts). Each entry says the field's key in a link, its range, scale and rounding, or its
// choices, and what the README says about it. The link reader and writer (urlCodec.ts), the store's
// sanitiser (sanitize.ts), the sliders and number boxes (components/controls) and the README's table
// (`npm run docs:url`) all read it, so a link, a slider and the store cannot disagree about a parameter.
// Keys are short readable words; `beta` and `loss` are fixed by CONVENTIONS §9.
import {
  COMPARE_KEY_NAMES,
  DATASETS,
  EMBED_CHOICES,
  FEATURE_KINDS,
  IPO_NORMALIZATIONS,
  LANGS,
  LESSON_CHOICES,
  OPTIMIZERS,
  THEMES,
  Z0_MODES,
  type AppState,
  type CompareKey,
  type Z0Mode,
} from './appState.ts';
import {
  BETA_RANGE,
  EXTRA_TERM_TYPES,
  F_DIVERGENCES,
  LOSS_IDS,
  PICKER_METRICS,
  type ExplorerMetricName,
  type LossId,
  type PairLossType,
} from '../math/index.ts';
import { PRESET_IDS } from './presetIds.ts';
import { REF_PROB_MIN } from './refProbs.ts';

/** How a slider moves over a number: evenly in the value, or evenly in its log10 (every decade alike). */
export type Scale = 'linear' | 'log';

/**
 * How a number is stored: to `digits` significant digits, to `digits` decimals, or whole. A link, a slider,
 * a typed value and any patch are all rounded this way, so the store holds exactly what the box shows.
 */
export type Rounding =
  { kind: 'sig'; digits: number } | { kind: 'decimals'; digits: number } | { kind: 'whole' };

const sig = (digits: number): Rounding => ({ kind: 'sig', digits });
const decimals = (digits: number): Rounding => ({ kind: 'decimals', digits });
const WHOLE: Rounding = { kind: 'whole' };
/** Significant digits a number box shows at most (formatInputNumber): numbers without a coarser rule keep as many. */
export const BOX_DIGITS = 6;
const BOX_ROUNDING = sig(BOX_DIGITS);

interface SpecBase {
  /** The key in the hash, or null when the field has no key of its own (`doc` says where it goes). */
  key: string | null;
  /** What the README says about it. */
  doc: string;
}

export interface NumberSpec extends SpecBase {
  kind: 'number';
  min: number;
  max: number;
  scale: Scale;
  round: Rounding;
}

export interface EnumSpec<T extends string = string> extends SpecBase {
  kind: 'enum';
  choices: readonly T[];
}

export interface BoolSpec extends SpecBase {
  kind: 'bool';
}

/** A comma-separated list of losses: known ids only, no repeats. */
export interface LossListSpec extends SpecBase {
  kind: 'lossList';
  choices: readonly LossId[];
}

/** A comma-separated list of TRL metric names from the training view's picker: known names only, no repeats; empty = automatic. */
export interface MetricListSpec extends SpecBase {
  kind: 'metricList';
  choices: readonly ExplorerMetricName[];
}

/**
 * TRL's further loss-list terms: comma-separated `<loss_type>:<weight>` pairs, each type among `choices`
 * (takesAsExtraTerm) and once, each weight by the number rule of [min, max] and `round`.
 */
export interface TermListSpec extends SpecBase {
  kind: 'termList';
  choices: readonly PairLossType[];
  min: number;
  max: number;
  round: Rounding;
}

/** The reference probabilities: one positive number per response, normalised to sum to 1. */
export interface ProbListSpec extends SpecBase {
  kind: 'probList';
  min: number;
}

/** The ranking rewards: one number per response, each clamped to [min, max] and rounded. */
export interface RewardListSpec extends SpecBase {
  kind: 'rewardList';
  min: number;
  max: number;
  round: Rounding;
}

/** z0's mode; the key also carries the fixed value (`z0=kl`, `z0=batch` or `z0=<number>`, read by the z0 entry). */
export interface Z0Spec extends SpecBase {
  kind: 'z0';
  choices: readonly Z0Mode[];
}

/**
 * The field each compare key changes. A compared value is read by that field's own entry in this list (its
 * range, rounding or choices), so `vs=beta:…` and `beta=…` accept exactly the same values.
 */
export const COMPARE_FIELDS = {
  beta: 'beta',
  loss: 'losses',
  ref: 'refProbs',
  p: 'preferenceProb',
  features: 'features',
  optimizer: 'optimizer',
  lr: 'learningRate',
  sft: 'sftWeight',
  fdiv: 'fDivergence',
  sync: 'refSyncSteps',
} as const satisfies Record<CompareKey, keyof AppState>;

/** The compared run: `<key>:<value>`, one setting (a key of COMPARE_FIELDS) that differs. */
export interface CompareSpec extends SpecBase {
  kind: 'compare';
  keys: readonly CompareKey[];
}

type FieldOfType<T> = { [K in keyof AppState]: AppState[K] extends T ? K : never }[keyof AppState];

/** The spec a field must have, from its type: every field of AppState needs exactly one entry. */
type SpecOf<K extends keyof AppState> = K extends 'losses'
  ? LossListSpec
  : K extends 'trainingMetrics'
    ? MetricListSpec
    : K extends 'extraTerms'
      ? TermListSpec
      : K extends 'refProbs'
        ? ProbListSpec
        : K extends 'rewards' | 'startLogRatios'
          ? RewardListSpec
          : K extends 'z0Mode'
            ? Z0Spec
            : AppState[K] extends number
              ? NumberSpec
              : AppState[K] extends boolean
                ? BoolSpec
                : AppState[K] extends string
                  ? K extends 'compare'
                    ? CompareSpec
                    : EnumSpec<AppState[K]>
                  : never;

/** One entry per field of AppState, no more (a field without an entry does not compile). */
export type ParamTable = { readonly [K in keyof AppState]: SpecOf<K> };

/** The most training steps; the time cursor `t` has the same bound (and, in the state, at most `steps`). */
const MAX_STEPS = 2000;

/** The most steps a lesson may have: the bound of `step=` before it is clamped to its lesson's own count. */
export const MAX_LESSON_STEPS = 50;

/** The schema version written as `v`. Bump it (and add a migration) when a key changes meaning. */
export const URL_VERSION = 2;

/** The list, in the order keys are written to a link and listed in the README. */
export const PARAM_TABLE = {
  losses: {
    key: 'loss',
    kind: 'lossList',
    choices: LOSS_IDS,
    doc: 'losses shown, comma-separated TRL loss_type names',
  },
  beta: {
    key: 'beta',
    kind: 'number',
    ...BETA_RANGE,
    scale: 'log',
    round: sig(3),
    doc: 'β, the KL strength',
  },
  labelSmoothing: {
    key: 'eps',
    kind: 'number',
    min: 0,
    max: 0.49,
    scale: 'linear',
    round: BOX_ROUNDING,
    doc: 'label smoothing ε (cdpo, robust, exo_pair, simpo)',
  },
  ipoNormalization: {
    key: 'ipo',
    kind: 'enum',
    choices: IPO_NORMALIZATIONS,
    doc: "IPO margin: 'token' (TRL) or 'sum' (paper)",
  },
  discopopTau: {
    key: 'tau',
    kind: 'number',
    min: 0.005,
    max: 1,
    scale: 'log',
    round: sig(3),
    doc: 'DiscoPOP temperature τ',
  },
  fDivergence: {
    key: 'fdiv',
    kind: 'enum',
    choices: F_DIVERGENCES,
    doc: "TRL's f_divergence_type: what replaces each log-ratio in the pair losses",
  },
  fAlphaDivergenceCoef: {
    key: 'falpha',
    kind: 'number',
    min: -2,
    max: 3,
    scale: 'linear',
    round: BOX_ROUNDING,
    doc: "TRL's f_alpha_divergence_coef α (fdiv=alpha_divergence)",
  },
  sftWeight: {
    key: 'sft',
    kind: 'number',
    min: 0,
    max: 10,
    scale: 'linear',
    round: BOX_ROUNDING,
    doc: 'weight w of an SFT term on every pair loss: TRL\'s loss_type=[<loss>, "sft"], loss_weights=[1, w]',
  },
  extraTerms: {
    key: 'plus',
    kind: 'termList',
    choices: EXTRA_TERM_TYPES,
    // The SFT weight's range: a negative weight would reward the loss it names.
    min: 0,
    max: 10,
    round: BOX_ROUNDING,
    doc:
      "further terms of TRL's loss list on every pair loss, e.g. `plus=bco_pair:0.2,ipo:0.5`: " +
      'loss_type=[<loss>, "bco_pair", "ipo"], loss_weights=[1, 0.2, 0.5]; a type once; unknown or repeated ones are dropped',
  },
  ldAlpha: {
    key: 'ld',
    kind: 'number',
    min: 0,
    max: 1,
    scale: 'linear',
    round: BOX_ROUNDING,
    doc: "LD-DPO's ld_alpha α: the tail beyond the shorter response's length counts α times (1: off)",
  },
  wpoWeighting: {
    key: 'wpo',
    kind: 'bool',
    doc: "1: WPO's use_weighting, each pair's loss times w_c·w_r of the current policy",
  },
  chosenLength: {
    key: 'lenw',
    kind: 'number',
    min: 1,
    max: 4096,
    scale: 'linear',
    round: WHOLE,
    doc: "tokens in the toy's y_w (response 0)",
  },
  rejectedLength: {
    key: 'lenl',
    kind: 'number',
    min: 1,
    max: 4096,
    scale: 'linear',
    round: WHOLE,
    doc: "tokens in the toy's y_l (response 1)",
  },
  desirableWeight: {
    key: 'wd',
    kind: 'number',
    min: 0,
    max: 10,
    scale: 'linear',
    round: BOX_ROUNDING,
    doc: 'KTO λD (desirable_weight)',
  },
  undesirableWeight: {
    key: 'wu',
    kind: 'number',
    min: 0,
    max: 10,
    scale: 'linear',
    round: BOX_ROUNDING,
    doc: 'KTO λU (undesirable_weight)',
  },
  z0Mode: {
    key: 'z0',
    kind: 'z0',
    choices: Z0_MODES,
    doc: "KTO reference point: 'kl', 'batch' or a number",
  },
  z0: {
    key: null,
    kind: 'number',
    min: 0,
    max: 50,
    scale: 'linear',
    round: BOX_ROUNDING,
    doc: "KTO's fixed reference point, written under `z0` when z0Mode is 'fixed'",
  },
  simpoGamma: {
    key: 'gamma',
    kind: 'number',
    // TRL accepts any γ; the paper's useful range is a few nats, and γ < 0 only rewards losing.
    min: 0,
    max: 10,
    scale: 'linear',
    round: BOX_ROUNDING,
    doc: 'SimPO target margin γ (CPOConfig.simpo_gamma)',
  },
  cpoAlpha: {
    key: 'cpoa',
    kind: 'number',
    min: 0,
    max: 10,
    scale: 'linear',
    round: BOX_ROUNDING,
    doc: 'SimPO NLL weight (CPOConfig.cpo_alpha)',
  },
  responses: {
    key: 'k',
    kind: 'number',
    min: 2,
    max: 6,
    scale: 'linear',
    round: WHOLE,
    doc: 'toy policy: number of responses K',
  },
  refProbs: {
    key: 'ref',
    kind: 'probList',
    min: REF_PROB_MIN,
    doc: 'toy reference probabilities, comma-separated',
  },
  startLogRatios: {
    key: 'start',
    kind: 'rewardList',
    min: -100,
    max: 100,
    round: BOX_ROUNDING,
    doc: "toy policy's start: offsets added to the reference logits, comma-separated (0 = the reference)",
  },
  features: {
    key: 'feat',
    kind: 'enum',
    choices: FEATURE_KINDS,
    doc: 'toy policy features',
  },
  similarity: {
    key: 'sim',
    kind: 'number',
    min: 0,
    max: 0.95,
    scale: 'linear',
    round: BOX_ROUNDING,
    doc: 'how much y_w and y_l share a feature',
  },
  preferenceProb: {
    key: 'p',
    kind: 'number',
    min: 0,
    max: 1,
    scale: 'linear',
    round: BOX_ROUNDING,
    doc: 'probability that y_w really beats y_l',
  },
  dataset: {
    key: 'data',
    kind: 'enum',
    choices: DATASETS,
    doc: "toy training data: 'pair', 'ranking', 'order' or 'thumbs-down'",
  },
  rewards: {
    key: 'rewards',
    kind: 'rewardList',
    min: -5,
    max: 5,
    round: decimals(2),
    doc: 'hidden rewards of the K responses for ranking data, comma-separated',
  },
  optimizer: { key: 'opt', kind: 'enum', choices: OPTIMIZERS, doc: 'optimiser' },
  learningRate: {
    key: 'lr',
    kind: 'number',
    min: 0.0001,
    max: 10,
    scale: 'log',
    round: sig(3),
    doc: 'learning rate',
  },
  steps: {
    key: 'steps',
    kind: 'number',
    min: 1,
    max: MAX_STEPS,
    scale: 'linear',
    round: WHOLE,
    doc: 'training steps',
  },
  refSyncSteps: {
    key: 'sync',
    kind: 'number',
    min: 0,
    max: MAX_STEPS,
    scale: 'linear',
    round: WHOLE,
    doc: "TR-DPO: TRL's ref_model_sync_steps S with sync_ref_model=True (0: off, a fixed reference)",
  },
  refMixupAlpha: {
    key: 'mixup',
    kind: 'number',
    min: 0,
    max: 1,
    scale: 'linear',
    round: BOX_ROUNDING,
    doc: "TR-DPO's ref_model_mixup_alpha α: each sync sets ref ← (1−α)·ref + α·policy",
  },
  t: {
    key: 't',
    kind: 'number',
    min: 0,
    max: MAX_STEPS,
    scale: 'linear',
    round: WHOLE,
    doc: 'the training step every view shows (0 … steps; more than steps is clamped to steps)',
  },
  trainingMetrics: {
    key: 'metrics',
    kind: 'metricList',
    choices: PICKER_METRICS,
    doc: 'TRL metrics plotted under training, comma-separated (empty: the usual ones that have data)',
  },
  planeLoss: {
    key: 'plane',
    kind: 'enum',
    choices: ['', ...LOSS_IDS],
    doc: "the loss in the plane's contours (empty: the first loss shown)",
  },
  compare: {
    key: 'vs',
    kind: 'compare',
    keys: COMPARE_KEY_NAMES,
    doc: 'a second run, drawn dashed, that differs in one setting: `<key>:<value>`',
  },
  preset: {
    key: 'preset',
    kind: 'enum',
    choices: ['', ...PRESET_IDS],
    doc: 'the scenario whose explanation is shown',
  },
  lesson: {
    key: 'lesson',
    kind: 'enum',
    choices: LESSON_CHOICES,
    doc: "a lesson: its step's state is the base the rest of the link changes",
  },
  lessonStep: {
    key: 'step',
    kind: 'number',
    min: 1,
    max: MAX_LESSON_STEPS,
    scale: 'linear',
    round: WHOLE,
    doc: "the lesson's step, from 1 (more than it has is clamped to its last; needs `lesson`)",
  },
  theme: { key: 'theme', kind: 'enum', choices: THEMES, doc: 'colour theme' },
  lang: { key: 'lang', kind: 'enum', choices: LANGS, doc: 'language' },
  embed: {
    key: 'embed',
    kind: 'enum',
    choices: EMBED_CHOICES,
    doc: 'show one view only, for an iframe',
  },
  showControls: { key: 'controls', kind: 'bool', doc: '0 hides the controls' },
  showExplanation: {
    key: 'explain',
    kind: 'bool',
    doc: "1: an embed shows the loaded scenario's explanation above its view",
  },
} as const satisfies ParamTable;

export type NumberFieldName = FieldOfType<number>;
export type EnumFieldName = Exclude<FieldOfType<string>, 'z0Mode' | 'compare'>;
export type BoolFieldName = FieldOfType<boolean>;

/** An entry of the list together with the field it declares. */
export type NumberParam = NumberSpec & { field: NumberFieldName };
export type EnumParam = EnumSpec & { field: EnumFieldName };
export type BoolParam = BoolSpec & { field: BoolFieldName };
export type LossListParam = LossListSpec & { field: 'losses' };
export type MetricListParam = MetricListSpec & { field: 'trainingMetrics' };
export type TermListParam = TermListSpec & { field: 'extraTerms' };
export type ProbListParam = ProbListSpec & { field: 'refProbs' };
export type RewardListParam = RewardListSpec & { field: 'rewards' | 'startLogRatios' };
export type Z0Param = Z0Spec & { field: 'z0Mode' };
export type CompareParam = CompareSpec & { field: 'compare' };
export type Param =
  | CompareParam
  | NumberParam
  | EnumParam
  | BoolParam
  | LossListParam
  | MetricListParam
  | TermListParam
  | ProbListParam
  | RewardListParam
  | Z0Param;
/** A parameter with a key of its own in the hash. */
export type UrlParam = Param & { key: string };

/** Every field's entry, in the list's order. */
export const PARAMS: readonly Param[] = Object.entries(PARAM_TABLE).map(
  ([field, spec]) => ({ ...spec, field }) as Param,
);

/** The entries with a key of their own: what a link reads and writes, in the order it writes them. */
export const URL_PARAMS: readonly UrlParam[] = PARAMS.filter((p): p is UrlParam => p.key !== null);

/** The entry of a numeric field: its range, scale and rounding. */
export function numberParam(field: NumberFieldName): NumberParam {
  return { ...PARAM_TABLE[field], field };
}

/** The known losses, for the loss list. */
export const KNOWN_LOSSES: ReadonlySet<string> = new Set(PARAM_TABLE.losses.choices);

/** The toy's number of responses K: its range bounds the reference and reward lists too. */
export const RESPONSES_RANGE = { min: PARAM_TABLE.responses.min, max: PARAM_TABLE.responses.max };
export const REF_PROBS_PARAM: ProbListParam = { ...PARAM_TABLE.refProbs, field: 'refProbs' };
export const REWARDS_PARAM: RewardListParam = { ...PARAM_TABLE.rewards, field: 'rewards' };
export const START_PARAM: RewardListParam = { ...PARAM_TABLE.startLogRatios, field: 'startLogRatios' };
