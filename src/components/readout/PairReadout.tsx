// The readout: for each selected loss, the pair's loss, gradients and TRL's rewards/* metrics at the time
// cursor's step (each column from that loss's own run; at step 0 the start pair), one column per loss so they
// compare side by side. Every number opens its formula on hover or focus, and the
// places where TRL and the papers differ are said next to the number they affect.
import { Suspense, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ReadoutRowKey, ReadoutStrings } from '../../i18n/types/readout.ts';
import { useStrings } from '../strings.tsx';
import { useViewStore, useViewStoreFields } from '../storeContext.tsx';
import { LossName } from '../LossName.tsx';
import { lossReadout, READOUT_ROWS, type LossReadout, type ReadoutNote } from '../../derive/readout.ts';
import { LOSS_PARAM_FIELDS, PAIR_FIELDS, refMoves, type PairLossFields } from '../../derive/mathParams.ts';
import { formatInputNumber } from '../format.ts';
import { sameFields, stateFields } from '../../state/pickFields.ts';
import { compareOf } from '../../derive/compare.ts';
import { formatNumber } from '../../math/numberFormat.ts';
import { MetricValue } from './MetricValue.tsx';
import { pairOfLossAt, type RunStep } from '../../derive/atStep.ts';
import type { TrainingRunInput } from '../../derive/types.ts';
import type { LossId } from '../../math/index.ts';
import { useCompareCursorRuns, useCursorRuns } from '../views/useCursorRuns.ts';
import { useToyFields, useTrainingPending } from '../views/useToyRuns.ts';
import { lazyPart } from '../lazyPart.tsx';
import { PendingReadout } from './PendingReadout.tsx';
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

/** The settings the readout reads (lossReadout's argument type checks that none is missing). */
const READOUT_FIELDS = stateFields(...LOSS_PARAM_FIELDS, ...PAIR_FIELDS);

/** What the compared run (vs=…) is read against besides the readout's own fields. */
const COMPARE_FIELDS = stateFields(
  'compare',
  'responses',
  'preferenceProb',
  'learningRate',
  'features',
  'optimizer',
  'refSyncSteps',
);

/** The words of a readout note, from the strings table. */
function readoutNoteText(note: ReadoutNote, s: ReadoutStrings['notes']): string {
  switch (note.kind) {
    case 'ktoZ0Estimated':
      return s.ktoZ0Estimated(note.mode);
    case 'ktoZ0Fixed':
      return s.ktoZ0Fixed(formatNumber(note.z0));
    case 'ktoLossSum':
      return s.ktoLossSum(formatNumber(note.trlMean));
    case 'ldAlpha':
      return s.ldAlpha(
        formatNumber(note.alpha),
        formatNumber(note.factorChosen),
        formatNumber(note.factorRejected),
      );
    case 'wpo':
      return s.wpo(formatNumber(note.weight));
    default:
      return s[note.kind];
  }
}

function ReadoutCellView({ readout, row }: { readout: LossReadout; row: ReadoutRowKey }) {
  const s = useStrings().readout;
  if (!readout.ok) {
    if (row !== 'loss') return <span aria-hidden="true">—</span>;
    const p = readout.problem;
    return <span className="readout-problem">{s.notes.invalid(p.message)}</span>;
  }
  const cell = readout.cells[row];
  const notes = cell.notes.map((n) => readoutNoteText(n, s.notes));
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

/** One loss's column at cursor `t`: the readout of its own run's pair at that step (the start pair at t = 0). */
function columnAtStep(
  id: LossId,
  inputs: PairLossFields,
  runs: readonly TrainingRunInput[],
  t: number,
): { readout: LossReadout; at: RunStep | null } {
  const { pair, at, policy } = pairOfLossAt(id, inputs, runs, t);
  return { readout: lossReadout(id, inputs, pair, policy), at };
}

/** Under a column's loss: the step was not the cursor's (diverged before it), or there is no run at all. */
function StepNote({ at }: { at: RunStep | null }) {
  const s = useStrings().timeCursor;
  if (at === null) return <span className="readout-note">{s.untrainedStart}</span>;
  if (at.divergedAt === null) return null;
  return <span className="readout-note">{s.divergedStep(at.step, at.divergedAt)}</span>;
}

/** Only thumbs-down data needs it: its code downloads when that data is chosen (lazyPart.tsx). */
const LazyThumbsReadout = lazyPart(() => import('./ThumbsReadout.tsx').then((m) => m.ThumbsReadout));

/**
 * Under thumbs-down data there is no pair: the readout shows the one undesirable example (ThumbsReadout.tsx).
 * While its code arrives, nothing (not the pair's numbers, which no longer describe the data).
 */
export function PairReadout() {
  const thumbsDown = useViewStore((st) => st.dataset === 'thumbs-down');
  return thumbsDown ? (
    <Suspense fallback={null}>
      <LazyThumbsReadout />
    </Suspense>
  ) : (
    <PairOfLossesReadout />
  );
}

function PairOfLossesReadout() {
  const { readout: s, compare, controls } = useStrings();
  const headingId = useId();
  const startLosses = useViewStore(useShallow((st) => st.losses));
  const startInputs = useViewStoreFields(READOUT_FIELDS);
  const steps = useViewStore((st) => st.steps);
  const cursor = useStrings().timeCursor;
  const { t, runs } = useCursorRuns();
  // Past step 0 the numbers come from the runs; the columns then read the toy's fields, the snapshot the runs
  // were trained on, so a column never mixes a new β (or a newly ticked loss) with an older run. Every read
  // here comes from the paced mirror (useViewStore) and switches in the same render as the views.
  const toy = useToyFields();
  const pendingNote = useTrainingPending(toy);
  const extra = useViewStoreFields(COMPARE_FIELDS);
  const vsRuns = useCompareCursorRuns();
  const heading = (
    <h2 id={headingId}>
      {s.heading} · {cursor.stepOfSteps(Math.min(t, steps), steps)}
    </h2>
  );
  // Past step 0 while a heavy training is under way: no column can be filled yet, and none is shown.
  if (runs === null || vsRuns === null)
    return <PendingReadout headingId={headingId} heading={heading} note={pendingNote} />;
  const losses = t > 0 ? toy.losses : startLosses;
  const inputs: PairLossFields = t > 0 ? toy : startInputs;
  const columns = losses.map((id) => columnAtStep(id, inputs, runs, t));
  // The compared run's columns, labelled "vs β = 1": where its pair numbers differ (β, the loss, π_ref), or
  // past step 0, where its own training has moved its pair (each column from its own run at t).
  const vs = compareOf({ ...inputs, ...extra, losses });
  const vsColumns =
    vs.status === 'on' && (t > 0 || vs.choice.key === 'loss' || !sameFields(inputs, vs.state, READOUT_FIELDS))
      ? vs.state.losses.map((id) => columnAtStep(id, vs.state, vsRuns, t))
      : [];
  const vsLabel = vs.status === 'on' ? compare.vsColumn(compare.side(vs.choice)) : '';

  return (
    <section className="pair-readout" aria-labelledby={headingId}>
      {heading}
      <p className="readout-intro">{s.intro}</p>
      {/* TR-DPO: the columns past step 0 are against that step's reference (atStep.ts pairAtStep). */}
      {toy.losses.some((id) => refMoves(id, toy)) && (
        <p className="readout-intro">
          {controls.refSync.rule(formatInputNumber(toy.refSyncSteps), formatInputNumber(toy.refMixupAlpha))}
        </p>
      )}
      <div className="readout-scroll">
        <table className="readout-table">
          <thead>
            <tr>
              <th scope="col">{s.metricColumn}</th>
              {losses.map((id) => (
                <th scope="col" key={id}>
                  <LossName id={id} />
                </th>
              ))}
              {vsColumns.map(({ readout: r }) => (
                <th scope="col" key={`vs-${r.id}`} className="readout-vs">
                  <LossName id={r.id} /> · {vsLabel}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {READOUT_ROWS.map((row) => (
              <tr key={row}>
                <th scope="row">
                  <code translate="no">{ROW_LABELS[row]}</code>
                  <span className="row-help">{s.rowHelp[row]}</span>
                  {row === 'rewards/accuracies' && (
                    <span className="readout-note">{s.notes.accuracyStrict}</span>
                  )}
                </th>
                {columns.map(({ readout: r, at }) => (
                  <td key={r.id}>
                    <ReadoutCellView readout={r} row={row} />
                    {row === 'loss' && t > 0 && <StepNote at={at} />}
                  </td>
                ))}
                {vsColumns.map(({ readout: r }) => (
                  <td key={`vs-${r.id}`} className="readout-vs">
                    <ReadoutCellView readout={r} row={row} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="readout-note">{s.notes.logpsSummed}</p>
    </section>
  );
}
