// English strings of the pair readout and the TRL metrics tables.
import type { ReadoutStrings } from '../types/readout.ts';

export const EN_READOUT: ReadoutStrings = {
  heading: 'This pair, right now',
  intro:
    'The toy’s pair y_w, y_l at the training step chosen above, each column from its own loss’s training run (at step 0, the pair you set under “One preference pair”); the plots above show it as a dot. Hover over or focus (Tab) any number to see its formula; the toy policy’s training is summarised under “What TRL would log” below.',
  metricColumn: 'Metric',
  rowHelp: {
    loss: 'The loss of this pair.',
    dChosen: 'Negative: a gradient step raises log π(y_w).',
    dRejected: 'Positive: a gradient step lowers log π(y_l).',
    'rewards/chosen': 'Implicit reward of y_w.',
    'rewards/rejected': 'Implicit reward of y_l.',
    'rewards/margins': 'How far the chosen reward leads.',
    'rewards/accuracies': '1 when the chosen reward is higher.',
  },
  formulaHeading: 'Formula',
  numbersHeading: 'With today’s numbers',
  notes: {
    ipoToken: 'TRL averages log-ratios per token (h̄); the IPO paper (Eq. 17) sums them.',
    ipoSum: 'Paper’s Eq. 17: summed log-ratios. TRL averages them per token instead.',
    cdpo: 'Not a TRL loss_type since TRL 0.29: TRL’s sigmoid ignores label_smoothing.',
    sigmoidNorm: 'TRL documents it as SimPO; it keeps the reference and has no margin γ.',
    robustNegative: 'Robust DPO is unbounded below: a negative loss is expected here.',
    accuracyStrict: 'Strict >, as in TRL: 0, not 0.5, when policy = reference.',
    logpsSummed: 'Log-probabilities are sums over tokens, as TRL computes them, not per-token means.',
    rewardsSummed: 'Rewards use the summed log-ratios, whatever the loss.',
    ktoZ0Estimated: (mode) =>
      mode === 'kl'
        ? 'z0 is the policy’s KL, estimated during training; for one pair this uses z0 = 0.'
        : 'z0 is TRL’s batch estimate during training; for one pair this uses z0 = 0.',
    ktoZ0Fixed: (z0) => `z0 = ${z0} (fixed).`,
    ktoLossSum: (trlMean) =>
      `Desirable (y_w) plus undesirable (y_l) example, as in the plots; TRL logs their mean, ${trlMean}.`,
    ldAlpha: (alpha, fw, fl) =>
      `LD-DPO (α = ${alpha}): log-ratios scaled by (m + α(L − m))/L, m = min(L_w, L_l): ×${fw} for y_w, ×${fl} for y_l; ρ here is the scaled one, and each push carries its factor. The rewards TRL logs are scaled too.`,
    wpo: (weight) =>
      `WPO weighting: the loss and both pushes are multiplied by w_w·w_l = ${weight} (the policy’s per-token probabilities; held constant, so it does not push by itself).`,
    ktoNoAccuracy: 'KTO logs no accuracy.',
    ktoMargins: 'Desirable mean minus undesirable mean.',
    invalid: (detail) => `Cannot compute this: ${detail}`,
    noReference:
      'This loss has no reference model: it reads log πθ itself, averaged per token (μ = log πθ(y)/L), and π_ref plays no part.',
    rewardsNoReference:
      'No reference model: TRL logs β × the mean log-prob per token (βμ), not β·log(πθ/π_ref).',
    logpsPerToken:
      'CPOTrainer (SimPO) and ORPOTrainer log per-token mean log-probabilities, and their rewards are β × those means (no reference model).',
  },

  trlMetrics: {
    caption: 'Training metrics, as TRL logs them',
    metricColumn: 'Metric',
    valueColumn: 'Value',
    empty: 'No training metrics yet.',
    descriptions: {
      loss: 'Mean loss over the batch.',
      'rewards/chosen': 'Mean implicit reward of the chosen responses.',
      'rewards/rejected': 'Mean implicit reward of the rejected responses.',
      'rewards/margins': 'Mean of chosen minus rejected reward.',
      'rewards/accuracies': 'Share of pairs whose chosen reward is strictly higher.',
      'logps/chosen': 'Mean summed log-probability of the chosen responses.',
      'logps/rejected': 'Mean summed log-probability of the rejected responses.',
      kl: 'KTO’s reference point z0.',
      nll_loss:
        'Mean NLL term: −log πθ per chosen token (ORPO: prompt and chosen tokens; the toy has no prompt).',
      log_odds_ratio: 'ORPO: mean log σ(log odds ratio), the term λ multiplies.',
      log_odds_chosen: 'ORPO: mean log odds ratio of y_w over y_l.',
    },
    referenceFreeDescriptions: {
      'rewards/chosen': 'Mean β × log-probability per token of the chosen responses (no reference).',
      'rewards/rejected': 'Mean β × log-probability per token of the rejected responses (no reference).',
      'logps/chosen': 'Mean log-probability per token of the chosen responses.',
      'logps/rejected': 'Mean log-probability per token of the rejected responses.',
    },
  },
};
