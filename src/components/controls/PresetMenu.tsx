// Scenarios: a <select> to browse them (the explanation of the selected one shows below, announced politely)
// and a Load button to apply it. Loading on selection alone would rewrite every control while a keyboard
// user is still arrowing through the list.
import { useId, useMemo, useState } from 'react';
import { useStrings } from '../strings.tsx';
import { useViewStore } from '../storeContext.tsx';
import { useRunsOf, useToyFields, useTrainingPending } from '../views/useToyRuns.ts';
import { pickAppState } from '../../state/store.ts';
import { presetChanges } from '../../state/presetChanges.ts';
import { PARAM_TABLE } from '../../state/urlParams.ts';
import { baseState } from '../../state/urlCodec.ts';
import { pickFields } from '../../state/pickFields.ts';
import { isScenarioId, type ScenarioId } from '../../math/index.ts';
import { computeTrainingRuns, type ToyRuns } from '../../derive/toy.ts';
import { compareOf } from '../../derive/compare.ts';
import { SCENARIO_FIELDS, scenarioExplanation, type ScenarioFields } from '../../derive/scenarioFacts.ts';
import type { PresetStrings } from '../../i18n/types/presets.ts';

export interface PresetMenuProps {
  /** The scenarios offered, by id; their titles and explanations are the language table's `presets`. */
  ids: readonly string[];
  onLoad: (id: string) => void;
}

/**
 * Scenario `id`'s explanation: about the state on screen (`fields`, the toy views' deferred fields and
 * compare choice, so its numbers are the ones they draw, the compared run's from their memo) when it is the
 * loaded one; about its own state, the one loading it would show, when it is only browsed in the menu
 * (trained apart, so that browsing never evicts the views' memoised runs).
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

export function PresetMenu({ ids, onLoad }: PresetMenuProps) {
  const { controls: s, presets: text } = useStrings();
  const id = useId();
  // The store remembers the preset last loaded, so a shared link opens with its explanation showing.
  const loaded = useViewStore((st) => st.preset);
  // A choice belongs to the loaded preset it was made against; loading another one (here or by a link) wins.
  const [choice, setChoice] = useState<{ id: string; base: string } | null>(null);
  const selected = choice && choice.base === loaded ? choice.id : loaded;
  const presets = ids.filter(isScenarioId).map((presetId) => ({ id: presetId, title: text[presetId].title }));
  const preset = presets.find((p) => p.id === selected);
  const toy = useToyFields();
  // From the paced mirror like the views' (useViewStore), so the explanation and the dashed run change together.
  const compare = useViewStore((st) => st.compare);
  // The loaded scenario's explanation reads the views' runs (and the compared run's): while a heavy training
  // of either is under way it says so instead of speaking of older runs.
  const aboutState = preset !== undefined && preset.id === loaded;
  const runs = useRunsOf('main', aboutState ? toy : null);
  const vs = useMemo(() => compareOf({ ...toy, compare }), [toy, compare]);
  const vsRuns = useRunsOf('compare', aboutState && vs.status === 'on' ? vs.state : null);
  const pendingNote = useTrainingPending(toy);
  const explanation = !preset
    ? ''
    : aboutState && (runs === null || (vs.status === 'on' && vsRuns === null))
      ? pendingNote
      : explain(text, preset.id, loaded, { ...toy, compare }, runs);
  // The settings of the loaded scenario edited since (by their link keys; z0's value goes under `z0`).
  const changed = useViewStore((st) =>
    [...new Set(presetChanges(pickAppState(st)).map((f) => PARAM_TABLE[f].key ?? 'z0'))].join(', '),
  );
  const stale = preset !== undefined && preset.id === loaded && changed !== '';

  return (
    <div className="preset-menu">
      <label htmlFor={`${id}-select`}>{s.presetMenu.label}</label>
      <div className="preset-row">
        <select
          id={`${id}-select`}
          value={preset ? preset.id : ''}
          aria-describedby={`${id}-explanation`}
          onChange={(e) => setChoice({ id: e.currentTarget.value, base: loaded })}
        >
          <option value="">{s.presetMenu.none}</option>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
        <button type="button" disabled={!preset} onClick={() => preset && onLoad(preset.id)}>
          {s.presetMenu.load}
        </button>
      </div>
      {stale ? (
        <div id={`${id}-explanation`} className="preset-explanation" aria-live="polite">
          <p className="preset-changed" role="status">
            {s.presetMenu.changed(preset.title, changed)}
          </p>
          <details>
            <summary>{s.presetMenu.staleExplanation}</summary>
            <p>{explanation}</p>
          </details>
        </div>
      ) : (
        <p id={`${id}-explanation`} className="preset-explanation" aria-live="polite">
          {preset ? explanation : s.presetMenu.hint}
        </p>
      )}
    </div>
  );
}
