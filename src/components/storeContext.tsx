// Which store the components talk to. The app uses the global useAppStore; a test wraps its tree in a
// StoreProvider with its own createAppStore(), so tests never share state.
import { createContext, useContext, useDeferredValue, type ReactNode } from 'react';
import { useStore as useZustandStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, type AppStore, type StoreState } from '../state/store.ts';
import type { AppState } from '../state/appState.ts';
import { pickFields } from '../state/pickFields.ts';

const StoreContext = createContext<AppStore>(useAppStore);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext value={store}>{children}</StoreContext>;
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
 * A slice of the state for what shows the model (the views, the readout, texts with numbers): deferred. An
 * input's own frame (the slider, its number) is drawn at once, and everything that shows the model follows
 * in one background render, which a newer input replaces instead of queueing behind (issue 11: a drag
 * answers at the frame rate). Every deferred value of one update switches in the same render, so what shows
 * the model never mixes two states.
 */
export function useViewStore<T>(selector: (state: StoreState) => T): T {
  return useDeferredValue(useStore(selector));
}

/** useStoreFields, deferred like useViewStore. */
export function useViewStoreFields<const K extends readonly (keyof AppState)[]>(
  keys: K,
): Pick<AppState, K[number]> {
  return useDeferredValue(useStoreFields(keys));
}
