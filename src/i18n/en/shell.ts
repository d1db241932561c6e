// English strings of the page shell: header, footer, link notices, theme and language menus, Share dialog.
import type { ShellStrings } from '../types/shell.ts';
import type { UrlNotice } from '../../state/urlNotice.ts';

function notice(n: UrlNotice): string {
  const key = n.key ? `“${n.key}”` : 'the link';
  switch (n.kind) {
    case 'unknown-key':
      return `Ignored ${key}: this explorer has no such setting.`;
    case 'bad-value':
      return `Ignored ${key} = “${n.given}”: not a value it can take; kept the default.`;
    case 'clamped':
      return `${key} = ${n.given} is out of range; used ${n.used ?? 'the nearest allowed value'}.`;
    case 'rounded':
      return `${key} must be a whole number; used ${n.used ?? ''}.`;
    case 'precision':
      return `${key} = ${n.given} has more digits than this setting keeps; used ${n.used ?? ''}.`;
    case 'adjusted':
      return `Adjusted ${key} to fit the other settings (${n.used ?? ''}).`;
    case 'version':
      return `This link was made by a newer or unknown version (v = ${n.given}); showing the defaults instead.`;
    case 'migrated': {
      const [w = '', l = ''] = n.given.split(',');
      return `This link is from an older version: its separate pair is now the toy's y_w and y_l, which start at the same margin h = ${n.used ?? ''} (ρw = ${w}, ρl = ${l} as offsets from the reference); the log-probabilities themselves now come from the toy's reference.`;
    }
    case 'same-as-main':
      return `Ignored ${key} = “${n.given}”: that is already the current setting, so there is nothing to compare.`;
    case 'needs-lesson':
      return `Ignored ${key} = “${n.given}”: a step belongs to a lesson, and the link names none this explorer has.`;
    case 'too-long':
      return `Part of the link was too long to read (${key}); the rest was applied.`;
  }
}

export const EN_SHELL: ShellStrings = {
  appTitle: 'DPO Explorer',
  tagline: 'See how DPO, IPO, KTO and every TRL preference loss move a language model’s probabilities.',
  copyLink: 'Copy link',
  linkCopied: 'Link copied: it restores exactly this view.',
  copyFailed: 'Could not copy: select the address bar and copy it by hand.',
  reset: 'Reset',
  skipToViews: 'Skip to the plots',
  viewsHeading: 'Views',
  noticeHeading: 'Some of this link could not be used as it was',
  dismiss: 'Dismiss',
  notice,
  footer:
    'Formulas and metric names follow Hugging Face TRL and the DPO, IPO and KTO papers; where they differ, both are shown.',
  language: 'Language',
  theme: 'Theme',
  themeNames: {
    auto: 'System',
    light: 'Light',
    dark: 'Dark',
    projector: 'Projector',
  },
  share: {
    open: 'Share / embed',
    title: 'Share or embed this view',
    intro:
      'The link restores exactly what you see now. The embed code shows one view, for a slide or a web page; it runs in a sandboxed frame and needs no network.',
    viewLabel: 'What to show',
    wholeApp: 'The whole explorer',
    showControls: 'Show the controls this view needs',
    showExplanation: 'Show the scenario’s explanation above the view',
    width: 'Width (px)',
    height: 'Height (px)',
    linkLabel: 'Link',
    iframeLabel: 'Embed code',
    copyLink: 'Copy link',
    copyCode: 'Copy code',
    copied: 'Copied.',
    copyFailed: 'Could not copy: the text is selected, press Ctrl+C (⌘C).',
    preview: 'Preview',
    close: 'Close',
    frameTitle: (view) => `DPO Explorer: ${view}`,
  },
};
