// One table per language: every visible string of the app, grouped by the part that shows it.
import type { LangCode } from '../state/appState.ts';
import type { FigureStrings } from '../figures/strings.ts';
import { EN_FIGURE_STRINGS } from '../figures/strings.en.ts';
import type { UiStrings } from './uiStrings.ts';
import type { AppStrings } from './appStrings.ts';
import { EN_UI } from './ui.en.ts';
import { EN_APP } from './app.en.ts';

export interface LanguageTable {
  /** The BCP 47 tag for <html lang>. */
  tag: string;
  ui: UiStrings;
  app: AppStrings;
  figures: FigureStrings;
}

export const LANGUAGES: Record<LangCode, LanguageTable> = {
  en: { tag: 'en', ui: EN_UI, app: EN_APP, figures: EN_FIGURE_STRINGS },
  zh: { tag: 'en', ui: EN_UI, app: EN_APP, figures: EN_FIGURE_STRINGS },
};
