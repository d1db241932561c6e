// The one loss-name table of a language: a row per loss, so that the names a reader meets in the loss
// picker, the readout, the plots' legends, the warnings and the TRL snippet's comments can never disagree
// about which loss is which. The TRL loss_type (the LossId) is shown beside them untranslated.
import type { LossId } from '../../math/index.ts';

export interface LossText {
  /** The name in full, where there is room (the loss picker, the readout): 'Conservative DPO'. */
  name: string;
  /** The same loss in a plot legend, a warning or a comment: the name, or its usual short form ('cDPO'). */
  label: string;
  /** A one-line note next to the loss in the picker, where TRL and the papers differ. */
  note?: string;
}

export type LossNames = Record<LossId, LossText>;
