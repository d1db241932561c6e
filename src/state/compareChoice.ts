// The compared run's choice (`vs=<key>:<value>`, AppState.compare): read, checked and written by the same
// entries of the parameter list as the setting it changes, so `vs=beta:5` is clamped, rounded and refused
// exactly as `beta=5` would be. The second run itself is derived (src/derive/compare.ts).
import type { AppState, CompareKey, CompareText, LossId } from './appState.ts';
import { fitEnum, fitLossList, fitNumber, fitProbList, parseNumberText } from './paramRules.ts';
import { resizeRefProbs } from './refProbs.ts';
import { COMPARE_FIELDS, PARAM_TABLE } from './urlParams.ts';

/** The compare key named by `name`: the key itself or the URL key of its field (`feat`, `opt`). */
function compareKeyOf(name: string): CompareKey | null {
  for (const key of Object.keys(COMPARE_FIELDS) as CompareKey[]) {
    if (name === key || name === PARAM_TABLE[COMPARE_FIELDS[key]].key) return key;
  }
  return null;
}

/** What a compare choice changes, as a value of the field it names. */
export type CompareValue =
  | { key: 'beta' | 'p' | 'lr' | 'sft' | 'sync'; value: number }
  | { key: 'fdiv'; value: AppState['fDivergence'] }
  | { key: 'features'; value: AppState['features'] }
  | { key: 'optimizer'; value: AppState['optimizer'] }
  | { key: 'loss'; value: LossId }
  | { key: 'ref'; value: number[] };

export interface FittedCompare {
  choice: CompareValue;
  /** The canonical text the state holds and a link writes. */
  text: CompareText;
  /** A number was outside its field's range and is now its nearest end (or a probability was raised). */
  clamped: boolean;
  /** A number had more precision than its field keeps. */
  rounded: boolean;
}

/** The value text of a choice, as a link writes it (the field's own format). */
function valueText(c: CompareValue): string {
  return c.key === 'ref' ? c.value.map(String).join(',') : String(c.value);
}

/**
 * The compare rule: `<key>:<value>` with a known key and a value its field's rule takes; null otherwise.
 * A loss is one loss id; the reference is a list of probabilities (normalised like `ref=`).
 */
export function fitCompare(raw: unknown): FittedCompare | null {
  if (typeof raw !== 'string') return null;
  const colon = raw.indexOf(':');
  if (colon < 0) return null;
  const key = compareKeyOf(raw.slice(0, colon).trim().toLowerCase());
  const text = raw.slice(colon + 1).trim();
  if (key === null || text === '') return null;
  let choice: CompareValue;
  let clamped = false;
  let rounded = false;
  switch (key) {
    case 'beta':
    case 'p':
    case 'lr':
    case 'sft':
    case 'sync': {
      const n = parseNumberText(text);
      const f = n === null ? null : fitNumber(PARAM_TABLE[COMPARE_FIELDS[key]], n);
      if (!f) return null;
      choice = { key, value: f.value };
      ({ clamped, rounded } = f);
      break;
    }
    case 'features': {
      const v = fitEnum(PARAM_TABLE.features, text.toLowerCase());
      if (v === null) return null;
      choice = { key, value: v };
      break;
    }
    case 'optimizer': {
      const v = fitEnum(PARAM_TABLE.optimizer, text.toLowerCase());
      if (v === null) return null;
      choice = { key, value: v };
      break;
    }
    case 'fdiv': {
      const v = fitEnum(PARAM_TABLE.fDivergence, text.toLowerCase());
      if (v === null) return null;
      choice = { key, value: v };
      break;
    }
    case 'loss': {
      const { value, refused } = fitLossList([text.toLowerCase()]);
      if (value.length !== 1 || refused.length > 0) return null;
      choice = { key, value: value[0] };
      break;
    }
    case 'ref': {
      const f = fitProbList(PARAM_TABLE.refProbs, text.split(',').slice(0, 24).map(parseNumberText));
      if (!f) return null;
      choice = { key, value: f.value };
      clamped = f.floored;
      break;
    }
  }
  return { choice, text: `${key}:${valueText(choice)}`, clamped, rounded };
}

/** The state's compare choice fitted to its K (a reference list of another length is resized), or null. */
export function compareChoiceOf(s: Pick<AppState, 'compare' | 'responses'>): CompareValue | null {
  const f = s.compare === '' ? null : fitCompare(s.compare);
  if (!f) return null;
  const c = f.choice;
  return c.key === 'ref' && c.value.length !== s.responses
    ? { key: 'ref', value: resizeRefProbs(c.value, s.responses) }
    : c;
}

/** The canonical text of a choice. */
export function compareTextOf(c: CompareValue): CompareText {
  return `${c.key}:${valueText(c)}`;
}

/**
 * The choice changes nothing: its value is the main run's (for a loss: the first loss shown), so there is
 * nothing to compare.
 */
export function sameAsMain(c: CompareValue, s: Readonly<AppState>): boolean {
  const main = c.key === 'loss' ? s.losses[0] : s[COMPARE_FIELDS[c.key]];
  return (Array.isArray(main) ? main.map(String).join(',') : String(main)) === valueText(c);
}
