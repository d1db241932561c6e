// Each language's tag and own name: small and always loaded, so the language menu lists every language
// while only the chosen language's table (loadLanguage.ts) is downloaded.
import type { LangCode } from '../state/appState.ts';

export interface LanguageName {
  /** The BCP 47 tag for <html lang>. */
  tag: string;
  /** The language's own name, for the language menu ('English', '中文'): the same in every language. */
  name: string;
}

export const LANGUAGE_NAMES: Readonly<Record<LangCode, LanguageName>> = {
  en: { tag: 'en', name: 'English' },
  zh: { tag: 'zh-CN', name: '中文' },
};
