// The facts lesson 'kto' states, computed from the page by derive/lessons/kto.ts. The thumbs-down numbers are
// the thumbs-down views' (derive/thumbsDown.ts), the last step's facts the 'kto-undesirable-only' scenario's.
import type { Z0Mode } from '../../../state/appState.ts';
import type { KtoUndesirableFacts } from '../presets.ts';

export interface KtoFacts {
  /** The training step every view shows, the last step, and whether the cursor is at the start. */
  t: number;
  steps: number;
  atStartHolds: boolean;
  /** β and the class weights λD (desirable_weight) and λU (undesirable_weight). */
  beta: number;
  lambdaD: number;
  lambdaU: number;
  /** The data are one thumbs-down on A and KTO is trained on them: the thumbs-down views show its example. */
  thumbsHolds: boolean;
  /** A's example at the cursor, as the loss view draws it: ρ_A, z0, the loss and its push ∂loss/∂log π(A). */
  rhoAtT: number | null;
  z0AtT: number | null;
  lossAtT: number | null;
  pushAtT: number | null;
  /** The same at step 0 and at the end. */
  lossStart: number | null;
  lossEnd: number | null;
  pushStart: number | null;
  pushEnd: number | null;
  /** At step 0 ρ_A = z0 = 0, so the loss is λU·σ(0) = λU/2, the steepest point of the value function. */
  halfAtStartHolds: boolean;
  /** The loss falls at every step and stays above 0, and the push ends smaller than it started: it saturates. */
  saturatesHolds: boolean;
  /** How z0 is set ('kl': the exact KL; 'batch': TRL's estimate; 'fixed'), z0 and ρ_A at the end, the exact KL there. */
  z0Mode: Z0Mode;
  z0End: number | null;
  rhoEnd: number | null;
  klEnd: number | null;
  /** TRL's estimate on these data: max(0, mean ρ) with every ρ_A < 0 after step 0, so z0 = 0 at every step. */
  clampedHolds: boolean;
  /** With the exact KL, z0 at every step is KL(π‖π_ref) of that step (z0End = klEnd). */
  exactKlHolds: boolean;
  /** λD/λU (null when λU = 0), and whether it is in TRL's range [1, 1.33]. */
  ratio: number | null;
  ratioInRangeHolds: boolean;
  /** The data are one preference pair, converted as TRL converts it: as many desirable as undesirable examples. */
  pairHolds: boolean;
  /** KTO's π(y_w) and π(y_l) at the start and the end (pair data). */
  chosenStart: number | null;
  chosenEnd: number | null;
  rejectedStart: number | null;
  rejectedEnd: number | null;
  /** The 'kto-undesirable-only' scenario's facts of the state shown. */
  thumbs: KtoUndesirableFacts;
}
