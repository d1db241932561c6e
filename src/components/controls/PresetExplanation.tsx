// The explanation of a scenario in the preset menu (PresetMenu.tsx), with the facts it states computed
// from the state it describes (derive/scenarioFacts.ts): a chunk of its own, needed once a scenario shows.
import { useDeferredValue } from 'react';
import type { ScenarioId } from '../../math/index.ts';
import { baseState } from '../../state/urlCodec.ts';
import { pickFields } from '../../state/pickFields.ts';
import { computeTrainingRuns } from '../../derive/toy.ts';
import { SCENARIO_FIELDS, scenarioExplanation, type ScenarioFields } from '../../derive/scenarioFacts.ts';
import type { PresetStrings } from '../../i18n/types/presets.ts';
import { useStore } from '../storeContext.tsx';
import { useToyFields } from '../views/useToyRuns.ts';

/**
 * Scenario `id`'s explanation: about the state on screen (`fields`, the toy views' deferred fields and
 * compare choice, so its numbers are the ones they draw, the compared run's from their memo) when it is the
 * loaded one; about its own state, the one loading it would show, when it is only browsed in the menu
 * (trained apart, so that browsing never evicts the views' memoised runs).
 */
function explain(text: PresetStrings, id: ScenarioId, loaded: string, fields: ScenarioFields): string {
  if (id === loaded) return scenarioExplanation(text, id, fields);
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
  // Deferred like the views' (useCompareRuns), so the explanation and the dashed run change together.
  const compare = useDeferredValue(useStore((st) => st.compare));
  return <>{explain(text, id, loaded, { ...toy, compare })}</>;
}
