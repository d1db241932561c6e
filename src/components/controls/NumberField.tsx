// A labelled number box with an optional slider. Typed text is checked before it reaches the store: a valid
// value commits at once (plots follow the typing), a bad one is refused with a plain-language role="alert"
// message next to the box while the store keeps the last good value.
import { useId, useState, type KeyboardEvent } from 'react';
import { useStrings } from '../strings.tsx';
import { useStore } from '../storeContext.tsx';
import { formatInputNumber } from '../format.ts';
import { checkNumberText, type NumberProblem, type NumberRules } from './numberText.ts';
import { RangeSlider } from './RangeSlider.tsx';
import type { SliderSpec } from './sliderScale.ts';
import type { ControlStrings } from '../../i18n/types/controls.ts';

export interface NumberFieldProps extends NumberRules {
  label: string;
  value: number;
  /** Receives a checked (and `round`ed) value; the caller writes it to the store. */
  onCommit: (value: number) => void;
  /** A field-specific rule on top of the range: a message refuses the value, null accepts it. */
  extraCheck?: (value: number) => string | null;
  /** Applied to typed and slid values before committing: the parameter's rounding (paramRange.ts). */
  round?: (value: number) => number;
  slider?: SliderSpec;
  /** The slider's aria-valuetext; defaults to the formatted value. */
  valueText?: (value: number) => string;
  /** How the box shows the stored value. */
  format?: (value: number) => string;
  help?: string;
  disabled?: boolean;
}

/**
 * What the user is typing. It belongs to the store value it was typed against (`base`) and to the page's
 * state as a whole (`loads`): when that value changes from elsewhere (the slider), or the whole state is
 * replaced (a preset, a link, Reset, even one that leaves this value as it was), the draft no longer
 * applies and the box shows the stored value, without an effect or a setState during render.
 */
interface Draft {
  text: string;
  base: number;
  loads: number;
  /** The text was refused when typed. */
  refused: boolean;
  /** The refusal is on screen (definite at once; otherwise after Enter or leaving the box). */
  shown: boolean;
}

type Assessment = { ok: true; value: number } | { ok: false; problem: NumberProblem; definite: boolean };

function problemText(p: NumberProblem, s: ControlStrings['field']): string {
  switch (p.kind) {
    case 'empty':
      return s.empty;
    case 'notANumber':
      return s.notANumber(p.text);
    case 'positiveLogProb':
      return s.positiveLogProb(p.text);
    case 'tooLow':
      return s.tooLow(p.text, formatInputNumber(p.min));
    case 'tooHigh':
      return s.tooHigh(p.text, formatInputNumber(p.max));
    case 'notWhole':
      return s.notWhole(p.text);
    case 'custom':
      return p.message;
  }
}

export function NumberField(props: NumberFieldProps) {
  const { label, value, onCommit, extraCheck, round, slider, valueText, help, disabled } = props;
  const format = props.format ?? formatInputNumber;
  const s = useStrings().controls;
  const id = useId();
  const [draft, setDraft] = useState<Draft | null>(null);
  const loads = useStore((st) => st.loads);

  const assess = (text: string): Assessment => {
    const check = checkNumberText(text, props);
    if (!check.ok) return check;
    const v = round ? round(check.value) : check.value;
    const custom = extraCheck?.(v) ?? null;
    return custom === null
      ? { ok: true, value: v }
      : { ok: false, problem: { kind: 'custom', message: custom }, definite: false };
  };

  // Re-assessed on every render, against the rules of now: a refusal whose reason went away (EXO was
  // deselected) disappears with it, and the box shows the stored value again.
  const assessed = draft ? assess(draft.text) : null;
  const live =
    draft !== null &&
    draft.base === value &&
    draft.loads === loads &&
    (!draft.refused || (assessed !== null && !assessed.ok))
      ? draft
      : null;
  const problem = live && assessed && !assessed.ok ? assessed.problem : null;

  const onType = (text: string) => {
    const a = assess(text);
    if (a.ok) {
      if (a.value !== value) onCommit(a.value);
      setDraft({ text, base: a.value, loads, refused: false, shown: false });
      return;
    }
    // Once a message is on screen it follows every keystroke, so it disappears as soon as the text is fixed.
    setDraft({ text, base: value, loads, refused: true, shown: a.definite || (live?.shown ?? false) });
  };

  /** Enter or leaving the box: show what is wrong, or tidy a good value into its stored form. */
  const settle = () => {
    if (!live) return;
    setDraft(problem ? { ...live, shown: true } : null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') settle();
    else if (e.key === 'Escape' && live) {
      e.preventDefault();
      setDraft(null);
    }
  };

  const onSlide = (v: number) => {
    setDraft(null);
    const r = round ? round(v) : v;
    if (r !== value) onCommit(r);
  };

  const labelId = `${id}-label`;
  const helpId = help ? `${id}-help` : undefined;
  const errorId = `${id}-error`;
  const error =
    live?.shown && problem ? `${problemText(problem, s.field)} ${s.field.stillUsing(format(value))}` : null;
  const describedBy = [helpId, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  const negativeAllowed = props.min < 0;

  return (
    <div className="number-field" data-disabled={disabled || undefined}>
      <label id={labelId} htmlFor={`${id}-box`} className="number-field-label">
        {label}
      </label>
      <div className="number-field-inputs">
        {slider && (
          <RangeSlider
            labelledBy={labelId}
            describedBy={helpId}
            value={value}
            spec={slider}
            valueText={valueText ? valueText(value) : format(value)}
            disabled={disabled}
            onChange={onSlide}
          />
        )}
        <input
          id={`${id}-box`}
          type="text"
          // Not type="number": that hides what was typed ('abc' reads as ''), so nothing could be explained.
          // The decimal keypad of phones has no minus sign, so fields that take negatives keep the full one.
          inputMode={negativeAllowed ? undefined : 'decimal'}
          className="number-box"
          size={8}
          autoComplete="off"
          spellCheck={false}
          value={live ? live.text : format(value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          disabled={disabled}
          onChange={(e) => onType(e.currentTarget.value)}
          onBlur={settle}
          onKeyDown={onKeyDown}
        />
      </div>
      {help && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
