// What the toy policy is trained on: one pair (with its preference probability p), a Bradley–Terry
// ranking from hidden rewards, a deterministic order, or a single thumbs-down. Only the knobs of the chosen data are shown.
import { useShallow } from 'zustand/react/shallow';
import { useStrings } from '../strings.tsx';
import { useStore, useStoreApi } from '../storeContext.tsx';
import { NumberField } from './NumberField.tsx';
import { StoreRadioGroup } from './RadioGroup.tsx';
import { StoreNumberField } from './StoreNumberField.tsx';
import { rewardRange } from './paramRange.ts';

const REWARD = rewardRange();

function RewardControls() {
  const s = useStrings().controls;
  const rewards = useStore(useShallow((st) => st.rewards));
  const api = useStoreApi();
  const { min, max, round, scale } = REWARD;
  return (
    <fieldset className="subgroup">
      <legend>{s.toy.rewardsLegend}</legend>
      {rewards.map((r, i) => (
        <NumberField
          key={i}
          label={s.toy.reward(i + 1)}
          value={r}
          min={min}
          max={max}
          round={round}
          slider={{ min, max, scale, step: 0.05, keyStep: 0.1, pageStep: 1 }}
          onCommit={(v) => {
            const next = [...api.getState().rewards];
            next[i] = v;
            api.getState().update({ rewards: next });
          }}
        />
      ))}
    </fieldset>
  );
}

export function DatasetControls() {
  const s = useStrings().controls;
  const dataset = useStore((st) => st.dataset);
  return (
    <>
      <StoreRadioGroup
        field="dataset"
        legend={s.toy.datasetLegend}
        options={[
          { value: 'pair', label: s.toy.datasetPair, help: s.toy.datasetPairHelp },
          { value: 'ranking', label: s.toy.datasetRanking, help: s.toy.datasetRankingHelp },
          { value: 'order', label: s.toy.datasetOrder, help: s.toy.datasetOrderHelp },
          { value: 'thumbs-down', label: s.toy.datasetThumbsDown, help: s.toy.datasetThumbsDownHelp },
        ]}
      />
      {dataset === 'pair' && (
        <StoreNumberField
          field="preferenceProb"
          label={s.toy.preferenceProb}
          help={s.toy.preferenceProbHelp}
          // Below 0.5 just swaps which response is preferred, so the slider starts there; the box takes 0–1.
          slider={{ min: 0.5, step: 0.01 }}
        />
      )}
      {dataset === 'ranking' && <RewardControls />}
    </>
  );
}
