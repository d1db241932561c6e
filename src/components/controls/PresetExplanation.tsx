// The explanation of a scenario in the preset menu (PresetMenu.tsx), with the facts it states computed
// from the state it describes (derive/scenarioFacts.ts): a chunk of its own, needed once a scenario shows.
import { useMemo } from 'react';
import type { ScenarioId } from '../../math/index.ts';
import { baseState } from '../../state/urlCodec.ts';
import { pickFields } from '../../state/pickFields.ts';
import { computeTrainingRuns, type ToyRuns } from '../../derive/toy.ts';
import { compareOf } from '../../derive/compare.ts';
import { SCENARIO_FIELDS, scenarioExplanation, type ScenarioFields } from '../../derive/scenarioFacts.ts';
import type { PresetStrings } from '../../i18n/types/presets.ts';
import { useViewStore } from '../storeContext.tsx';
import { useRunsOf, useToyFields, useTrainingPending } from '../views/useToyRuns.ts';

/**
 * Scenario `id`'s explanation: about the state on screen (`fields`, the toy views' fields and compare choice,
 * so its numbers are the ones they draw, the compared run's from their memo) when it is the loaded one;
 * about its own state, the one loading it would show, when it is only browsed in the menu (trained apart,
 * so that browsing never evicts the views' memoised runs).
 */
function explain(
  text: PresetStrings,
  id: ScenarioId,
  loaded: string,
  fields: ScenarioFields,
  runs: ToyRuns | null,
): string {
  if (id === loaded && runs) return scenarioExplanation(text, id, fields, runs);
  const own: ScenarioFields = pickFields(baseState(id), SCENARIO_FIELDS);
  return scenarioExplanation(text, id, own, computeTrainingRuns(own), computeTrainingRuns);
}

export function PresetExplanation({
  text,
  id,
  loaded,
}: {
  text: PresetStrings;
  id: ScenarioId;
  /** The scenario last loaded (the store's `preset`). */
  loaded: string;
}) {
  const toy = useToyFields();
  // From the paced mirror like the views' (useViewStore), so the explanation and the dashed run change together.
  const compare = useViewStore((st) => st.compare);
  // The loaded scenario's explanation reads the views' runs (and the compared run's): while a heavy training
  // of either is under way it says so instead of speaking of older runs.
  const aboutState = id === loaded;
  const runs = useRunsOf('main', aboutState ? toy : null);
  const vs = useMemo(() => compareOf({ ...toy, compare }), [toy, compare]);
  const vsRuns = useRunsOf('compare', aboutState && vs.status === 'on' ? vs.state : null);
  const pendingNote = useTrainingPending(toy);
  const pending = aboutState && (runs === null || (vs.status === 'on' && vsRuns === null));
  return <>{pending ? pendingNote : explain(text, id, loaded, { ...toy, compare }, runs)}</>;
}
