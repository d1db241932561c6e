// β on a log scale (0.001–10): a range input over log10(β) plus a number box. β is stored rounded to three
// significant digits, so the value on screen is exactly the one in the store and in a shared link.
import { useUiStrings } from '../i18nContext.tsx';
import { useStore, useStoreApi } from '../storeContext.tsx';
import { formatInputNumber, roundSig } from '../format.ts';
import { NumberField } from './NumberField.tsx';
import { numberRange } from './paramRange.ts';

export const BETA_DIGITS = 3;
const roundBeta = (v: number) => roundSig(v, BETA_DIGITS);
const BETA = numberRange('beta');

export function BetaSlider() {
  const s = useUiStrings();
  const beta = useStore((st) => st.beta);
  const api = useStoreApi();
  return (
    <NumberField
      label={s.beta.label}
      help={s.beta.help}
      value={beta}
      min={BETA.min}
      max={BETA.max}
      round={roundBeta}
      format={(v) => formatInputNumber(roundBeta(v))}
      // 0.01 decade per drag step; an arrow press is ×1.047 (≈50 per decade), Page Up/Down ×1.78.
      slider={{ min: BETA.min, max: BETA.max, scale: 'log', step: 0.01, keyStep: 0.02, pageStep: 0.25 }}
      valueText={(v) => `β = ${formatInputNumber(roundBeta(v))}`}
      onCommit={(v) => api.getState().update({ beta: v })}
    />
  );
}
