// English strings of the controls panel. TRL names and formulas stay as they are in every language.
import type { ControlStrings } from '../types/controls.ts';

export const EN_CONTROLS: ControlStrings = {
  panel: {
    heading: 'Controls',
    show: 'Show controls',
    hide: 'Hide controls',
    sectionLoss: 'Loss',
    sectionPair: 'Responses',
    sectionToy: 'Toy policy',
  },

  field: {
    empty: 'Type a number here.',
    notANumber: (text) => `“${text}” is not a number.`,
    positiveLogProb: (text) => `A log-probability is ≤ 0: ${text} would be a probability above 1.`,
    tooLow: (text, min) => `${text} is below the smallest allowed value, ${min}.`,
    tooHigh: (text, max) => `${text} is above the largest allowed value, ${max}.`,
    notWhole: (text) => `${text} is not a whole number.`,
    stillUsing: (value) => `Still using ${value}.`,
  },

  lossPicker: {
    legend: 'Losses',
    help: 'Tick several to compare them side by side.',
    allTrlLosses: 'All TRL losses',
    batchOnly:
      'TRL also has aot and aot_unpaired: they sort the log-ratios across a whole batch, so they are batch losses this one-pair toy does not train.',
    referenceFreeGroup: 'trl.experimental trainers, no reference model',
    selectedCount: (n) => (n === 1 ? '1 selected' : `${n} selected`),
    keepOne: (name) => `At least one loss stays selected: tick another before removing ${name}.`,
  },

  beta: {
    label: 'β (KL strength)',
    help: 'Small β lets the policy move far from the reference; large β holds it close.',
  },

  smoothing: {
    label: 'Label smoothing ε',
    help: 'The chance that a preference label is flipped (cdpo, robust, exo_pair, simpo).',
    exoNeedsPositive: (min) => `EXO (exo_pair) needs ε of at least ${min}: TRL raises an error at ε = 0.`,
  },

  lengthNorm: {
    legend: 'Length normalisation',
    ipoLegend: 'IPO margin',
    token: 'Per-token average (TRL)',
    tokenHelp: 'TRL divides each log-ratio by its number of tokens.',
    sum: 'Sum (paper, Eq. 17)',
    sumHelp: 'The IPO paper uses the summed log-ratios.',
    chosenLength: 'Tokens in y_w (Lw)',
    rejectedLength: 'Tokens in y_l (Ll)',
    lengthsHelp: 'Only IPO per-token, sigmoid_norm, sft, SimPO and ORPO divide by length.',
  },

  discopopTau: {
    label: 'DiscoPOP temperature τ',
    help: 'How sharply DiscoPOP switches between its logistic and exponential parts (TRL default 0.05).',
  },

  fDivergence: {
    label: 'f-divergence (f_divergence_type)',
    help: 'What the pair losses read in place of each log-ratio ρ = log π/π_ref (f-DPO): reverse KL is plain DPO; the others hold the policy to the reference differently. TRL’s rewards stay β·ρ.',
    names: {
      reverse_kl: 'reverse KL (ρ, DPO)',
      forward_kl: 'forward KL (−e^(−ρ))',
      js_divergence: 'Jensen–Shannon (log σ(ρ))',
      alpha_divergence: 'α-divergence (e^((α−1)ρ)/(α−1))',
    },
    alphaLabel: 'α (f_alpha_divergence_coef)',
    alphaHelp: 'TRL default 0.5; α → 1 is reverse KL (TRL uses it when |α − 1| < 10⁻⁶), α → 0 forward KL.',
  },
  sftWeight: {
    label: 'SFT term weight w',
    help: 'Adds w × the chosen response’s cross-entropy to every pair loss: TRL’s loss_type=[<loss>, "sft"] with loss_weights=[1, w] (what rpo_alpha did before TRL 0.29). 0: none.',
    termName: (name, weight) => `${name} + ${weight}·SFT`,
  },

  extraTerms: {
    label: 'Further loss terms',
    help: 'More losses trained beside every pair loss, each with its weight, on the same pairs, β and settings: TRL’s loss_type=[<loss>, …] with loss_weights=[1, …] (MPO is ["sigmoid", "bco_pair", "sft"] with [0.8, 0.2, 1.0]). The SFT term has its own weight above.',
    typeLabel: 'Loss to add',
    add: 'Add term',
    weightLabel: (name) => `Weight of ${name}`,
    remove: (name) => `Remove ${name}`,
    listName: (name, terms) => [name, ...terms].join(' + '),
  },

  ldAlpha: {
    label: 'LD-DPO α (ld_alpha)',
    help: 'Tokens of the longer response beyond the shorter one’s length count α times in its log-prob (policy and reference alike): the toy scales each side’s log-ratio by (m + α(L − m))/L, m = min(L_w, L_l). 1 (TRL’s default) is plain DPO; 0 keeps only the shared length. Not applied to the SFT term.',
  },
  refSync: {
    legend: 'TR-DPO: a moving reference',
    stepsLabel: 'Sync every S steps (ref_model_sync_steps)',
    stepsHelp:
      '0: a fixed reference (sync_ref_model=False, TRL’s default). S ≥ 1: after every S-th update the reference is mixed toward the policy. TRL’s default S is 512, more than the toy trains; S goes down to 1 here. SimPO and ORPO have no reference, so it does not apply to them.',
    alphaLabel: 'Mix-up α (ref_model_mixup_alpha)',
    alphaHelp:
      'How far each sync moves the reference toward the policy: 0 leaves it, 1 copies the policy. TRL’s default is 0.6.',
    rule: (steps, alpha) =>
      `The reference moves: after updates S, 2S, 3S, … (S = ${steps}), π_ref ← (1 − ${alpha})·π_ref + ${alpha}·π_θ in the parameters (the toy’s logits), so log-ratios, rewards and KL at each step are against that step’s π_ref.`,
    alphaZero: 'α = 0: each sync mixes nothing in, so the reference stays where it started.',
  },
  wpoWeighting: {
    label: 'WPO weighting (use_weighting)',
    help: 'Multiplies each pair’s loss, the SFT term included, by w_w·w_l, w = exp(mean log-prob per token − log Σ π²) of the current policy, held constant for the gradient: pairs the policy already finds likely count more. In the toy, Σ π² runs over its responses.',
  },

  simpoGamma: {
    label: 'SimPO target margin γ',
    help: 'CPOConfig.simpo_gamma: SimPO wants β·(μw − μl) to exceed γ, μ the log-prob per token (TRL default 0.5).',
  },

  cpoAlpha: {
    label: 'SimPO NLL weight (cpo_alpha)',
    help: 'CPOConfig.cpo_alpha: adds this × the NLL of y_w per token to SimPO’s loss; 0 turns it off (TRL default 1.0).',
  },

  kto: {
    legend: 'KTO',
    desirableWeight: 'Desirable weight λD',
    undesirableWeight: 'Undesirable weight λU',
    weightsHelp: 'TRL’s desirable_weight and undesirable_weight.',
    weightRatioWarning: (ratio) =>
      `λD/λU = ${ratio}, outside [1, 1.33]. On a training set with different numbers of desirable and undesirable examples, TRL warns when λD·nD / (λU·nU) leaves that range; with one of each, as here, it does not check.`,
    weightsBothZero: 'With λD = λU = 0 every example weighs 0: the KTO loss is 0 and nothing trains.',
    z0Legend: 'Reference point z0',
    z0Kl: 'Exact KL',
    z0KlHelp: 'KL(π‖πref) of the toy policy, recomputed every step.',
    z0Batch: 'Batch estimate (TRL)',
    z0BatchHelp: 'TRL’s max(0, mean log-ratio) over mismatched completions.',
    z0Fixed: 'Fixed number',
    z0Value: 'z0 value',
  },

  pair: {
    legend: 'The toy’s responses: log-probabilities',
    help: 'Each response’s log πref and the log πθ training starts from, summed over its tokens as TRL sums them (≤ 0). Response 1 is y_w and response 2 is y_l: they are the pair of the loss, gradient and plane views, the readout and “Use in TRL”. Changing πref moves the start with it (same log-ratios).',
    refLogProb: (index, role) =>
      `log πref(response ${index})${role === 'chosen' ? ', y_w' : role === 'rejected' ? ', y_l' : ''}`,
    startLogProb: (index, role) =>
      `start log πθ(response ${index})${role === 'chosen' ? ', y_w' : role === 'rejected' ? ', y_l' : ''}`,
    derived: (rhoW, rhoL, h) => `Log-ratios ρw = ${rhoW}, ρl = ${rhoL}; margin h = ρw − ρl = ${h}.`,
    bars: {
      help: 'Drag the top of a bar, or focus it and use the arrow keys, to set a probability; the other responses rescale so that each policy still adds up to 1.',
      label: 'πref and the starting πθ of each response',
      refKey: 'πref',
      startKey: 'start πθ',
      refBar: (response) => `Bar: πref of ${response}`,
      startBar: (response) => `Bar: start πθ of ${response}`,
      valueText: (p) => `probability ${p}`,
    },
  },

  toy: {
    responses: 'Responses K',
    responsesHelp: 'Candidate answers to one prompt. Response 1 is y_w, response 2 is y_l.',
    refLegend: 'Reference probabilities',
    refHelp: 'Moving one rescales the others so that they still add up to 1.',
    refProb: (index, role) =>
      role === 'chosen'
        ? `πref(response ${index}), y_w`
        : role === 'rejected'
          ? `πref(response ${index}), y_l`
          : `πref(response ${index})`,
    featuresLegend: 'Features',
    tabular: 'Tabular',
    tabularHelp: 'One parameter per response: responses move independently.',
    shared: 'Shared',
    sharedHelp: 'y_w and y_l share a feature, y_l leaning on it twice as hard: pushing one moves the other.',
    similarity: 'Similarity of y_w and y_l',
    similarityHelp:
      'Only with shared features. Above 0.5 each DPO step lowers y_w’s logit while the margin grows: likelihood displacement.',
    preferenceProb: 'Preference probability p',
    preferenceProbHelp: 'How often y_w really beats y_l. The slider covers 0.5–1; type any value in 0–1.',
    datasetLegend: 'Training data',
    datasetPair: 'One preference pair',
    datasetPairHelp:
      'y_w ≻ y_l with probability p. KTO gets TRL’s conversion: y_w a thumbs-up, y_l a thumbs-down.',
    datasetRanking: 'A ranking (Bradley–Terry)',
    datasetRankingHelp: 'Every pair of responses, i ≻ j with probability σ(r_i − r_j) from hidden rewards r.',
    datasetOrder: 'A deterministic order',
    datasetOrderHelp:
      'Every pair of responses, A ≻ B ≻ C …, each preference certain (p = 1): the IPO paper’s D1 with three responses.',
    datasetThumbsDown: 'One thumbs-down',
    datasetThumbsDownHelp:
      'A single undesirable example, response 1, and nothing else: only KTO-style losses can learn from it.',
    rewardsLegend: 'Hidden rewards',
    reward: (index) => `r(response ${index})`,
    learningRate: 'Learning rate',
    optimizerLegend: 'Optimiser',
    sgd: 'SGD',
    adam: 'Adam',
    steps: 'Training steps',
  },

  presetMenu: {
    label: 'Scenario',
    none: 'Choose a scenario…',
    load: 'Load',
    hint: 'A scenario sets every control to show one effect.',
    changed: (title, keys) =>
      `Changed from “${title}” (${keys}): its explanation now reads the current settings, and leaves out what no longer holds. Load it again to restore the scenario’s own.`,
    staleExplanation: 'The scenario’s explanation, for the current settings',
  },
};
