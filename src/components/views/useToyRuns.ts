// The toy training runs for the current state, shared by the training, plane and simplex views (one
// computation per change).
import { useDeferredValue, useMemo } from 'react';
import { TOY_FIELDS, trainingRunsOf, type ToyFields, type ToyRuns } from '../../derive/toy.ts';
import { useStoreFields } from '../storeContext.tsx';

/**
 * The toy's fields, deferred: the toy views (training, sweeps, plane, simplex) re-render in a background,
 * interruptible render after the urgent one (slider, numbers, pair plots), so dragging a control never
 * waits for four views' retraining and figure building; a newer drag step abandons a stale one.
 */
export function useToyFields(): ToyFields {
  return useDeferredValue(useStoreFields(TOY_FIELDS));
}

export function useToyRuns(fields: ToyFields): ToyRuns {
  return useMemo(() => trainingRunsOf(fields), [fields]);
}
