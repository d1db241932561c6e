// One language: every visible string of the app, in one table grouped by the part that shows it. Each part's
// shape is in this folder; each language fills them all in its own folder (../en, ../zh).
import type { LanguageName } from '../languageNames.ts';
import type { LossNames } from './losses.ts';
import type { ControlStrings } from './controls.ts';
import type { ReadoutStrings } from './readout.ts';
import type { ShellStrings } from './shell.ts';
import type { ViewStrings } from './views.ts';
import type { TrlSnippetStrings } from './trl.ts';
import type { FigureStrings } from './figures.ts';
import type { PresetStrings } from './presets.ts';
import type { TimeCursorStrings } from './timeCursor.ts';
import type { CompareStrings } from './compare.ts';
import type { ThumbsStrings } from './thumbs.ts';
import type { LessonUiStrings } from './lessonUi.ts';
import type { LessonTexts } from './lessons.ts';
import type { CustomLessonStrings } from './customLesson.ts';
import type { TrlLogStrings } from './trlLog.ts';

/** `tag` and `name`: the language's entry in LANGUAGE_NAMES (../languageNames.ts). */
export interface LanguageTable extends LanguageName {
  /** The one loss-name table: each loss's name, short label and note. */
  losses: LossNames;
  /** The controls panel. */
  controls: ControlStrings;
  /** The pair readout and the TRL metrics tables. */
  readout: ReadoutStrings;
  /** Header, footer, link notices, theme and language menus, the Share dialog. */
  shell: ShellStrings;
  /** The views around their plots: headings, captions, export menu, zoom, warnings. */
  views: ViewStrings;
  /** The "Use in TRL" panel and its snippet's comments. */
  trl: TrlSnippetStrings;
  /** Everything drawn in or said by the plots (legends, axes, notes, text alternatives). */
  figures: FigureStrings;
  /** Scenario titles and explanations by scenario id (every id in TOY_SCENARIOS). */
  presets: PresetStrings;
  /** The time cursor (the training step every view shows) and what the numbers say about their step. */
  timeCursor: TimeCursorStrings;
  /** "Compare two runs": its control, the runs' names, the table of both runs. */
  compare: CompareStrings;
  /** The loss, gradient and plane views, the readout and the TRL code under thumbs-down data (no pair). */
  thumbs: ThumbsStrings;
  /** The lesson player: menu, navigation, questions. */
  lessonUi: LessonUiStrings;
  /** Every lesson's words (titles, steps, questions), by lesson id. */
  lessons: LessonTexts;
  /** An instructor's own lesson: the file loader, its problems, the link helper. */
  customLesson: CustomLessonStrings;
  /** "Your TRL log": reading a training log, its plots and what the run shows. */
  trlLog: TrlLogStrings;
}
