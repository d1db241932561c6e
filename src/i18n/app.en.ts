import type { AppStrings } from './appStrings.ts';
import type { UrlNotice } from '../state/urlNotice.ts';

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
    case 'adjusted':
      return `Adjusted ${key} to fit the other settings (${n.used ?? ''}).`;
    case 'version':
      return `This link was made by a newer or unknown version (v = ${n.given}); showing the defaults instead.`;
    case 'too-long':
      return `Part of the link was too long to read (${key}); the rest was applied.`;
  }
}

export const EN_APP: AppStrings = {
  appTitle: 'DPO Explorer',
  tagline: 'See how DPO, IPO, KTO and every TRL preference loss move a language model’s probabilities.',
  copyLink: 'Copy link',
  linkCopied: 'Link copied: it restores exactly this view.',
  copyFailed: 'Could not copy: select the address bar and copy it by hand.',
  reset: 'Reset',
  skipToViews: 'Skip to the plots',
  controlsHeading: 'Controls',
  viewsHeading: 'Views',
  readoutHeading: 'The numbers',
  views: {
    loss: {
      title: 'Loss against the margin',
      caption:
        'Each loss as a function of the margin h = ρw − ρl; the dot is your pair, the dotted line the optimum for the preference probability p.',
    },
    gradient: {
      title: 'How hard each loss pushes',
      caption:
        'Solid: the push up on log π(y_w); dashed: the push down on log π(y_l). DPO’s push σ(−βh) fades once the margin is large.',
    },
    training: {
      title: 'Training the toy policy',
      caption:
        'π(y) of every response over the training steps, one panel per loss: watch y_w rise and y_l fall.',
    },
    sweeps: {
      title: 'What β and the reference change',
      caption:
        'Where training ends: π(y_w) (solid) and π(y_l) (dashed) as β and the reference probability of y_w change.',
    },
    plane: {
      title: 'The (ρw, ρl) plane',
      caption:
        'Contours of the first loss over both log-ratios, with its training path on top; the dashed diagonal is h = 0.',
    },
    simplex: {
      title: 'The probability simplex (K = 3)',
      caption:
        'Each point is a policy over three responses: the path of training, the reference ○ and the RLHF optimum ★.',
    },
  },
  metricsView: {
    title: 'What TRL would log',
    caption: 'TRL’s metrics of each run over the steps, under the names they have in a TRL training log.',
  },
  plotFailed: 'This plot could not be drawn. The rest of the page still works.',
  retry: 'Try again',
  loadingPlot: 'Loading the plot…',
  textAlternative: 'What the plot shows',
  noticeHeading: 'Some of this link could not be used as it was',
  dismiss: 'Dismiss',
  notice,
  footer:
    'Formulas and metric names follow Hugging Face TRL and the DPO, IPO and KTO papers; where they differ, both are shown.',
  untrainable: (names) =>
    `${names}: a pair loss needs pairs, and thumbs-down data has none, so there is nothing to train.`,
  metricsLegend: 'TRL metrics to plot',
  finalMetricsCaption: (loss, step) => `${loss}: what TRL would log at step ${step}`,
  sweepsUpdating: 'Updating…',
  sweepBetaHeading: 'As β changes',
  sweepRefHeading: 'As the reference probability of y_w changes',
  planeLossLabel: 'Loss in the contours',
  rlhfNote: {
    pair: '★ = π* ∝ π_ref·exp(r/β) with r(y_w) = ½·logit p, r(y_l) = −½·logit p, 0 elsewhere: where DPO ends on this pair.',
    ranking: '★ = π* ∝ π_ref·exp(r/β) with the hidden rewards: the policy RLHF with a KL penalty finds.',
    none: 'No finite RLHF optimum for these data (p = 0 or 1, or thumbs-down only).',
  },
};
