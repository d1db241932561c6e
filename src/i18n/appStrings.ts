// The strings of the page shell, the views' headings and captions, and the link notices.
import type { UrlNotice } from '../state/urlNotice.ts';
import type { ViewId } from '../state/viewIds.ts';

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
  sweepsUpdating: string;
  sweepBetaHeading: string;
  sweepRefHeading: string;
  /** Which loss the plane shows, when several are chosen. */
  planeLossLabel: string;
  rlhfNote: Record<'pair' | 'ranking' | 'none', string>;
}
