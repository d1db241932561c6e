// The compared run (AppState.compare, `vs=<key>:<value>`): the state of the second run is the main state with
// that one setting changed. The store holds only the choice; the second run's training and curves are
// computed here, each behind its own one-entry memo on the same fields as the main run's, so a drag of a
// setting the compared run shares with the main one (β under vs=lr:…) retrains the second run once, and a
// drag of β under vs=beta:… never retrains it (its β is fixed).
import type { AppState, CompareKey } from '../state/appState.ts';
import type { CompareValue } from '../state/compareChoice.ts';
import { memoByFields, sameFields } from '../state/pickFields.ts';
import { runsMemo } from './toy.ts';
import { computePairCurves, type PairCurveFields } from './pairCurves.ts';
import { PAIR_CURVE_FIELDS } from './pairCurvesMemo.ts';
import type { TrainingRunInput } from './types.ts';
import { runStepAt } from './atStep.ts';
import { F_DIVERGENCES, LOSS_IDS, type FDivergence, type LossId } from '../math/index.ts';

/** The fields a compare choice is read against: the choice, K, and every setting it may change. */
export type CompareBase = Pick<
  AppState,
  | 'compare'
  | 'responses'
  | 'beta'
  | 'preferenceProb'
  | 'learningRate'
  | 'features'
  | 'optimizer'
  | 'losses'
  | 'refProbs'
  | 'sftWeight'
  | 'fDivergence'
  | 'refSyncSteps'
>;

export type CompareStatus<S> =
  | { status: 'none' }
  /** The choice equals the main run's setting: nothing to compare. */
  | { status: 'same'; choice: CompareValue }
  | { status: 'on'; choice: CompareValue; main: CompareValue; state: S };

/** The main state `s` with the compared setting changed (for a loss: the first loss shown becomes the other). */
export function withCompareValue<S extends CompareBase>(s: S, c: CompareValue): S {
  switch (c.key) {
    case 'beta':
      return { ...s, beta: c.value };
    case 'p':
      return { ...s, preferenceProb: c.value };
    case 'lr':
      return { ...s, learningRate: c.value };
    case 'sft':
      return { ...s, sftWeight: c.value };
    case 'fdiv':
      return { ...s, fDivergence: c.value };
    case 'sync':
      return { ...s, refSyncSteps: c.value };
    case 'features':
      return { ...s, features: c.value };
    case 'optimizer':
      return { ...s, optimizer: c.value };
    case 'loss':
      return { ...s, losses: [c.value] };
    case 'ref':
      return { ...s, refProbs: c.value };
  }
}

/**
 * The state's choice as a value. The state holds it in canonical form, checked by the parameter list
 * (state/compareChoice.ts fitCompare; a reference list already fitted to K), so reading it back only splits
 * it; anything else reads as no choice.
 */
export function decodeCompare(text: string, responses: number): CompareValue | null {
  const colon = text.indexOf(':');
  const key = text.slice(0, colon);
  const raw = text.slice(colon + 1);
  if (colon < 0 || raw === '') return null;
  switch (key) {
    case 'beta':
    case 'p':
    case 'lr':
    case 'sft':
    case 'sync': {
      const value = Number(raw);
      return Number.isFinite(value) ? { key, value } : null;
    }
    case 'fdiv':
      return F_DIVERGENCES.includes(raw as FDivergence) ? { key, value: raw as FDivergence } : null;
    case 'features':
      return raw === 'tabular' || raw === 'shared' ? { key, value: raw } : null;
    case 'optimizer':
      return raw === 'sgd' || raw === 'adam' ? { key, value: raw } : null;
    case 'loss':
      return LOSS_IDS.includes(raw as LossId) ? { key, value: raw as LossId } : null;
    case 'ref': {
      const value = raw.split(',').map(Number);
      return value.length === responses && value.every((x) => x > 0) ? { key, value } : null;
    }
    default:
      return null;
  }
}

/** The main run's value of the setting a compare key changes (for a loss: the first loss shown). */
export function mainValueOf(key: CompareKey, s: CompareBase): CompareValue {
  switch (key) {
    case 'beta':
      return { key, value: s.beta };
    case 'p':
      return { key, value: s.preferenceProb };
    case 'lr':
      return { key, value: s.learningRate };
    case 'sft':
      return { key, value: s.sftWeight };
    case 'fdiv':
      return { key, value: s.fDivergence };
    case 'sync':
      return { key, value: s.refSyncSteps };
    case 'features':
      return { key, value: s.features };
    case 'optimizer':
      return { key, value: s.optimizer };
    case 'loss':
      return { key, value: s.losses[0] };
    case 'ref':
      return { key, value: [...s.refProbs] };
  }
}

const sameValue = (a: CompareValue, b: CompareValue): boolean =>
  Array.isArray(a.value) && Array.isArray(b.value)
    ? a.value.length === b.value.length && a.value.every((x, i) => x === (b.value as number[])[i])
    : a.value === b.value;

/** What the state compares: nothing, a value equal to the main one, or a second run's state. */
export function compareOf<S extends CompareBase>(s: S): CompareStatus<S> {
  const choice = s.compare === '' ? null : decodeCompare(s.compare, s.responses);
  if (!choice) return { status: 'none' };
  const main = mainValueOf(choice.key, s);
  if (sameValue(choice, main)) return { status: 'same', choice };
  return { status: 'on', choice, main, state: withCompareValue(s, choice) };
}

/** The second run's state, or null when there is none (no choice, or one equal to the main run). */
export function compareStateOf<S extends CompareBase>(s: S): S | null {
  const c = compareOf(s);
  return c.status === 'on' ? c.state : null;
}

/** The second run's loss and gradient curves differ from the main run's (β, the loss, π_ref, p do; the learning rate does not). */
export function affectsPairCurves(main: PairCurveFields, other: PairCurveFields): boolean {
  return !sameFields(main, other, PAIR_CURVE_FIELDS);
}

/** The second run's training, memoised on TOY_FIELDS apart from the main run's memo. */
export const compareRunsOf = runsMemo();

/** The second run's loss and gradient curves, memoised apart from the main ones. */
export const compareCurvesOf = memoByFields(PAIR_CURVE_FIELDS, computePairCurves);

/** One run at one step: π(y_w), π(y_l) and KL(π‖π_ref) (where it ends, or at the time cursor). */
export interface RunEnd {
  id: LossId;
  step: number;
  chosen: number;
  rejected: number;
  /** KL(π‖π_ref) = Σ π log(π/π_ref), in nats, to the state's (the starting) reference. */
  kl: number;
  /**
   * KL to the run's own reference at that step when it moves (TR-DPO: run.refProbs); null when the reference
   * is fixed (then `kl` is that KL).
   */
  klCurrent: number | null;
}

/** KL(π‖π_ref) of two distributions over the same responses (terms with π = 0 count 0). */
export function klFromRef(probs: readonly number[], ref: readonly number[]): number {
  let kl = 0;
  probs.forEach((p, k) => {
    if (p > 0) kl += p * Math.log(p / ref[k]);
  });
  return Math.max(0, kl);
}

/**
 * `run` at cursor `t`: the step the other views show for it (runStepAt: t clamped to the run, or its last
 * trusted step when it diverged before t), so the table of both runs says what the readout and TRL tables say.
 */
export function runAtStepOf(run: TrainingRunInput, ref: readonly number[], t: number): RunEnd {
  const { step } = runStepAt(run, t);
  const probs = run.probs[step] ?? [];
  const moved = run.refProbs?.[step];
  return {
    id: run.id,
    step,
    chosen: probs[0],
    rejected: probs[1],
    kl: klFromRef(probs, ref),
    klCurrent: moved ? klFromRef(probs, moved) : null,
  };
}

/** Where `run` ends: its last trusted step. */
export function runEndOf(run: TrainingRunInput, ref: readonly number[]): RunEnd {
  return runAtStepOf(run, ref, Infinity);
}

/** One row of the two runs' table: the same loss in both runs (for vs=loss: the first loss and the other). */
export interface CompareRow {
  main: RunEnd;
  other: RunEnd;
}

/**
 * The rows of the two runs' table at cursor `t` (default: where training ends), each run measured against
 * its own reference.
 */
export function compareRowsOf(
  key: CompareKey,
  mainRuns: readonly TrainingRunInput[],
  otherRuns: readonly TrainingRunInput[],
  refs: { main: readonly number[]; other: readonly number[] },
  t = Infinity,
): CompareRow[] {
  const rows: CompareRow[] = [];
  otherRuns.forEach((other, i) => {
    const main =
      key === 'loss' ? (i === 0 ? mainRuns[0] : undefined) : mainRuns.find((r) => r.id === other.id);
    if (main) rows.push({ main: runAtStepOf(main, refs.main, t), other: runAtStepOf(other, refs.other, t) });
  });
  return rows;
}
