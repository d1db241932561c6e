// Every visible string of the controls panel. Messages that carry values are functions that take them
// already formatted, so the table decides word order. Formulas, symbols and TRL names (loss_type values,
// rewards/margins, …) are not translated and so are not here; the losses' own names are in losses.ts.
import type { FDivergence } from '../../math/index.ts';

export interface ControlStrings {
  panel: {
    heading: string;
    /** The toggle that collapses the controls on small screens. */
    show: string;
    hide: string;
    sectionLoss: string;
    sectionPair: string;
    sectionToy: string;
  };

  /** Why a typed number was refused. `text` is what was typed; limits come formatted. */
  field: {
    empty: string;
    notANumber: (text: string) => string;
    positiveLogProb: (text: string) => string;
    tooLow: (text: string, min: string) => string;
    tooHigh: (text: string, max: string) => string;
    notWhole: (text: string) => string;
    /** Appended to every refusal: the value the app keeps using. */
    stillUsing: (value: string) => string;
  };

  /** The loss picker (the names of the losses are the table in losses.ts). */
  lossPicker: {
    legend: string;
    help: string;
    /** Heading of the trainers without a reference model inside "All TRL losses" (SimPO, ORPO). */
    referenceFreeGroup: string;
    /** Summary of the <details> holding every other TRL loss. */
    allTrlLosses: string;
    /** Under "All TRL losses": the batch-only losses (aot, aot_unpaired) the toy does not train. */
    batchOnly: string;
    selectedCount: (n: number) => string;
    /** Said (role="status") when someone tries to untick the last loss. */
    keepOne: (name: string) => string;
  };

  beta: { label: string; help: string };
  smoothing: {
    label: string;
    help: string;
    /** Refusal of ε below EXO's smallest (`min`) while EXO is selected. */
    exoNeedsPositive: (min: string) => string;
  };
  lengthNorm: {
    legend: string;
    ipoLegend: string;
    token: string;
    tokenHelp: string;
    sum: string;
    sumHelp: string;
    chosenLength: string;
    rejectedLength: string;
    lengthsHelp: string;
  };
  discopopTau: { label: string; help: string };
  /** TRL's f_divergence_type and f_alpha_divergence_coef. */
  fDivergence: {
    label: string;
    help: string;
    names: Readonly<Record<FDivergence, string>>;
    alphaLabel: string;
    alphaHelp: string;
  };
  /** The weight of TRL's "sft" term added to each pair loss (loss_weights). */
  sftWeight: {
    label: string;
    help: string;
    /** A loss's name with the SFT term beside it, `weight` formatted: 'DPO + 0.5·SFT'. */
    termName: (name: string, weight: string) => string;
  };
  /** Further terms of TRL's loss list beside every pair loss (loss_type=[<loss>, …], loss_weights=[1, …]). */
  extraTerms: {
    label: string;
    help: string;
    /** The select of the loss to add. */
    typeLabel: string;
    /** The button that adds the selected loss as a term. */
    add: string;
    /** Each term's weight field, `name` its loss's label. */
    weightLabel: (name: string) => string;
    /** Each term's remove button, `name` its loss's label. */
    remove: (name: string) => string;
    /** A loss's name with its terms (each `<weight>·<label>`): 'DPO + 0.2·BCO + 1·SFT'. */
    listName: (name: string, terms: string[]) => string;
  };
  /** LD-DPO's ld_alpha (DPOConfig). */
  ldAlpha: { label: string; help: string };
  /** WPO's use_weighting (DPOConfig). */
  wpoWeighting: { label: string; help: string };
  /** TR-DPO: sync_ref_model with ref_model_sync_steps S and ref_model_mixup_alpha α (DPOConfig, KTOConfig). */
  refSync: {
    legend: string;
    stepsLabel: string;
    stepsHelp: string;
    alphaLabel: string;
    alphaHelp: string;
    /** While on: the update rule with the state's S and α, formatted. */
    rule: (steps: string, alpha: string) => string;
    /** On with α = 0: nothing is mixed in. */
    alphaZero: string;
  };
  /** SimPO's γ (CPOConfig.simpo_gamma) and its NLL weight (cpo_alpha). */
  simpoGamma: { label: string; help: string };
  cpoAlpha: { label: string; help: string };
  kto: {
    legend: string;
    desirableWeight: string;
    undesirableWeight: string;
    weightsHelp: string;
    /** λD/λU outside [1, 1.33]: TRL's range, which it checks only when nD ≠ nU (here nD = nU = 1). */
    weightRatioWarning: (ratio: string) => string;
    /** Shown instead of the ratio when λD = λU = 0 (no ratio: every example weighs 0). */
    weightsBothZero: string;
    z0Legend: string;
    z0Kl: string;
    z0KlHelp: string;
    z0Batch: string;
    z0BatchHelp: string;
    z0Fixed: string;
    z0Value: string;
  };
  pair: {
    legend: string;
    help: string;
    /** log π_ref of response `index` (from 1); response 1 is y_w, response 2 y_l. */
    refLogProb: (index: number, role: 'chosen' | 'rejected' | 'other') => string;
    /** The starting log π_θ of response `index`. */
    startLogProb: (index: number, role: 'chosen' | 'rejected' | 'other') => string;
    /** The log-ratios and margin of the current pair, formatted. */
    derived: (rhoW: string, rhoL: string, h: string) => string;
    /** The draggable bar chart of π_ref and the starting π_θ per response. */
    bars: {
      /** One line above the chart: how to use it. */
      help: string;
      /** The chart's group name. */
      label: string;
      /** Key entries for the two kinds of bar. */
      refKey: string;
      startKey: string;
      /** A bar's accessible name; `response` is the response's name in the data (figures' responseLabel). */
      refBar: (response: string) => string;
      startBar: (response: string) => string;
      /** A bar's spoken value; `p` is the probability, formatted. */
      valueText: (p: string) => string;
    };
  };
  toy: {
    responses: string;
    responsesHelp: string;
    refLegend: string;
    refHelp: string;
    /** Label of response `index` (1-based); response 1 is y_w, response 2 is y_l. */
    refProb: (index: number, role: 'chosen' | 'rejected' | 'other') => string;
    featuresLegend: string;
    tabular: string;
    tabularHelp: string;
    shared: string;
    sharedHelp: string;
    similarity: string;
    similarityHelp: string;
    preferenceProb: string;
    preferenceProbHelp: string;
    datasetLegend: string;
    datasetPair: string;
    datasetPairHelp: string;
    datasetRanking: string;
    datasetRankingHelp: string;
    datasetOrder: string;
    datasetOrderHelp: string;
    datasetThumbsDown: string;
    datasetThumbsDownHelp: string;
    rewardsLegend: string;
    /** Label of the hidden reward of response `index` (1-based). */
    reward: (index: number) => string;
    learningRate: string;
    optimizerLegend: string;
    sgd: string;
    adam: string;
    steps: string;
  };
  /** The scenario menu (the scenarios' own titles and explanations are presets.ts). */
  presetMenu: {
    label: string;
    /** The empty first option. */
    none: string;
    load: string;
    /** Shown where the explanation goes while nothing is selected. */
    hint: string;
    /** Controls were edited after loading scenario `title`; `keys`: the changed settings, by their link keys. */
    changed: (title: string, keys: string) => string;
    /** The summary of the collapsed explanation of a scenario whose settings were edited. */
    staleExplanation: string;
  };
}
