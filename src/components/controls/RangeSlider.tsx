// A native <input type="range"> on a linear or log scale. Keys are handled here rather than by the browser
// so that a log slider steps by a fixed ratio everywhere and keyboard use behaves the same in every browser
// (and in jsdom, which has no slider keyboard at all).
import type { ChangeEvent, KeyboardEvent } from 'react';
import { fromPosition, keyPosition, snapLinear, toPosition, type SliderSpec } from './sliderScale.ts';

export interface RangeSliderProps {
  id?: string;
  /** Id of the visible label (shared with the number box). */
  labelledBy: string;
  describedBy?: string;
  value: number;
  spec: SliderSpec;
  /** What a screen reader says, e.g. 'β = 0.1' (the raw position of a log slider means nothing). */
  valueText: string;
  disabled?: boolean;
  /** Called with the new value in value units, on every drag step and key press. */
  onChange: (value: number) => void;
}

export function RangeSlider({
  id,
  labelledBy,
  describedBy,
  value,
  spec,
  valueText,
  disabled,
  onChange,
}: RangeSliderProps) {
  const scale = spec.scale ?? 'linear';
  const lo = toPosition(spec.min, scale);
  const hi = toPosition(spec.max, scale);
  // A value outside the slider's span (a log-prob of −300 typed in the box) pins the thumb to the end.
  const position = Math.min(hi, Math.max(lo, toPosition(value, scale)));

  const emit = (p: number) => {
    const snapped = scale === 'linear' ? snapLinear(p, lo, spec.step) : p;
    onChange(fromPosition(Math.min(hi, Math.max(lo, snapped)), scale));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const next = keyPosition(e.key, position, lo, hi, spec);
    if (next === null) return;
    e.preventDefault();
    emit(next);
  };

  return (
    <input
      id={id}
      type="range"
      className="range-slider"
      min={lo}
      max={hi}
      step={spec.step}
      value={position}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-valuetext={valueText}
      disabled={disabled}
      onKeyDown={onKeyDown}
      onChange={(e: ChangeEvent<HTMLInputElement>) => emit(Number(e.currentTarget.value))}
    />
  );
}
