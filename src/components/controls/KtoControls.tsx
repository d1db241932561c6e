// KTO's settings: the two class weights and the reference point z0 (exact KL, TRL's batch estimate, or a
// fixed number). TRL checks the weights' balance (only on data with unequal counts); the note says where these stand.
import { useStrings } from '../strings.tsx';
import { useStore } from '../storeContext.tsx';
import { formatNumber } from '../../math/numberFormat.ts';
import { KTO_WEIGHT_RATIO_RANGE } from '../../math/index.ts';
import { StoreNumberField } from './StoreNumberField.tsx';
import { StoreRadioGroup } from './RadioGroup.tsx';

function WeightRatioNote() {
  const s = useStrings().controls;
  const wd = useStore((st) => st.desirableWeight);
  const wu = useStore((st) => st.undesirableWeight);
  // Both 0: no ratio to check (0/0), and nothing to train; say that rather than "it is —".
  const bothZero = !(wd > 0) && !(wu > 0);
  const ratio = wd / wu;
  const ok = ratio >= KTO_WEIGHT_RATIO_RANGE[0] - 1e-9 && ratio <= KTO_WEIGHT_RATIO_RANGE[1] + 1e-9;
  return (
    <p role="status" className="polite-note">
      {bothZero ? s.kto.weightsBothZero : ok ? '' : s.kto.weightRatioWarning(formatNumber(ratio, 6))}
    </p>
  );
}

export function KtoControls({ showZ0 }: { showZ0: boolean }) {
  const s = useStrings().controls;
  const mode = useStore((st) => st.z0Mode);
  return (
    <fieldset className="subgroup">
      <legend>{s.kto.legend}</legend>
      <StoreNumberField field="desirableWeight" label={s.kto.desirableWeight} slider={{ step: 0.05 }} />
      <StoreNumberField
        field="undesirableWeight"
        label={s.kto.undesirableWeight}
        help={s.kto.weightsHelp}
        slider={{ step: 0.05 }}
      />
      <WeightRatioNote />
      {showZ0 && (
        <>
          <StoreRadioGroup
            field="z0Mode"
            legend={s.kto.z0Legend}
            options={[
              { value: 'kl', label: s.kto.z0Kl, help: s.kto.z0KlHelp },
              { value: 'batch', label: s.kto.z0Batch, help: s.kto.z0BatchHelp },
              { value: 'fixed', label: s.kto.z0Fixed },
            ]}
          />
          <StoreNumberField
            field="z0"
            label={s.kto.z0Value}
            disabled={mode !== 'fixed'}
            // The box takes the whole range; the slider covers the values that matter at everyday β.
            slider={{ max: 10, step: 0.05 }}
          />
        </>
      )}
    </fieldset>
  );
}
