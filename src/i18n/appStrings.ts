// The strings of the page shell, the views' headings and captions, and the link notices.
import type { UrlNotice } from '../state/urlNotice.ts';
import type { ViewId } from '../state/viewIds.ts';
import type { AppState, Z0Mode } from '../state/appState.ts';
import type { ThemeName } from '../state/appState.ts';

export interface ViewText {
  title: string;
  /** One line: what to look at. */
  caption: string;
}

export interface AppStrings {
  appTitle: string;
  tagline: string;
  copyLink: string;
  linkCopied: string;
  copyFailed: string;
  reset: string;
  skipToViews: string;
  controlsHeading: string;
  viewsHeading: string;
  readoutHeading: string;
  views: Record<ViewId, ViewText>;
  metricsView: ViewText;
  plotFailed: string;
  retry: string;
  loadingPlot: string;
  textAlternative: string;
  noticeHeading: string;
  dismiss: string;
  notice: (n: UrlNotice) => string;
  footer: string;
  /** Pair losses cannot train on thumbs-down data. */
  untrainable: (names: string) => string;
  metricsLegend: string;
  /** Caption of the TRL metrics table of one run's last step. */
  finalMetricsCaption: (loss: string, step: number) => string;
  /** The same for a run that diverged at step `divergedAt`: the table shows `step`, the last one before. */
  divergedMetricsCaption: (loss: string, step: number, divergedAt: number) => string;
  /**
   * Training view: some runs diverged (loss: a loss's display name, step: where). `learningRate` is the
   * learning rate as shown in its control.
   */
  trainingDiverged: (
    runs: readonly DivergedRunText[],
    learningRate: string,
    optimizer: AppState['optimizer'],
  ) => string;
  /** Sweeps view: training diverged at some points of a sweep along β or π_ref(y_w) (from, to: x values). */
  sweepDiverged: (
    runs: readonly DivergedSweepText[],
    axis: 'beta' | 'ref',
    learningRate: string,
    optimizer: AppState['optimizer'],
  ) => string;
  sweepsUpdating: string;
  sweepBetaHeading: string;
  sweepRefHeading: string;
  sweepRefCaption: string;
  /** Which loss the plane shows, when several are chosen. */
  planeLossLabel: string;
  rlhfNote: Record<'pair' | 'ranking' | 'none', string>;
  /** Label of the language menu (its options are each language's own name). */
  language: string;
  /** Label of the colour-theme menu and the names of its options. */
  theme: string;
  themeNames: Record<ThemeName, string>;
  /** The Share / embed dialog. */
  share: ShareStrings;
  /** The export menu of every plot. */
  exportMenu: ExportStrings;
  /** The zoom toggle and reset of the plots that offer zoom (on a mouse; never on touch). */
  zoom: ZoomStrings;
  /** The "Use in TRL" panel and the comments and notes of its Python snippet. */
  trl: TrlSnippetStrings;
}

export interface DivergedRunText {
  loss: string;
  step: number;
}

export interface DivergedSweepText {
  loss: string;
  count: number;
  total: number;
  from: string;
  to: string;
}

export interface ShareStrings {
  open: string;
  title: string;
  intro: string;
  viewLabel: string;
  wholeApp: string;
  showControls: string;
  width: string;
  height: string;
  linkLabel: string;
  iframeLabel: string;
  copyLink: string;
  copyCode: string;
  copied: string;
  copyFailed: string;
  preview: string;
  close: string;
  /** The iframe's title attribute, for screen readers on the host page. */
  frameTitle: (view: string) => string;
}

export interface ExportStrings {
  /** Visible text of the button that opens the menu. */
  button: string;
  /** The button's accessible name, with the plot's title; starts with the visible text. */
  buttonLabel: (title: string) => string;
  /** Accessible name of the group of formats. */
  menuLabel: (title: string) => string;
  png: string;
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
    /** TRL's check λD·nD/(λU·nU) ∈ [1, 4/3]; ratio = λD/λU as text. */
    ktoRatio: (ratio: string, inRange: boolean) => string;
    /** Instead of ktoRatio when both weights are 0: there is no ratio. */
    ktoWeightsZero: string;
  };
}
