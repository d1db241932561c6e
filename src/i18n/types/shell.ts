// Every visible string of the page around the controls and views: header, footer, the link notices, the
// theme and language menus and the Share / embed dialog.
import type { UrlNotice } from '../../state/urlNotice.ts';
import type { ThemeName } from '../../state/appState.ts';

export interface ShellStrings {
  appTitle: string;
  tagline: string;
  copyLink: string;
  linkCopied: string;
  copyFailed: string;
  reset: string;
  skipToViews: string;
  /** The (visually hidden) heading of the views column. */
  viewsHeading: string;
  noticeHeading: string;
  dismiss: string;
  notice: (n: UrlNotice) => string;
  footer: string;
  /** Label of the language menu (its options are each language's own name). */
  language: string;
  /** Label of the colour-theme menu and the names of its options. */
  theme: string;
  themeNames: Record<ThemeName, string>;
  /** The Share / embed dialog. */
  share: ShareStrings;
}

export interface ShareStrings {
  open: string;
  title: string;
  intro: string;
  viewLabel: string;
  wholeApp: string;
  showControls: string;
  /** The embed shows the loaded scenario's explanation above its view. */
  showExplanation: string;
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
