// A view that nobody can see need not follow a drag (issue 11). Each part of the page below the first views
// (App.tsx, pageParts.tsx Placeholder) reads the paced mirror through a gate: while a slider is being dragged
// (adjusting.ts) and the part is off screen, the gate holds the state it last passed on, so the part does not
// re-render, re-derive or rebuild its figures on every move; when the drag ends or the part comes on screen
// the gate passes on the newest state at once. At rest every gate is open: text off screen (find in page, a
// screen reader, a test reading it) is never stale once the drag has ended.
import type { StoreApi } from 'zustand';

type Listener<T> = (state: T, previous: T) => void;

export interface Gate<T> {
  store: StoreApi<T>;
  /** Holds (true) or passes on (false) the source's changes; opening passes on a change held meanwhile. */
  hold: (held: boolean) => void;
}

export function gatedStore<T>(source: StoreApi<T>): Gate<T> {
  // The state passed on last, while held; null while open (reads go straight through).
  let held: T | null = null;
  const listeners = new Set<Listener<T>>();
  const emit = (next: T, previous: T) => {
    for (const l of listeners) l(next, previous);
  };
  let unsubscribe: (() => void) | null = null;
  const follow = () => {
    unsubscribe ??= source.subscribe((next, previous) => {
      if (held === null) emit(next, previous);
    });
  };
  const getState = () => held ?? source.getState();
  return {
    store: {
      getState,
      getInitialState: getState,
      setState: () => {
        throw new Error('a gated store is read-only: write to the store');
      },
      subscribe: (listener) => {
        follow();
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
          if (listeners.size === 0) {
            unsubscribe?.();
            unsubscribe = null;
          }
        };
      },
    },
    hold: (next) => {
      if (next) {
        held ??= source.getState();
        return;
      }
      if (held === null) return;
      const previous = held;
      held = null;
      const now = source.getState();
      if (now !== previous) emit(now, previous);
    },
  };
}
