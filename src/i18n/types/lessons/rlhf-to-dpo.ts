// The facts lesson 'rlhf-to-dpo' states, computed from the page by derive/lessons/rlhf-to-dpo.ts. Numbers are
// null when the state shown has none (e.g. no DPO run, or data without hidden rewards); a `…Holds` is true only
// while its claim holds of the state shown, and the text states the claim only then.
export interface RlhfToDpoFacts {
  /** The training step every view shows. */
  t: number;
  /** Training steps (where the run ends). */
  steps: number;
  beta: number;
  /** The data are a ranking by hidden rewards (responses named A, B, …); otherwise one pair (y_w, y_l). */
  rankingHolds: boolean;
  answers: number;
  /** The hidden rewards (ranking data), else []. */
  rewards: number[];
  /** Bradley–Terry's P(A ≻ B) = σ(r_A − r_B) (ranking data), else null. */
  winFirst: number | null;
  /** π_ref of the first response (A or y_w). */
  refFirst: number;
  /** π*(first) of the simplex view's ★ (toyRlhfOptimum); null when the data imply no optimum. */
  starFirst: number | null;
  /** The ★ exists and gives the first response more than π_ref does. */
  starRaisesHolds: boolean;
  /** DPO's rewards/chosen and rewards/rejected at step t, as the metrics table shows them. */
  rewardChosen: number | null;
  rewardRejected: number | null;
  /** Those two are exactly β·log π/π_ref of y_w and y_l at step t (one deterministic pair: p = 1). */
  rewardIsLogRatioHolds: boolean;
  /** DPO's margin h = ρw − ρl and its loss at step t. */
  margin: number | null;
  loss: number | null;
  /** The loss at step t is −log σ(βh) of that margin (one deterministic pair, plain DPO). */
  lossIsDpoHolds: boolean;
  /** The gradient view's weight at step t, −(∂loss/∂log π(y_w))/β, and at step 0. */
  weight: number | null;
  weightStart: number | null;
  /** That weight is σ(−βh) (plain DPO on one deterministic pair). */
  weightIsSigmaHolds: boolean;
  /** Between step 0 and step t, π(y_w) rose and π(y_l) fell (t > 0). */
  chosenStart: number | null;
  chosenAt: number | null;
  rejectedStart: number | null;
  rejectedAt: number | null;
  movesHolds: boolean;
  /** t > 0 and the weight at t is below its value at step 0 (the margin grew). */
  weightFallsHolds: boolean;
  /** The largest gap in any one probability between DPO's policy and the ★: at step t, and where it ends. */
  gapAt: number | null;
  gapEnd: number | null;
  /** DPO ends on the ★ (every probability within 1e-3, far below the 3 digits shown). */
  reachesStarHolds: boolean;
}
