// The facts lesson 'displacement' states, computed from the page by derive/lessons/displacement.ts. Each step
// is about one of three scenarios; their facts are the scenarios' own (i18n/types/presets.ts), so a number
// and a claim are computed in one place, whichever text states them.
import type { RazinDisplacementFacts, SftTermFacts, SqueezingFacts } from '../presets.ts';

export interface DisplacementFacts {
  /** The training step every view shows. */
  t: number;
  /** How much y_w and y_l share a feature, s (the `sim` control). */
  similarity: number;
  /**
   * y_w's score change per unit step along f_w − f_l: ‖f_w‖² − ⟨f_w, f_l⟩ = (1 − s)² − s² (math/toy/build.ts
   * sharedFeatures); null with a tabular policy.
   */
  scoreSlope: number | null;
  /** Shared features, one pair, plain SGD and a negative slope: each DPO step lowers y_w’s score. */
  scoreFallsHolds: boolean;
  /** Likelihood displacement (Razin et al., 2024) on the state shown (steps 1–2). */
  razin: RazinDisplacementFacts;
  /** The squeezing effect (Ren & Sutherland, 2024) on the state shown (step 3). */
  squeezing: SqueezingFacts;
  /** DPO with and without TRL's SFT term (loss_type=["sigmoid", "sft"]) on the state shown (step 4). */
  sft: SftTermFacts;
}
