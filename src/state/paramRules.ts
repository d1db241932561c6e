// One rule per kind of parameter: what it accepts, and how it is clamped, rounded and normalised. The link
// reader (urlCodec.readParam) and the store's sanitiser (sanitize.applyPatch) both call these, so a link, a
// slider, a number box and a preset cannot put a value into the store that the others would not.
// The reader turns text into candidate values first (`parseNumberText`, `parseBoolText`, splitting lists);
// everything after that is here.
import type { ExplorerMetricName, ExtraTerm, LossId, PairLossType } from '../math/index.ts';
import { normaliseProbs } from './refProbs.ts';
import {
  KNOWN_LOSSES,
  type EnumSpec,
  type MetricListSpec,
  type NumberSpec,
  type ProbListSpec,
  type RewardListSpec,
  type Rounding,
  type TermListSpec,
} from './urlParams.ts';

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A decimal number written as text ('1.5', '-2e-3'); null for anything else ('', '0x10', 'NaN'). Text too
 * large for a double ('1e999') is ±Infinity: a huge number, which the number rule clamps rather than drops.
 */
export function parseNumberText(raw: string): number | null {
  const t = raw.trim();
  return NUMBER_RE.test(t) ? Number(t) : null;
}

/** `1`/`true` and `0`/`false` (any case); null for anything else. */
export function parseBoolText(raw: string): boolean | null {
  const v = raw.trim().toLowerCase();
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return null;
}

/** x rounded to `digits` significant digits. */
export function roundSig(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

/** x rounded as the parameter stores it; −0 becomes 0, so the state stays canonical. */
export function roundTo(rounding: Rounding, x: number): number {
  if (!Number.isFinite(x)) return x;
  let r: number;
  switch (rounding.kind) {
    case 'sig':
      r = roundSig(x, rounding.digits);
      break;
    case 'decimals':
      r = Number(x.toFixed(rounding.digits));
      break;
    case 'whole':
      r = Math.round(x);
      break;
  }
  return r === 0 ? 0 : r;
}

export interface FittedNumber {
  value: number;
  /** The value was outside the range and is now its nearest end. */
  clamped: boolean;
  /** The value (in range) had more precision than the parameter keeps. */
  rounded: boolean;
}

/**
 * The number rule: clamped to [min, max] (±Infinity to the ends), then rounded. The ends are on the
 * rounding grid, so rounding never leaves the range. NaN is not a number it takes: null.
 */
export function fitNumber(spec: Pick<NumberSpec, 'min' | 'max' | 'round'>, v: number): FittedNumber | null {
  if (Number.isNaN(v)) return null;
  const inRange = Math.min(spec.max, Math.max(spec.min, v));
  const value = roundTo(spec.round, inRange);
  return { value, clamped: inRange !== v, rounded: value !== inRange };
}

/** The enum rule: one of the choices, or null. */
export function fitEnum<T extends string>(spec: Pick<EnumSpec<T>, 'choices'>, v: unknown): T | null {
  return typeof v === 'string' && (spec.choices as readonly string[]).includes(v) ? (v as T) : null;
}

/** The boolean rule: a boolean, or null. */
export function fitBool(v: unknown): boolean | null {
  return typeof v === 'boolean' ? v : null;
}

/** A list of names: the known ones in the order given, each once; `refused` has the rest (repeats included). */
function fitKnownList<T extends string>(
  isKnown: (name: string) => boolean,
  items: readonly unknown[],
): { value: T[]; refused: unknown[] } {
  const value: T[] = [];
  const refused: unknown[] = [];
  for (const item of items) {
    if (typeof item === 'string' && isKnown(item) && !value.includes(item as T)) value.push(item as T);
    else refused.push(item);
  }
  return { value, refused };
}

/** The loss-list rule: known loss ids in the order given, each once; `refused` has the rest. */
export function fitLossList(items: readonly unknown[]): { value: LossId[]; refused: unknown[] } {
  return fitKnownList<LossId>((id) => KNOWN_LOSSES.has(id), items);
}

/** The metric-list rule: names among the choices in the order given, each once; `refused` has the rest. */
export function fitMetricList(
  spec: Pick<MetricListSpec, 'choices'>,
  items: readonly unknown[],
): { value: ExplorerMetricName[]; refused: unknown[] } {
  const known: readonly string[] = spec.choices;
  return fitKnownList<ExplorerMetricName>((name) => known.includes(name), items);
}

/**
 * The loss-list-term rule: each `{ type, weight }` whose type is among the choices and not already taken
 * keeps its first place; its weight is fitted by the number rule (`clamped` / `rounded` say whether one was
 * changed). `refused` has the rest: unknown types, repeats, weights that are not numbers.
 */
export function fitTermList(
  spec: Pick<TermListSpec, 'choices' | 'min' | 'max' | 'round'>,
  items: readonly unknown[],
): { value: ExtraTerm[]; refused: unknown[]; clamped: boolean; rounded: boolean } {
  const value: ExtraTerm[] = [];
  const refused: unknown[] = [];
  let clamped = false;
  let rounded = false;
  const known: readonly string[] = spec.choices;
  for (const item of items) {
    const { type, weight } = (item ?? {}) as { type?: unknown; weight?: unknown };
    const fitted = typeof weight === 'number' ? fitNumber(spec, weight) : null;
    if (typeof type !== 'string' || !known.includes(type) || value.some((t) => t.type === type) || !fitted) {
      refused.push(item);
      continue;
    }
    clamped ||= fitted.clamped;
    rounded ||= fitted.rounded;
    value.push({ type: type as PairLossType, weight: fitted.value });
  }
  return { value, refused, clamped, rounded };
}

/** A link's `<type>:<weight>` item as fitTermList takes it (a weight that is not a number becomes NaN). */
export function parseTermText(raw: string): { type: string; weight: number } {
  const at = raw.indexOf(':');
  const type = (at < 0 ? raw : raw.slice(0, at)).trim().toLowerCase();
  return { type, weight: at < 0 ? NaN : (parseNumberText(raw.slice(at + 1)) ?? NaN) };
}

/** How a link writes the terms: `<type>:<weight>`, comma-separated. */
export const termListText = (terms: readonly ExtraTerm[]): string =>
  terms.map((t) => `${t.type}:${t.weight}`).join(',');

/**
 * The reference-probability rule: at least two finite numbers ≥ 0 (else null), each raised to the minimum
 * (`floored` says whether one was) and normalised to sum to 1.
 */
export function fitProbList(
  spec: Pick<ProbListSpec, 'min'>,
  values: readonly unknown[],
): { value: number[]; floored: boolean } | null {
  if (values.length < 2 || !values.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0))
    return null;
  const nums = values as readonly number[];
  const raised = nums.map((x) => Math.max(x, spec.min));
  return { value: normaliseProbs(raised, spec.min), floored: raised.some((x, i) => x !== nums[i]) };
}

/**
 * The reward-list rule: at least one number, none NaN (else null), each by the number rule. A patch refuses
 * non-finite entries before this; a link's '1e999' is a huge number and is clamped.
 */
export function fitRewardList(
  spec: Pick<RewardListSpec, 'min' | 'max' | 'round'>,
  values: readonly unknown[],
): { value: number[]; clamped: boolean; rounded: boolean } | null {
  if (values.length < 1) return null;
  const fitted: FittedNumber[] = [];
  for (const x of values) {
    const f = typeof x === 'number' ? fitNumber(spec, x) : null;
    if (!f) return null;
    fitted.push(f);
  }
  return {
    value: fitted.map((f) => f.value),
    clamped: fitted.some((f) => f.clamped),
    rounded: fitted.some((f) => f.rounded),
  };
}
