// What the derivations hand to the figure builders and the views. Defined here, where they are produced, so
// derive never imports from figures; the builders in src/figures take these types.
import type {
  ConvergenceCriterion,
  ConvergenceStatus,
  LossId,
  MarginCurve,
  ToyDivergence,
} from '../math/index.ts';

/** One loss's curve along the margin for the loss and gradient views. */
export interface LossCurveInput {
  id: LossId;
  curve: MarginCurve;
  /** The closed-form optimum of the margin h for the current p, in h units; null when none is drawn. */
  optimum: number | null;
  /** The current pair: its margin h, loss and gradients. */
  current: { margin: number; loss: number; dChosen: number; dRejected: number };
  /** TRL's SFT term or f-divergence changes this loss from its plain form (its formulas, its closed forms). */
  modified?: boolean;
  /**
   * The pair at the time cursor's step, from this loss's own training run (derive/atStep.ts); absent = the
   * start pair (`current`). The dot is drawn here; the axes stay those of `current`, so they hold still while
   * the cursor moves.
   */
  atStep?: StepPoint;
}

/** One loss's pair at the time cursor: its margin h, loss and gradients, and the step they come from. */
export interface StepPoint {
  margin: number;
  loss: number;
  dChosen: number;
  dRejected: number;
  /** The step shown: the cursor's, or the last trusted step of a run that diverged before it. */
  step: number;
  /** The step where the run diverged when the cursor is past it (the numbers are then `step`'s); else null. */
  divergedAt: number | null;
}

/** One loss's toy training run for the training, plane and simplex views. */
export interface TrainingRunInput {
  id: LossId;
  /** probs[t][k] for t = 0…steps. */
  probs: number[][];
  /** TRL metric name → value per step. */
  metrics: Record<string, number[]>;
  /** ρw(t) and ρl(t): the log-ratios of y_w and y_l at each step. */
  chosenLogRatio: number[];
  rejectedLogRatio: number[];
  loss: number[];
  /** Where training diverged (math/toy/divergence.ts); null or absent when it did not. */
  divergence?: ToyDivergence | null;
  /**
   * π_ref(k) at each step when the run's reference moves (TR-DPO, sync_ref_model; refProbs[t][k] after
   * update t and its sync); absent when it stays fixed (the state's refProbs at every step).
   */
  refProbs?: number[][];
}

/** Where training ends as a swept parameter changes, for the sweeps view (math/toy/sweeps.ts ToySweep). */
export interface SweepInput {
  id: LossId;
  /** The swept values (β, or the reference probability of y_w). */
  x: number[];
  /** π(y_w) and π(y_l) where training ends; for status 'unbounded', the limit training tends to. */
  chosen: number[];
  rejected: number[];
  /** Per point: true when it came from a closed form, false when from training to convergence. */
  closedForm: boolean[];
  /** Per point: true where the point met `criterion` (status 'converged'). */
  converged: boolean[];
  /** Per point: why it converged or not; 'diverged' points' probabilities mean nothing. */
  status: ConvergenceStatus[];
  /** The convergence criterion of every converged point. */
  criterion: Readonly<ConvergenceCriterion>;
}

/** The loss over the (ρw, ρl) plane, for the plane view. */
export interface PlaneGridInput {
  id: LossId;
  chosenLogRatio: number[];
  rejectedLogRatio: number[];
  /** loss[i][j] at (chosenLogRatio[j], rejectedLogRatio[i]) — Plotly's z[row = y][column = x]. */
  loss: number[][];
}
