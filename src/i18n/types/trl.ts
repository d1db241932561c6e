// The "Use in TRL" panel and the comments and notes of its Python snippet.
import type { Z0Mode } from '../../state/appState.ts';

export interface TrlSnippetStrings {
  /** The <summary> of the panel. */
  heading: string;
  intro: string;
  /** Accessible name of the code block. */
  codeLabel: string;
  copy: string;
  copied: string;
  /** The clipboard refused: the code has been selected for a manual copy. */
  copyFailed: string;
  notesHeading: string;
  /** Comments inside the Python code (after the `# `). */
  code: {
    /** rate: the toy's learning rate; optimizer: 'Adam' or 'SGD'. */
    learningRate: (rate: string, optimizer: string) => string;
    /** Above one commented-out config line per other selected loss. */
    alsoSelected: string;
    /** On the loss_type line of a loss TRL does not have (cDPO → plain "sigmoid"). */
    noTrlLoss: (loss: string) => string;
    /** Under the config of a trainer without a reference model (SimPO's CPOTrainer, ORPOTrainer). */
    noReference: (trainer: string) => string;
  };
  notes: {
    cdpo: string;
    ipoToken: string;
    /** The explorer shows IPO on summed log-ratios (the paper), which TRL cannot do. */
    ipoSum: string;
    /** EXO with ε = 0 in the explorer: the code uses `used` instead. */
    exoSmoothing: (used: string) => string;
    sigmoidNorm: string;
    /** How TRL's KTO gets z0, against the explorer's z0 mode. */
    ktoZ0: Record<Z0Mode, string>;
    /** TRL's check, only when nD ≠ nU: λD·nD/(λU·nU) ∈ [1, 1.33]; ratio = λD/λU as text. */
    ktoRatio: (ratio: string, inRange: boolean) => string;
    /** Instead of ktoRatio when both weights are 0: there is no ratio. */
    ktoWeightsZero: string;
    /** SimPO / ORPO: trl.experimental trainers without a reference model. */
    noReference: string;
    /** TR-DPO (sync_ref_model=True): what TRL's sync does and its restrictions (no PEFT, no precomputed ref log-probs). */
    refSync: string;
  };
}
