// The toy training runs for the current state, shared by the training, plane and simplex views (one
// computation per change). A heavy state (derive/toy.ts isHeavyTraining) trains in a worker
// (workers/heavyRuns.ts): until its runs arrive, the hooks here say so (null) and every part that needs them
// shows the "training…" note instead, never the previous state's runs beside the new settings.
import { useEffect, useSyncExternalStore } from 'react';
import { compareRunsOf } from '../../derive/compare.ts';
import {
  isHeavyTraining,
  TOY_FIELDS,
  trainingRunsOf,
  trainingSizeOf,
  type ToyFields,
  type ToyRuns,
} from '../../derive/toy.ts';
import { useViewStoreFields } from '../storeContext.tsx';
import { useStrings } from '../strings.tsx';
import {
  heavyRunsOf,
  heavyRunsVersion,
  requestHeavyRuns,
  subscribeHeavyRuns,
  type RunsSlot,
} from '../workers/heavyRuns.ts';

/**
 * The toy's fields, from the paced mirror (useViewStore) like everything that shows the model: a drag's
 * input frame never waits for four views' retraining and figure building.
 */
export function useToyFields(): ToyFields {
  return useViewStoreFields(TOY_FIELDS);
}

const IN_PLACE = { main: trainingRunsOf, compare: compareRunsOf } as const;

/**
 * The runs of `fields` in `slot` (the main run's or the compared run's): trained in place when light, from
 * the worker when heavy; null while a heavy training is under way (and when `fields` is null).
 */
export function useRunsOf(slot: RunsSlot, fields: ToyFields | null): ToyRuns | null {
  // Re-renders when a result arrives; what is read below are one-entry memos (the same object while the
  // fields are the same), so no memo is needed here.
  useSyncExternalStore(subscribeHeavyRuns, heavyRunsVersion, heavyRunsVersion);
  const heavy = fields !== null && isHeavyTraining(fields);
  useEffect(() => {
    if (fields !== null && heavy) requestHeavyRuns(slot, fields);
  }, [slot, fields, heavy]);
  if (fields === null) return null;
  if (!heavy) return IN_PLACE[slot](fields);
  const ready = heavyRunsOf(slot, fields);
  // null: the worker's training threw; training in place throws the same error into the view's boundary.
  return ready === null ? IN_PLACE[slot](fields) : (ready ?? null);
}

/** The main run's training for `fields`; null while a heavy one is under way. */
export function useToyRuns(fields: ToyFields): ToyRuns | null {
  return useRunsOf('main', fields);
}

/** The note shown in place of what needs the runs while they train: "Training… (K × N steps × L losses)". */
export function useTrainingPending(fields: ToyFields): string {
  return useStrings().views.trainingPending(trainingSizeOf(fields));
}
