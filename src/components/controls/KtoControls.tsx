// KTO's settings: the two class weights and the reference point z0 (exact KL, TRL's batch estimate, or a
// fixed number). TRL warns about unbalanced weights; the same warning shows here, politely.
import type { Z0Mode } from '../../state/appState.ts';
import { useUiStrings } from '../i18nContext.tsx';
import { useStore, useStoreApi } from '../storeContext.tsx';
import { formatNumber } from '../format.ts';
import { StoreNumberField } from './StoreNumberField.tsx';
import { RadioGroup } from './RadioGroup.tsx';

/** TRL's KTOTrainer warns unless λD·nD / (λU·nU) lies in this interval. */
const TRL_WEIGHT_RATIO = [1, 4 / 3] as const;

function WeightRatioNote() {
  const s = useUiStrings();
  const wd = useStore((st) => st.desirableWeight);
  const wu = useStore((st) => st.undesirableWeight);
  // Both 0: no ratio to check (0/0), and nothing to train; say that rather than "it is —".
  const bothZero = !(wd > 0) && !(wu > 0);
  const ratio = wd / wu;
  const ok = ratio >= TRL_WEIGHT_RATIO[0] && ratio <= TRL_WEIGHT_RATIO[1];
  return (
    <p role="status" className="polite-note">
      {bothZero ? s.kto.weightsBothZero : ok ? '' : s.kto.weightRatioWarning(formatNumber(ratio, 3))}
    </p>
  );
}

export function KtoControls({ showZ0 }: { showZ0: boolean }) {
  const s = useUiStrings();
  const mode = useStore((st) => st.z0Mode);
  const api = useStoreApi();
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
          <RadioGroup<Z0Mode>
            legend={s.kto.z0Legend}
            value={mode}
            options={[
              { value: 'kl', label: s.kto.z0Kl, help: s.kto.z0KlHelp },
              { value: 'batch', label: s.kto.z0Batch, help: s.kto.z0BatchHelp },
              { value: 'fixed', label: s.kto.z0Fixed },
            ]}
            onChange={(v) => api.getState().update({ z0Mode: v })}
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
