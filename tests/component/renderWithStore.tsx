// Renders a component tree against its own store (never the app's global one), with a user-event session;
// the components take their strings from the store's language (or from `tables`).
import type { ReactElement } from 'react';
import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { StoreProvider } from '../../src/components/storeContext.tsx';
import { createAppStore } from '../../src/state/store.ts';
import type { AppState, LangCode } from '../../src/state/appState.ts';
import { LanguageTablesProvider } from '../../src/components/strings.tsx';
import type { LanguageTable } from '../../src/i18n/languages.ts';

// The vitest globals are off, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

/** `tables` replaces the language tables (a pseudo-locale: pseudoLocale.ts). */
export function renderWithStore(
  ui: ReactElement,
  patch: Partial<AppState> = {},
  tables?: Record<LangCode, LanguageTable>,
) {
  const store = createAppStore();
  store.getState().update(patch);
  const user = userEvent.setup();
  const tree = tables ? <LanguageTablesProvider tables={tables}>{ui}</LanguageTablesProvider> : ui;
  const result = render(<StoreProvider store={store}>{tree}</StoreProvider>);
  return { store, user, ...result };
}
