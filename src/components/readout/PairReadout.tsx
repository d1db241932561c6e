// The readout: for each selected loss, the current pair's loss, gradients and TRL's rewards/* metrics, one
// column per loss so they compare side by side. Every number opens its formula on hover or focus, and the
// places where TRL and the papers differ are said next to the number they affect.
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ReadoutRowKey } from '../../i18n/uiStrings.ts';
import type { StoreState } from '../../state/store.ts';
import { useUiStrings } from '../i18nContext.tsx';
import { useStore } from '../storeContext.tsx';
import { LossName } from '../LossName.tsx';
import { lossReadout, READOUT_ROWS, type LossReadout, type ReadoutInputs } from './pairReadout.ts';
import { MetricValue } from './MetricValue.tsx';
import { readoutNoteText } from './ReadoutNoteText.tsx';
import './readout.css';

/** Row names are TRL's metric names (and the two gradients): the same in every language. */
export const ROW_LABELS: Record<ReadoutRowKey, string> = {
  loss: 'loss',
  dChosen: '∂loss/∂log π(y_w)',
  dRejected: '∂loss/∂log π(y_l)',
  'rewards/chosen': 'rewards/chosen',
  'rewards/rejected': 'rewards/rejected',
  'rewards/margins': 'rewards/margins',
  'rewards/accuracies': 'rewards/accuracies',
};

const pickInputs = (s: StoreState): ReadoutInputs => ({
  beta: s.beta,
  labelSmoothing: s.labelSmoothing,
  ipoNormalization: s.ipoNormalization,
  discopopTau: s.discopopTau,
  policyChosen: s.policyChosen,
  policyRejected: s.policyRejected,
  refChosen: s.refChosen,
  refRejected: s.refRejected,
  chosenLength: s.chosenLength,
  rejectedLength: s.rejectedLength,
  desirableWeight: s.desirableWeight,
  undesirableWeight: s.undesirableWeight,
  z0Mode: s.z0Mode,
  z0: s.z0,
});

function ReadoutCellView({ readout, row }: { readout: LossReadout; row: ReadoutRowKey }) {
  const s = useUiStrings();
  if (!readout.ok) {
    if (row !== 'loss') return <span aria-hidden="true">—</span>;
    const p = readout.problem;
    return <span className="readout-problem">{s.readout.notes.invalid(p.message)}</span>;
  }
  const cell = readout.cells[row];
  const notes = cell.notes.map((n) => readoutNoteText(n, s.readout.notes));
  return (
    <>
      {cell.value !== null && (
        <MetricValue
          value={cell.value}
          title={
            <>
              <code translate="no">{ROW_LABELS[row]}</code> · <LossName id={readout.id} />
            </>
          }
          formula={cell.formula}
          substituted={cell.substituted}
        />
      )}
      {notes.map((text) => (
        <span key={text} className="readout-note">
          {text}
        </span>
      ))}
    </>
  );
}

export function PairReadout() {
  const s = useUiStrings();
  const headingId = useId();
  const losses = useStore(useShallow((st) => st.losses));
  const inputs = useStore(useShallow(pickInputs));
  const readouts = losses.map((id) => lossReadout(id, inputs));

  return (
    <section className="pair-readout" aria-labelledby={headingId}>
      <h2 id={headingId}>{s.readout.heading}</h2>
      <p className="readout-intro">{s.readout.intro}</p>
      <div className="readout-scroll">
        <table className="readout-table">
          <thead>
            <tr>
              <th scope="col">{s.readout.metricColumn}</th>
              {losses.map((id) => (
                <th scope="col" key={id}>
                  <LossName id={id} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {READOUT_ROWS.map((row) => (
              <tr key={row}>
                <th scope="row">
                  <code translate="no">{ROW_LABELS[row]}</code>
                  <span className="row-help">{s.readout.rowHelp[row]}</span>
                  {row === 'rewards/accuracies' && (
                    <span className="readout-note">{s.readout.notes.accuracyStrict}</span>
                  )}
                </th>
                {readouts.map((r) => (
                  <td key={r.id}>
                    <ReadoutCellView readout={r} row={row} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="readout-note">{s.readout.notes.logpsSummed}</p>
    </section>
  );
}
