// The time cursor and the runs it indexes into, for the views that show step t of each loss's own run.
import { useMemo } from 'react';
import { compareOf } from '../../derive/compare.ts';
import type { TrainingRunInput } from '../../derive/types.ts';
import { useViewStore } from '../storeContext.tsx';
import { useRunsOf, useToyFields } from './useToyRuns.ts';

const NO_RUNS: readonly TrainingRunInput[] = [];

/**
 * The cursor `t` and the toy's runs (deferred, like every toy view's). At t = 0 the pair views show the start
 * pair, which needs no run: nothing is trained for them then (an embedded loss view stays as cheap as before).
 * `runs` is null while a heavy training of the runs needed runs in the background.
 */
export function useCursorRuns(): { t: number; runs: readonly TrainingRunInput[] | null } {
  const t = useViewStore((st) => st.t);
  const fields = useToyFields();
  const needed = t > 0;
  const trained = useRunsOf('main', needed ? fields : null);
  return { t, runs: needed ? (trained?.runs ?? null) : NO_RUNS };
}

/**
 * The compared run's training (vs=…) for its dots at the cursor in the pair views: none at t = 0 (its dots
 * are then at its own start pair) or without a comparison; null while its heavy training runs.
 */
export function useCompareCursorRuns(): readonly TrainingRunInput[] | null {
  const t = useViewStore((st) => st.t);
  const fields = useToyFields();
  const compare = useViewStore((st) => st.compare);
  const needed = t > 0;
  const c = useMemo(() => (needed ? compareOf({ ...fields, compare }) : null), [needed, fields, compare]);
  const state = c && c.status === 'on' ? c.state : null;
  const trained = useRunsOf('compare', state);
  return state === null ? NO_RUNS : (trained?.runs ?? null);
}
