// Which store the components talk to. The app uses the global useAppStore; a test wraps its tree in a
// StoreProvider with its own createAppStore(), so tests never share state.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore as useZustandStore, type StoreApi } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, type AppStore, type StoreState } from '../state/store.ts';
import type { AppState } from '../state/appState.ts';
import { pickFields } from '../state/pickFields.ts';
import { pacedMirror } from './pacedStore.ts';

const StoreContext = createContext<AppStore>(useAppStore);
/** What the views read: the app store's paced mirror (pacedStore.ts). */
const ViewStoreContext = createContext<StoreApi<StoreState>>(pacedMirror(useAppStore));

/**
 * A test's own store. Its views read it directly (no pacing): a test that changes the state sees every view
 * follow within the same act(); the paced mirror has its own tests and the browser tests run the real app.
 */
export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return (
    <StoreContext value={store}>
      <ViewStoreContext value={store}>{children}</ViewStoreContext>
    </StoreContext>
  );
}

/** The store itself, for writing: `useStoreApi().getState().update({...})` (no re-render on reads). */
export function useStoreApi(): AppStore {
  return useContext(StoreContext);
}

/**
 * One slice of the state. Keep selectors narrow (`s => s.beta`) so a component re-renders only when its
 * field changes; wrap selectors that build arrays or objects in zustand's useShallow.
 */
export function useStore<T>(selector: (state: StoreState) => T): T {
  return useZustandStore(useStoreApi(), selector);
}

/**
 * The fields `keys` (an `as const` list) of the state as one object typed by the list, re-rendering only when
 * one of them changes.
 */
export function useStoreFields<const K extends readonly (keyof AppState)[]>(
  keys: K,
): Pick<AppState, K[number]> {
  return useStore(useShallow((s) => pickFields(s, keys)));
}

/**
 * A slice of the state for what shows the model (the views, the readout, texts with numbers), from the
 * paced mirror: it follows the store one painted frame after an input, once for the newest state
 * (pacedStore.ts), so a drag's own frame is the slider's and the views re-render at the rate they can be
 * drawn. Every reader switches in the same render: what shows the model never mixes two states.
 */
export function useViewStore<T>(selector: (state: StoreState) => T): T {
  return useZustandStore(useContext(ViewStoreContext), selector);
}

/** useStoreFields, from the paced mirror like useViewStore. */
export function useViewStoreFields<const K extends readonly (keyof AppState)[]>(
  keys: K,
): Pick<AppState, K[number]> {
  return useViewStore(useShallow((s) => pickFields(s, keys)));
}
