// The words of "Your TRL log": the panel that reads a trainer_state.json in the browser, what it says the
// run is, its plots and "what this run shows" (../../logs, README "Training logs").
import type {
  DivergeCause,
  Finding,
  FindingId,
  LogMetricGroup,
  LogpUnitBasis,
  NotPreferenceKind,
  TrainerKind,
  TrainerLogErrorKind,
} from '../../logs/index.ts';

export interface TrlLogStrings {
  /** The header button that opens and closes the panel. */
  open: string;
  close: string;
  heading: string;
  /** Says that the log stays in the browser. */
  intro: string;
  chooseFile: string;
  dropHere: string;
  pasteLabel: string;
  read: string;
  reading: string;
  /** role="status" line once a log is shown: its file name (or "pasted text") and trainer. */
  loaded(name: string, trainer: string): string;
  pasted: string;
  /** Heads the alert of an unreadable log. */
  errorHeading: string;
  error(kind: TrainerLogErrorKind, found: NotPreferenceKind | undefined): string;
  /** Under an error while an older log is still shown. */
  keptLast(name: string): string;
  /** What the log is. */
  aboutHeading: string;
  trainerName: Record<TrainerKind, string>;
  trainer(trainer: TrainerKind, source: 'trl' | 'llamafactory'): string;
  rows(train: number, evalRows: number, first: number, last: number): string;
  logpUnit(unit: 'summed' | 'mean' | 'unknown', basis: LogpUnitBasis): string;
  beta(beta: number | null): string;
  /** The plots: a heading over them all, with what every plot shows (raw rows and their moving mean). */
  plotsHeading: string;
  trainCaption: string;
  /** The part a plot draws ("Training"), in its title and text alternative. */
  trainTitle: string;
  evalTitle: string;
  /** Added to each evaluation plot's caption. */
  evalCaption: string;
  /** One plot per part and metric group (derive/trlLog.ts logMetricGroup): its title, from the part's. */
  plotTitle(part: string, group: LogMetricGroup): string;
  /** What a group's metrics are. */
  groupCaption: Record<LogMetricGroup, string>;
  smoothing: string;
  /** A smoothing choice: a centred moving mean over `rows` rows (1: none). */
  smoothingRows(rows: number): string;
  /** Legend entries. */
  raw(trainer: string): string;
  smoothed(trainer: string): string;
  /** The figure's text alternative. */
  summary(
    part: string,
    trainer: string,
    values: { metric: string; value: number }[],
    logAxes: string[],
  ): string;
  /** What this run shows. */
  findingsHeading: string;
  noFindings: string;
  /** Where a finding holds, in brackets (the language's own): "(steps 100–370)". */
  steps(from: number, to: number): string;
  /** One line: what holds. */
  findingTitle(f: Finding): string;
  /** The numbers and a plain explanation of why. */
  findingText(f: Finding): string;
  /** The words of the link to the toy or lesson step showing the same effect (derive/trlLog.ts FINDING_LINKS). */
  findingLink: Record<Exclude<FindingId, 'accuracy-granularity'>, string>;
  divergeCause: Record<DivergeCause, string>;
}
