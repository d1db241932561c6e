// The loss-name table in English: each loss's name, its short label (plots, warnings, comments) and a note
// where TRL and the papers differ. TRL loss_type values stay as they are in every language.
import type { LossNames } from '../types/losses.ts';

export const EN_LOSSES: LossNames = {
  sigmoid: {
    name: 'DPO',
    label: 'DPO',
  },
  cdpo: {
    name: 'Conservative DPO',
    label: 'cDPO',
    note: 'Not a TRL loss_type since TRL 0.29: its sigmoid now ignores label_smoothing.',
  },
  robust: {
    name: 'Robust DPO',
    label: 'Robust DPO',
    note: 'Can be negative when preferences are certain.',
  },
  ipo: {
    name: 'IPO',
    label: 'IPO',
    note: 'TRL averages log-ratios per token; the paper sums them.',
  },
  hinge: {
    name: 'SLiC hinge',
    label: 'SLiC hinge',
  },
  exo_pair: {
    name: 'EXO',
    label: 'EXO',
    note: 'Needs ε > 0: TRL raises an error at ε = 0.',
  },
  nca_pair: {
    name: 'NCA',
    label: 'NCA',
  },
  bco_pair: {
    name: 'BCO (pair)',
    label: 'BCO',
    note: 'TRL ≥ 0.29 has no running-mean shift.',
  },
  sppo_hard: {
    name: 'SPPO (hard)',
    label: 'SPPO (hard)',
  },
  apo_zero: {
    name: 'APO-zero',
    label: 'APO-zero',
  },
  apo_down: {
    name: 'APO-down',
    label: 'APO-down',
  },
  discopop: {
    name: 'DiscoPOP',
    label: 'DiscoPOP',
  },
  sigmoid_norm: {
    name: 'Length-normalised DPO',
    label: 'Length-normalised DPO',
    note: 'TRL documents it as SimPO, but it keeps the reference model and has no margin γ.',
  },
  sft: {
    name: 'SFT (chosen only)',
    label: 'SFT',
    note: 'Cross-entropy on the chosen tokens, −log π(y_w)/Lw: no reference, y_l untouched. TRL mixes it in with loss_type=[…, "sft"].',
  },
  kto: {
    name: 'KTO',
    label: 'KTO',
    note: 'KTOTrainer, unpaired: y_w counts as a thumbs-up, y_l as a thumbs-down.',
  },
  apo_zero_unpaired: {
    name: 'APO-zero (unpaired)',
    label: 'APO-zero (unpaired)',
    note: 'KTOTrainer, unpaired: y_w thumbs-up, y_l thumbs-down.',
  },
  simpo: {
    name: 'SimPO',
    label: 'SimPO',
    note: 'trl.experimental CPOTrainer(loss_type="simpo"): no reference model; per-token log-probs, margin γ, plus cpo_alpha × NLL.',
  },
  orpo: {
    name: 'ORPO',
    label: 'ORPO',
    note: 'trl.experimental ORPOTrainer: no reference model; NLL on y_w minus λ·log σ(log odds ratio), λ = β.',
  },
};
