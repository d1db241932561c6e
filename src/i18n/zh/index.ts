// Every visible string of the app in Simplified Chinese: one table, grouped by the part that shows it.
import type { LanguageTable } from '../types/language.ts';
import { LANGUAGE_NAMES } from '../languageNames.ts';
import { ZH_LOSSES } from './losses.ts';
import { ZH_CONTROLS } from './controls.ts';
import { ZH_READOUT } from './readout.ts';
import { ZH_SHELL } from './shell.ts';
import { ZH_VIEWS } from './views.ts';
import { ZH_TRL } from './trl.ts';
import { ZH_FIGURES } from './figures.ts';
import { ZH_PRESETS } from './presets.ts';
import { ZH_TIME_CURSOR } from './timeCursor.ts';
import { ZH_COMPARE } from './compare.ts';
import { ZH_THUMBS } from './thumbs.ts';
import { ZH_LESSON_UI } from './lessonUi.ts';
import { ZH_LESSONS } from './lessons/index.ts';
import { ZH_CUSTOM_LESSON } from './customLesson.ts';
import { ZH_TRL_LOG } from './trlLog.ts';

export const ZH: LanguageTable = {
  ...LANGUAGE_NAMES.zh,
  losses: ZH_LOSSES,
  controls: ZH_CONTROLS,
  readout: ZH_READOUT,
  shell: ZH_SHELL,
  views: ZH_VIEWS,
  trl: ZH_TRL,
  figures: ZH_FIGURES,
  presets: ZH_PRESETS,
  timeCursor: ZH_TIME_CURSOR,
  compare: ZH_COMPARE,
  thumbs: ZH_THUMBS,
  lessonUi: ZH_LESSON_UI,
  lessons: ZH_LESSONS,
  customLesson: ZH_CUSTOM_LESSON,
  trlLog: ZH_TRL_LOG,
};
