// The toy training runs for the current state, shared by views 3, 5 and 6 (one computation per change).
import { useDeferredValue, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { pickToyFields, trainingRunsOf, type ToyFields, type ToyRuns } from '../../state/derive/toy.ts';
import { useStore } from '../storeContext.tsx';

/**
 * The toy's fields, deferred: the toy views (training, sweeps, plane, simplex) re-render in a background,
 * interruptible render after the urgent one (slider, numbers, pair plots), so dragging a control never
 * waits for four views' retraining and figure building; a newer drag step abandons a stale one.
 */
export function useToyFields(): ToyFields {
  return useDeferredValue(useStore(useShallow(pickToyFields)));
}

export function useToyRuns(fields: ToyFields): ToyRuns {
  return useMemo(() => trainingRunsOf(fields), [fields]);
}
