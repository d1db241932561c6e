// English strings of the views under thumbs-down data: one undesirable example on A, no pair.
import type { ThumbsStrings } from '../types/thumbs.ts';
import { formatFixed } from '../../math/numberFormat.ts';

const list = (parts: readonly string[]): string => parts.join('; ');

export const EN_THUMBS: ThumbsStrings = {
  sections: {
    loss: {
      title: 'Loss of the one thumbs-down example',
      caption:
        'The data are one undesirable example on A and nothing else, so there is no pair and no margin: each KTO-style loss is drawn against ρ_A = log π(A) − log π_ref(A), with the reference point z0 its own run used at the step shown; the dot is that run at that step.',
    },
    gradient: {
      title: 'How hard the loss pushes π(A) down',
      caption:
        '∂loss/∂log π(A) of the one undesirable example against ρ_A. It is positive everywhere, so every step pushes log π(A) down, hardest where ρ_A is near z0; the dot is each run at the step shown.',
    },
    plane: {
      title: 'No (ρw, ρl) plane for thumbs-down data',
      caption:
        'The plane needs a pair: one response called chosen and one called rejected. Thumbs-down data have a single undesirable response A and nothing else, so no response is chosen and there is no plane to draw. The loss view shows the loss against ρ_A instead.',
    },
  },
  pairLossesNote: (names) =>
    `${names}: a pair loss needs pairs, and these data have none, so it is not drawn.`,
  noKto:
    'Thumbs-down data have no pair, so no pair loss can train on them. Choose KTO or unpaired APO-zero to see the one undesirable example’s loss.',
  planeNote: 'No pair in thumbs-down data: no (ρw, ρl) plane. See the loss view for the loss against ρ_A.',
  axis: {
    rho: 'ρ_A = log π(A) − log π_ref(A) (nats)',
    loss: 'loss of the undesirable example',
    dLogp: '∂loss/∂log π(A) (> 0: π(A) is pushed down)',
  },
  trace: {
    loss: (label) => `${label}: loss of A (thumbs-down)`,
    dLogp: (label) => `${label}: ∂loss/∂log π(A)`,
  },
  hover: { rho: 'ρ_A', loss: 'loss', dLogp: '∂loss/∂log π(A)' },
  summary: {
    loss: (parts) =>
      `Loss of the one undesirable example against ρ_A. ${list(
        parts.map(
          (p) =>
            `${p.label} at step ${p.step}: ρ_A = ${formatFixed(p.rho, 2)}, loss ${formatFixed(p.value, 3)}`,
        ),
      )}.`,
    gradient: (parts) =>
      `∂loss/∂log π(A) against ρ_A; positive means π(A) is pushed down. ${list(
        parts.map(
          (p) =>
            `${p.label} at step ${p.step}: ρ_A = ${formatFixed(p.rho, 2)}, ∂loss/∂log π(A) = ${formatFixed(p.value, 4)}`,
        ),
      )}.`,
    noKto: 'No KTO-style loss is chosen, and pair losses cannot train on thumbs-down data: nothing to draw.',
    plane: 'No plane: thumbs-down data have no pair.',
  },
  readout: {
    heading: 'The thumbs-down example, right now',
    intro:
      'The data are one undesirable example on A. Each column: that loss on this example at the step shown, and what TRL’s KTOTrainer logs for a batch of it.',
    rowHelp: {
      loss: 'the loss of the one undesirable example',
      dLogp: 'positive: gradient descent pushes π(A) down',
      'rewards/chosen': 'mean β·ρ over desirable examples',
      'rewards/rejected': 'β·ρ_A, the one undesirable example',
      'rewards/margins': 'rewards/chosen − rewards/rejected',
      'logps/rejected': 'log π(A), summed over its tokens',
      kl: 'the reference point z0 used at this step',
    },
    noDesirable: 'not logged: the batch has no desirable example',
    trlNoDesirable:
      'No rewards/chosen, rewards/margins or logps/chosen: TRL logs them only for a batch with a desirable example, and these data have none.',
    pairLoss: 'a pair loss: these data have no pair to train it on',
    z0: {
      kl: 'z0 = KL(π‖π_ref) at this step, clamped at 0 (TRL estimates it from mismatched completions)',
      batch: 'z0 = max(0, ρ_A) at this step, TRL’s batch estimate',
      fixed: 'z0 fixed by the setting',
    },
    apoNoZ0: 'unpaired APO-zero compares ρ_A with 0: it has no z0',
  },
  trl: {
    datasetComment: 'The data: one unpaired example, labelled undesirable (thumbs-down), and nothing else.',
    pairLossComment: (label) => `${label} needs pairs; thumbs-down data have none, so TRL cannot train it.`,
  },
};
