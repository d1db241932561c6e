// Renders a component tree against its own store (never the app's global one), with a user-event session.
import type { ReactElement } from 'react';
import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { StoreProvider } from '../../src/components/storeContext.tsx';
import { createAppStore } from '../../src/state/store.ts';
import type { AppState } from '../../src/state/appState.ts';

// The vitest globals are off, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

export function renderWithStore(ui: ReactElement, patch: Partial<AppState> = {}) {
  const store = createAppStore();
  store.getState().update(patch);
  const user = userEvent.setup();
  const result = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return { store, user, ...result };
}
