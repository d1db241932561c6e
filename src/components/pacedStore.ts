// What shows the model (views, readout, texts with numbers) reads the state through a paced mirror of the
// store (issue 11). An input's handler updates the store and re-renders only the control that changed; the
// mirror takes the newest state in a task after that frame is painted, so the slider answers at the frame
// rate and every view re-renders once for the newest state, never once per queued input. Unlike React's
// useDeferredValue, whose background render restarts on every newer input (during a fast drag the plots
// would not move until the drag stops), a mirrored render always finishes: plots follow the drag at the
// rate the machine can draw them. Every reader of the mirror switches in the same render, so what shows
// the model never mixes two states.
import type { StoreApi } from 'zustand';

type Listener<T> = (state: T, previous: T) => void;

/** A read-only store showing `source`'s state one painted frame after each change (newest state wins). */
export function pacedMirror<T>(source: StoreApi<T>): StoreApi<T> {
  // null while in step with the source (no change since the last flush): reads go straight through.
  let pinned: T | null = null;
  let scheduled = false;
  const listeners = new Set<Listener<T>>();

  const flush = () => {
    scheduled = false;
    const previous = pinned;
    pinned = null;
    const next = source.getState();
    if (previous === null || previous === next) return;
    for (const l of listeners) l(next, previous);
  };

  // After the frame that shows the input: a task queued from an animation frame runs after its paint.
  // Hidden pages get no animation frames: a plain task then.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    const visible = typeof document === 'undefined' || document.visibilityState !== 'hidden';
    if (typeof requestAnimationFrame === 'function' && visible)
      requestAnimationFrame(() => setTimeout(flush, 0));
    else setTimeout(flush, 0);
  };

  source.subscribe((_state, previous) => {
    if (pinned === null) pinned = previous;
    schedule();
  });

  const getState = () => pinned ?? source.getState();
  return {
    getState,
    getInitialState: getState,
    setState: () => {
      throw new Error('the paced mirror is read-only: write to the store');
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
