// Which store the components talk to. The app uses the global useAppStore; a test wraps its tree in a
// StoreProvider with its own createAppStore(), so tests never share state.
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useStore as useZustandStore, type StoreApi } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, type AppStore, type StoreState } from '../state/store.ts';
import type { AppState } from '../state/appState.ts';
import { pickFields } from '../state/pickFields.ts';
import { pacedMirror } from './pacedStore.ts';
import { gatedStore } from './gatedStore.ts';
import { isMoving, subscribeAdjusting } from './adjusting.ts';

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

/**
 * The views inside read the state through a gate (gatedStore.ts): held while a slider is dragged or a time
 * cursor plays (adjusting.ts isMoving) and none of
 * `children`'s elements is on screen (or near it), passed on when the drag ends or one comes into view. The
 * wrapper is `display: contents`, so grids and flows lay out the children as if it were not there.
 */
export function OffScreenGate({ children }: { children: ReactNode }) {
  const parent = useContext(ViewStoreContext);
  const gate = useMemo(() => gatedStore(parent), [parent]);
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = wrapper.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const visible = new Set<Element>();
    const update = () => gate.hold(isMoving() && visible.size === 0);
    // A quarter screen of look-ahead: a part scrolled towards during a drag has caught up when it shows.
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (e.isIntersecting) visible.add(e.target);
          else visible.delete(e.target);
        }
        update();
      },
      { rootMargin: '25% 0px' },
    );
    // The children change (a placeholder gives way to the part): observe whichever are there.
    const observeChildren = () => {
      io.disconnect();
      visible.clear();
      for (const child of el.children) io.observe(child);
    };
    observeChildren();
    const mo = new MutationObserver(observeChildren);
    mo.observe(el, { childList: true });
    const stop = subscribeAdjusting(update);
    return () => {
      stop();
      mo.disconnect();
      io.disconnect();
      gate.hold(false);
    };
  }, [gate]);
  return (
    <div ref={wrapper} className="off-screen-gate">
      <ViewStoreContext value={gate.store}>{children}</ViewStoreContext>
    </div>
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
