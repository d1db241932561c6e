// The time cursor and the runs it indexes into, for the views that show step t of each loss's own run.
import { useMemo } from 'react';
import { compareOf, compareRunsOf } from '../../derive/compare.ts';
import { trainingRunsOf } from '../../derive/toy.ts';
import type { TrainingRunInput } from '../../derive/types.ts';
import { useViewStore } from '../storeContext.tsx';
import { useToyFields } from './useToyRuns.ts';

const NO_RUNS: readonly TrainingRunInput[] = [];

/**
 * The cursor `t` and the toy's runs (deferred, like every toy view's). At t = 0 the pair views show the start
 * pair, which needs no run: nothing is trained for them then (an embedded loss view stays as cheap as before).
 */
export function useCursorRuns(): { t: number; runs: readonly TrainingRunInput[] } {
  const t = useViewStore((st) => st.t);
  const fields = useToyFields();
  const needed = t > 0;
  const runs = useMemo(() => (needed ? trainingRunsOf(fields).runs : NO_RUNS), [needed, fields]);
  return { t, runs };
}

/**
 * The compared run's training (vs=…) for its dots at the cursor in the pair views: none at t = 0 (its dots
 * are then at its own start pair) or without a comparison.
 */
export function useCompareCursorRuns(): readonly TrainingRunInput[] {
  const t = useViewStore((st) => st.t);
  const fields = useToyFields();
  const compare = useViewStore((st) => st.compare);
  const needed = t > 0;
  return useMemo(() => {
    if (!needed) return NO_RUNS;
    const c = compareOf({ ...fields, compare });
    return c.status === 'on' ? compareRunsOf(c.state).runs : NO_RUNS;
  }, [needed, fields, compare]);
}
