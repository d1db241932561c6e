// Scenarios: a <select> to browse them (the explanation of the selected one shows below, announced politely)
// and a Load button to apply it. Loading on selection alone would rewrite every control while a keyboard
// user is still arrowing through the list.
import { useId, useState } from 'react';
import { useStrings } from '../strings.tsx';
import { useStore } from '../storeContext.tsx';

export interface PresetMenuProps {
  /** The scenarios offered, by id; their titles and explanations are the language table's `presets`. */
  ids: readonly string[];
  onLoad: (id: string) => void;
}

export function PresetMenu({ ids, onLoad }: PresetMenuProps) {
  const { controls: s, presets: text } = useStrings();
  const id = useId();
  // The store remembers the preset last loaded, so a shared link opens with its explanation showing.
  const loaded = useStore((st) => st.preset);
  // A choice belongs to the loaded preset it was made against; loading another one (here or by a link) wins.
  const [choice, setChoice] = useState<{ id: string; base: string } | null>(null);
  const selected = choice && choice.base === loaded ? choice.id : loaded;
  const presets = ids.map((presetId) => ({ id: presetId, ...text[presetId] }));
  const preset = presets.find((p) => p.id === selected);

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
      <p id={`${id}-explanation`} className="preset-explanation" aria-live="polite">
        {preset ? preset.explanation : s.presetMenu.hint}
      </p>
    </div>
  );
}
