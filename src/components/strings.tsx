// The one way a component gets its text: useStrings(), the current language's table (the store's `lang`).
// Components never hold English themselves and take no strings as props. A test can swap the tables for a
// pseudo-locale with LanguageTablesProvider, as StoreProvider swaps the store.
import { createContext, useContext, type ReactNode } from 'react';
import { LANGUAGES, type LanguageTable } from '../i18n/languages.ts';
import type { LangCode } from '../state/appState.ts';
import { useStore } from './storeContext.tsx';

type LanguageTables = Readonly<Record<LangCode, LanguageTable>>;

const LanguageTablesContext = createContext<LanguageTables>(LANGUAGES);

export function LanguageTablesProvider({
  tables,
  children,
}: {
  tables: LanguageTables;
  children: ReactNode;
}) {
  return <LanguageTablesContext value={tables}>{children}</LanguageTablesContext>;
}

/** Every visible string of the current language, grouped by the part that shows it (i18n/types/language.ts). */
export function useStrings(): LanguageTable {
  const tables = useContext(LanguageTablesContext);
  return tables[useStore((s) => s.lang)];
}
