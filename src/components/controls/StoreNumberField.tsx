// A NumberField bound to one numeric field of the store. Its range, slider scale and rounding come from the
// parameter list (paramRange.ts), so the box shows exactly what the store holds; the slider spans the same
// range unless it names a narrower one (log-probs: the slider covers −40…0, the box −1000…0).
import type { AppState } from '../../state/appState.ts';
import { useStore, useStoreApi } from '../storeContext.tsx';
import { NumberField, type NumberFieldProps } from './NumberField.tsx';
import { numberRange, type NumericField } from './paramRange.ts';
import type { SliderSpec } from './sliderScale.ts';

/** The slider's feel (steps), and optionally a narrower span; its scale is the parameter's. */
export type FieldSliderSpec = Omit<SliderSpec, 'min' | 'max' | 'scale'> &
  Partial<Pick<SliderSpec, 'min' | 'max'>>;

export interface StoreNumberFieldProps extends Omit<
  NumberFieldProps,
  'value' | 'onCommit' | 'min' | 'max' | 'integer' | 'slider' | 'round'
> {
  field: NumericField;
  slider?: FieldSliderSpec;
}

export function StoreNumberField({ field, slider, ...rest }: StoreNumberFieldProps) {
  const value = useStore((s) => s[field]);
  const api = useStoreApi();
  const { scale, round, ...range } = numberRange(field);
  const commit = (v: number) => api.getState().update({ [field]: v } as Partial<AppState>);
  const spec = slider && { ...slider, scale, min: slider.min ?? range.min, max: slider.max ?? range.max };
  return <NumberField {...rest} {...range} round={round} slider={spec} value={value} onCommit={commit} />;
}
