// Scenarios: a <select> to browse them (the explanation of the selected one shows below, announced politely)
// and a Load button to apply it. Loading on selection alone would rewrite every control while a keyboard
// user is still arrowing through the list.
import { Suspense, useId, useState } from 'react';
import { useStrings } from '../strings.tsx';
import { useViewStore } from '../storeContext.tsx';
import { pickAppState } from '../../state/store.ts';
import { presetChanges } from '../../state/presetChanges.ts';
import { PARAM_TABLE } from '../../state/urlParams.ts';
import { isScenarioId } from '../../math/index.ts';
import { lazyPart } from '../lazyPart.tsx';

export interface PresetMenuProps {
  /** The scenarios offered, by id; their titles and explanations are the language table's `presets`. */
  ids: readonly string[];
  onLoad: (id: string) => void;
}

/** The explanation's facts are computed by code of its own, downloaded when a scenario is first shown. */
const LazyPresetExplanation = lazyPart(() =>
  import('./PresetExplanation.tsx').then((m) => m.PresetExplanation),
);

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
  // Nothing until its code is in: never the previous scenario's words under this one's title.
  const explanation = preset && (
    <Suspense fallback={null}>
      <LazyPresetExplanation text={text} id={preset.id} loaded={loaded} />
    </Suspense>
  );
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
