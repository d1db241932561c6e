// The toy training runs for the current state, shared by views 3, 5 and 6 (one computation per change).
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { pickToyFields, trainingRunsOf, type ToyFields, type ToyRuns } from '../../state/derive/toy.ts';
import { useStore } from '../storeContext.tsx';

export function useToyFields(): ToyFields {
  return useStore(useShallow(pickToyFields));
}

export function useToyRuns(fields: ToyFields): ToyRuns {
  return useMemo(() => trainingRunsOf(fields), [fields]);
}
