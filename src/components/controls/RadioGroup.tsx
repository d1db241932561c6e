// A <fieldset> of radio buttons for a small enum in the store (IPO normalisation, features, optimiser, z0),
// and the same bound to its store field.
import { useId } from 'react';
import type { AppState, ChoiceField } from '../../state/appState.ts';
import { useStore, useStoreApi } from '../storeContext.tsx';

export interface RadioOption<T extends string> {
  value: T;
  label: string;
  help?: string;
}

export interface RadioGroupProps<T extends string> {
  legend: string;
  value: T;
  options: readonly RadioOption<T>[];
  onChange: (value: T) => void;
}

export function RadioGroup<T extends string>({ legend, value, options, onChange }: RadioGroupProps<T>) {
  const name = useId();
  return (
    <fieldset className="radio-group">
      <legend>{legend}</legend>
      {options.map((o) => {
        const id = `${name}-${o.value}`;
        return (
          <div key={o.value} className="radio-option">
            <input
              type="radio"
              id={id}
              name={name}
              value={o.value}
              checked={value === o.value}
              aria-describedby={o.help ? `${id}-help` : undefined}
              onChange={() => onChange(o.value)}
            />
            <label htmlFor={id}>{o.label}</label>
            {o.help && (
              <span id={`${id}-help`} className="field-help">
                {o.help}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

export interface StoreRadioGroupProps<F extends ChoiceField> {
  field: F;
  legend: string;
  options: readonly RadioOption<AppState[F]>[];
}

/** A RadioGroup bound to one choice field of the store. */
export function StoreRadioGroup<F extends ChoiceField>({ field, legend, options }: StoreRadioGroupProps<F>) {
  const value = useStore((s) => s[field]);
  const api = useStoreApi();
  const choose = (v: AppState[F]) => api.getState().update({ [field]: v } as Partial<AppState>);
  return <RadioGroup legend={legend} value={value} options={options} onChange={choose} />;
}
