// The training-log reader (../shared/CONVENTIONS.md §10): pure, no DOM. Reads a Hugging Face
// trainer_state.json and says what it shows; derive and components import it, it imports only src/math.
export type {
  TrainerKind,
  NotPreferenceKind,
  LogSeries,
  TrainerLog,
  LogpUnitBasis,
  Finding,
  FindingId,
  DivergeCause,
  TrainerLogErrorKind,
  LogMetricGroup,
} from './types.ts';
export { TrainerLogError } from './types.ts';
export { readTrainerLog, MAX_LOG_CHARS } from './read.ts';
export { diagnoseTrainerLog, FINDING_IDS, movingMean } from './diagnose.ts';
