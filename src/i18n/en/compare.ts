// English strings of "compare two runs".
import type { CompareStrings } from '../types/compare.ts';
import { formatCompact } from '../../math/numberFormat.ts';
import { EN_CONTROLS } from './controls.ts';
import { EN_LOSSES } from './losses.ts';

export const EN_COMPARE: CompareStrings = {
  side: (c) => {
    switch (c.key) {
      case 'beta':
        return `β = ${c.value}`;
      case 'p':
        return `p = ${c.value}`;
      case 'lr':
        return `learning rate ${c.value}`;
      case 'sft':
        return c.value === 0 ? 'no SFT term' : `SFT weight ${c.value}`;
      case 'sync':
        return c.value === 0 ? 'fixed reference' : `reference synced every ${c.value} steps`;
      case 'fdiv':
        return EN_CONTROLS.fDivergence.names[c.value];
      case 'features':
        return c.value === 'shared' ? 'shared features' : 'tabular features';
      case 'optimizer':
        return c.value === 'sgd' ? 'SGD' : 'Adam';
      case 'loss':
        return EN_LOSSES[c.value].label;
      case 'ref':
        return `πref = ${c.value.map((x) => formatCompact(x, 2)).join(', ')}`;
    }
  },
  legend: 'Compare with…',
  help: 'A second run that differs in one setting, drawn dashed in every view and listed beside this one.',
  keyLabel: 'Setting that differs',
  none: 'Nothing (one run)',
  keyName: {
    beta: 'β',
    loss: 'Loss (the first one shown vs another)',
    ref: 'Reference probabilities',
    p: 'Preference probability p',
    features: 'Features',
    optimizer: 'Optimiser',
    lr: 'Learning rate',
    sft: 'SFT term weight (TRL loss_weights)',
    fdiv: 'f-divergence (TRL f_divergence_type)',
    sync: 'TR-DPO sync steps S (TRL ref_model_sync_steps)',
  },
  valueLabel: 'Value of the second run',
  valueHint: {
    beta: 'A number, e.g. 1',
    loss: 'A TRL loss_type, e.g. ipo',
    ref: 'One probability per response, comma-separated',
    p: 'A number from 0 to 1',
    features: 'tabular or shared',
    optimizer: 'sgd or adam',
    lr: 'A number, e.g. 0.1',
    sft: 'A weight ≥ 0, e.g. 0 for none',
    fdiv: 'reverse_kl, forward_kl, js_divergence or alpha_divergence',
    sync: 'A whole number of steps, 0 for a fixed reference',
  },
  apply: 'Compare',
  clear: 'Clear',
  invalid: (typed) => `“${typed}” is not a value this setting takes.`,
  same: 'That is the current setting: there is nothing to compare.',
  status: (main, other) => `Solid lines: ${main}. Dashed lines: ${other}.`,
  statusDotted: (main, other) => `Solid and dashed lines: ${main}. Dotted and dash-dotted lines: ${other}.`,
  statusFaded: (main, other) => `Strong lines: ${main}. Faint lines in the same styles: ${other}.`,
  sweepMarker: (main, other) => `Dotted vertical line: ${main}. Dashed vertical line: ${other}.`,
  sweepsSame: (other) => `${other} ends at the same points: these sweeps do not depend on that setting.`,
  lossNote: (first, other) => `Compares the first loss shown, ${first}, with ${other}.`,
  traceName: (name, side) => `${name} · ${side}`,
  summary: (main, other, mainSummary, otherSummary) =>
    `This run, ${main}: ${mainSummary} The compared run, ${other}: ${otherSummary}`,
  pairViewsSame: (other) =>
    `The second run (${other}) differs only in how it trains: its curves are these; past step 0 its dots (open) show where it is at the step shown.`,
  table: {
    caption: (main, other, step, steps) => `Both runs at step ${step} of ${steps}: ${main} and ${other}`,
    loss: 'Loss',
    run: 'Run',
    chosen: 'π(y_w)',
    rejected: 'π(y_l)',
    kl: 'KL(π‖πref)',
    klHelp: 'How far the policy at this step is from the reference, in nats.',
    klStart: 'KL(π‖πref at step 0)',
    klStartHelp: 'How far the policy at this step is from the reference it started with, in nats.',
    klCurrent: 'KL(π‖πref at this step)',
    klCurrentHelp:
      'How far the policy at this step is from the reference of this step, which TR-DPO moves toward the policy, in nats.',
  },
  vsColumn: (side) => `vs ${side}`,
  metricsCaption: (loss, side, step) => `${loss} · ${side}: TRL metrics at step ${step}`,
};
