// The toy policy that training runs on: K responses, the reference distribution, how responses share
// parameters, how reliable the preference is, and the optimiser.
import { useStrings } from '../strings.tsx';
import { useStore } from '../storeContext.tsx';
import { StoreNumberField } from './StoreNumberField.tsx';
import { StoreRadioGroup } from './RadioGroup.tsx';
import { RefProbControls } from './RefProbControls.tsx';
import { DatasetControls } from './DatasetControls.tsx';

function FeatureControls() {
  const s = useStrings().controls;
  const features = useStore((st) => st.features);
  return (
    <>
      <StoreRadioGroup
        field="features"
        legend={s.toy.featuresLegend}
        options={[
          { value: 'tabular', label: s.toy.tabular, help: s.toy.tabularHelp },
          { value: 'shared', label: s.toy.shared, help: s.toy.sharedHelp },
        ]}
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
  const s = useStrings().controls;
  return (
    <>
      <StoreNumberField
        field="learningRate"
        label={s.toy.learningRate}
        slider={{ step: 0.01, keyStep: 0.02, pageStep: 0.25 }}
      />
      <StoreRadioGroup
        field="optimizer"
        legend={s.toy.optimizerLegend}
        options={[
          { value: 'sgd', label: s.toy.sgd },
          { value: 'adam', label: s.toy.adam },
        ]}
      />
      <StoreNumberField field="steps" label={s.toy.steps} slider={{ step: 1, pageStep: 100 }} />
    </>
  );
}

export function ToyPolicyControls() {
  const s = useStrings().controls;
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
