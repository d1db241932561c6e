// The settings that only some losses read: ε, IPO's normalisation with the completion lengths, DiscoPOP's τ,
// TRL's SFT term and f-divergence (pair losses of DPOTrainer), KTO's and SimPO's (γ, cpo_alpha). Each
// appears only while a loss that uses it is selected, so nothing on screen is inert.
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStrings } from '../strings.tsx';
import { useStore } from '../storeContext.tsx';
import { formatInputNumber } from '../format.ts';
import { EXO_MIN_SMOOTHING, F_DIVERGENCES, LD_ALPHA_OFF } from '../../math/index.ts';
import { StoreNumberField } from './StoreNumberField.tsx';
import { StoreRadioGroup } from './RadioGroup.tsx';
import { KtoControls } from './KtoControls.tsx';
import { lossUses } from './lossUses.ts';
import { ExtraTermsControls } from './ExtraTermsControls.tsx';

function SmoothingField({ exo }: { exo: boolean }) {
  const s = useStrings().controls;
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
  const s = useStrings().controls;
  return (
    <fieldset className="subgroup">
      <legend>{s.lengthNorm.legend}</legend>
      {showIpo && (
        <StoreRadioGroup
          field="ipoNormalization"
          legend={s.lengthNorm.ipoLegend}
          options={[
            { value: 'token', label: s.lengthNorm.token, help: s.lengthNorm.tokenHelp },
            { value: 'sum', label: s.lengthNorm.sum, help: s.lengthNorm.sumHelp },
          ]}
        />
      )}
      <StoreNumberField field="chosenLength" label={s.lengthNorm.chosenLength} />
      <StoreNumberField field="rejectedLength" label={s.lengthNorm.rejectedLength} />
      <p className="field-help">{s.lengthNorm.lengthsHelp}</p>
    </fieldset>
  );
}

function DivergenceControls() {
  const s = useStrings().controls.fDivergence;
  const alpha = useStore((st) => st.fDivergence === 'alpha_divergence');
  return (
    <>
      <StoreRadioGroup
        field="fDivergence"
        legend={s.label}
        options={F_DIVERGENCES.map((value) => ({ value, label: s.names[value] }))}
      />
      {alpha && (
        <StoreNumberField
          field="fAlphaDivergenceCoef"
          label={s.alphaLabel}
          help={s.alphaHelp}
          slider={{ step: 0.05 }}
        />
      )}
      <p className="field-help">{s.help}</p>
    </>
  );
}

function WpoCheckbox() {
  const s = useStrings().controls.wpoWeighting;
  const on = useStore((st) => st.wpoWeighting);
  const update = useStore((st) => st.update);
  const id = useId();
  return (
    <div className="field check-option">
      <input
        type="checkbox"
        id={id}
        checked={on}
        aria-describedby={`${id}-help`}
        onChange={() => update({ wpoWeighting: !on })}
      />{' '}
      <label htmlFor={id}>{s.label}</label>
      <p id={`${id}-help`} className="field-help">
        {s.help}
      </p>
    </div>
  );
}

/** A trainer knob's number field, its label and help read from the field's own strings (same slider step). */
export function KnobField({ field }: { field: 'sftWeight' | 'ldAlpha' | 'simpoGamma' | 'cpoAlpha' }) {
  const s = useStrings().controls[field];
  return <StoreNumberField field={field} label={s.label} help={s.help} slider={{ step: 0.05 }} />;
}

/** TR-DPO (sync_ref_model): S, and α with the update rule while the reference moves. */
function RefSyncControls() {
  const s = useStrings().controls.refSync;
  const steps = useStore((st) => st.refSyncSteps);
  const alpha = useStore((st) => st.refMixupAlpha);
  return (
    <fieldset className="subgroup">
      <legend>{s.legend}</legend>
      <StoreNumberField
        field="refSyncSteps"
        label={s.stepsLabel}
        help={s.stepsHelp}
        // The toy trains for hundreds of steps, not TRL's thousands: the slider covers 0…200, the box more.
        slider={{ max: 200, step: 1 }}
      />
      {steps >= 1 && (
        <>
          <StoreNumberField
            field="refMixupAlpha"
            label={s.alphaLabel}
            help={s.alphaHelp}
            slider={{ step: 0.05 }}
          />
          <p className="field-help" data-testid="ref-sync-rule">
            {alpha > 0 ? s.rule(formatInputNumber(steps), formatInputNumber(alpha)) : s.alphaZero}
          </p>
        </>
      )}
    </fieldset>
  );
}

export function LossSettings() {
  const s = useStrings().controls;
  const losses = useStore(useShallow((st) => st.losses));
  // LD-DPO reads the lengths (it only changes a pair whose lengths differ), so they show while it is on.
  const ldOn = useStore((st) => st.ldAlpha !== LD_ALPHA_OFF);
  // The SFT term divides by y_w's length (−log π(y_w)/Lw): its control shows while the term is on.
  const sftOn = useStore((st) => st.sftWeight !== 0);
  // The loss list's further terms read their own settings (ε, τ, lengths …): those show while they are listed.
  const listed = useStore(useShallow((st) => st.extraTerms.map((t) => t.type)));
  const base = lossUses(losses);
  const uses = base.sft && listed.length > 0 ? lossUses([...losses, ...listed]) : base;
  return (
    <>
      {uses.smoothing && <SmoothingField exo={uses.exo} />}
      {(uses.lengths || (uses.ldAlpha && ldOn) || (uses.sft && sftOn)) && (
        <LengthNormControls showIpo={uses.ipo} />
      )}
      {uses.discopop && (
        <StoreNumberField
          field="discopopTau"
          label={s.discopopTau.label}
          help={s.discopopTau.help}
          slider={{ step: 0.01, keyStep: 0.02, pageStep: 0.25 }}
        />
      )}
      {uses.sft && <KnobField field="sftWeight" />}
      {uses.sft && <ExtraTermsControls />}
      {uses.divergence && <DivergenceControls />}
      {uses.ldAlpha && <KnobField field="ldAlpha" />}
      {uses.wpo && <WpoCheckbox />}
      {uses.ktoWeights && <KtoControls showZ0={uses.ktoZ0} />}
      {uses.simpoGamma && <KnobField field="simpoGamma" />}
      {uses.cpoAlpha && <KnobField field="cpoAlpha" />}
      {uses.refSync && <RefSyncControls />}
    </>
  );
}
