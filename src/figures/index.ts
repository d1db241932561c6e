// The figure builders: pure functions from numbers to plain Plotly figure objects ({ data, layout, summary }).
// Types only from plotly.js; no React, no state, no DOM.
export type {
  Figure,
  PlotTheme,
  LossCurveInput,
  TrainingRunInput,
  SweepInput,
  PlaneGridInput,
} from './types.ts';
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
} from './strings.ts';
export { EN_FIGURE_STRINGS } from './strings.en.ts';
export { ZH_FIGURE_STRINGS } from './strings.zh.ts';
export { formatNumber, formatCompact, formatTuple, MINUS } from './format.ts';
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
export { lossStyle, responseStyle, type LossStyle, type LossSymbol } from './lossStyle.ts';
export { lossFigure, LOSS_Y_WINDOW, QUADRATIC_LOSSES, type LossFigureOptions } from './lossFigure.ts';
export { gradientFigure, type GradientFigureOptions } from './gradientFigure.ts';
export { trainingFigure, type TrainingFigureOptions } from './trainingFigure.ts';
export {
  trainingMetricsFigure,
  TRL_METRICS,
  type TrainingMetricsFigureOptions,
} from './trainingMetricsFigure.ts';
export { sweepFigure, SWEEP_BETA_RANGE, SWEEP_REF_RANGE, type SweepFigureOptions } from './sweepFigure.ts';
export { planeFigure, LOG_COMPRESS_SPAN, type PlaneFigureOptions } from './planeFigure.ts';
export { simplexFigure, type SimplexFigureOptions } from './simplexFigure.ts';
