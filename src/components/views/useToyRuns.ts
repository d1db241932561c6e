// The toy training runs for the current state, shared by the training, plane and simplex views (one
// computation per change).
import { useMemo } from 'react';
import { TOY_FIELDS, trainingRunsOf, type ToyFields, type ToyRuns } from '../../derive/toy.ts';
import { useViewStoreFields } from '../storeContext.tsx';

/**
 * The toy's fields, deferred (useViewStore): every view re-renders in a background, interruptible render
 * after the urgent one (the slider and its number), so dragging a control never waits for four views'
 * retraining and figure building; a newer drag step abandons a stale one.
 */
export function useToyFields(): ToyFields {
  return useViewStoreFields(TOY_FIELDS);
}

export function useToyRuns(fields: ToyFields): ToyRuns {
  return useMemo(() => trainingRunsOf(fields), [fields]);
}
