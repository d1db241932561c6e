// The explorer's settings as Hugging Face TRL configs: a DPOConfig or KTOConfig for each chosen loss (the
// first becomes the code, the others one commented line each) and the points where TRL cannot do what the
// page shows (../../shared/CONVENTIONS.md §2–3). Only parameters TRL really has for that loss are written,
// with the values the page computes with (derive/mathParams.ts). Language-free: values are Python literals,
// notes are ids with their numbers; components/export/trlSnippetText.ts writes the code and the words.
import {
  excludesZero,
  isKtoLoss,
  isReferenceFreeLoss,
  KTO_WEIGHT_RATIO_RANGE,
  lossInfo,
  lossReads,
  TRL_CONFIG_FIELDS,
  usesDivergence,
  LD_ALPHA_OFF,
  type LossId,
  type TrlConfigClass,
  type TrlConfigField,
} from '../math/index.ts';
import type { AppState, Z0Mode } from '../state/appState.ts';
import {
  ktoParamsOf,
  pairParamsOf,
  referenceFreeParamsOf,
  sftWeightOf,
  extraTermsOf,
  ldAlphaOf,
  wpoOf,
  refSyncOn,
  type LossParamFields,
} from './mathParams.ts';

export type TrlSnippetState = LossParamFields &
  Pick<AppState, 'losses' | 'learningRate' | 'optimizer'> &
  Partial<Pick<AppState, 'dataset' | 'refSyncSteps' | 'refMixupAlpha'>>;

/** TR-DPO's state as the snippet reads it: absent fields mean sync_ref_model's default, off. */
const refSyncState = (s: TrlSnippetState) => ({
  refSyncSteps: s.refSyncSteps ?? 0,
  refMixupAlpha: s.refMixupAlpha ?? 0.6,
});

export type { TrlConfigClass };

type TrlSetting = (typeof TRL_CONFIG_FIELDS)[TrlConfigField];

/** One config call: its class and keyword arguments, in order, with their values already written as Python. */
export interface TrlCall {
  id: LossId;
  config: TrlConfigClass;
  args: [name: string, value: string][];
  /** TRL has no loss_type for this loss; the one written is the nearest (cDPO → plain "sigmoid"). */
  noTrlLossType: boolean;
  /** Thumbs-down data: a pair loss, which TRL cannot train on them (written as a comment only). */
  needsPairs?: boolean;
}

/** Where TRL differs from what the page shows. */
export type TrlNote =
  | { kind: 'cdpo' | 'ipoToken' | 'ipoSum' | 'sigmoidNorm' | 'ktoWeightsZero' | 'noReference' | 'refSync' }
  /** The page had EXO's ε below the smallest; the code has `used` instead. */
  | { kind: 'exoSmoothing'; used: number }
  | { kind: 'ktoZ0'; mode: Z0Mode }
  /** λD/λU against TRL's range for λD·nD / (λU·nU) (KTO_WEIGHT_RATIO_RANGE); Infinity when λU = 0. */
  | { kind: 'ktoRatio'; ratio: number; inRange: boolean };

export interface TrlConfig {
  /** The first chosen loss's call (the code), then the other chosen losses'. */
  calls: TrlCall[];
  /** The notes of every chosen loss, each once, in order. */
  notes: TrlNote[];
  /** The toy's learning rate as a Python literal and its optimiser, for a comment only. */
  learningRate: string;
  optimizer: 'Adam' | 'SGD';
  /**
   * The training data when the page's are not a pair: thumbs-down data are one unpaired example (response A),
   * labelled undesirable (`label=False` in TRL's unpaired format). null for pair and ranking data.
   */
  unpaired: { completion: string; label: boolean }[] | null;
}

/**
 * A number as a Python float literal, as short as it reads: 0.1, 1.0, 0.05, 1e-07 → '1e-7'. Stored values
 * are rounded already; 12 significant digits only hide float noise such as 0.30000000000000004.
 */
export function pyFloat(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'float("nan")' : v > 0 ? 'float("inf")' : '-float("inf")';
  const s = String(Number(v.toPrecision(12)));
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

function pyString(s: string): string {
  return JSON.stringify(s);
}

/**
 * The TRL config for one loss of the page, written from its row of the loss table (math/lossInfo.ts):
 * the config class, its loss_type (or the nearest one where TRL has none) and the fields it reads, with
 * the values the page computes with (EXO's ε at least its smallest, as TRL raises on 0).
 */
export function trlCall(id: LossId, s: TrlSnippetState): TrlCall {
  const { trl } = lossInfo(id);
  const params: Partial<Record<TrlSetting, unknown>> = isKtoLoss(id)
    ? ktoParamsOf(s)
    : isReferenceFreeLoss(id)
      ? referenceFreeParamsOf(id, s)
      : pairParamsOf(id, s);
  const value = (f: TrlConfigField): number => {
    const v = params[TRL_CONFIG_FIELDS[f]];
    return typeof v === 'number' ? v : NaN;
  };
  const lossType = pyString(trl.lossType ?? trl.nearest ?? id);
  // Further terms and an SFT term beside the loss are TRL's loss list, written as DPOConfig takes it:
  // loss_type=[<loss>, …types, "sft"], loss_weights=[1.0, …weights, w] (the SFT term last, as the page adds it).
  const w = sftWeightOf(id, s);
  const extra = extraTermsOf(id, s);
  const terms = [
    ...extra.map((t) => ({ type: pyString(t.type), weight: t.weight })),
    ...(w === 0 ? [] : [{ type: pyString('sft'), weight: w }]),
  ];
  const list: [string, string][] =
    terms.length === 0
      ? [['loss_type', lossType]]
      : [
          ['loss_type', `[${[lossType, ...terms.map((t) => t.type)].join(', ')}]`],
          ['loss_weights', `[${['1.0', ...terms.map((t) => pyFloat(t.weight))].join(', ')}]`],
        ];
  // One config for the whole list: the fields any of its losses reads, each once, the main loss's first.
  const fields = [...new Set([...trl.fields, ...extra.flatMap((t) => lossInfo(t.type).trl.fields)])];
  // DPOConfig's f-divergence, written where it changes some loss of the list and differs from TRL's default.
  const divergence: [string, string][] =
    ![id, ...extra.map((t) => t.type)].some(usesDivergence) || s.fDivergence === 'reverse_kl'
      ? []
      : [
          ['f_divergence_type', pyString(s.fDivergence)],
          ...(s.fDivergence === 'alpha_divergence'
            ? [['f_alpha_divergence_coef', pyFloat(s.fAlphaDivergenceCoef)] as [string, string]]
            : []),
        ];
  // LD-DPO's ld_alpha (written when it is not 1, which TRL computes as its default None) and WPO's
  // use_weighting (when on), where they change the loss.
  const ldAlpha = ldAlphaOf(id, s);
  const knobs: [string, string][] = [
    ...(ldAlpha === LD_ALPHA_OFF ? [] : [['ld_alpha', pyFloat(ldAlpha)] as [string, string]]),
    ...(wpoOf(id, s) ? [['use_weighting', 'True'] as [string, string]] : []),
  ];
  // TR-DPO (DPOConfig and KTOConfig alike): both numbers are written, since the toy's S is far below TRL's
  // default 512 and α is what the page computes with.
  const sync = refSyncState(s);
  const refSync: [string, string][] = refSyncOn(id, sync)
    ? [
        ['sync_ref_model', 'True'],
        ['ref_model_mixup_alpha', pyFloat(sync.refMixupAlpha)],
        ['ref_model_sync_steps', String(sync.refSyncSteps)],
      ]
    : [];
  return {
    id,
    config: trl.config,
    args: [
      // ORPOConfig has no loss_type: ORPO is its trainer's only loss.
      ...(trl.withoutLossType ? [] : list),
      ...fields.map((f): [string, string] => [f, pyFloat(value(f))]),
      ...divergence,
      ...knobs,
      ...refSync,
    ],
    noTrlLossType: trl.lossType === null && trl.withoutLossType !== true,
  };
}

/**
 * λD/λU against TRL's range for λD·nD / (λU·nU), [1, 1.33] (kto_trainer.py: the KTO paper's 4/3, written 1.33, with
 * bounds rounded to 2 decimals). TRL checks it only when the training set's counts differ (nD ≠ nU), so the note
 * says so. Both weights 0 have no ratio.
 */
function ktoRatioNote(s: TrlSnippetState): TrlNote {
  const { desirableWeight: d, undesirableWeight: u } = ktoParamsOf(s);
  if (!(d > 0) && !(u > 0)) return { kind: 'ktoWeightsZero' };
  const ratio = u > 0 ? d / u : Infinity;
  const [lo, hi] = KTO_WEIGHT_RATIO_RANGE;
  return { kind: 'ktoRatio', ratio, inRange: ratio >= lo - 1e-9 && ratio <= hi + 1e-9 };
}

/** The notes one loss brings, given the page's settings; which loss brings which is read off its row. */
export function trlNotes(id: LossId, s: TrlSnippetState): TrlNote[] {
  const notes: TrlNote[] = [];
  const { trl } = lossInfo(id);
  if (trl.lossType === null && trl.withoutLossType !== true) notes.push({ kind: 'cdpo' });
  if (lossReads(id, 'ipoNormalization')) {
    notes.push({ kind: 'ipoToken' });
    if (s.ipoNormalization === 'sum') notes.push({ kind: 'ipoSum' });
  }
  if (excludesZero(id, 'labelSmoothing')) {
    const used = pairParamsOf(id, s).labelSmoothing;
    if (used !== s.labelSmoothing && used !== undefined) notes.push({ kind: 'exoSmoothing', used });
  }
  // sigmoid_norm is TRL's own length-normalised DPO: a note about that loss alone, not a table fact.
  if (id === 'sigmoid_norm') notes.push({ kind: 'sigmoidNorm' });
  if (lossReads(id, 'z0')) notes.push({ kind: 'ktoZ0', mode: s.z0Mode });
  if (isKtoLoss(id)) notes.push(ktoRatioNote(s));
  if (isReferenceFreeLoss(id)) notes.push({ kind: 'noReference' });
  if (refSyncOn(id, refSyncState(s))) notes.push({ kind: 'refSync' });
  return notes;
}

/** The configs and notes for the state's chosen losses (DPO alone when none is chosen). */
export function trlConfig(s: TrlSnippetState): TrlConfig {
  const thumbsDown = s.dataset === 'thumbs-down';
  const chosen = s.losses.length > 0 ? s.losses : (['sigmoid'] as LossId[]);
  // Thumbs-down data train only the unpaired losses (KTOTrainer): they come first and make the code (KTO
  // when none is chosen); pair losses stay as comments saying that they need pairs.
  const kto = chosen.filter(isKtoLoss);
  const losses = thumbsDown
    ? [...(kto.length > 0 ? kto : (['kto'] as LossId[])), ...chosen.filter((id) => !isKtoLoss(id))]
    : chosen;
  const notes: TrlNote[] = [];
  const seen = new Set<string>();
  for (const id of losses) {
    // The list's further terms bring their own notes (IPO's per-token form, EXO's ε, …).
    const listed = thumbsDown && !isKtoLoss(id) ? [] : extraTermsOf(id, s).map((t) => t.type);
    for (const note of [id, ...listed].flatMap((l) => trlNotes(l, s))) {
      const key = JSON.stringify(note);
      if (!seen.has(key)) notes.push(note);
      seen.add(key);
    }
  }
  return {
    calls: losses.map((id) => ({
      ...trlCall(id, s),
      ...(thumbsDown && !isKtoLoss(id) ? { needsPairs: true } : {}),
    })),
    notes,
    learningRate: pyFloat(s.learningRate),
    optimizer: s.optimizer === 'adam' ? 'Adam' : 'SGD',
    unpaired: thumbsDown ? [{ completion: 'A', label: false }] : null,
  };
}
