// The time cursor (AppState `t`) as numbers: which step of each loss's own training run a view shows, the
// pair (y_w, y_l) of that run at that step, and TRL's metrics there. Pure indexing into the memoised runs
// (derive/toy.ts): moving the cursor never retrains. At step 0 every value is exactly the start pair's
// (mathParams.ts pairInputOf), so the page at t = 0 is the page without a cursor.
import { trustedSteps, type LossId, type PairInput } from '../math/index.ts';
import type { LossCurveInput, StepPoint, TrainingRunInput } from './types.ts';
import { pairInputOf, type PairFields, type PairLossFields } from './mathParams.ts';
import { pairValuesOf, type PairValues } from './pairValues.ts';
import { stepMetrics } from './metricsTables.ts';

export interface RunStep {
  /** The step whose numbers are shown: the cursor's, clamped to the run, or its last trusted step. */
  step: number;
  /** When the cursor is past the step where the run diverged: that step (the numbers are `step`'s). */
  divergedAt: number | null;
}

/**
 * The step of `run` shown at cursor `t`: t itself, at most the run's last step (a run being retrained in
 * the background can be shorter than the new `steps` for a moment), and for a run that diverged at or
 * before t, the last step before it diverged, since later numbers mean nothing.
 */
export function runStepAt(run: Pick<TrainingRunInput, 'loss' | 'divergence'>, t: number): RunStep {
  const length = run.loss.length;
  const wanted = Math.max(0, Math.min(Math.round(t), length - 1));
  const trusted = trustedSteps(run.divergence, length) - 1;
  if (run.divergence && wanted > trusted) return { step: trusted, divergedAt: run.divergence.step };
  return { step: wanted, divergedAt: null };
}

/**
 * The pair y_w, y_l of `run` at `step`: that step's reference log-probs plus the run's log-ratios ρw(step),
 * ρl(step). The reference is the state's, or with TR-DPO's moving reference (run.refProbs) step `step`'s, so
 * every value at step t is against the reference of step t. Step 0 (or no run: a loss the data cannot train)
 * is the start pair itself.
 */
export function pairAtStep(
  s: PairFields,
  run: Pick<TrainingRunInput, 'chosenLogRatio' | 'rejectedLogRatio' | 'refProbs'> | undefined,
  step: number,
): Required<PairInput> {
  const start = pairInputOf(s);
  if (!run || step <= 0) return start;
  const rw = run.chosenLogRatio[step];
  const rl = run.rejectedLogRatio[step];
  if (!Number.isFinite(rw) || !Number.isFinite(rl)) return start;
  const moved = run.refProbs?.[step];
  const refChosen = moved ? Math.log(moved[0]) : start.refChosen;
  const refRejected = moved ? Math.log(moved[1]) : start.refRejected;
  return {
    ...start,
    refChosen,
    refRejected,
    // A log-probability is ≤ 0; the sum can round a hair above it when π(y) → 1.
    policyChosen: Math.min(0, refChosen + rw),
    policyRejected: Math.min(0, refRejected + rl),
  };
}

export interface PairOfLoss {
  pair: Required<PairInput>;
  /** null: the loss has no run (the data cannot train it), so its pair is the start pair. */
  at: RunStep | null;
  /** Every response's log π at that step (WPO's weight reads the whole policy); undefined: the start policy. */
  policy?: number[];
}

/** Loss `id`'s pair at cursor `t`, from its own run among `runs` (the readout's column, the views' dot). */
export function pairOfLossAt(
  id: LossId,
  s: PairFields,
  runs: readonly TrainingRunInput[],
  t: number,
): PairOfLoss {
  const run = runs.find((r) => r.id === id);
  const at = run ? runStepAt(run, t) : null;
  const step = at?.step ?? 0;
  const probs = step > 0 ? run?.probs[step] : undefined;
  return { pair: pairAtStep(s, run, step), at, ...(probs ? { policy: probs.map(Math.log) } : {}) };
}

export interface LossAtStep extends PairOfLoss {
  id: LossId;
  values: PairValues;
}

/** Loss `id` at cursor `t` with its values (throws the math module's RangeError like pairValuesOf). */
export function lossAtStep(
  id: LossId,
  s: PairLossFields,
  runs: readonly TrainingRunInput[],
  t: number,
): LossAtStep {
  const { pair, at, policy } = pairOfLossAt(id, s, runs, t);
  return { id, pair, at, values: pairValuesOf(id, s, pair, policy) };
}

/**
 * The loss and gradient views' curves with each loss's dot at cursor `t` (`atStep`). The curves themselves
 * are the same objects (drawn through the start pair, never rebuilt for t). At t = 0 nothing is added: the
 * dot is the start pair, exactly as without a cursor.
 */
export function curvesAtStep(
  curves: readonly LossCurveInput[],
  s: PairLossFields,
  runs: readonly TrainingRunInput[],
  t: number,
): readonly LossCurveInput[] {
  if (t <= 0) return curves;
  return curves.map((c) => {
    let point: StepPoint;
    try {
      const { pair, values, at } = lossAtStep(c.id, s, runs, t);
      point = {
        margin: pair.policyChosen - pair.refChosen - (pair.policyRejected - pair.refRejected),
        loss: values.loss,
        dChosen: values.dChosen,
        dRejected: values.dRejected,
        step: at?.step ?? 0,
        divergedAt: at?.divergedAt ?? null,
      };
    } catch (e) {
      // A setting out of the loss's domain: the curve has no values either; keep the start dot.
      if (e instanceof RangeError) return c;
      throw e;
    }
    return { ...c, atStep: point };
  });
}

/** TRL's metrics of `run` at cursor `t` (its last trusted step when it diverged before t), and which step. */
export function metricsAtStep(
  run: TrainingRunInput,
  t: number,
): { metrics: Record<string, number> } & RunStep {
  const at = runStepAt(run, t);
  return { metrics: stepMetrics(run.metrics, at.step), ...at };
}
