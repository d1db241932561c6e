// The settings that only some losses read: ε, IPO's normalisation with the completion lengths, DiscoPOP's τ
// and KTO's. Each appears only while a loss that uses it is selected, so nothing on screen is inert.
import { useShallow } from 'zustand/react/shallow';
import { useUiStrings } from '../i18nContext.tsx';
import { useStore, useStoreApi } from '../storeContext.tsx';
import { formatInputNumber, roundSig } from '../format.ts';
import { EXO_MIN_SMOOTHING } from '../../state/derive/lossParams.ts';
import { StoreNumberField } from './StoreNumberField.tsx';
import { RadioGroup } from './RadioGroup.tsx';
import { KtoControls } from './KtoControls.tsx';
import { lossUses } from './lossUses.ts';

function SmoothingField({ exo }: { exo: boolean }) {
  const s = useUiStrings();
  return (
    <StoreNumberField
      field="labelSmoothing"
      label={s.smoothing.label}
      help={s.smoothing.help}
      extraCheck={
        exo
          ? (v) =>
              v >= EXO_MIN_SMOOTHING
                ? null
                : s.smoothing.exoNeedsPositive(formatInputNumber(EXO_MIN_SMOOTHING))
          : undefined
      }
      // With EXO selected the slider stops short of 0, which EXO cannot take.
      slider={{ min: exo ? 0.01 : undefined, step: 0.01 }}
    />
  );
}

function LengthNormControls({ showIpo }: { showIpo: boolean }) {
  const s = useUiStrings();
  const norm = useStore((st) => st.ipoNormalization);
  const api = useStoreApi();
  return (
    <fieldset className="subgroup">
      <legend>{s.lengthNorm.legend}</legend>
      {showIpo && (
        <RadioGroup
          legend={s.lengthNorm.ipoLegend}
          value={norm}
          options={[
            { value: 'token', label: s.lengthNorm.token, help: s.lengthNorm.tokenHelp },
            { value: 'sum', label: s.lengthNorm.sum, help: s.lengthNorm.sumHelp },
          ]}
          onChange={(v) => api.getState().update({ ipoNormalization: v })}
        />
      )}
      <StoreNumberField field="chosenLength" label={s.lengthNorm.chosenLength} />
      <StoreNumberField field="rejectedLength" label={s.lengthNorm.rejectedLength} />
      <p className="field-help">{s.lengthNorm.lengthsHelp}</p>
    </fieldset>
  );
}

export function LossSettings() {
  const s = useUiStrings();
  const losses = useStore(useShallow((st) => st.losses));
  const uses = lossUses(losses);
  return (
    <>
      {uses.smoothing && <SmoothingField exo={uses.exo} />}
      {uses.lengths && <LengthNormControls showIpo={uses.ipo} />}
      {uses.discopop && (
        <StoreNumberField
          field="discopopTau"
          label={s.discopopTau.label}
          help={s.discopopTau.help}
          round={(v) => roundSig(v, 3)}
          format={(v) => formatInputNumber(roundSig(v, 3))}
          slider={{ scale: 'log', step: 0.01, keyStep: 0.02, pageStep: 0.25 }}
        />
      )}
      {uses.ktoWeights && <KtoControls showZ0={uses.ktoZ0} />}
    </>
  );
}
