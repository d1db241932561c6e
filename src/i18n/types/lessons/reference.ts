// The facts lesson 'reference' states, computed from the page by derive/lessons/reference.ts. The state's run
// and, when the state compares another reference (vs=ref:…), the dashed run; numbers are null when the state
// has none, and a `…Holds` is true only while its claim holds of the state shown.
export interface ReferenceFacts {
  /** The training step every view shows. */
  t: number;
  steps: number;
  /** One preference pair (p means something). */
  pairHolds: boolean;
  p: number;
  beta: number;
  /** π_ref(y_w) of this run and of the compared run (null: no reference comparison on). */
  refChosen: number;
  otherRefChosen: number | null;
  /** π(y_w) of each run at step t, and where each ends. */
  chosenAt: number | null;
  otherChosenAt: number | null;
  chosenEnd: number | null;
  otherChosenEnd: number | null;
  /** The log-ratio margin h = ρw − ρl where each run ends, and the loss view's dotted optimum h*. */
  marginEnd: number | null;
  otherMarginEnd: number | null;
  optimum: number | null;
  /** This run ends at the optimum margin (within 1e-3). */
  settlesHolds: boolean;
  /** Both runs end at the same optimum margin. */
  sameMarginHolds: boolean;
  /** The run with the larger π_ref(y_w) ends with the larger π(y_w) (by more than the digits shown). */
  higherRefEndsHigherHolds: boolean;
  /** The sweeps view's reference sweep: its first and last π_ref(y_w), where DPO ends there and at this state's. */
  refMin: number;
  refMax: number;
  sweepLow: number | null;
  sweepHigh: number | null;
  sweepAtRef: number | null;
  /** Along the whole sweep π(y_w) never falls as π_ref(y_w) grows (and ends above where it starts). */
  sweepRisesHolds: boolean;
  /** The policy starts away from its reference (start offsets that are not all equal). */
  offsetsHolds: boolean;
  /** Log-ratios ρ = log π/π_ref of y_w and y_l at step 0. */
  rhoChosenStart: number | null;
  rhoRejectedStart: number | null;
  /** What TRL logs at step 0: loss, rewards/chosen, rewards/rejected; and ln 2, the loss from the reference. */
  lossStart: number | null;
  ln2: number;
  rewardChosenStart: number | null;
  rewardRejectedStart: number | null;
  /** The step-0 loss is below ln 2 (by more than the digits shown). */
  lossBelowLn2Holds: boolean;
  /** Neither step-0 reward is 0. */
  rewardsNonZeroHolds: boolean;
}
