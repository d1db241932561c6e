// The readout under thumbs-down data (one undesirable example on A, nothing else): for each chosen loss, its
// one example at the time cursor's step and what TRL's KTOTrainer logs for a batch of it. No chosen values:
// TRL logs no rewards/chosen or rewards/margins without a desirable example, so those cells say so. Pair
// losses cannot train on these data, and their column says that instead of showing a pair.
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStrings } from '../strings.tsx';
import { useViewStore } from '../storeContext.tsx';
import { LossName } from '../LossName.tsx';
import { formatNumber } from '../../math/numberFormat.ts';
import { thumbsColumnsAt, type ThumbsColumn } from '../../derive/thumbsDown.ts';
import type { ThumbsRowKey } from '../../i18n/types/thumbs.ts';
import { useToyFields, useToyRuns, useTrainingPending } from '../views/useToyRuns.ts';
import { PendingReadout } from './PendingReadout.tsx';
import './readout.css';

/** Row names are TRL's metric names (and the push on log π(A)): the same in every language. */
export const THUMBS_ROW_LABELS: Record<ThumbsRowKey, string> = {
  loss: 'loss',
  dLogp: '∂loss/∂log π(A)',
  'rewards/chosen': 'rewards/chosen',
  'rewards/rejected': 'rewards/rejected',
  'rewards/margins': 'rewards/margins',
  'logps/rejected': 'logps/rejected',
  kl: 'kl',
};

const ROWS = Object.keys(THUMBS_ROW_LABELS) as ThumbsRowKey[];

function Cell({ column, row }: { column: ThumbsColumn; row: ThumbsRowKey }) {
  const { thumbs, timeCursor } = useStrings();
  const s = thumbs.readout;
  const z0Mode = useViewStore((st) => st.z0Mode);
  if (column.kind === 'pair') {
    if (row !== 'loss') return <span aria-hidden="true">—</span>;
    return <span className="readout-note">{s.pairLoss}</span>;
  }
  if (row === 'rewards/chosen' || row === 'rewards/margins')
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="readout-note">{s.noDesirable}</span>
      </>
    );
  const at = column.at;
  const value = {
    loss: at.loss,
    dLogp: at.dLogp,
    'rewards/rejected': at.rewardRejected,
    'logps/rejected': at.logp,
    kl: at.z0,
  }[row];
  return (
    <>
      <span className="metric-plain" data-value={value}>
        {formatNumber(value)}
      </span>
      {row === 'kl' && <span className="readout-note">{column.readsZ0 ? s.z0[z0Mode] : s.apoNoZ0}</span>}
      {row === 'loss' && at.divergedAt !== null && (
        <span className="readout-note">{timeCursor.divergedStep(at.step, at.divergedAt)}</span>
      )}
    </>
  );
}

export function ThumbsReadout() {
  const { readout: r, thumbs, timeCursor } = useStrings();
  const headingId = useId();
  const losses = useViewStore(useShallow((st) => st.losses));
  const t = useViewStore((st) => st.t);
  const steps = useViewStore((st) => st.steps);
  const fields = useToyFields();
  const trained = useToyRuns(fields);
  const pendingNote = useTrainingPending(fields);
  const heading = (
    <h2 id={headingId}>
      {thumbs.readout.heading} · {timeCursor.stepOfSteps(Math.min(t, steps), steps)}
    </h2>
  );
  // Every column reads its run (step 0 included: the run's z0): none is shown while a heavy one trains.
  if (trained === null) return <PendingReadout headingId={headingId} heading={heading} note={pendingNote} />;
  const columns = thumbsColumnsAt({ ...fields, losses }, trained.runs, t);
  return (
    <section className="pair-readout" aria-labelledby={headingId}>
      {heading}
      <p className="readout-intro">{thumbs.readout.intro}</p>
      <div className="readout-scroll">
        <table className="readout-table">
          <thead>
            <tr>
              <th scope="col">{r.metricColumn}</th>
              {columns.map((c) => (
                <th scope="col" key={c.id}>
                  <LossName id={c.id} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row}>
                <th scope="row">
                  <code translate="no">{THUMBS_ROW_LABELS[row]}</code>
                  <span className="row-help">{thumbs.readout.rowHelp[row]}</span>
                </th>
                {columns.map((c) => (
                  <td key={c.id}>
                    <Cell column={c} row={row} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="readout-note">{r.notes.logpsSummed}</p>
    </section>
  );
}
