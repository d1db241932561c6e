// One table per language: every visible string of the app, grouped by the part that shows it.
import type { LangCode } from '../state/appState.ts';
import type { FigureStrings } from '../figures/strings.ts';
import { EN_FIGURE_STRINGS } from '../figures/strings.en.ts';
import { ZH_FIGURE_STRINGS } from '../figures/strings.zh.ts';
import type { UiStrings } from './uiStrings.ts';
import type { AppStrings } from './appStrings.ts';
import { EN_UI } from './ui.en.ts';
import { ZH_UI } from './ui.zh.ts';
import { EN_APP } from './app.en.ts';
import { ZH_APP } from './app.zh.ts';
import { EN_PRESETS, type PresetStrings } from './presets.en.ts';
import { ZH_PRESETS } from './presets.zh.ts';

export interface LanguageTable {
  /** The BCP 47 tag for <html lang>. */
  tag: string;
  /** The language's own name, for the language menu ('English', '中文'): the same in every language. */
  name: string;
  ui: UiStrings;
  app: AppStrings;
  figures: FigureStrings;
  /** Scenario titles and explanations by scenario id (every id in TOY_SCENARIOS). */
  presets: PresetStrings;
}

export const LANGUAGES: Record<LangCode, LanguageTable> = {
  en: { tag: 'en', name: 'English', ui: EN_UI, app: EN_APP, figures: EN_FIGURE_STRINGS, presets: EN_PRESETS },
  zh: { tag: 'zh-CN', name: '中文', ui: ZH_UI, app: ZH_APP, figures: ZH_FIGURE_STRINGS, presets: ZH_PRESETS },
};
