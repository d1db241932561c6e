// The app downloads one language table: the one the page shows (the link's `lang`, else the browser's).
// Each table is its own chunk, fetched when first needed; languages.ts (every table at once) is for tests
// and tools.
import type { LangCode } from '../state/appState.ts';
import type { LanguageTable } from './types/language.ts';

export const LANGUAGE_LOADERS: Readonly<Record<LangCode, () => Promise<LanguageTable>>> = {
  en: () => import('./en/index.ts').then((m) => m.EN),
  zh: () => import('./zh/index.ts').then((m) => m.ZH),
};
