// The time cursor and the runs it indexes into, for the views that show step t of each loss's own run.
import { useMemo } from 'react';
import { trainingRunsOf } from '../../derive/toy.ts';
import type { TrainingRunInput } from '../../derive/types.ts';
import { useStore } from '../storeContext.tsx';
import { useToyFields } from './useToyRuns.ts';

const NO_RUNS: readonly TrainingRunInput[] = [];

/**
 * The cursor `t` and the toy's runs (deferred, like every toy view's). At t = 0 the pair views show the start
 * pair, which needs no run: nothing is trained for them then (an embedded loss view stays as cheap as before).
 */
export function useCursorRuns(): { t: number; runs: readonly TrainingRunInput[] } {
  const t = useStore((st) => st.t);
  const fields = useToyFields();
  const needed = t > 0;
  const runs = useMemo(() => (needed ? trainingRunsOf(fields).runs : NO_RUNS), [needed, fields]);
  return { t, runs };
}
