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
      title: 'The probability simplex',
      caption:
        'Each point is a policy over three responses: the path of training, the reference ○ and the RLHF optimum ★. With more than three responses, the third corner is all the others together.',
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
  divergedMetricsCaption: (loss, step, divergedAt) =>
    `${loss}: what TRL would log at step ${step}, the last step before training diverged (at step ${divergedAt})`,
  trainingDiverged: (runs, learningRate, optimizer) => {
    const where = runs.map((r) => `${r.loss} at step ${r.step}`).join(', ');
    const which = runs.length === 1 ? runs[0].loss : 'these losses';
    return (
      `Training diverged: ${where}. The learning rate ${learningRate} is too large for ` +
      `${optimizer === 'sgd' ? 'SGD' : 'Adam'} with ${which}: the loss blows up, the numbers from that step ` +
      `on mean nothing, and the curves stop there. ` +
      (optimizer === 'sgd' ? 'Lower the learning rate or use Adam.' : 'Lower the learning rate.')
    );
  },
  sweepDiverged: (runs, axis, learningRate, optimizer) => {
    const name = axis === 'beta' ? 'β' : 'π_ref(y_w)';
    const where = runs
      .map((r) => `${r.loss} at ${r.count} of ${r.total} points (${name} between ${r.from} and ${r.to})`)
      .join('; ');
    return (
      `Training diverged for ${where}: the learning rate ${learningRate} is too large for ` +
      `${optimizer === 'sgd' ? 'SGD' : 'Adam'} there, so those points are left out. ` +
      (optimizer === 'sgd' ? 'Lower the learning rate or use Adam.' : 'Lower the learning rate.')
    );
  },
  sweepsUpdating: 'Updating…',
  sweepBetaHeading: 'as β changes',
  sweepRefHeading: '… and as the reference probability of y_w changes',
  sweepRefCaption:
    'Training from references that give y_w more or less probability (the policy starts at the reference); the dotted line is the current reference.',
  planeLossLabel: 'Loss in the contours',
  rlhfNote: {
    pair: '★ = π* ∝ π_ref·exp(r/β) with r(y_w) = ½·logit p, r(y_l) = −½·logit p, 0 elsewhere: where DPO ends on this pair.',
    ranking: '★ = π* ∝ π_ref·exp(r/β) with the hidden rewards: the policy RLHF with a KL penalty finds.',
    none: 'No finite RLHF optimum for these data (p = 0 or 1, or thumbs-down only).',
  },
  language: 'Language',
  theme: 'Theme',
  themeNames: {
    auto: 'System',
    light: 'Light',
    dark: 'Dark',
    projector: 'Projector',
  },
  exportMenu: {
    button: 'Export',
    buttonLabel: (title) => `Export: ${title}`,
    menuLabel: (title) => `Export formats for ${title}`,
    png: 'PNG image (2×, for slides)',
    svg: 'SVG vector image',
    csv: 'CSV data',
    json: 'JSON data',
    working: 'Making the image…',
    saved: (fileName) => `Download started: ${fileName}.`,
    failed: 'Could not export this plot.',
    showInstead: 'No file? Show it here',
    textHint: 'If downloads are blocked here, select all of this text and copy it.',
    imageHint: 'If downloads are blocked here, right-click the image to copy or save it.',
    close: 'Close',
  },
  zoom: {
    toggle: 'Zoom',
    toggleLabel: (title) => `Zoom: ${title}`,
    hint: 'Drag a box across the plot to zoom in.',
    reset: 'Reset zoom',
    resetLabel: (title) => `Reset zoom: ${title}`,
  },
  trl: {
    heading: 'Use in TRL',
    intro:
      'Python for the first loss chosen, with this page’s β and loss settings; the other chosen losses follow as comments.',
    codeLabel: 'TRL configuration in Python',
    copy: 'Copy code',
    copied: 'Code copied.',
    copyFailed: 'Could not copy: the code is selected, press Ctrl+C (⌘C on a Mac).',
    notesHeading: 'Where TRL differs from this page',
    code: {
      learningRate: (rate, optimizer) =>
        `learning_rate: choose one for your model; the toy’s ${rate} (${optimizer}) does not transfer`,
      alsoSelected: 'Also chosen on the page:',
      noTrlLoss: (loss) => `${loss} has no TRL loss_type: this is plain DPO (see the notes)`,
    },
    notes: {
      cdpo: 'cDPO has no TRL loss_type since TRL 0.29: TRL’s "sigmoid" ignores label_smoothing, so the code trains plain DPO. Conservative DPO was the label_smoothing of the original DPO repository; TRL has no equivalent.',
      ipoToken:
        'TRL’s IPO averages the log-probabilities over each completion’s tokens (h̄ = ρw/Lw − ρl/Ll); there is no flag to change that.',
      ipoSum:
        'This page shows IPO on summed log-ratios (the paper’s Eq. 17); TRL cannot do that: it always averages per token.',
      exoSmoothing: (used) =>
        `EXO needs label_smoothing > 0 (TRL raises an error at 0): the code uses ${used}, as this page does.`,
      sigmoidNorm:
        'TRL documents "sigmoid_norm" as SimPO, but it keeps the reference model and has no target margin γ: it is DPO on per-token log-ratios.',
      ktoZ0: {
        kl: 'TRL estimates KTO’s reference point z0 from mismatched (prompt, completion) pairs in each batch, max(0, mean log-ratio); this page’s “kl” mode uses the toy policy’s exact KL instead.',
        batch:
          'TRL estimates KTO’s reference point z0 from mismatched (prompt, completion) pairs in each batch, max(0, mean log-ratio), like this page’s “batch” mode.',
        fixed:
          'TRL has no fixed z0: it always estimates it from mismatched (prompt, completion) pairs in each batch, max(0, mean log-ratio).',
      },
      ktoRatio: (ratio, inRange) =>
        `TRL recommends λD·nD / (λU·nU) in [1, 4/3] (nD, nU: desirable and undesirable examples) and warns otherwise. With as many of each, that is λD/λU = ${ratio}${inRange ? ', inside the range.' : ': outside it, so TRL will warn.'}`,
      ktoWeightsZero:
        'With desirable_weight = undesirable_weight = 0 every example weighs 0: the KTO loss is 0 and nothing trains.',
    },
  },
  share: {
    open: 'Share / embed',
    title: 'Share or embed this view',
    intro:
      'The link restores exactly what you see now. The embed code shows one view, for a slide or a web page; it runs in a sandboxed frame and needs no network.',
    viewLabel: 'What to show',
    wholeApp: 'The whole explorer',
    showControls: 'Show the controls this view needs',
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
