// The app's whole shareable state: one flat, plain object. Everything a reader must see to restore a view
// lives here; everything else (curves, trajectories) is derived from it.
import type { LossId } from '../math/index.ts';

export type { LossId };
export type ThemeName = 'auto' | 'light' | 'dark' | 'projector';
export type LangCode = 'en' | 'zh';
export type Z0Mode = 'kl' | 'batch' | 'fixed';

export interface AppState {
  /** Losses shown side by side, in the order chosen. */
  losses: LossId[];
  beta: number;
  labelSmoothing: number;
  ipoNormalization: 'token' | 'sum';
  discopopTau: number;

  /** The single pair of the loss and gradient views: summed log-probs and completion lengths. */
  policyChosen: number;
  policyRejected: number;
  refChosen: number;
  refRejected: number;
  chosenLength: number;
  rejectedLength: number;

  desirableWeight: number;
  undesirableWeight: number;
  z0Mode: Z0Mode;
  /** Used when z0Mode is 'fixed'. */
  z0: number;

  /** The toy policy: K responses; response 0 is y_w, response 1 is y_l. */
  responses: number;
  /** Reference probabilities of the K responses (normalised to sum to 1). */
  refProbs: number[];
  features: 'tabular' | 'shared';
  /** How much y_w and y_l share their feature (0 = tabular-like, near 1 = almost the same direction). */
  similarity: number;
  /** What the toy is trained on: one pair y_w ≻ y_l with probability p, a Bradley–Terry ranking from hidden rewards, or a single thumbs-down on response A. */
  dataset: 'pair' | 'ranking' | 'thumbs-down';
  preferenceProb: number;
  /** Hidden rewards of the K responses for the 'ranking' dataset. */
  rewards: number[];
  optimizer: 'sgd' | 'adam';
  learningRate: number;
  steps: number;

  /** The preset last loaded, so a shared link shows its explanation ('' = none). */
  preset: string;

  theme: ThemeName;
  lang: LangCode;
  /** '' = the full app; a view id or '1' = that single view, for iframes. */
  embed: string;
  showControls: boolean;
}
