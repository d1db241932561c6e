// The explorer's settings as Hugging Face TRL code: a DPOConfig or KTOConfig for the first loss chosen, the
// other chosen losses as one commented config line each, and notes where TRL cannot do what the page shows
// (../../shared/CONVENTIONS.md §2–3). Only parameters TRL really has for that loss are written; learning
// rates appear as a comment only, since the toy's do not transfer to a language model.
// Pure: state and strings in, text out.
import type { AppState } from './appState.ts';
import type { LossId } from '../math/index.ts';
import type { TrlSnippetStrings } from '../i18n/appStrings.ts';
import { EXO_MIN_SMOOTHING, smoothingFor } from './derive/lossParams.ts';

export type TrlSnippetState = Pick<
  AppState,
  | 'losses'
  | 'beta'
  | 'labelSmoothing'
  | 'ipoNormalization'
  | 'discopopTau'
  | 'desirableWeight'
  | 'undesirableWeight'
  | 'z0Mode'
  | 'learningRate'
  | 'optimizer'
>;

export interface TrlSnippet {
  /** Copy-ready Python. */
  code: string;
  /** Where TRL differs from what the page shows, in the page's language; one per point, no repeats. */
  notes: string[];
}

type TrlConfigClass = 'DPOConfig' | 'KTOConfig';

/** One config call: its class and keyword arguments, in order, with their values already written as Python. */
export interface TrlCall {
  config: TrlConfigClass;
  args: [name: string, value: string][];
  /** A comment for the loss_type line (a loss TRL does not have). */
  lossTypeComment?: string;
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

const KTO_IDS: ReadonlySet<LossId> = new Set(['kto', 'apo_zero_unpaired']);

/** The TRL config for one loss of the page. */
export function trlCall(id: LossId, s: TrlSnippetState, strings: TrlSnippetStrings, label: string): TrlCall {
  const beta: [string, string] = ['beta', pyFloat(s.beta)];
  if (KTO_IDS.has(id)) {
    return {
      config: 'KTOConfig',
      args: [
        ['loss_type', pyString(id)],
        beta,
        ['desirable_weight', pyFloat(s.desirableWeight)],
        ['undesirable_weight', pyFloat(s.undesirableWeight)],
      ],
    };
  }
  switch (id) {
    case 'cdpo':
      // TRL ≥ 0.29: its "sigmoid" ignores label_smoothing, so conservative DPO has no TRL form.
      return {
        config: 'DPOConfig',
        args: [['loss_type', pyString('sigmoid')], beta],
        lossTypeComment: strings.code.noTrlLoss(label),
      };
    case 'robust':
      return {
        config: 'DPOConfig',
        args: [['loss_type', pyString(id)], beta, ['label_smoothing', pyFloat(s.labelSmoothing)]],
      };
    case 'exo_pair':
      return {
        config: 'DPOConfig',
        args: [
          ['loss_type', pyString(id)],
          beta,
          ['label_smoothing', pyFloat(exoSmoothing(s.labelSmoothing))],
        ],
      };
    case 'discopop':
      return {
        config: 'DPOConfig',
        args: [['loss_type', pyString(id)], beta, ['discopop_tau', pyFloat(s.discopopTau)]],
      };
    default:
      return { config: 'DPOConfig', args: [['loss_type', pyString(id)], beta] };
  }
}

/** TRL raises on EXO with ε = 0; the page computes with at least EXO_MIN_SMOOTHING, and so does the code. */
function exoSmoothing(eps: number): number {
  return smoothingFor('exo_pair', eps);
}

/** λD·nD / (λU·nU) with nD = nU: TRL's recommended range is [1, 4/3]. Both weights 0 have no ratio. */
function ktoRatioNote(s: TrlSnippetState, strings: TrlSnippetStrings): string {
  const { desirableWeight: d, undesirableWeight: u } = s;
  if (!(d > 0) && !(u > 0)) return strings.notes.ktoWeightsZero;
  const ratio = u > 0 ? d / u : Infinity;
  const text = Number.isFinite(ratio) ? String(Number(ratio.toPrecision(3))) : '∞';
  // A small tolerance so that 4/3 typed as 1.333 still counts as inside.
  const inRange = ratio >= 1 - 1e-9 && ratio <= 4 / 3 + 1e-3;
  return strings.notes.ktoRatio(text, inRange);
}

/** The notes one loss brings, given the page's settings. */
export function trlNotes(id: LossId, s: TrlSnippetState, strings: TrlSnippetStrings): string[] {
  const n = strings.notes;
  switch (id) {
    case 'cdpo':
      return [n.cdpo];
    case 'ipo':
      return s.ipoNormalization === 'sum' ? [n.ipoToken, n.ipoSum] : [n.ipoToken];
    case 'exo_pair':
      return s.labelSmoothing >= EXO_MIN_SMOOTHING
        ? []
        : [n.exoSmoothing(pyFloat(exoSmoothing(s.labelSmoothing)))];
    case 'sigmoid_norm':
      return [n.sigmoidNorm];
    case 'kto':
      return [n.ktoZ0[s.z0Mode], ktoRatioNote(s, strings)];
    case 'apo_zero_unpaired':
      return [ktoRatioNote(s, strings)];
    default:
      return [];
  }
}

function callOneLine(call: TrlCall): string {
  return `${call.config}(${call.args.map(([k, v]) => `${k}=${v}`).join(', ')})`;
}

function commentLine(text: string): string {
  // A line break inside a translated comment must not end the comment.
  return `# ${text.replace(/\s*[\r\n]+\s*/g, ' ')}`;
}

/**
 * The Python for the state's first loss, with the other chosen losses as commented one-line configs.
 * `lossLabel` names a loss in comments (the page's own label, e.g. "IPO").
 */
export function trlSnippet(
  state: TrlSnippetState,
  strings: TrlSnippetStrings,
  lossLabel: (id: LossId) => string = (id) => id,
): TrlSnippet {
  const losses = state.losses.length > 0 ? state.losses : (['sigmoid'] as LossId[]);
  const [first, ...others] = losses;
  const main = trlCall(first, state, strings, lossLabel(first));
  const optimizer = state.optimizer === 'adam' ? 'Adam' : 'SGD';

  const lines = [`from trl import ${main.config}`, '', `training_args = ${main.config}(`];
  for (const [k, v] of main.args) {
    const comment = k === 'loss_type' && main.lossTypeComment ? `  ${commentLine(main.lossTypeComment)}` : '';
    lines.push(`    ${k}=${v},${comment}`);
  }
  lines.push(`    ${commentLine(strings.code.learningRate(pyFloat(state.learningRate), optimizer))}`);
  lines.push(')');

  if (others.length > 0) {
    lines.push('', commentLine(strings.code.alsoSelected));
    for (const id of others) {
      const call = trlCall(id, state, strings, lossLabel(id));
      // A commented-out line keeps its own trailing comment, as commented-out Python code would.
      const tail = call.lossTypeComment ? `  ${commentLine(call.lossTypeComment)}` : '';
      lines.push(commentLine(`${lossLabel(id)}: ${callOneLine(call)}${tail}`));
    }
  }

  const notes: string[] = [];
  for (const id of losses) {
    for (const note of trlNotes(id, state, strings)) if (!notes.includes(note)) notes.push(note);
  }
  return { code: lines.join('\n') + '\n', notes };
}
