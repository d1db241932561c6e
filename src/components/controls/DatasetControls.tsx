// What the toy policy is trained on: one pair (with its preference probability p), a Bradley–Terry
// ranking from hidden rewards, or a single thumbs-down. Only the knobs of the chosen data are shown.
import { useShallow } from 'zustand/react/shallow';
import { useUiStrings } from '../i18nContext.tsx';
import { useStore, useStoreApi } from '../storeContext.tsx';
import { formatInputNumber } from '../format.ts';
import { NumberField } from './NumberField.tsx';
import { RadioGroup } from './RadioGroup.tsx';
import { StoreNumberField } from './StoreNumberField.tsx';
import { numberRangeOfList } from './paramRange.ts';

const round2 = (v: number) => Number(v.toFixed(2));

function RewardControls() {
  const s = useUiStrings();
  const rewards = useStore(useShallow((st) => st.rewards));
  const api = useStoreApi();
  const { min, max } = numberRangeOfList('rewards');
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
          round={round2}
          format={(v) => formatInputNumber(round2(v))}
          slider={{ min, max, step: 0.05, keyStep: 0.1, pageStep: 1 }}
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
  const s = useUiStrings();
  const dataset = useStore((st) => st.dataset);
  const api = useStoreApi();
  return (
    <>
      <RadioGroup
        legend={s.toy.datasetLegend}
        value={dataset}
        options={[
          { value: 'pair', label: s.toy.datasetPair, help: s.toy.datasetPairHelp },
          { value: 'ranking', label: s.toy.datasetRanking, help: s.toy.datasetRankingHelp },
          { value: 'thumbs-down', label: s.toy.datasetThumbsDown, help: s.toy.datasetThumbsDownHelp },
        ]}
        onChange={(v) => api.getState().update({ dataset: v })}
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
