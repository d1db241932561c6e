// A <fieldset> of radio buttons for a small enum in the store (IPO normalisation, features, optimiser, z0).
import { useId } from 'react';

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
