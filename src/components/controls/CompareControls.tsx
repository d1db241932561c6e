// "Compare with…": choose the one setting a second run changes and its value; the second run is then drawn
// dashed in every view. The value is checked by the same rule as a link's `vs=` (state/compareChoice.ts):
// a value the setting cannot take is refused with an alert and the last good choice kept; a value equal to
// the current setting is kept but said to compare nothing.
import { useId, useState, type FormEvent } from 'react';
import { COMPARE_KEY_NAMES, type CompareKey } from '../../state/appState.ts';
import { fitCompare } from '../../state/compareChoice.ts';
import { PARAM_TABLE } from '../../state/urlParams.ts';
import { compareOf } from '../../derive/compare.ts';
import { stateFields } from '../../state/pickFields.ts';
import { useStore, useStoreFields } from '../storeContext.tsx';
import { useStrings } from '../strings.tsx';

const READ_FIELDS = stateFields(
  'compare',
  'responses',
  'beta',
  'preferenceProb',
  'learningRate',
  'features',
  'optimizer',
  'losses',
  'refProbs',
  'sftWeight',
  'fDivergence',
  'refSyncSteps',
);

/** Values offered for the settings with named choices (typing stays possible). */
const SUGGESTIONS: Partial<Record<CompareKey, readonly string[]>> = {
  loss: PARAM_TABLE.losses.choices,
  features: PARAM_TABLE.features.choices,
  optimizer: PARAM_TABLE.optimizer.choices,
  fdiv: PARAM_TABLE.fDivergence.choices,
};

function splitChoice(text: string): { key: CompareKey | ''; value: string } {
  const colon = text.indexOf(':');
  const key = text.slice(0, colon) as CompareKey;
  return colon < 0 || !COMPARE_KEY_NAMES.includes(key)
    ? { key: '', value: '' }
    : { key, value: text.slice(colon + 1) };
}

/** The control, started afresh from the stored choice whenever that changes (a link, a scenario, Reset, Compare). */
export function CompareControls() {
  const compare = useStore((st) => st.compare);
  const loads = useStore((st) => st.loads);
  return <CompareForm key={`${loads}|${compare}`} />;
}

function CompareForm() {
  const strings = useStrings();
  const s = strings.compare;
  const fields = useStoreFields(READ_FIELDS);
  const update = useStore((st) => st.update);
  const id = useId();
  const stored = splitChoice(fields.compare);
  const [key, setKey] = useState<CompareKey | ''>(stored.key);
  const [value, setValue] = useState(stored.value);
  const [error, setError] = useState<string | null>(null);

  const status = compareOf(fields);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (key === '') {
      update({ compare: '' });
      setError(null);
      return;
    }
    const fitted = fitCompare(`${key}:${value}`);
    if (!fitted) {
      // Refused: the last good choice stays in the store.
      setError(s.invalid(value));
      return;
    }
    setError(null);
    setValue(fitted.text.slice(key.length + 1));
    update({ compare: fitted.text });
  };
  const clear = () => {
    update({ compare: '' });
    setKey('');
    setValue('');
    setError(null);
  };

  const suggestions = key === '' ? undefined : SUGGESTIONS[key];
  return (
    <form className="compare-controls" onSubmit={apply} aria-describedby={`${id}-help`}>
      <p id={`${id}-help`} className="field-help">
        {s.help}
      </p>
      <label htmlFor={`${id}-key`}>{s.keyLabel}</label>
      <select
        id={`${id}-key`}
        value={key}
        onChange={(e) => {
          setKey(e.currentTarget.value as CompareKey | '');
          setValue('');
          setError(null);
        }}
      >
        <option value="">{s.none}</option>
        {COMPARE_KEY_NAMES.map((k) => (
          <option key={k} value={k}>
            {s.keyName[k]}
          </option>
        ))}
      </select>
      {key !== '' && (
        <>
          <label htmlFor={`${id}-value`}>{s.valueLabel}</label>
          <input
            id={`${id}-value`}
            type="text"
            inputMode={suggestions ? 'text' : 'decimal'}
            autoComplete="off"
            spellCheck={false}
            list={suggestions ? `${id}-choices` : undefined}
            value={value}
            aria-invalid={error !== null}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setValue(e.currentTarget.value)}
          />
          <span id={`${id}-hint`} className="field-help">
            {s.valueHint[key]}
          </span>
          {suggestions && (
            <datalist id={`${id}-choices`}>
              {suggestions.map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
          )}
        </>
      )}
      <div className="compare-buttons">
        <button type="submit">{s.apply}</button>
        <button type="button" onClick={clear} disabled={fields.compare === '' && key === ''}>
          {s.clear}
        </button>
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <p role="status" className="field-help">
        {status.status === 'on'
          ? `${s.status(s.side(status.main), s.side(status.choice))}${
              status.choice.key === 'loss' ? ` ${s.lossNote(s.side(status.main), s.side(status.choice))}` : ''
            }`
          : status.status === 'same'
            ? s.same
            : ''}
      </p>
    </form>
  );
}
