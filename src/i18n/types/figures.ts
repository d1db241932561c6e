// Every visible string the figure builders produce. The builders never hold text of their own: a language
// table implements this interface (English in ../en/figures.ts) and is passed in with the figure options.
import type { ConvergenceStatus, LossId } from '../../math/index.ts';
import type { DatasetKind } from '../../state/appState.ts';

/** What the toy was trained on, so responses are named for what they are in that data. */
export interface ResponseData {
  dataset: DatasetKind;
  /** The hidden rewards, for ranking data. */
  rewards?: readonly number[];
}

/** One loss at the current pair, for the loss view's summary. */
export interface LossSummaryPart {
  id: LossId;
  label: string;
  loss: number;
  /** −∂loss/∂log π(y_w) ÷ β: the push on the chosen response per unit β (σ(−βh) for DPO). */
  weight: number;
  /** The closed-form optimum of h, when one is drawn (±Infinity: none finite). */
  optimum: number | null;
  /** With a time cursor: the step shown and this loss's own margin there (each loss has its own run). */
  at?: StepSummary;
  /** TRL's SFT term or f-divergence changes the loss: DPO's push is then not σ(−βh). */
  modified?: boolean;
}

/** A loss's dot at the time cursor: the step its numbers come from, and its margin h there. */
export interface StepSummary {
  step: number;
  margin: number;
}

/** One loss at the current pair, for the gradient view's summary (both pushes ÷ β). */
export interface GradientSummaryPart {
  id: LossId;
  label: string;
  /** −∂loss/∂log π(y_w) ÷ β: positive pushes y_w up. */
  chosenPush: number;
  /** ∂loss/∂log π(y_l) ÷ β: positive pushes y_l down. */
  rejectedPush: number;
  /** With a time cursor: the step shown and this loss's own margin there. */
  at?: StepSummary;
}

/** One training run, first and last step, for the training view's summary. */
export interface TrainingSummaryPart {
  label: string;
  steps: number;
  chosenStart: number;
  chosenEnd: number;
  rejectedStart: number;
  rejectedEnd: number;
  /** π(y_w) fell although the margin ρw − ρl grew (likelihood displacement). */
  displaced: boolean;
  /** The step where training diverged (its curves stop there), or null / absent when it did not. */
  divergedAt?: number | null;
}

/** One training run's final value of each metric shown. */
export interface MetricsSummaryPart {
  label: string;
  steps: number;
  values: { metric: string; value: number }[];
  /** The step where training diverged (its curves stop there; no final values), or null / absent. */
  divergedAt?: number | null;
}

/** Why a sweep point did not converge (math/toy/converge.ts). */
export type UnfinishedStatus = Exclude<ConvergenceStatus, 'converged'>;

/** The points of one sweep that did not converge for one reason: how many, and their smallest and largest x. */
export interface UnfinishedPointsText {
  status: UnfinishedStatus;
  count: number;
  from: number;
  to: number;
}

/** One sweep's points that did not converge, grouped by why (empty: every point converged). */
export interface SweepUnfinishedText {
  label: string;
  total: number;
  unfinished: readonly UnfinishedPointsText[];
}

/** One sweep at the point nearest the current value, and at both ends of the sweep. */
export interface SweepSummaryPart extends SweepUnfinishedText {
  /** The swept value of the point nearest the current one, and the final probabilities there. */
  x: number;
  chosen: number;
  rejected: number;
  closedForm: boolean;
  /** How the point nearest the current value ended ('diverged': chosen and rejected mean nothing). */
  status: ConvergenceStatus;
  /** The outermost points whose numbers mean something (not 'diverged'). */
  firstX: number;
  firstChosen: number;
  lastX: number;
  lastChosen: number;
}

export interface PlaneSummary {
  label: string;
  minLoss: number;
  maxLoss: number;
  logCompressed: boolean;
  /** The trajectory of the same loss, when one was given. */
  trajectory: {
    steps: number;
    start: [number, number];
    end: [number, number];
    /** The step where training diverged (steps and end are then those just before it), or null / absent. */
    divergedAt?: number | null;
  } | null;
  /** The current pair (ρw, ρl), when given. */
  current: [number, number] | null;
}

export interface SimplexSummary {
  /** The three corners' names, as on the plot (named for what they are in the data). */
  corners: string[];
  reference: number[];
  rlhfOptimum: number[] | null;
  /** divergedAt: the step where training diverged (end is then the policy just before it), or null. */
  runs: { label: string; steps: number; end: number[]; divergedAt?: number | null }[];
}

export type SweepAxis = 'beta' | 'ref';

export interface FigureStrings {
  /** Between the items of a short list of names ('SimPO, ORPO'; Chinese '、'). */
  listSeparator: string;
  /** A loss in legends and texts: its label from the language's loss-name table (sigmoid → 'DPO', …). */
  lossLabel(id: LossId): string;
  /**
   * Response k of the toy policy. Pair data (the default): 0 → y_w (chosen), 1 → y_l (rejected), k ≥ 2 →
   * y₃, y₄, …; ranking data: A, B, C, … with their hidden rewards; thumbs-down data: A is the undesirable
   * (thumbs-down) example, the others B, C, … are in no example.
   */
  responseLabel(k: number, data?: ResponseData): string;
  /** The simplex's third corner when K > 3: responses `from`…`to` (0-based) taken together. */
  responsesTogether(from: number, to: number, data?: ResponseData): string;
  /**
   * TR-DPO's moving reference (sync_ref_model): the legend name of π_ref(y) over the steps, `response` being
   * responseLabel's; and of the simplex's π_ref marker and path when it moves.
   */
  movingReference: { of(response: string): string; marker: string; path: string };

  /** Axis and colour-bar titles, with units. */
  axis: {
    /** Loss and gradient views' x axis: the summed margin h. */
    margin: string;
    loss: string;
    /** Gradient view's y axis: the push on log π(y), divided by β. */
    push: string;
    step: string;
    probability: string;
    /** Sweep view's y axis: the probability where training ends (converged, closed form, or the limit). */
    finalProbability: string;
    /** Sweep view's x axis. */
    /** `data`: what the toy was trained on, so the swept response is named for what it is (default: one pair). */
    sweep(axis: SweepAxis, data?: ResponseData): string;
    chosenLogRatio: string;
    rejectedLogRatio: string;
    /** A TRL metric name as an axis title ('rewards/margins' → 'rewards/margins'). */
    metric(name: string): string;
    /** Plane view's colour bar: plain, or log₁₀(1 + loss − min) when log-compressed. */
    lossColourbar(logCompressed: boolean): string;
  };

  /** Legend names of traces. */
  trace: {
    /** The current pair's marker. */
    current: string;
    /** The current pair's marker on one loss's curve. */
    currentOf(label: string): string;
    /** One loss's marker at the time cursor's step (its own training run at that step). */
    atStepOf(label: string, step: number): string;
    /** The same when the run diverged before the cursor: the last step before it, and where it diverged. */
    atDivergedStepOf(label: string, step: number, divergedAt: number): string;
    /** Training view: the vertical line at the time cursor's step. */
    stepCursor(step: number): string;
    /** The closed-form optimum line of a loss. */
    optimum(label: string): string;
    /** Gradient view: the push on the chosen response (up) and on the rejected one (down). */
    pushChosen(label: string): string;
    pushRejected(label: string): string;
    /** Gradient view, a loss of h alone: one line for both pushes, which are equal. */
    pushBoth(label: string): string;
    /** Sweep view: final π of responses 0 and 1 of a loss (y_w and y_l for one pair, A and B otherwise). */
    sweepChosen(label: string, data?: ResponseData): string;
    sweepRejected(label: string, data?: ResponseData): string;
    /** Sweep view: the vertical line at the current β or reference probability. */
    currentValue(axis: SweepAxis, data?: ResponseData): string;
    /** Plane and simplex views: a run's path during training, its start and end. */
    trajectory(label: string): string;
    start(label: string): string;
    end(label: string): string;
    /** Plane view: the diagonal ρw = ρl. */
    marginZero: string;
    /** Simplex view: the reference policy and the RLHF optimum π*. */
    reference: string;
    rlhfOptimum: string;
  };

  /** Short labels inside hover boxes (combined with Plotly's %{…} placeholders by the builders). */
  hover: {
    margin: string;
    loss: string;
    push: string;
    step: string;
    probability: string;
    sweepValue(axis: SweepAxis, data?: ResponseData): string;
    chosenLogRatio: string;
    rejectedLogRatio: string;
    /** How a sweep point was obtained: a closed form, or trained until it met the criterion. */
    closedForm: string;
    trained: string;
  };

  /** The sweeps' words for where training ends, in the hover, the text alternative and the view's caption. */
  sweep: {
    /** The criterion in plain words: gradient below `gradientTolerance`, steps below `stepTolerance`. */
    criterion(gradientTolerance: number, stepTolerance: number): string;
    /** Why a point did not converge (a hover label, short). For 'unbounded' the point drawn is the limit. */
    status(status: UnfinishedStatus): string;
    /** How many points of each sweep did not converge and why; says so when every point converged. */
    unfinished(sweeps: readonly SweepUnfinishedText[], axis: SweepAxis, data?: ResponseData): string;
  };

  /** Notes drawn on the plots. */
  note: {
    /** The loss's optimum of h is ±Infinity: it pushes the margin without bound. */
    noFiniteOptimum(label: string, direction: 1 | -1, p: number | null): string;
    /** The optimum is finite but outside the plotted range of h. */
    optimumOffPlot(label: string, optimum: number): string;
    /** A loss's current value lies outside the plotted y range (IPO and SPPO beside other losses). */
    offScale(label: string, value: number): string;
    /** Loss and gradient views: the dot at the time cursor (named by trace.atStepOf) has a margin off the plot. */
    marginOffPlot(dot: string, margin: number): string;
    /** Gradient view: the label of the line where a loss's push changes sign (IPO's target h*). */
    pushTurns(label: string, margin: number): string;
    /** Nothing chosen. */
    noData: string;
    /** A plot whose numbers are still being computed (the sweeps' first run in their worker). */
    computing: string;
    /** The simplex view got fewer than 3 responses (the view folds more than 3 into three corners). */
    simplexNeedsThree(k: number): string;
    /** The plane view has no trajectory of its loss. */
    noTrajectory(label: string): string;
    /** Loss and gradient views: SimPO / ORPO (`labels`, joined) have no reference; how their curve moves. */
    noReference(labels: string): string;
    /** The same in a sentence for the text alternative, with what their reward is instead. */
    noReferenceExplained(labels: string): string;
    /** Metrics view with SimPO / ORPO runs: their logps/* are per-token means, their rewards β × those. */
    metricsNoReference(labels: string): string;
    /** Plane view of SimPO / ORPO: ρ moves log πθ = log π_ref + ρ; blank where log πθ would be above 0. */
    noReferencePlane(label: string): string;
    /** Beside a training panel's title and on its marker line: training diverged at this step. */
    diverged(step: number): string;
    /** In a metrics panel where no run logged a number (KTO logs no accuracies, nor anything for an empty class). */
    metricNoData(metric: string): string;
  };

  /** 1–3 sentence text alternatives with the current numbers. */
  summary: {
    loss(parts: readonly LossSummaryPart[], margin: number, beta: number): string;
    gradient(parts: readonly GradientSummaryPart[], margin: number, beta: number): string;
    /** `data`: what the toy was trained on, so responses 0 and 1 are named for what they are (default: one pair). */
    training(parts: readonly TrainingSummaryPart[], data?: ResponseData): string;
    metrics(parts: readonly MetricsSummaryPart[]): string;
    /** `criterion`: as sweep.criterion's arguments, for the summary to state it. */
    sweep(
      parts: readonly SweepSummaryPart[],
      axis: SweepAxis,
      current: number,
      criterion: { gradientTolerance: number; stepTolerance: number },
      data?: ResponseData,
    ): string;
    plane(summary: PlaneSummary): string;
    simplex(summary: SimplexSummary): string;
    /** When a builder got no data. */
    empty: string;
  };
}
