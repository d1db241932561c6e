// Every visible string of the app in English: one table, grouped by the part that shows it.
import type { LanguageTable } from '../types/language.ts';
import { LANGUAGE_NAMES } from '../languageNames.ts';
import { EN_LOSSES } from './losses.ts';
import { EN_CONTROLS } from './controls.ts';
import { EN_READOUT } from './readout.ts';
import { EN_SHELL } from './shell.ts';
import { EN_VIEWS } from './views.ts';
import { EN_TRL } from './trl.ts';
import { EN_FIGURES } from './figures.ts';
import { EN_PRESETS } from './presets.ts';
import { EN_TIME_CURSOR } from './timeCursor.ts';
import { EN_COMPARE } from './compare.ts';
import { EN_THUMBS } from './thumbs.ts';
import { EN_LESSON_UI } from './lessonUi.ts';
import { EN_LESSONS } from './lessons/index.ts';
import { EN_CUSTOM_LESSON } from './customLesson.ts';
import { EN_TRL_LOG } from './trlLog.ts';

export const EN: LanguageTable = {
  ...LANGUAGE_NAMES.en,
  losses: EN_LOSSES,
  controls: EN_CONTROLS,
  readout: EN_READOUT,
  shell: EN_SHELL,
  views: EN_VIEWS,
  trl: EN_TRL,
  figures: EN_FIGURES,
  presets: EN_PRESETS,
  timeCursor: EN_TIME_CURSOR,
  compare: EN_COMPARE,
  thumbs: EN_THUMBS,
  lessonUi: EN_LESSON_UI,
  lessons: EN_LESSONS,
  customLesson: EN_CUSTOM_LESSON,
  trlLog: EN_TRL_LOG,
};
