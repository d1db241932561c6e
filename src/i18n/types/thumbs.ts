// Every visible string of the views under thumbs-down data (one undesirable example on response A and
// nothing else): the loss, gradient and plane views, the readout and the TRL code. No y_w, y_l, margin or
// preference probability: the data have none.
import type { ViewText } from './views.ts';
import type { Z0Mode } from '../../state/appState.ts';

/** The readout's rows under thumbs-down data: what TRL's KTOTrainer logs for an undesirable-only batch, and the push. */
export type ThumbsRowKey =
  'loss' | 'dLogp' | 'rewards/chosen' | 'rewards/rejected' | 'rewards/margins' | 'logps/rejected' | 'kl';

/** One loss's dot in a text alternative. */
export interface ThumbsSummaryPart {
  label: string;
  step: number;
  rho: number;
  /** The loss (loss view) or ∂loss/∂log π(A) (gradient view). */
  value: number;
}

export interface ThumbsStrings {
  /** Heading and caption of the loss, gradient and plane views under thumbs-down data. */
  sections: Record<'loss' | 'gradient' | 'plane', ViewText>;
  /** Added to a caption when pair losses are chosen too (`names`: their labels). */
  pairLossesNote: (names: string) => string;
  /** Inside the loss and gradient plots when no KTO-style loss is chosen. */
  noKto: string;
  /** Inside the plane plot. */
  planeNote: string;
  axis: {
    rho: string;
    loss: string;
    dLogp: string;
  };
  trace: {
    /** A loss's curve in the loss view. */
    loss: (label: string) => string;
    /** A loss's curve in the gradient view. */
    dLogp: (label: string) => string;
  };
  hover: { rho: string; loss: string; dLogp: string };
  summary: {
    loss: (parts: readonly ThumbsSummaryPart[]) => string;
    gradient: (parts: readonly ThumbsSummaryPart[]) => string;
    noKto: string;
    plane: string;
  };
  readout: {
    /** Replaces the pair readout's heading: there is no pair. */
    heading: string;
    intro: string;
    rowHelp: Record<ThumbsRowKey, string>;
    /** rewards/chosen and rewards/margins: TRL logs none without a desirable example. */
    noDesirable: string;
    /** The cell of a pair loss. */
    pairLoss: string;
    /** Under a TRL metrics table of a run without desirable examples: what TRL does not log. */
    trlNoDesirable: string;
    /** Under the kl row: where z0 comes from. */
    z0: Record<Z0Mode, string>;
    /** Under the loss row of unpaired APO-zero: it has no z0. */
    apoNoZ0: string;
  };
  trl: {
    /** A comment above the dataset lines of the code. */
    datasetComment: string;
    /** A comment for a chosen pair loss, which the data cannot train. */
    pairLossComment: (label: string) => string;
  };
}
