// The toy policy that training runs on: K responses, the reference distribution, how responses share
// parameters, how reliable the preference is, and the optimiser.
import { useUiStrings } from '../i18nContext.tsx';
import { useStore, useStoreApi } from '../storeContext.tsx';
import { formatInputNumber, roundSig } from '../format.ts';
import { StoreNumberField } from './StoreNumberField.tsx';
import { RadioGroup } from './RadioGroup.tsx';
import { RefProbControls } from './RefProbControls.tsx';
import { DatasetControls } from './DatasetControls.tsx';

const roundRate = (v: number) => roundSig(v, 3);

function FeatureControls() {
  const s = useUiStrings();
  const features = useStore((st) => st.features);
  const api = useStoreApi();
  return (
    <>
      <RadioGroup
        legend={s.toy.featuresLegend}
        value={features}
        options={[
          { value: 'tabular', label: s.toy.tabular, help: s.toy.tabularHelp },
          { value: 'shared', label: s.toy.shared, help: s.toy.sharedHelp },
        ]}
        onChange={(v) => api.getState().update({ features: v })}
      />
      <StoreNumberField
        field="similarity"
        label={s.toy.similarity}
        help={s.toy.similarityHelp}
        disabled={features !== 'shared'}
        slider={{ step: 0.01 }}
      />
    </>
  );
}

function OptimizerControls() {
  const s = useUiStrings();
  const optimizer = useStore((st) => st.optimizer);
  const api = useStoreApi();
  return (
    <>
      <StoreNumberField
        field="learningRate"
        label={s.toy.learningRate}
        round={roundRate}
        format={(v) => formatInputNumber(roundRate(v))}
        slider={{ scale: 'log', step: 0.01, keyStep: 0.02, pageStep: 0.25 }}
      />
      <RadioGroup
        legend={s.toy.optimizerLegend}
        value={optimizer}
        options={[
          { value: 'sgd', label: s.toy.sgd },
          { value: 'adam', label: s.toy.adam },
        ]}
        onChange={(v) => api.getState().update({ optimizer: v })}
      />
      <StoreNumberField field="steps" label={s.toy.steps} slider={{ step: 1, pageStep: 100 }} />
    </>
  );
}

export function ToyPolicyControls() {
  const s = useUiStrings();
  return (
    <>
      <StoreNumberField
        field="responses"
        label={s.toy.responses}
        help={s.toy.responsesHelp}
        slider={{ step: 1, pageStep: 1 }}
      />
      <RefProbControls />
      <FeatureControls />
      <DatasetControls />
      <OptimizerControls />
    </>
  );
}
