// Every visible string of the views around their plots: headings and captions, the frame of every plot (its
// error message, export menu and zoom), and the views' own notes and warnings. (The text inside the plots is
// figures.ts.)
import type { ViewId } from '../../state/viewIds.ts';
import type { AppState, DatasetKind } from '../../state/appState.ts';
import type { ResponseData } from './figures.ts';

export interface ViewText {
  title: string;
  /** One line: what to look at. */
  caption: string;
}

export interface ViewStrings {
  /** Heading and caption of each view's section, and of the training view's metrics plot. */
  sections: Record<ViewId | 'metrics', ViewText>;
  plotFailed: string;
  retry: string;
  /** Pair losses cannot train on thumbs-down data. */
  untrainable: (names: string) => string;
  metricsLegend: string;
  /**
   * Added to the training caption: which way the first response actually moved in these runs (by loss
   * label), so the caption never says y_w rose where it fell. '' when nothing can be said (ranking data). Appended as it is: a language that separates sentences with a space starts with one.
   */
  trainingMoved: (dataset: DatasetKind, rose: readonly string[], fell: readonly string[]) => string;
  /** Caption of the TRL metrics table of one run's last step. */
  finalMetricsCaption: (loss: string, step: number) => string;
  /** The same for a run that diverged at step `divergedAt`: the table shows `step`, the last one before. */
  divergedMetricsCaption: (loss: string, step: number, divergedAt: number) => string;
  /**
   * Training view: some runs diverged (loss: a loss's label, step: where). `learningRate` is the learning
   * rate as shown in its control.
   */
  trainingDiverged: (
    runs: readonly DivergedRunText[],
    learningRate: string,
    optimizer: AppState['optimizer'],
  ) => string;
  /** Sentences joined into one text (a space between them in English, none in Chinese). */
  sentences: (parts: readonly string[]) => string;
  sweepsUpdating: string;
  /** TR-DPO on: sweeps train each point to its end with the reference fixed, since a moving one has no end. */
  sweepFixedReference: string;
  /**
   * Shown in place of a plot or readout table while a heavy training runs in the background: its size
   * (K responses, N steps, L trainable losses), so a long wait has a visible reason.
   */
  trainingPending: (size: { responses: number; steps: number; losses: number }) => string;
  sweepBetaHeading: string;
  /** A view's title with the part it shows ("…: as β changes"), with the language's own colon. */
  headingPart: (title: string, part: string) => string;
  /** The β sweep's caption, naming responses 0 and 1 for what they are in the data. */
  sweepCaption: (data: ResponseData) => string;
  sweepRefHeading: (data: ResponseData) => string;
  /** `fromReference`: the policy starts at the reference (no start offsets). */
  sweepRefCaption: (data: ResponseData, fromReference: boolean) => string;
  /** Which loss the plane shows, when several are chosen. */
  planeLossLabel: string;
  /**
   * The simplex's ★. 'pair': DPO, trained from the toy's start, ends at ★; 'pairElsewhere': it does not
   * (start offsets or shared features leave what the margin does not fix elsewhere).
   */
  /** movingReference: TR-DPO, π* for the start reference is not drawn and the π_ref path is. */
  rlhfNote: Record<'pair' | 'pairElsewhere' | 'ranking' | 'none' | 'movingReference', string>;
  /** The export menu of every plot. */
  exportMenu: ExportStrings;
  /** The zoom toggle and reset of the plots that offer zoom (on a mouse; never on touch). */
  zoom: ZoomStrings;
}

export interface DivergedRunText {
  loss: string;
  step: number;
}

export interface SettingsCaption {
  /** The losses' labels, comma-separated. */
  losses: string;
  /** β, as the controls write it. */
  beta: string;
  step: number;
  steps: number;
  /** The loaded scenario's title, or null. */
  scenario: string | null;
}

export interface ExportStrings {
  /** Visible text of the button that opens the menu. */
  button: string;
  /** The button's accessible name, with the plot's title; starts with the visible text. */
  buttonLabel: (title: string) => string;
  /** Accessible name of the group of formats. */
  menuLabel: (title: string) => string;
  png: string;
  /** PNG at slide size (1920 × 1080). */
  slide: string;
  /** The checkbox that adds a caption of the settings under a slide image. */
  slideCaption: string;
  /** That caption: the losses, β, the step shown and the scenario loaded (null: none). */
  settingsCaption: (c: SettingsCaption) => string;
  svg: string;
  csv: string;
  json: string;
  /** While the image is being made. */
  working: string;
  saved: (fileName: string) => string;
  failed: string;
  /** After a download: shows the file in a dialog instead (for pages where downloads are blocked). */
  showInstead: string;
  /** In that dialog: how to take the text / the image. */
  textHint: string;
  imageHint: string;
  close: string;
}

export interface ZoomStrings {
  /** Visible text of the toggle that lets a mouse drag zoom the plot. */
  toggle: string;
  /** The toggle's accessible name, with the plot's title; starts with the visible text. */
  toggleLabel: (title: string) => string;
  /** The toggle's tooltip: how to zoom once it is on. */
  hint: string;
  /** Visible text of the button that shows the whole plot again (there while zoomed). */
  reset: string;
  resetLabel: (title: string) => string;
}
