// The figure builders: pure functions from numbers to plain Plotly figure objects ({ data, layout, summary }).
// Types only from plotly.js; no React, no state, no DOM.
export type { Figure, PlotTheme } from './types.ts';
// The builders' inputs, defined where they are made (src/derive).
export type { LossCurveInput, TrainingRunInput, SweepInput, PlaneGridInput } from '../derive/types.ts';
// Their strings, defined with every language's tables (src/i18n).
export type {
  FigureStrings,
  SweepAxis,
  LossSummaryPart,
  GradientSummaryPart,
  TrainingSummaryPart,
  MetricsSummaryPart,
  SweepSummaryPart,
  PlaneSummary,
  SimplexSummary,
} from '../i18n/types/figures.ts';
export {
  PLOT_THEMES,
  LIGHT_THEME,
  DARK_THEME,
  PROJECTOR_THEME,
  OKABE_ITO,
  PLOT_FONT_STACK,
  themeLayout,
  themeAxis,
} from './themes.ts';
export {
  lossStyle,
  lossStyleOf,
  LOSS_STYLE_ORDER,
  responseStyle,
  type LossStyle,
  type LossSymbol,
} from './lossStyle.ts';
export { responseRole, roleColor, type ResponseRole } from './responseRole.ts';
export { lossFigure, LOSS_Y_WINDOW, QUADRATIC_LOSSES, type LossFigureOptions } from './lossFigure.ts';
export { gradientFigure, TURN_LABELS_MAX, type GradientFigureOptions } from './gradientFigure.ts';
export { LEGEND_ROW_MAX } from './layout.ts';
export { trainingFigure, type TrainingFigureOptions } from './trainingFigure.ts';
export {
  trainingMetricsFigure,
  TRL_METRICS,
  type TrainingMetricsFigureOptions,
} from './trainingMetricsFigure.ts';
export {
  sweepFigure,
  CLOSED_FORM_SYMBOL,
  SWEEP_BETA_RANGE,
  SWEEP_REF_RANGE,
  TRAINED_SYMBOL,
  UNFINISHED_SYMBOL,
  type SweepFigureOptions,
} from './sweepFigure.ts';
export { planeFigure, LOG_COMPRESS_SPAN, type PlaneFigureOptions } from './planeFigure.ts';
export { simplexFigure, type SimplexFigureOptions } from './simplexFigure.ts';
