// "The toy's responses": for each response its log π_ref and its starting log π_θ, summed over tokens. The
// pair of the loss and gradient views, the readout and the TRL code is responses 1 (y_w) and 2 (y_l) of this
// policy at step 0 (derive/mathParams.ts pairInputOf); training starts from the same policy.
import { useShallow } from 'zustand/react/shallow';
import { useStrings } from '../strings.tsx';
import { useStore, useStoreApi } from '../storeContext.tsx';
import { formatNumber } from '../../math/numberFormat.ts';
import { pairInputOf, startLogProbsOf } from '../../derive/mathParams.ts';
import { NumberField } from './NumberField.tsx';
import { ProbBars } from './ProbBars.tsx';
import { refProbMin } from './paramRange.ts';
import { setOneProb } from './refProbEdit.ts';
import { setStartLogProb } from './startEdit.ts';

const MIN = refProbMin();
const LOG_MIN = -20;
/** Four decimals, and +0 for −0, so that the box and the stored value agree. */
const round4 = (v: number) => Number(v.toFixed(4)) + 0;
const SLIDER = { min: LOG_MIN, max: 0, step: 0.01, keyStep: 0.1, pageStep: 1 };

type Role = 'chosen' | 'rejected' | 'other';
const roleOf = (i: number): Role => (i === 0 ? 'chosen' : i === 1 ? 'rejected' : 'other');

function DerivedLine() {
  const s = useStrings().controls;
  const pair = useStore(
    useShallow((st) => {
      const p = pairInputOf(st);
      return [p.policyChosen - p.refChosen, p.policyRejected - p.refRejected] as const;
    }),
  );
  const [rhoW, rhoL] = pair;
  return (
    <p className="field-help derived">
      {s.pair.derived(formatNumber(rhoW), formatNumber(rhoL), formatNumber(rhoW - rhoL))}
    </p>
  );
}

export function PairControls() {
  const s = useStrings().controls;
  const refProbs = useStore(useShallow((st) => st.refProbs));
  const start = useStore(useShallow((st) => startLogProbsOf(st)));
  const api = useStoreApi();
  const logMax = Math.log(1 - (refProbs.length - 1) * MIN);
  const commitRef = (i: number, v: number) => {
    const current = api.getState().refProbs;
    api.getState().update({ refProbs: setOneProb(current, i, Math.exp(v), MIN) });
  };
  const commitStart = (i: number, v: number) => {
    const st = api.getState();
    api.getState().update({ startLogRatios: setStartLogProb(st.refProbs, startLogProbsOf(st), i, v) });
  };
  return (
    <fieldset className="pair-controls">
      <legend>{s.pair.legend}</legend>
      <p className="field-help">{s.pair.help}</p>
      <ProbBars />
      {refProbs.map((p, i) => (
        <div className="pair-response" key={i}>
          <NumberField
            label={s.pair.refLogProb(i + 1, roleOf(i))}
            value={round4(Math.log(p))}
            min={Math.log(MIN)}
            max={logMax}
            logProb
            round={round4}
            format={(v) => String(round4(v))}
            slider={{ ...SLIDER, min: Math.log(MIN), max: logMax }}
            onCommit={(v) => commitRef(i, v)}
          />
          <NumberField
            label={s.pair.startLogProb(i + 1, roleOf(i))}
            value={round4(start[i])}
            min={LOG_MIN}
            max={0}
            logProb
            round={round4}
            format={(v) => String(round4(v))}
            slider={SLIDER}
            onCommit={(v) => commitStart(i, v)}
          />
        </div>
      ))}
      <DerivedLine />
    </fieldset>
  );
}
