// TRL's loss list beside every pair loss (loss_type=[<loss>, …], loss_weights=[1, …]): each further term a
// weight box and a remove button, and a select of the losses not yet listed with an add button. The state
// (extraTerms, URL `plus=`) holds the list; the sanitiser keeps it to whitelisted types, each once.
import { useId, useState } from 'react';
import { EXTRA_TERM_TYPES, type ExtraTerm, type PairLossType } from '../../math/index.ts';
import { usePlainStrings } from '../strings.tsx';
import { useStore } from '../storeContext.tsx';
import { NumberField } from './NumberField.tsx';
import { termWeightRange } from './paramRange.ts';

/** TRL's default weight for a listed loss (loss_weights=None: 1.0 each). */
const NEW_TERM_WEIGHT = 1;

export function ExtraTermsControls() {
  // The plain table: a term is named by its own loss's label, not the list-decorated one.
  const strings = usePlainStrings();
  const s = strings.controls.extraTerms;
  const terms = useStore((st) => st.extraTerms);
  const update = useStore((st) => st.update);
  const [picked, setPicked] = useState<PairLossType | ''>('');
  const id = useId();
  const free = EXTRA_TERM_TYPES.filter((type) => !terms.some((t) => t.type === type));
  const chosen = picked !== '' && free.includes(picked) ? picked : free[0];
  const { scale, round, ...range } = termWeightRange();
  const set = (next: ExtraTerm[]) => update({ extraTerms: next });
  return (
    <fieldset className="subgroup" aria-describedby={`${id}-help`}>
      <legend>{s.label}</legend>
      {terms.map((term, i) => {
        const name = strings.losses[term.type].label;
        return (
          <div key={term.type} className="extra-term">
            <NumberField
              {...range}
              label={s.weightLabel(name)}
              value={term.weight}
              round={round}
              slider={{ min: range.min, max: range.max, scale, step: 0.05 }}
              onCommit={(weight) => set(terms.map((t, j) => (j === i ? { ...t, weight } : t)))}
            />
            <button type="button" onClick={() => set(terms.filter((_, j) => j !== i))}>
              {s.remove(name)}
            </button>
          </div>
        );
      })}
      {chosen !== undefined && (
        <div className="field extra-term-add">
          <label htmlFor={`${id}-type`}>{s.typeLabel}</label>
          <select
            id={`${id}-type`}
            value={chosen}
            onChange={(e) => setPicked(e.currentTarget.value as PairLossType)}
          >
            {free.map((type) => (
              // One text node: an <option> cannot hold a translate="no" span for TRL's loss_type name.
              <option key={type} value={type}>
                {`${strings.losses[type].name} (${type})`}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => set([...terms, { type: chosen, weight: NEW_TERM_WEIGHT }])}>
            {s.add}
          </button>
        </div>
      )}
      <p id={`${id}-help`} className="field-help">
        {s.help}
      </p>
    </fieldset>
  );
}
