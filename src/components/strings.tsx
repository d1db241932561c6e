// The one way a component gets its text: useStrings(), the current language's table (the store's `lang`).
// Components never hold English themselves and take no strings as props. A test can swap the tables for a
// pseudo-locale with LanguageTablesProvider, as StoreProvider swaps the store.
//
// The app downloads only the table of the language it shows (i18n/loadLanguage.ts): until it has arrived,
// useStrings() suspends, so the page shows nothing that depends on the language rather than text of another
// language beside it (a Suspense boundary above the app renders nothing meanwhile).
import { createContext, use, useCallback, useContext, type ReactNode } from 'react';
import { LANGUAGE_LOADERS } from '../i18n/loadLanguage.ts';
import type { LanguageTable } from '../i18n/types/language.ts';
import type { LangCode } from '../state/appState.ts';
import { useStore, useViewStore } from './storeContext.tsx';
import { withSftTerm } from '../i18n/withSftTerm.ts';

type LanguageTables = Readonly<Record<LangCode, LanguageTable>>;

/** A table, or the promise of it while it downloads. */
type TableSource = (code: LangCode) => LanguageTable | Promise<LanguageTable>;

const loaded: Partial<Record<LangCode, LanguageTable>> = {};
const loading: Partial<Record<LangCode, Promise<LanguageTable>>> = {};

/**
 * Starts (once) downloading a language's table; resolves when it is ready to be shown without suspending.
 * A failed download is forgotten, so the next render tries again.
 */
export function loadLanguage(code: LangCode): Promise<LanguageTable> {
  const have = loaded[code];
  if (have) return Promise.resolve(have);
  return (loading[code] ??= LANGUAGE_LOADERS[code]().then(
    (table) => (loaded[code] = table),
    (err: unknown) => {
      delete loading[code];
      throw err;
    },
  ));
}

const downloaded: TableSource = (code) => loaded[code] ?? loadLanguage(code);

const LanguageTablesContext = createContext<TableSource>(downloaded);

export function LanguageTablesProvider({
  tables,
  children,
}: {
  tables: LanguageTables;
  children: ReactNode;
}) {
  const source = useCallback((code: LangCode) => tables[code], [tables]);
  return <LanguageTablesContext value={source}>{children}</LanguageTablesContext>;
}

/** Every visible string of the current language, grouped by the part that shows it (i18n/types/language.ts). */
export function useStrings(): LanguageTable {
  const table = usePlainStrings();
  // Loss names carry the SFT term beside them (withSftTerm.ts), as the views show the model: from the mirror.
  // Not while two SFT weights are compared (vs=sft:…): then each run's name says its weight.
  const sftWeight = useViewStore((s) =>
    s.compare.startsWith('sft:') && Number(s.compare.slice(4)) !== s.sftWeight ? 0 : s.sftWeight,
  );
  // The list's further terms are the same for both runs (no compare key changes them).
  const extraTerms = useViewStore((s) => s.extraTerms);
  return withSftTerm(table, sftWeight, extraTerms);
}

/**
 * The current language's table as written, loss names without the loss list beside them: for the controls
 * that name the list's own terms (a term is 'BCO', not 'BCO + 0.2·BCO').
 */
export function usePlainStrings(): LanguageTable {
  const source = useContext(LanguageTablesContext);
  const table = source(useStore((s) => s.lang));
  return table instanceof Promise ? use(table) : table;
}
