// English strings of the views around their plots: headings, captions, plot frame, notes and warnings.
import type { ViewStrings } from '../types/views.ts';
import type { ResponseData } from '../types/figures.ts';
import { responseSymbol } from '../figureFormat.ts';

const sweepCaption = (data: ResponseData): string =>
  `π(${responseSymbol(0, data)}) (solid) and π(${responseSymbol(1, data)}) (dashed) where training ends, ` +
  `trained from the training view’s start, as β and the reference probability of ${responseSymbol(0, data)} change.`;

export const EN_VIEWS: ViewStrings = {
  sections: {
    loss: {
      title: 'Loss against the margin',
      caption:
        'Each loss as a function of the margin h = ρw − ρl; the dot is the pair at the step shown (each loss’s own training run; at step 0, your pair), the dotted line, on one pair’s data, the optimum for its preference probability p.',
    },
    gradient: {
      title: 'How hard each loss pushes',
      caption:
        'Solid: the push up on log π(y_w); dashed: the push down on log π(y_l). Without TRL’s SFT term or an f-divergence, DPO’s push σ(−βh) fades once the margin is large.',
    },
    training: {
      title: 'Training the toy policy',
      caption: 'π(y) of every response over the training steps, one panel per loss.',
    },
    sweeps: {
      title: 'What β and the reference change',
      caption: sweepCaption({ dataset: 'pair' }),
    },
    plane: {
      title: 'The (ρw, ρl) plane',
      caption:
        'Contours of one loss (chosen below; the first shown by default) over both log-ratios, with its training path on top; the dashed diagonal is h = 0.',
    },
    simplex: {
      title: 'The probability simplex',
      caption:
        'Each point is a policy over three responses: the path of training, the reference ○ and the RLHF optimum ★. With more than three responses, the third corner is all the others together.',
    },
    metrics: {
      title: 'What TRL would log',
      caption: 'TRL’s metrics of each run over the steps, under the names they have in a TRL training log.',
    },
  },
  plotFailed: 'This plot could not be drawn. The rest of the page still works.',
  retry: 'Try again',
  untrainable: (names) =>
    `${names}: a pair loss needs pairs, and thumbs-down data has none, so there is nothing to train.`,
  metricsLegend: 'TRL metrics to plot',
  trainingMoved: (dataset, rose, fell) => {
    if (dataset === 'ranking') return '';
    const who =
      dataset === 'thumbs-down'
        ? 'π(A), the thumbs-down response,'
        : dataset === 'order'
          ? 'π(A), the top of the order,'
          : 'π(y_w)';
    const parts = [
      rose.length > 0 ? `rose under ${rose.join(', ')}` : '',
      fell.length > 0 ? `fell under ${fell.join(', ')}` : '',
    ].filter((p) => p !== '');
    return parts.length === 0 ? '' : ` Here ${who} ${parts.join(' and ')}.`;
  },
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
  sentences: (parts) => parts.join(' '),
  sweepsUpdating: 'Updating…',
  sweepFixedReference:
    'These sweeps keep the reference fixed: each point is trained to its end, and TR-DPO’s moving reference, which follows the policy after every sync, has no such end.',
  trainingPending: ({ responses, steps, losses }) =>
    `Training… (${responses} responses × ${steps} steps × ${losses} ${losses === 1 ? 'loss' : 'losses'})`,
  sweepBetaHeading: 'as β changes',
  headingPart: (title, part) => `${title}: ${part}`,
  sweepCaption,
  sweepRefHeading: (data) => `… and as the reference probability of ${responseSymbol(0, data)} changes`,
  sweepRefCaption: (data, fromReference) =>
    `Trained from references that give ${responseSymbol(0, data)} more or less probability ` +
    (fromReference
      ? '(the policy starts at the reference); '
      : '(the policy starts as in the training view: each reference shifted by the same start offsets); ') +
    'the dotted line is the current reference.',
  planeLossLabel: 'Loss in the contours',
  rlhfNote: {
    pair: '★ = π* ∝ π_ref·exp(r/β) with r(y_w) = ½·logit p, r(y_l) = −½·logit p, 0 elsewhere: where DPO ends on this pair.',
    pairElsewhere:
      '★ = π* ∝ π_ref·exp(r/β) with r(y_w) = ½·logit p, r(y_l) = −½·logit p, 0 elsewhere. ★ does not depend on where training starts, but here DPO ends elsewhere: one pair fixes only the margin of y_w over y_l, and the start offsets or the shared features decide the rest.',
    ranking: '★ = π* ∝ π_ref·exp(r/β) with the hidden rewards: the policy RLHF with a KL penalty finds.',
    none: 'No finite RLHF optimum for these data (p = 0 or 1, a deterministic order, or thumbs-down only).',
    movingReference:
      'The reference moves (TR-DPO): the RLHF optimum ★ ∝ π_ref·exp(r/β) of the starting reference is no longer where training goes, so it is not drawn. The dotted line is π_ref’s path, with its place at the cursor’s step; the circle is where it started.',
  },
  exportMenu: {
    button: 'Export',
    buttonLabel: (title) => `Export: ${title}`,
    menuLabel: (title) => `Export formats for ${title}`,
    png: 'PNG image (2×, for slides)',
    slide: 'PNG for a slide (1920 × 1080)',
    slideCaption: 'Caption the slide with the settings',
    settingsCaption: ({ losses, beta, step, steps, scenario }) =>
      `${scenario ? `${scenario} · ` : ''}${losses} · β = ${beta} · step ${step} of ${steps} · DPO Explorer`,
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
};
