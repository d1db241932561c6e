// The facts lesson 'beta' states, computed from the page by derive/lessons/beta.ts. The state's run is "this
// β", the compared run (vs=beta:…) "the other β"; numbers are null when the state has none (no β comparison,
// no DPO run, data that are not one pair), and a `…Holds` is true only while its claim holds of the state shown.
export interface BetaFacts {
  /** The training step every view shows. */
  t: number;
  /** One preference pair (p means something). */
  pairHolds: boolean;
  p: number;
  beta: number;
  /** The compared run's β (null: no β comparison on). */
  otherBeta: number | null;
  /** The compared β is the larger one (the lesson's "strong β" is the dashed run). */
  otherLargerHolds: boolean;
  /** π_ref(y_w), and both runs start there (no start offsets). */
  refChosen: number;
  startsAtRefHolds: boolean;
  /** π(y_w) of each run at step t. */
  chosenAt: number | null;
  otherChosenAt: number | null;
  /** π(y_w) and KL(π‖π_ref) where each run ends (the table of both runs, at the last step). */
  chosenEnd: number | null;
  otherChosenEnd: number | null;
  kl: number | null;
  otherKl: number | null;
  /** The larger β ends nearer π_ref: π(y_w) nearer π_ref(y_w) and a smaller KL. */
  largerCloserHolds: boolean;
  /** −∂loss/∂h at the start pair, the loss view's slope there, for each β. */
  slope: number | null;
  otherSlope: number | null;
  /** The larger β's loss is the steeper one at the start. */
  largerSteeperHolds: boolean;
  /** The loss view's dotted optimum h* = logit(p)/β of each run. */
  optimum: number | null;
  otherOptimum: number | null;
  /** The larger β's optimum margin is the smaller one, and its run ends nearer π_ref. */
  largerStopsSoonerHolds: boolean;
  /** The sweeps view's β sweep: its first and last β and where DPO ends there, and at this state's β. */
  betaMin: number;
  betaMax: number;
  sweepLow: number | null;
  sweepHigh: number | null;
  sweepAtBeta: number | null;
  /** Along the whole sweep π(y_w) never rises as β grows, and ends nearer π_ref(y_w) than it starts. */
  sweepFallsHolds: boolean;
}
