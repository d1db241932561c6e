// Reads and writes the state in the URL hash (CONVENTIONS §9). Reading is a whitelist driven by URL_PARAMS:
// unknown keys are ignored, numbers must match a regex before Number(), values are clamped to their range,
// enums are checked, and every deviation becomes a UrlNotice. Reading never throws.
import type { AppState } from './appState.ts';
import { DEFAULT_STATE } from './defaults.ts';
import { findPresetScenario, presetPatch } from './presets.ts';
import { applyPatch } from './sanitize.ts';
import { KNOWN_LOSSES, URL_PARAMS, URL_VERSION, type NumberParam, type UrlParam } from './urlParams.ts';
import type { UrlNotice } from './urlNotice.ts';
import { normaliseProbs, resizeRefProbs } from './refProbs.ts';
import { resizeRewards } from './rewards.ts';
import type { LossId } from '../math/index.ts';
import { EXO_MIN_SMOOTHING, smoothingFor } from './derive/lossParams.ts';

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const MAX_PAIRS = 64;
const MAX_VALUE_CHARS = 400;
const MAX_LIST = 24;

const PARAM_BY_KEY: ReadonlyMap<string, UrlParam> = new Map(URL_PARAMS.map((p) => [p.key, p]));

/**
 * Older schema versions, each rewriting its key/value pairs into the next version's. Version 1 is the first,
 * so there is nothing to migrate yet; a future v2 adds `1: (pairs) => …` here.
 */
const MIGRATIONS: Record<number, (pairs: Map<string, string>) => Map<string, string>> = {};

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

function shorten(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

export function cloneState(s: Readonly<AppState>): AppState {
  return { ...s, losses: [...s.losses], refProbs: [...s.refProbs], rewards: [...s.rewards] };
}

/** Splits a hash into decoded key/value pairs, first occurrence winning. */
function splitHash(hash: string, notices: UrlNotice[]): Map<string, string> {
  const pairs = new Map<string, string>();
  const body = hash.replace(/^#/, '');
  if (body.trim() === '') return pairs;
  const parts = body.split('&');
  if (parts.length > MAX_PAIRS) notices.push({ kind: 'too-long', key: '', given: `${parts.length}` });
  for (const part of parts.slice(0, MAX_PAIRS)) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    const key = safeDecode(rawKey);
    const value = safeDecode(rawValue);
    if (key === null || value === null) {
      notices.push({ kind: 'bad-value', key: shorten(key ?? rawKey), given: shorten(rawValue) });
      continue;
    }
    if (value.length > MAX_VALUE_CHARS) {
      notices.push({ kind: 'too-long', key: shorten(key), given: shorten(value) });
      continue;
    }
    if (!pairs.has(key)) pairs.set(key, value);
  }
  return pairs;
}

function parseNumber(raw: string): number | null {
  const t = raw.trim();
  if (!NUMBER_RE.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A number for `param`, clamped and rounded, or null when the text is not a number at all. */
function readNumber(param: NumberParam, raw: string, notices: UrlNotice[]): number | null {
  const n = parseNumber(raw);
  if (n === null) {
    // "1e999" overflows to Infinity: that is a huge number, so clamp rather than drop it.
    if (NUMBER_RE.test(raw.trim())) {
      const huge = Number(raw.trim()) > 0 ? param.max : param.min;
      notices.push({ kind: 'clamped', key: param.key, given: shorten(raw), used: String(huge) });
      return huge;
    }
    notices.push({ kind: 'bad-value', key: param.key, given: shorten(raw) });
    return null;
  }
  let v = n;
  if (param.integer && !Number.isInteger(v)) {
    v = Math.round(v);
    notices.push({ kind: 'rounded', key: param.key, given: shorten(raw), used: String(v) });
  }
  if (v < param.min || v > param.max) {
    v = Math.min(param.max, Math.max(param.min, v));
    notices.push({ kind: 'clamped', key: param.key, given: shorten(raw), used: String(v) });
  }
  // −0 would write back as "0" and compare unequal to 0 nowhere, but keep the state canonical.
  return v === 0 ? 0 : v;
}

function readParam(param: UrlParam, raw: string, state: AppState, notices: UrlNotice[]): void {
  switch (param.kind) {
    case 'number': {
      const v = readNumber(param, raw, notices);
      if (v !== null) state[param.field] = v;
      return;
    }
    case 'enum': {
      const v = raw.trim().toLowerCase();
      if (param.choices.includes(v)) (state[param.field] as string) = v;
      else notices.push({ kind: 'bad-value', key: param.key, given: shorten(raw) });
      return;
    }
    case 'bool': {
      const v = raw.trim().toLowerCase();
      if (v === '1' || v === 'true') state[param.field] = true;
      else if (v === '0' || v === 'false') state[param.field] = false;
      else notices.push({ kind: 'bad-value', key: param.key, given: shorten(raw) });
      return;
    }
    case 'lossList': {
      const picked: LossId[] = [];
      for (const item of raw.split(',').slice(0, MAX_LIST)) {
        const id = item.trim().toLowerCase();
        if (KNOWN_LOSSES.has(id) && !picked.includes(id as LossId)) picked.push(id as LossId);
        else if (id !== '') notices.push({ kind: 'bad-value', key: param.key, given: shorten(item) });
      }
      if (picked.length > 0) state.losses = picked;
      else
        notices.push({ kind: 'adjusted', key: param.key, given: shorten(raw), used: state.losses.join(',') });
      return;
    }
    case 'probList': {
      const items = raw.split(',').slice(0, MAX_LIST);
      const values = items.map(parseNumber);
      if (values.some((v) => v === null || v < 0) || values.length < 2) {
        notices.push({ kind: 'bad-value', key: param.key, given: shorten(raw) });
        return;
      }
      const floored = (values as number[]).map((v) => Math.max(v, param.min));
      if (floored.some((v, i) => v !== values[i]))
        notices.push({ kind: 'clamped', key: param.key, given: shorten(raw), used: `≥ ${param.min}` });
      state.refProbs = normaliseProbs(floored, param.min);
      return;
    }
    case 'rewardList': {
      const values = raw.split(',').slice(0, MAX_LIST).map(parseNumber);
      if (values.some((v) => v === null) || values.length < 1) {
        notices.push({ kind: 'bad-value', key: param.key, given: shorten(raw) });
        return;
      }
      // −0 becomes 0, as readNumber does, so the state stays canonical.
      const clamped = (values as number[]).map((v) => Math.min(param.max, Math.max(param.min, v)) || 0);
      if (clamped.some((v, i) => v !== values[i]))
        notices.push({ kind: 'clamped', key: param.key, given: shorten(raw), used: clamped.join(',') });
      state.rewards = clamped;
      return;
    }
    case 'z0': {
      const v = raw.trim().toLowerCase();
      if (v === 'kl' || v === 'batch') {
        state.z0Mode = v;
        return;
      }
      const n = readNumber(
        { kind: 'number', key: param.key, field: 'z0', min: param.min, max: param.max, doc: '' },
        raw,
        notices,
      );
      if (n !== null) {
        state.z0Mode = 'fixed';
        state.z0 = n;
      }
      return;
    }
  }
}

export interface ParsedHash {
  state: AppState;
  notices: UrlNotice[];
}

/** Reads a location hash (with or without '#') into a full state, starting from the defaults. Never throws. */
export function parseHash(hash: string): ParsedHash {
  const notices: UrlNotice[] = [];
  const state = cloneState(DEFAULT_STATE);
  let pairs = splitHash(typeof hash === 'string' ? hash : '', notices);

  const rawVersion = pairs.get('v');
  pairs.delete('v');
  let version = URL_VERSION;
  if (rawVersion !== undefined) {
    const n = parseNumber(rawVersion);
    if (n === null || !Number.isInteger(n) || n < 1 || n > URL_VERSION) {
      notices.push({ kind: 'version', key: 'v', given: shorten(rawVersion) });
      return { state, notices };
    }
    version = n;
  }
  for (let from = version; from < URL_VERSION; from++) {
    const migrate = MIGRATIONS[from];
    if (migrate) pairs = migrate(pairs);
  }

  // A preset is the base the rest of the link changes: `preset=noisy&beta=0.5` is the noisy scenario at β = 0.5.
  const presetId = pairs.get('preset')?.trim().toLowerCase();
  if (presetId && findPresetScenario(presetId)) Object.assign(state, baseState(presetId));

  for (const [key, raw] of pairs) {
    const param = PARAM_BY_KEY.get(key);
    if (param) readParam(param, raw, state, notices);
    else notices.push({ kind: 'unknown-key', key: shorten(key), given: shorten(raw) });
  }

  if (state.refProbs.length !== state.responses) {
    const fromRef = pairs.has('ref') && !pairs.has('k');
    if (fromRef && state.refProbs.length >= 2 && state.refProbs.length <= 6) {
      state.responses = state.refProbs.length;
    } else {
      const before = state.refProbs.length;
      state.refProbs = resizeRefProbs(state.refProbs, state.responses);
      if (pairs.has('ref'))
        notices.push({ kind: 'adjusted', key: 'ref', given: `${before}`, used: `${state.responses}` });
    }
  }
  if (state.rewards.length !== state.responses) {
    if (pairs.has('rewards'))
      notices.push({
        kind: 'adjusted',
        key: 'rewards',
        given: `${state.rewards.length}`,
        used: `${state.responses}`,
      });
    state.rewards = resizeRewards(state.rewards, state.responses);
  }
  if (state.losses.includes('exo_pair')) {
    const eps = smoothingFor('exo_pair', state.labelSmoothing);
    if (eps !== state.labelSmoothing) {
      // EXO needs ε > 0: say so as a clamp of `eps` (one notice, also when eps was already clamped to 0).
      const used = String(EXO_MIN_SMOOTHING);
      const earlier = notices.find((n) => n.key === 'eps' && n.kind === 'clamped');
      if (earlier) earlier.used = used;
      else notices.push({ kind: 'clamped', key: 'eps', given: shorten(pairs.get('eps') ?? ''), used });
      state.labelSmoothing = eps;
    }
  }
  return { state, notices };
}

function formatValue(param: UrlParam, state: Readonly<AppState>): string {
  switch (param.kind) {
    case 'number':
      return String(state[param.field]);
    case 'enum':
      return state[param.field] as string;
    case 'bool':
      return state[param.field] ? '1' : '0';
    case 'lossList':
      return state.losses.join(',');
    case 'probList':
      return state.refProbs.map(String).join(',');
    case 'rewardList':
      return state.rewards.map(String).join(',');
    case 'z0':
      return state.z0Mode === 'fixed' ? String(state.z0) : state.z0Mode;
  }
}

const presetBases = new Map<string, AppState>();

/** What a link starts from: the defaults, or the defaults with a preset loaded. */
export function baseState(presetId: string): Readonly<AppState> {
  const scenario = presetId ? findPresetScenario(presetId) : undefined;
  if (!scenario) return DEFAULT_STATE;
  let base = presetBases.get(presetId);
  if (!base) {
    base = applyPatch(DEFAULT_STATE, presetPatch(scenario));
    presetBases.set(presetId, base);
  }
  return cloneState(base);
}

/**
 * The hash for a state, '' when everything is at its default. Only what differs from the base is written:
 * the defaults, or the loaded preset's state (the preset itself is always written, being the base).
 */
export function stateToHash(state: Readonly<AppState>): string {
  const base = baseState(state.preset);
  const parts: string[] = [];
  for (const param of URL_PARAMS) {
    const reference = param.key === 'preset' ? DEFAULT_STATE : base;
    if (formatValue(param, state) !== formatValue(param, reference))
      parts.push(`${param.key}=${formatValue(param, state)}`);
  }
  return parts.length === 0 ? '' : `#v=${URL_VERSION}&${parts.join('&')}`;
}
