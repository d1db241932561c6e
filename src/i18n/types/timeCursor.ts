// Every visible string of the time cursor (AppState `t`, the training step every view shows): its controls,
// and what the readout and the TRL tables say about the step they show.

export interface TimeCursorStrings {
  /** The group's accessible name and visible label. */
  label: string;
  play: string;
  pause: string;
  /** Accessible names of the step buttons. */
  stepBack: string;
  stepForward: string;
  /** The slider's accessible value, e.g. "step 40 of 200". */
  valueText: (step: number, steps: number) => string;
  /** "step 40 of 200", in the readout's and the TRL tables' headings. */
  stepOfSteps: (step: number, steps: number) => string;
  /** The disclosure that opens the help. */
  helpSummary: string;
  /** How to use it: the keys, and what play does. */
  help: string;
  /** Added to the help when the reader asked for reduced motion: play jumps in a few steps, no animation. */
  reducedMotionHelp: string;
  /** Readout: the loss's run diverged before the cursor; the column shows `step`, the last one before. */
  divergedStep: (step: number, divergedAt: number) => string;
  /** Readout: the loss has no run (pair losses on thumbs-down data): the column shows the start pair. */
  untrainedStart: string;
}
