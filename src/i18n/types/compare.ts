// The strings of "compare two runs": the control, the names of the two runs in legends and captions, and the
// table of both runs' ends.
import type { CompareKey } from '../../state/appState.ts';
import type { CompareValue } from '../../state/compareChoice.ts';

export interface CompareStrings {
  /** A run named by the setting that tells it apart: 'β = 1', 'IPO', 'SGD', 'shared features'. */
  side: (c: CompareValue) => string;
  /** The control's legend. */
  legend: string;
  help: string;
  /** The setting picker: its label, the "no second run" choice and each setting's name. */
  keyLabel: string;
  none: string;
  keyName: Record<CompareKey, string>;
  /** The value box and its hint per setting (what to type). */
  valueLabel: string;
  valueHint: Record<CompareKey, string>;
  apply: string;
  clear: string;
  /** The typed value is not one the setting takes. */
  invalid: (typed: string) => string;
  /** The chosen value equals the current one. */
  same: string;
  /** What is being compared now: solid run, dashed run. */
  status: (main: string, other: string) => string;
  /** The same where the main lines already use dashes (gradient, training): the second run is dotted. */
  statusDotted: (main: string, other: string) => string;
  /** The same where every dash is taken (training view, three or more responses): the second run is faint. */
  statusFaded: (main: string, other: string) => string;
  /** A sweep over the compared setting itself: each run is a vertical line (this run's dotted, the other's dashed). */
  sweepMarker: (main: string, other: string) => string;
  /** A sweep that the compared setting does not change (it keeps the reference fixed, trains to convergence). */
  sweepsSame: (other: string) => string;
  /** vs=loss compares the first loss shown with another. */
  lossNote: (first: string, other: string) => string;
  /** A trace's name in a legend with the run it belongs to. */
  traceName: (name: string, side: string) => string;
  /** A figure's text alternative with the dashed run's added. */
  summary: (main: string, other: string, mainSummary: string, otherSummary: string) => string;
  /** The views whose curves do not depend on the compared setting (learning rate, optimiser, features). */
  pairViewsSame: (other: string) => string;
  /** The table of both runs at the time cursor's step (of `steps`). */
  table: {
    caption: (main: string, other: string, step: number, steps: number) => string;
    loss: string;
    run: string;
    chosen: string;
    rejected: string;
    kl: string;
    klHelp: string;
    /** With TR-DPO's moving reference: `kl` is to the starting reference, and a column more to the step's own. */
    klStart: string;
    klStartHelp: string;
    klCurrent: string;
    klCurrentHelp: string;
  };
  /** A readout column of the second run: 'vs β = 1'. */
  vsColumn: (side: string) => string;
  /** A TRL metrics table of the dashed run. */
  metricsCaption: (loss: string, side: string, step: number) => string;
}
