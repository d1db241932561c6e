// What the derivations hand to the figure builders and the views. Defined here, where they are produced, so
// derive never imports from figures; the builders in src/figures take these types.
import type { LossId, MarginCurve, ToyDivergence } from '../math/index.ts';

/** One loss's curve along the margin for the loss and gradient views. */
export interface LossCurveInput {
  id: LossId;
  curve: MarginCurve;
  /** The closed-form optimum of the margin h for the current p, in h units; null when none is drawn. */
  optimum: number | null;
  /** The current pair: its margin h, loss and gradients. */
  current: { margin: number; loss: number; dChosen: number; dRejected: number };
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
}

/** Final probabilities as a swept parameter changes, for the sweeps view. */
export interface SweepInput {
  id: LossId;
  /** The swept values (β, or the reference probability of y_w). */
  x: number[];
  chosen: number[];
  rejected: number[];
  /** Per point: true when it came from a closed form, false when from training. */
  closedForm: boolean[];
  /** Per point: true where training diverged (its probabilities mean nothing); absent: none did. */
  diverged?: boolean[];
}

/** The loss over the (ρw, ρl) plane, for the plane view. */
export interface PlaneGridInput {
  id: LossId;
  chosenLogRatio: number[];
  rejectedLogRatio: number[];
  /** loss[i][j] at (chosenLogRatio[j], rejectedLogRatio[i]) — Plotly's z[row = y][column = x]. */
  loss: number[][];
}
