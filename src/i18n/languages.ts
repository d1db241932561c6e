// The languages of the app: one table per language (src/i18n/<code>/), each with every visible string. Its
// shape is types/language.ts; components get the current language's table from useStrings(). This module
// holds every table at once, for tests and tools; the app downloads only the one it shows (loadLanguage.ts).
import type { LangCode } from '../state/appState.ts';
import type { LanguageTable } from './types/language.ts';
import { EN } from './en/index.ts';
import { ZH } from './zh/index.ts';

export type { LanguageTable };

export const LANGUAGES: Record<LangCode, LanguageTable> = { en: EN, zh: ZH };
