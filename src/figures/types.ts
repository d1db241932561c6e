// What every figure builder returns and takes. Builders are pure: state-derived numbers in, plain Plotly
// objects out, so they are unit-tested as data without a DOM.
import type { Data, Layout } from 'plotly.js';
import type { LossId, MarginCurve, ToyDivergence } from '../math/index.ts';

export interface Figure {
  data: Data[];
  layout: Partial<Layout>;
  /** A plain-language text alternative for screen readers: what the plot shows right now, with numbers. */
  summary: string;
}

export interface PlotTheme {
  name: 'light' | 'dark' | 'projector';
  paper: string;
  plot: string;
  text: string;
  mutedText: string;
  grid: string;
  zeroLine: string;
  fontFamily: string;
  fontSize: number;
  lineWidth: number;
  /** One colour per loss, colour-blind safe (Okabe–Ito in every theme). */
  palette: readonly string[];
  /** Colours of the chosen response, the rejected one and the others. */
  chosen: string;
  rejected: string;
  other: string;
  /** Dashes for reference lines and optima. */
  referenceDash: 'dash' | 'dot' | 'dashdot';
}

/** One loss's curve along the margin for views 1 and 2. */
export interface LossCurveInput {
  id: LossId;
  curve: MarginCurve;
  /** The closed-form optimum of the margin h for the current p, in h units; null when none is drawn. */
  optimum: number | null;
  /** The current pair: its margin h, loss and gradients. */
  current: { margin: number; loss: number; dChosen: number; dRejected: number };
}

/** One loss's toy training run for views 3, 5 and 6. */
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

/** Final probabilities as a swept parameter changes, for view 4. */
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

/** The loss over the (ρw, ρl) plane, for view 5. */
export interface PlaneGridInput {
  id: LossId;
  chosenLogRatio: number[];
  rejectedLogRatio: number[];
  /** loss[i][j] at (chosenLogRatio[j], rejectedLogRatio[i]) — Plotly's z[row = y][column = x]. */
  loss: number[][];
}
