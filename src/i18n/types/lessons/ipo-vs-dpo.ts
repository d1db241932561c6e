// The facts lesson 'ipo-vs-dpo' states, computed from the page by derive/lessons/ipo-vs-dpo.ts. The D₁ and
// noisy-pair facts are the scenarios' own (derive/scenarioFacts.ts), so a lesson and a preset never disagree.
import type { IpoD1Facts, NoisyFacts } from '../presets.ts';

export interface IpoVsDpoFacts {
  /** The training step every view shows, the last step, and whether the cursor is at the start. */
  t: number;
  steps: number;
  atStartHolds: boolean;
  /** π of the IPO and DPO runs at step t (null when that loss is not trained). */
  ipoAtT: number[] | null;
  dpoAtT: number[] | null;
  /** Every π at step t is the uniform reference's (the start, before any update). */
  uniformAtTHolds: boolean;
  /** The IPO paper's D₁ facts of the state shown (the 'ipo-d1' scenario's). */
  d1: IpoD1Facts;
  /** The compared run's τ (vs=beta:…) and its D₁ facts, trained as the views train it; null without one. */
  vsTau: number | null;
  vsD1: IpoD1Facts | null;
  /** The noisy pair's facts of the state shown (the 'noisy' scenario's). */
  noisy: NoisyFacts;
}
