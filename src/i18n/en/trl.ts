// English strings of the "Use in TRL" panel and the comments and notes of its Python snippet.
import type { TrlSnippetStrings } from '../types/trl.ts';

export const EN_TRL: TrlSnippetStrings = {
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
    noReference: (trainer) => `train with ${trainer}, which takes no ref_model: there is no reference model`,
  },
  notes: {
    noReference:
      'SimPO and ORPO are trl.experimental trainers without a reference model (CPOTrainer with loss_type="simpo", and ORPOTrainer; ORPOConfig has no loss_type). Their rewards/* are β × the mean log-probability per token, not log-ratios. ORPO’s NLL also covers the prompt’s tokens, which the toy does not have.',
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
      `TRL checks the weights only when the training set has different numbers of desirable and undesirable examples (nD ≠ nU, counted over the whole set): then it warns unless λD·nD / (λU·nU) is within [1, 1.33] (the KTO paper's Eq. 8). With as many of each it never warns. Here λD/λU = ${ratio}${inRange ? ', within [1, 1.33].' : ', outside [1, 1.33]: with counts that differ only slightly, TRL would warn.'}`,
    refSync:
      'sync_ref_model=True (TR-DPO): after every ref_model_sync_steps-th optimizer step TRL sets every reference parameter to (1 − α)·ref + α·policy with α = ref_model_mixup_alpha. The toy’s logits are linear in its parameters, so this page mixes the log-probabilities and renormalises, which is the same. TRL refuses it with a PEFT model and with precompute_ref_log_probs=True (stale reference log-probs); its default of 512 steps is far more than the toy trains.',
    ktoWeightsZero:
      'With desirable_weight = undesirable_weight = 0 every example weighs 0: the KTO loss is 0 and nothing trains.',
  },
};
