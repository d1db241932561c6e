// Every URL-visible parameter in one declarative list (the idea of TensorFlow Playground's state.ts), which
// drives both reading and writing the hash, and the README's table. Each entry says how to validate and
// clamp what a link asks for. Keys are short readable words; `beta` and `loss` are fixed by CONVENTIONS §9.
import type { AppState } from './appState.ts';
import { LOSS_IDS } from '../math/index.ts';
import { VIEW_IDS } from './viewIds.ts';
import { PRESET_IDS } from './presetIds.ts';
import { REF_PROB_MIN } from './refProbs.ts';

type FieldOfType<T> = { [K in keyof AppState]: AppState[K] extends T ? K : never }[keyof AppState];

interface ParamBase {
  /** The key in the hash. */
  key: string;
  /** What the README says about it. */
  doc: string;
}

export interface NumberParam extends ParamBase {
  kind: 'number';
  field: FieldOfType<number>;
  min: number;
  max: number;
  integer?: boolean;
}

export interface EnumParam extends ParamBase {
  kind: 'enum';
  field: FieldOfType<string>;
  choices: readonly string[];
}

export interface BoolParam extends ParamBase {
  kind: 'bool';
  field: FieldOfType<boolean>;
}

/** A comma-separated list of losses: known ids only, no repeats. */
export interface LossListParam extends ParamBase {
  kind: 'lossList';
  field: 'losses';
}

/** The reference probabilities: one positive number per response, normalised to sum to 1. */
export interface ProbListParam extends ParamBase {
  kind: 'probList';
  field: 'refProbs';
  min: number;
}

/** The ranking rewards: one number per response, each clamped to [min, max]. */
export interface RewardListParam extends ParamBase {
  kind: 'rewardList';
  field: 'rewards';
  min: number;
  max: number;
}

/** z0: `kl`, `batch` or a fixed number. */
export interface Z0Param extends ParamBase {
  kind: 'z0';
  field: 'z0Mode';
  min: number;
  max: number;
}

export type UrlParam =
  NumberParam | EnumParam | BoolParam | LossListParam | ProbListParam | RewardListParam | Z0Param;

/** The schema version written as `v`. Bump it (and add a migration) when a key changes meaning. */
export const URL_VERSION = 1;

export const URL_PARAMS: readonly UrlParam[] = [
  {
    key: 'loss',
    kind: 'lossList',
    field: 'losses',
    doc: 'losses shown, comma-separated TRL loss_type names',
  },
  { key: 'beta', kind: 'number', field: 'beta', min: 0.001, max: 10, doc: 'β, the KL strength (log scale)' },
  {
    key: 'eps',
    kind: 'number',
    field: 'labelSmoothing',
    min: 0,
    max: 0.49,
    doc: 'label smoothing ε (cdpo, robust, exo_pair)',
  },
  {
    key: 'ipo',
    kind: 'enum',
    field: 'ipoNormalization',
    choices: ['token', 'sum'],
    doc: "IPO margin: 'token' (TRL) or 'sum' (paper)",
  },
  { key: 'tau', kind: 'number', field: 'discopopTau', min: 0.005, max: 1, doc: 'DiscoPOP temperature τ' },
  {
    key: 'lw',
    kind: 'number',
    field: 'policyChosen',
    min: -1000,
    max: 0,
    doc: 'log π(y_w), summed over tokens',
  },
  { key: 'll', kind: 'number', field: 'policyRejected', min: -1000, max: 0, doc: 'log π(y_l)' },
  { key: 'rw', kind: 'number', field: 'refChosen', min: -1000, max: 0, doc: 'log π_ref(y_w)' },
  { key: 'rl', kind: 'number', field: 'refRejected', min: -1000, max: 0, doc: 'log π_ref(y_l)' },
  {
    key: 'lenw',
    kind: 'number',
    field: 'chosenLength',
    min: 1,
    max: 4096,
    integer: true,
    doc: 'tokens in y_w',
  },
  {
    key: 'lenl',
    kind: 'number',
    field: 'rejectedLength',
    min: 1,
    max: 4096,
    integer: true,
    doc: 'tokens in y_l',
  },
  { key: 'wd', kind: 'number', field: 'desirableWeight', min: 0, max: 10, doc: 'KTO λD (desirable_weight)' },
  {
    key: 'wu',
    kind: 'number',
    field: 'undesirableWeight',
    min: 0,
    max: 10,
    doc: 'KTO λU (undesirable_weight)',
  },
  {
    key: 'z0',
    kind: 'z0',
    field: 'z0Mode',
    min: 0,
    max: 50,
    doc: "KTO reference point: 'kl', 'batch' or a number",
  },
  {
    key: 'k',
    kind: 'number',
    field: 'responses',
    min: 2,
    max: 6,
    integer: true,
    doc: 'toy policy: number of responses K',
  },
  {
    key: 'ref',
    kind: 'probList',
    field: 'refProbs',
    min: REF_PROB_MIN,
    doc: 'toy reference probabilities, comma-separated',
  },
  {
    key: 'feat',
    kind: 'enum',
    field: 'features',
    choices: ['tabular', 'shared'],
    doc: 'toy policy features',
  },
  {
    key: 'sim',
    kind: 'number',
    field: 'similarity',
    min: 0,
    max: 0.95,
    doc: 'how much y_w and y_l share a feature',
  },
  {
    key: 'p',
    kind: 'number',
    field: 'preferenceProb',
    min: 0,
    max: 1,
    doc: 'probability that y_w really beats y_l',
  },
  {
    key: 'data',
    kind: 'enum',
    field: 'dataset',
    choices: ['pair', 'ranking', 'thumbs-down'],
    doc: "toy training data: 'pair', 'ranking' or 'thumbs-down'",
  },
  {
    key: 'rewards',
    kind: 'rewardList',
    field: 'rewards',
    min: -5,
    max: 5,
    doc: 'hidden rewards of the K responses for ranking data, comma-separated',
  },
  { key: 'opt', kind: 'enum', field: 'optimizer', choices: ['sgd', 'adam'], doc: 'optimiser' },
  { key: 'lr', kind: 'number', field: 'learningRate', min: 0.0001, max: 10, doc: 'learning rate' },
  { key: 'steps', kind: 'number', field: 'steps', min: 1, max: 2000, integer: true, doc: 'training steps' },
  {
    key: 'preset',
    kind: 'enum',
    field: 'preset',
    choices: ['', ...PRESET_IDS],
    doc: 'the scenario whose explanation is shown',
  },
  {
    key: 'theme',
    kind: 'enum',
    field: 'theme',
    choices: ['auto', 'light', 'dark', 'projector'],
    doc: 'colour theme',
  },
  { key: 'lang', kind: 'enum', field: 'lang', choices: ['en', 'zh'], doc: 'language' },
  {
    key: 'embed',
    kind: 'enum',
    field: 'embed',
    choices: ['', '1', ...VIEW_IDS],
    doc: 'show one view only, for an iframe',
  },
  { key: 'controls', kind: 'bool', field: 'showControls', doc: '0 hides the controls' },
];

/** Checks at load time that the loss list param knows every loss. */
export const KNOWN_LOSSES: ReadonlySet<string> = new Set(LOSS_IDS);
