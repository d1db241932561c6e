// β: a slider over log10(β) plus a number box. Its range (BETA_RANGE, which the β sweep also spans), log
// scale and rounding (three significant digits) are β's entry in the parameter list, which links and the
// store apply too, so the value in the box is exactly the one the store, the plots and the TRL code use.
import { useStrings } from '../strings.tsx';
import { formatInputNumber } from '../format.ts';
import { StoreNumberField } from './StoreNumberField.tsx';

export function BetaSlider() {
  const s = useStrings().controls;
  return (
    <StoreNumberField
      field="beta"
      label={s.beta.label}
      help={s.beta.help}
      // 0.01 decade per drag step; an arrow press is ×1.047 (≈50 per decade), Page Up/Down ×1.78.
      slider={{ step: 0.01, keyStep: 0.02, pageStep: 0.25 }}
      valueText={(v) => `β = ${formatInputNumber(v)}`}
    />
  );
}
