// "One preference pair": the four summed log-probs that the loss and gradient views and the readout use.
// Each slider covers −40…0, where the interesting margins are; the box takes the whole range of a link.
import { useStrings } from '../strings.tsx';
import { useStore } from '../storeContext.tsx';
import { formatNumber } from '../../math/numberFormat.ts';
import { StoreNumberField, type FieldSliderSpec } from './StoreNumberField.tsx';

const LOG_PROB_SLIDER: FieldSliderSpec = { min: -40, max: 0, step: 0.1, pageStep: 2 };

function DerivedLine() {
  const s = useStrings().controls;
  const rhoW = useStore((st) => st.policyChosen - st.refChosen);
  const rhoL = useStore((st) => st.policyRejected - st.refRejected);
  return (
    <p className="field-help derived">
      {s.pair.derived(formatNumber(rhoW), formatNumber(rhoL), formatNumber(rhoW - rhoL))}
    </p>
  );
}

export function PairControls() {
  const s = useStrings().controls;
  return (
    <fieldset className="pair-controls">
      <legend>{s.pair.legend}</legend>
      <p className="field-help">{s.pair.help}</p>
      <StoreNumberField field="policyChosen" label={s.pair.policyChosen} logProb slider={LOG_PROB_SLIDER} />
      <StoreNumberField
        field="policyRejected"
        label={s.pair.policyRejected}
        logProb
        slider={LOG_PROB_SLIDER}
      />
      <StoreNumberField field="refChosen" label={s.pair.refChosen} logProb slider={LOG_PROB_SLIDER} />
      <StoreNumberField field="refRejected" label={s.pair.refRejected} logProb slider={LOG_PROB_SLIDER} />
      <DerivedLine />
    </fieldset>
  );
}
