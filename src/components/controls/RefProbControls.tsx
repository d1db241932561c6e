// One slider and box per response for the toy reference policy. Moving one rescales the others (refProbEdit),
// so the list is always a distribution and no response can be pushed below the store's minimum.
import { useShallow } from 'zustand/react/shallow';
import { useStrings } from '../strings.tsx';
import { useStore, useStoreApi } from '../storeContext.tsx';
import { NumberField } from './NumberField.tsx';
import { refProbMin } from './paramRange.ts';
import { setOneProb } from './refProbEdit.ts';

const MIN = refProbMin();
const round4 = (v: number) => Number(v.toFixed(4));

export function RefProbControls() {
  const s = useStrings().controls;
  const probs = useStore(useShallow((st) => st.refProbs));
  const api = useStoreApi();
  const max = 1 - (probs.length - 1) * MIN;
  const commit = (i: number, v: number) => {
    const current = api.getState().refProbs;
    api.getState().update({ refProbs: setOneProb(current, i, v, MIN) });
  };
  return (
    <fieldset className="subgroup">
      <legend>{s.toy.refLegend}</legend>
      <p className="field-help">{s.toy.refHelp}</p>
      {probs.map((p, i) => (
        <NumberField
          key={i}
          label={s.toy.refProb(i + 1, i === 0 ? 'chosen' : i === 1 ? 'rejected' : 'other')}
          value={p}
          min={MIN}
          max={max}
          round={round4}
          format={(v) => String(round4(v))}
          slider={{ min: MIN, max, step: 0.001, keyStep: 0.01, pageStep: 0.1 }}
          onCommit={(v) => commit(i, v)}
        />
      ))}
    </fieldset>
  );
}
