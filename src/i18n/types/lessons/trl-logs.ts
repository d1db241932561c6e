// The facts lesson 'trl-logs' states, computed from the page by derive/lessons/trl-logs.ts: what TRL would
// log at the time cursor's step (the "What TRL would log" table), so the text reads the numbers the table shows.

/** One loss's logged row at the step shown (null where the run has no such metric). */
export interface LoggedRow {
  loss: number | null;
  rewardsChosen: number | null;
  rewardsRejected: number | null;
  margins: number | null;
  accuracies: number | null;
  logpsChosen: number | null;
  logpsRejected: number | null;
}

export interface TrlLogsFacts {
  /** The training step every view shows, and the step the table's numbers are from (the same unless a run diverged). */
  t: number;
  step: number;
  beta: number;
  /** The preference probability p (null unless the data are one pair). */
  p: number | null;
  /** The policy starts at the reference (every start offset 0) and the table shows step 0. */
  atReferenceHolds: boolean;
  /** The policy starts at the reference (every start offset 0), whatever step the table shows. */
  startAtReferenceHolds: boolean;

  /** DPO's (loss_type="sigmoid") row at the step shown; null when DPO is not shown. */
  dpo: LoggedRow | null;
  /** DPO's loss is ln 2 = −log σ(0). */
  dpoLn2Holds: boolean;
  /** rewards/chosen equals rewards/rejected and rewards/accuracies is 0: a tie counts as wrong (strict >). */
  tieWrongHolds: boolean;
  /** DPO’s rewards/accuracies one step after the one shown, and whether it is p (½ < p < 1) with a positive margin. */
  accuracyNext: number | null;
  nextIsPHolds: boolean;

  /** rewards/chosen is negative at the step shown. */
  chosenNegativeHolds: boolean;
  /** rewards/margins has grown at every step up to the one shown (t > 0). */
  marginsGrowHolds: boolean;
  /** rewards/rejected is below rewards/chosen. */
  rejectedLowerHolds: boolean;

  /** DPO's logps/chosen at step 0: the reference's when the policy starts there. */
  logpsChosen0: number | null;
  /** Completion tokens of y_w (`lenw`). */
  chosenLength: number;
  /** rewards/chosen = β × (logps/chosen − logps/chosen at step 0), to 1e-9, with the policy starting at the reference. */
  rewardIdentityHolds: boolean;
  /** rewards/margins = rewards/chosen − rewards/rejected, to 1e-9. */
  marginIdentityHolds: boolean;

  /** IPO's (loss_type="ipo") row at the step shown; null when IPO is not shown. */
  ipo: LoggedRow | null;
  /** IPO's loss scale 1/(4β²): its loss at h = 0. */
  ipoScale: number;
  /** The table shows step 0, the policy at the reference, and IPO's loss is 1/(4β²). */
  ipoScaleHolds: boolean;
  /** IPO's target margin (2p − 1)/(2β), the loss p(1 − p)/β² there, and IPO's loss where its run ends. */
  ipoTarget: number | null;
  ipoFloor: number | null;
  ipoEndLoss: number | null;
  /** One pair with p < 1, and IPO's run ends at that floor, not at 0. */
  ipoFloorHolds: boolean;
}
