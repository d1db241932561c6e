// Reads and writes the state in the URL hash (CONVENTIONS §9). Reading is a whitelist driven by URL_PARAMS:
// unknown keys are ignored, numbers must match a regex before Number(), and each value then goes through its
// kind's rule (paramRules.ts, the same the store's sanitiser uses): clamped, rounded, checked against the
// choices. Every deviation becomes a UrlNotice. Reading never throws.
import type { AppState } from './appState.ts';
import { DEFAULT_STATE } from './defaults.ts';
import { findPresetScenario, presetPatch } from './presets.ts';
import { applyPatch } from './sanitize.ts';
import {
  numberParam,
  RESPONSES_RANGE,
  URL_PARAMS,
  URL_VERSION,
  type NumberParam,
  type UrlParam,
} from './urlParams.ts';
import {
  fitEnum,
  fitLossList,
  fitMetricList,
  fitTermList,
  fitNumber,
  fitProbList,
  parseTermText,
  termListText,
  fitRewardList,
  parseBoolText,
  parseNumberText,
} from './paramRules.ts';
import type { UrlNotice } from './urlNotice.ts';
import { compareChoiceOf, compareTextOf, fitCompare, sameAsMain } from './compareChoice.ts';
import { resizeRefProbs } from './refProbs.ts';
import { resizeRewards } from './rewards.ts';
import { LESSONS, isLessonId, type LessonId, type LessonStep } from './lessons/index.ts';
// custom.ts reads each step's state with parseHash; parseHash reads `lessondata=` with custom.ts's reader, which
// custom.ts registers here when it loads (registerLessonData): a chunk of its own, fetched only for a link that
// holds a lesson or by the file loader, so the first download of every other page stays within its budget.
import type { CustomLesson, CustomLessonProblem, CustomLessonResult } from './lessons/custom.ts';
import {
  CUSTOM_LESSON_ID,
  loadedCustomLesson,
  type CustomLessonId,
  type LoadedCustomLesson,
} from './lessons/loaded.ts';
import { EXO_MIN_SMOOTHING, excludesZero, smoothingFor } from '../math/index.ts';

const MAX_PAIRS = 64;
const MAX_VALUE_CHARS = 400;
const MAX_LIST = 24;
/**
 * The key of an instructor's own lesson in a link (state/lessons/custom.ts reads it, with its own, larger
 * size limit): the state reader passes over it rather than call it too long or unknown.
 */
export const LESSON_DATA_KEY = 'lessondata';

const PARAM_BY_KEY: ReadonlyMap<string, UrlParam> = new Map(URL_PARAMS.map((p) => [p.key, p]));

/** Version 1's pair keys and their defaults then: a pair of its own, beside the toy. */
const V1_PAIR = { lw: -11, ll: -13, rw: -12, rl: -12 } as const;
const V1_LENGTH = '10';

/**
 * Older schema versions, each rewriting its key/value pairs into the next version's (and saying what changed).
 * 1 → 2: the separate pair (lw, ll, rw, rl, lenw, lenl) became the toy's y_w and y_l. Its log-ratios
 * ρw = lw − rw and ρl = ll − rl become the start offsets of y_w and y_l (others 0), so the margin h and every
 * loss of h alone are what they were at step 0; the lengths are kept (v1's default 10 where the link had
 * none). A v1 link without the pair keys is read as it is.
 */
const MIGRATIONS: Record<number, (pairs: Map<string, string>, notices: UrlNotice[]) => Map<string, string>> =
  {
    1: (pairs, notices) => {
      const keys = Object.keys(V1_PAIR) as (keyof typeof V1_PAIR)[];
      if (!keys.some((k) => pairs.has(k))) return pairs;
      const v = {} as Record<keyof typeof V1_PAIR, number>;
      for (const k of keys) {
        const raw = pairs.get(k);
        const n = raw === undefined ? null : parseNumberText(raw);
        v[k] = n !== null && Number.isFinite(n) ? Math.min(0, n) : V1_PAIR[k];
        pairs.delete(k);
      }
      const rhoW = v.lw - v.rw;
      const rhoL = v.ll - v.rl;
      if (!pairs.has('start')) pairs.set('start', `${rhoW},${rhoL}`);
      if (!pairs.has('lenw')) pairs.set('lenw', V1_LENGTH);
      if (!pairs.has('lenl')) pairs.set('lenl', V1_LENGTH);
      notices.push({ kind: 'migrated', key: 'v', given: `${rhoW},${rhoL}`, used: `${rhoW - rhoL}` });
      return pairs;
    },
  };

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
  return {
    ...s,
    losses: [...s.losses],
    refProbs: [...s.refProbs],
    rewards: [...s.rewards],
    trainingMetrics: [...s.trainingMetrics],
    startLogRatios: [...s.startLogRatios],
  };
}

/**
 * Splits a hash into decoded key/value pairs, first occurrence winning. `lessondata` (an instructor's lesson,
 * far longer than any value here) is set aside raw in `data`, for its own reader with its own limits.
 */
function splitHash(
  hash: string,
  notices: UrlNotice[],
  data: { lessonData?: string } = {},
): Map<string, string> {
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
    // base64url needs no decoding of its own (a %-escaped value is not base64url, and its reader says so).
    if (rawKey === LESSON_DATA_KEY) {
      data.lessonData ??= rawValue;
      continue;
    }
    const key = safeDecode(rawKey);
    const value = safeDecode(rawValue);
    if (key === null || value === null) {
      notices.push({ kind: 'bad-value', key: shorten(key ?? rawKey), given: shorten(rawValue) });
      continue;
    }
    if (key === LESSON_DATA_KEY) continue;
    if (value.length > MAX_VALUE_CHARS) {
      notices.push({ kind: 'too-long', key: shorten(key), given: shorten(value) });
      continue;
    }
    if (!pairs.has(key)) pairs.set(key, value);
  }
  return pairs;
}

/** A number for `param` by its rule, or null (with a notice) when the text is not a number at all. */
function readNumber(param: NumberParam, key: string, raw: string, notices: UrlNotice[]): number | null {
  const n = parseNumberText(raw);
  const f = n === null ? null : fitNumber(param, n);
  if (!f) {
    notices.push({ kind: 'bad-value', key, given: shorten(raw) });
    return null;
  }
  if (f.clamped) notices.push({ kind: 'clamped', key, given: shorten(raw), used: String(f.value) });
  else if (f.rounded)
    notices.push({
      kind: param.round.kind === 'whole' ? 'rounded' : 'precision',
      key,
      given: shorten(raw),
      used: String(f.value),
    });
  return f.value;
}

/** The items of a comma-separated list value (at most MAX_LIST). */
const listItems = (raw: string) => raw.split(',').slice(0, MAX_LIST);

function readParam(param: UrlParam, raw: string, state: AppState, notices: UrlNotice[]): void {
  const bad = () => notices.push({ kind: 'bad-value', key: param.key, given: shorten(raw) });
  switch (param.kind) {
    case 'number': {
      const v = readNumber(param, param.key, raw, notices);
      if (v !== null) state[param.field] = v;
      return;
    }
    case 'enum': {
      const v = fitEnum(param, raw.trim().toLowerCase());
      if (v !== null) (state[param.field] as string) = v;
      else bad();
      return;
    }
    case 'bool': {
      const v = parseBoolText(raw);
      if (v !== null) state[param.field] = v;
      else bad();
      return;
    }
    case 'lossList': {
      const { value, refused } = fitLossList(listItems(raw).map((item) => item.trim().toLowerCase()));
      for (const item of refused)
        if (item !== '') notices.push({ kind: 'bad-value', key: param.key, given: shorten(String(item)) });
      if (value.length > 0) state.losses = value;
      else
        notices.push({ kind: 'adjusted', key: param.key, given: shorten(raw), used: state.losses.join(',') });
      return;
    }
    case 'metricList': {
      const items = listItems(raw)
        .map((item) => item.trim().toLowerCase())
        .filter((item) => item !== '');
      const { value, refused } = fitMetricList(param, items);
      for (const item of refused)
        notices.push({ kind: 'bad-value', key: param.key, given: shorten(String(item)) });
      state.trainingMetrics = value;
      return;
    }
    case 'termList': {
      const items = listItems(raw).filter((item) => item.trim() !== '');
      const parsed = items.map(parseTermText);
      const f = fitTermList(param, parsed);
      // Unknown types, repeats and weights that are not numbers are dropped, each named in the notice.
      items.forEach((item, i) => {
        if (f.refused.includes(parsed[i]))
          notices.push({ kind: 'bad-value', key: param.key, given: shorten(item) });
      });
      if (f.clamped || f.rounded)
        notices.push({
          kind: f.clamped ? 'clamped' : 'precision',
          key: param.key,
          given: shorten(raw),
          used: termListText(f.value),
        });
      state.extraTerms = f.value;
      return;
    }
    case 'probList': {
      const f = fitProbList(param, listItems(raw).map(parseNumberText));
      if (!f) return void bad();
      if (f.floored)
        notices.push({ kind: 'clamped', key: param.key, given: shorten(raw), used: `≥ ${param.min}` });
      state.refProbs = f.value;
      return;
    }
    case 'rewardList': {
      const f = fitRewardList(param, listItems(raw).map(parseNumberText));
      if (!f) return void bad();
      if (f.clamped || f.rounded)
        notices.push({
          kind: f.clamped ? 'clamped' : 'precision',
          key: param.key,
          given: shorten(raw),
          used: f.value.join(','),
        });
      state[param.field] = f.value;
      return;
    }
    case 'compare': {
      // Empty: no second run (a link from a scenario that has one drops it so). Otherwise checked against
      // the main run once the whole link is read (checkCompare).
      if (raw.trim() === '') return void (state.compare = '');
      const f = fitCompare(raw);
      if (!f) return void bad();
      if (f.clamped || f.rounded)
        notices.push({
          kind: f.clamped ? 'clamped' : 'precision',
          key: param.key,
          given: shorten(raw),
          used: f.text,
        });
      state.compare = f.text;
      return;
    }
    case 'z0': {
      // `kl` or `batch`; otherwise a fixed value, by the z0 field's number rule.
      const mode = fitEnum(param, raw.trim().toLowerCase());
      if (mode !== null && mode !== 'fixed') {
        state.z0Mode = mode;
        return;
      }
      const n = readNumber(numberParam('z0'), param.key, raw, notices);
      if (n !== null) {
        state.z0Mode = 'fixed';
        state.z0 = n;
      }
      return;
    }
  }
}

/** custom.ts's reader and writer of `lessondata=`, once it has loaded (registerLessonData). */
let lessonData: {
  read: (value: string) => CustomLessonResult;
  write: (lesson: CustomLesson) => string;
} | null = null;

/** Called by state/lessons/custom.ts as it loads. */
export function registerLessonData(io: NonNullable<typeof lessonData>): void {
  lessonData = io;
}

/** The `lessondata=` value of an instructor's lesson (custom.ts is loaded: the lesson came from it). */
export function lessonDataValue(lesson: CustomLesson): string {
  if (!lessonData) throw new Error('The custom lesson reader is not loaded');
  return lessonData.write(lesson);
}

/** Whether reading `hash` needs custom.ts, not loaded yet: load it first (loadLessonData), then read. */
export function needsLessonData(hash: string): boolean {
  return lessonData === null && new RegExp(`(^|[#&])${LESSON_DATA_KEY}=`).test(hash);
}

/** Loads custom.ts, which registers its reader. */
export function loadLessonData(): Promise<unknown> {
  return import('./lessons/custom.ts');
}

export interface ParsedHash {
  state: AppState;
  notices: UrlNotice[];
  /** The instructor's lesson of a good `lessondata=` (the state is then its step: `lesson: 'custom'`). */
  custom?: LoadedCustomLesson;
  /** What was wrong with a bad `lessondata=` (the rest of the link is read without it). */
  lessonProblems?: CustomLessonProblem[];
}

/** Reads a location hash (with or without '#') into a full state, starting from the defaults. Never throws. */
export function parseHash(hash: string): ParsedHash {
  return parseLink(hash, true);
}

/**
 * The lesson step a link names (`lesson=<id>&step=<n>`, both taken out of `pairs`), or null. An unknown id
 * is dropped ('bad-value'), a step without a usable lesson too ('needs-lesson'), a step past the lesson's
 * last is clamped to it; a lesson without a step is its step 1.
 */
function readLesson(
  pairs: Map<string, string>,
  notices: UrlNotice[],
  data: { custom: CustomLesson | null; bad: boolean },
): { id: LessonId | CustomLessonId; step: number } | null {
  const rawLesson = pairs.get('lesson');
  const rawStep = pairs.get('step');
  pairs.delete('lesson');
  pairs.delete('step');
  // A good `lessondata=` is the lesson (a `lesson=` beside it is not read); after a bad one, `step=` is the
  // bad lesson's, already explained by its problems, so it is not said again as a step without a lesson.
  // `lesson=custom` names nothing: the instructor's lesson is its data.
  let id: LessonId | CustomLessonId | null = null;
  let count = 0;
  if (data.custom) {
    id = CUSTOM_LESSON_ID;
    count = data.custom.steps.length;
  } else {
    const named = rawLesson?.trim().toLowerCase() ?? '';
    if (isLessonId(named)) {
      id = named;
      count = LESSONS[named].steps.length;
    } else if (named !== '')
      notices.push({ kind: 'bad-value', key: 'lesson', given: shorten(rawLesson ?? '') });
  }
  if (id === null) {
    if (rawStep !== undefined && !data.bad)
      notices.push({ kind: 'needs-lesson', key: 'step', given: shorten(rawStep) });
    return null;
  }
  const step =
    rawStep === undefined ? 1 : (readNumber(numberParam('lessonStep'), 'step', rawStep, notices) ?? 1);
  if (step <= count) return { id, step };
  // Past the lesson's last step is its last (said once, also when `step` was already clamped to its range).
  const used = String(count);
  const earlier = notices.find((n) => n.key === 'step' && n.kind === 'clamped');
  if (earlier) earlier.used = used;
  else notices.push({ kind: 'clamped', key: 'step', given: shorten(rawStep ?? ''), used });
  return { id, step: count };
}

/** `lessons`: whether `lesson=` and `step=` are read (not inside a lesson step's own state). */
function parseLink(hash: string, lessons: boolean): ParsedHash {
  const notices: UrlNotice[] = [];
  const state = cloneState(DEFAULT_STATE);
  const data: { lessonData?: string } = {};
  let pairs = splitHash(typeof hash === 'string' ? hash : '', notices, data);
  // An instructor's lesson (`lessondata=`), read with its own limits; a step's own state cannot hold one.
  let custom: LoadedCustomLesson | undefined;
  let lessonProblems: CustomLessonProblem[] | undefined;
  if (lessons && data.lessonData !== undefined) {
    // Without the reader (not loaded: callers load it first, see needsLessonData) the key is passed over.
    const read = lessonData?.read(data.lessonData);
    if (read?.ok) custom = { data: data.lessonData, lesson: read.lesson };
    else if (read) lessonProblems = read.problems;
  }
  const done = (): ParsedHash => ({
    state,
    notices,
    ...(custom ? { custom } : {}),
    ...(lessonProblems ? { lessonProblems } : {}),
  });

  const rawVersion = pairs.get('v');
  pairs.delete('v');
  let version = URL_VERSION;
  if (rawVersion !== undefined) {
    const n = parseNumberText(rawVersion);
    if (n === null || !Number.isInteger(n) || n < 1 || n > URL_VERSION) {
      notices.push({ kind: 'version', key: 'v', given: shorten(rawVersion) });
      return done();
    }
    version = n;
  }
  for (let from = version; from < URL_VERSION; from++) {
    const migrate = MIGRATIONS[from];
    if (migrate) pairs = migrate(pairs, notices);
  }

  // A lesson step is the base the rest of the link changes (CONVENTIONS §9), and so is a preset:
  // `preset=noisy&beta=0.5` is the noisy scenario at β = 0.5. Within a lesson link `preset=` only names the
  // scenario whose explanation is shown, as every other key changes one field of the step's state.
  const lesson = readLesson(pairs, lessons ? notices : [], {
    custom: custom?.lesson ?? null,
    bad: lessonProblems !== undefined,
  });
  const presetId = pairs.get('preset')?.trim().toLowerCase();
  if (lesson && custom && lesson.id === CUSTOM_LESSON_ID)
    Object.assign(state, cloneState(customLessonBaseState(custom.lesson, lesson.step)));
  else if (lesson && lesson.id !== CUSTOM_LESSON_ID)
    Object.assign(state, cloneState(lessonBaseState(lesson.id, lesson.step)));
  else if (presetId && findPresetScenario(presetId)) Object.assign(state, baseState(presetId));

  for (const [key, raw] of pairs) {
    const param = PARAM_BY_KEY.get(key);
    if (param) readParam(param, raw, state, notices);
    else notices.push({ kind: 'unknown-key', key: shorten(key), given: shorten(raw) });
  }

  if (state.refProbs.length !== state.responses) {
    const fromRef = pairs.has('ref') && !pairs.has('k');
    if (
      fromRef &&
      state.refProbs.length >= RESPONSES_RANGE.min &&
      state.refProbs.length <= RESPONSES_RANGE.max
    ) {
      state.responses = state.refProbs.length;
    } else {
      const before = state.refProbs.length;
      state.refProbs = resizeRefProbs(state.refProbs, state.responses);
      if (pairs.has('ref'))
        notices.push({ kind: 'adjusted', key: 'ref', given: `${before}`, used: `${state.responses}` });
    }
  }
  // A per-response list of another length than K is fitted to K; a link that gave it is told (a migrated v1
  // link's start offsets are already explained by the migration notice).
  const fitToResponses = (list: number[], key: 'rewards' | 'start', said: boolean): number[] => {
    if (list.length === state.responses) return list;
    if (pairs.has(key) && !said)
      notices.push({ kind: 'adjusted', key, given: `${list.length}`, used: `${state.responses}` });
    return resizeRewards(list, state.responses);
  };
  state.rewards = fitToResponses(state.rewards, 'rewards', false);
  state.startLogRatios = fitToResponses(
    state.startLogRatios,
    'start',
    notices.some((n) => n.kind === 'migrated'),
  );
  if (state.t > state.steps) {
    // `t` is a step of the run: past its end is the end (said once, also when `t` was already clamped).
    const used = String(state.steps);
    const earlier = notices.find((n) => n.key === 't' && n.kind === 'clamped');
    if (earlier) earlier.used = used;
    else notices.push({ kind: 'clamped', key: 't', given: shorten(pairs.get('t') ?? ''), used });
    state.t = state.steps;
  }
  checkCompare(state, pairs.get('vs'), notices);
  // The loss list's terms share ε with the losses shown (TRL has one label_smoothing).
  const needsEps = [...state.losses, ...state.extraTerms.map((t) => t.type)].find((id) =>
    excludesZero(id, 'labelSmoothing'),
  );
  if (needsEps) {
    const eps = smoothingFor(needsEps, state.labelSmoothing);
    if (eps !== state.labelSmoothing) {
      // EXO needs ε > 0: say so as a clamp of `eps` (one notice, also when eps was already clamped to 0).
      const used = String(EXO_MIN_SMOOTHING);
      const earlier = notices.find((n) => n.key === 'eps' && n.kind === 'clamped');
      if (earlier) earlier.used = used;
      else notices.push({ kind: 'clamped', key: 'eps', given: shorten(pairs.get('eps') ?? ''), used });
      state.labelSmoothing = eps;
    }
  }
  return done();
}

/**
 * The compared run against the rest of the link: a reference list is fitted to K ('adjusted'), and a value
 * equal to the main run's is dropped, since there is nothing to compare ('same-as-main').
 */
function checkCompare(state: AppState, raw: string | undefined, notices: UrlNotice[]): void {
  if (state.compare === '' || raw === undefined) return;
  const choice = compareChoiceOf(state);
  if (!choice) return;
  if (sameAsMain(choice, state)) {
    notices.push({ kind: 'same-as-main', key: 'vs', given: shorten(raw) });
    state.compare = '';
    return;
  }
  const text = compareTextOf(choice);
  if (text !== state.compare) {
    notices.push({ kind: 'adjusted', key: 'vs', given: shorten(raw), used: text });
    state.compare = text;
  }
}

/** How a link writes `param`'s value in `state`. */
export function formatValue(param: UrlParam, state: Readonly<AppState>): string {
  switch (param.kind) {
    case 'number':
      return String(state[param.field]);
    case 'enum':
      return state[param.field] as string;
    case 'bool':
      return state[param.field] ? '1' : '0';
    case 'lossList':
      return state.losses.join(',');
    case 'metricList':
      return state.trainingMetrics.join(',');
    case 'termList':
      return termListText(state.extraTerms);
    case 'probList':
      return state.refProbs.map(String).join(',');
    case 'rewardList':
      return state[param.field].map(String).join(',');
    case 'compare':
      return state.compare;
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

/** By lesson object (not id), so a lesson given as data (a test's, an instructor's) never meets another's. */
const lessonBases = new WeakMap<object, Map<number, AppState>>();

/** Step `n` (from 1, in range) of a lesson's steps as a state: the step's `state` read as a link. */
function stepBase(
  key: object,
  steps: readonly LessonStep[],
  id: LessonId | CustomLessonId,
  n: number,
): AppState {
  let bases = lessonBases.get(key);
  if (!bases) lessonBases.set(key, (bases = new Map()));
  let base = bases.get(n);
  if (!base) {
    base = { ...parseLink(steps[n - 1].state, false).state, lesson: id, lessonStep: n };
    bases.set(n, base);
  }
  return base;
}

/**
 * An instructor's lesson at `step` (from 1, clamped to its steps), exactly as a built-in step: the defaults
 * with the step's state read as a link, `lesson: 'custom'`. Its state's notices are the lesson's own
 * (CustomLessonStep.notices), said when the file or link is read.
 */
export function customLessonBaseState(lesson: CustomLesson, step: number): Readonly<AppState> {
  const n = Math.max(1, Math.min(lesson.steps.length, Math.round(step)));
  return stepBase(
    lesson,
    lesson.steps.map((s) => s.step),
    CUSTOM_LESSON_ID,
    n,
  );
}

/**
 * Lesson `id` at `step` (from 1, clamped to its steps): the defaults with the step's `state` read as a link
 * by this same reader (so a step is exactly a shareable state), and the lesson and step set. A step's state
 * cannot name another lesson (its `lesson=` and `step=` are ignored); what else it could not use is the
 * lesson author's mistake, which the lesson tests catch, not the reader's, so it is not shown.
 */
export function lessonBaseState(id: LessonId | CustomLessonId, step: number): Readonly<AppState> {
  if (id === CUSTOM_LESSON_ID) {
    // The page's loaded lesson; without one there is no lesson to start from (the sanitiser drops it).
    const loaded = loadedCustomLesson();
    return loaded ? customLessonBaseState(loaded.lesson, step) : DEFAULT_STATE;
  }
  const lesson = LESSONS[id];
  const n = Math.max(1, Math.min(lesson.steps.length, Math.round(step)));
  return stepBase(lesson, lesson.steps, id, n);
}

/** What a link starts from: the lesson step it names, else the loaded preset's state, else the defaults. */
export function linkBase(state: Readonly<AppState>): Readonly<AppState> {
  return state.lesson ? lessonBaseState(state.lesson, state.lessonStep) : baseState(state.preset);
}

/** The keys that name a lesson step in a link: `lesson=<id>` or, for the page's own lesson, `lessondata=`. */
function lessonParts(state: Readonly<AppState>): string[] {
  if (!state.lesson) return [];
  if (state.lesson !== CUSTOM_LESSON_ID) return [`lesson=${state.lesson}`, `step=${state.lessonStep}`];
  const loaded = loadedCustomLesson();
  return loaded ? [`${LESSON_DATA_KEY}=${loaded.data}`, `step=${state.lessonStep}`] : [];
}

/** The keys a lesson link writes first, always (they name its base), and never compares. */
const LESSON_KEYS: ReadonlySet<string> = new Set(['lesson', 'step']);

/**
 * The hash for a state, '' when everything is at its default. Only what differs from the base is written:
 * the defaults, or the loaded preset's state (the preset itself is always written, being the base), or the
 * lesson step's state (`lesson=` and `step=` first, then what differs from the step).
 */
export function stateToHash(state: Readonly<AppState>): string {
  const base = linkBase(state);
  const parts = lessonParts(state);
  for (const param of URL_PARAMS) {
    if (LESSON_KEYS.has(param.key)) continue;
    const reference = param.key === 'preset' && !state.lesson ? DEFAULT_STATE : base;
    if (formatValue(param, state) !== formatValue(param, reference))
      parts.push(`${param.key}=${formatValue(param, state)}`);
  }
  return parts.length === 0 ? '' : `#v=${URL_VERSION}&${parts.join('&')}`;
}
