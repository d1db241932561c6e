// The public math API (../shared/CONVENTIONS.md §7) and the helpers the plots use. Pure TypeScript:
// no DOM, no React, no dependencies.
export type {
  PairLossType,
  PairInput,
  PairLossParams,
  PairLossResult,
  KtoLossType,
  KtoInput,
  KtoParams,
  KtoResult,
  BatchMetricName,
  BatchMetrics,
  ReferenceFreeLossType,
  ReferenceFreeInput,
  ReferenceFreeParams,
  ReferenceFreeResult,
  FDivergence,
  BatchLossType,
  BatchLossTerm,
  BatchLossResult,
} from './types.ts';
export { pairLoss, DEFAULT_DISCOPOP_TAU, DEFAULT_EXO_SMOOTHING } from './pairLoss.ts';
export { EXO_MIN_SMOOTHING, smoothingFor } from './exoSmoothing.ts';
export { ktoLoss, ktoReferencePoint, KTO_LOSS_TYPES, KTO_WEIGHT_RATIO_RANGE } from './kto.ts';
export { batchMetrics } from './batchMetrics.ts';
export {
  referenceFreeLoss,
  referenceFreeLogged,
  orpoLogOdds,
  REFERENCE_FREE_LOSS_TYPES,
  DEFAULT_SIMPO_GAMMA,
  DEFAULT_CPO_ALPHA,
} from './referenceFree.ts';
export { batchLoss, SORTED_BATCH_LOSSES } from './batchLoss.ts';
export {
  F_DIVERGENCES,
  DEFAULT_F_ALPHA,
  ALPHA_EXPONENT_CLAMP,
  ALPHA_REVERSE_KL_TOLERANCE,
  fScore,
  checkDivergence,
  type Score,
} from './fDivergence.ts';
export { ktoExampleCurve, ratioGrid, type RatioCurve } from './ktoExample.ts';
export {
  dpoOptimalMargin,
  cdpoOptimalMargin,
  robustOptimalMargin,
  ipoOptimalMargin,
  hingeOptimalMargin,
  exoOptimalMargin,
  rlhfOptimum,
  twoResponseOptimum,
} from './optima.ts';
export {
  marginGrid,
  pairLossCurve,
  ktoPairCurve,
  referenceFreeCurve,
  referenceFreePlane,
  pairLossPlane,
  ktoPairPlane,
  type MarginCurve,
} from './curves.ts';
export { sigmoid, softplus, logSigmoid, logit, softmax, logSumExp } from './stable.ts';
export {
  LOSS_INFO,
  LOSS_IDS,
  PAIR_LOSS_TYPES,
  TRL_CONFIG_FIELDS,
  lossInfo,
  pairLossInfo,
  takesSftTerm,
  takesAsExtraTerm,
  EXTRA_TERM_TYPES,
  takesLdAlpha,
  takesWpoWeighting,
  takesRefSync,
  usesDivergence,
  isLossId,
  isPairLoss,
  isKtoLoss,
  isReferenceFreeLoss,
  REFERENCE_FREE_IDS,
  lossReads,
  lossSettings,
  excludesZero,
  readsLengths,
  perTokenMargin,
  optimalMargin,
  type LossId,
  type LossFamily,
  type LossInfo,
  type PairLossInfo,
  type UnpairedLossInfo,
  type ReferenceFreeLossInfo,
  type ReferenceFreeSetting,
  type LossSetting,
  type DivergenceUse,
  type PairSetting,
  type UnpairedSetting,
  type ClosedFormOptimum,
  type TrlLossInfo,
  type TrlTrainer,
  type TrlConfigClass,
  type TrlConfigField,
} from './lossInfo.ts';
export {
  TRL_METRIC_INFO,
  TRL_METRIC_NAMES,
  EXPLORER_METRIC_NAMES,
  isExplorerMetricName,
  PICKER_METRICS,
  PICKER_TICKED,
  trlMetric,
  isTrlMetricName,
  metricsLoggedBy,
  type TrlMetricInfo,
  type TrlMetricName,
  type TrlMetricUnit,
  type ExplorerMetricName,
  type ExplorerMetricOf,
} from './trlMetrics.ts';
export { BETA_RANGE } from './paramRanges.ts';
export { trainToyPolicy } from './toy/train.ts';
export { toyObjective } from './toy/objective.ts';
export { MAX_TOY_STEPS } from './toy/prepare.ts';
export {
  detectDivergence,
  stepDivergence,
  divergenceLossBound,
  DIVERGED_LOSS,
  DIVERGED_LOSS_GROWTH,
  DIVERGED_LOG_PROB,
  drawnSteps,
  trustedSteps,
  type ToyDivergence,
  type DivergenceReason,
  type DivergenceInput,
} from './toy/divergence.ts';
export type {
  ToyProblem,
  ToyTrainConfig,
  ToyRefSync,
  ToyPair,
  ToyUnpaired,
  ToyLossType,
  ToyLossConfig,
  ExtraTerm,
  ToyOptimizer,
  ToyMetricName,
  ToyTrajectory,
} from './toy/types.ts';
export {
  betaSweep,
  referenceSweep,
  logGrid,
  probabilityGrid,
  type ToySweep,
  type ReferenceSweepOptions,
} from './toy/sweeps.ts';
export {
  trainToConvergence,
  CONVERGENCE_CRITERION,
  type ConvergenceCriterion,
  type ConvergenceResult,
  type ConvergenceStatus,
  type ConvergenceMethod,
} from './toy/converge.ts';
export {
  TOY_SCENARIOS,
  DEFAULT_SCENARIO_ID,
  findScenario,
  isScenarioId,
  SCENARIO_IDS,
  BRADLEY_TERRY_REF,
  BRADLEY_TERRY_REWARDS,
  IPO_PAPER_D1,
  IPO_PAPER_TOLERANCE,
  type ToyScenario,
  type ScenarioId,
} from './toy/scenarios.ts';
export {
  buildToyProblem,
  sharedFeatures,
  identityFeatures,
  rankingPairs,
  orderPairs,
  unpairedFromPairs,
  type ToySpec,
  type ToyDataset,
} from './toy/build.ts';
export {
  LD_ALPHA_OFF,
  checkLdAlpha,
  ldFactor,
  ldPair,
  wpoLogDenominator,
  wpoLogWeights,
  wpoPairWeight,
} from './ldWpo.ts';
