// The two runs side by side at the time cursor's step, like the readout and the TRL tables beside it (the
// scenarios load with the cursor at the end, where their explanations speak of): per loss, π(y_w), π(y_l)
// and the KL from the reference of the main run (solid in the plots) and of the compared one (dashed), each
// group headed by its run's name. A run that diverged before the cursor shows its last trusted step, like the
// TRL tables do.
import type { CompareRow } from '../../derive/compare.ts';
import { formatNumber } from '../../math/numberFormat.ts';
import { useStrings } from '../strings.tsx';
import './readout.css';

export interface CompareTableProps {
  rows: readonly CompareRow[];
  /** The runs' names ('β = 0.1', 'β = 1'). */
  main: string;
  other: string;
  /** The time cursor's step, and the steps of training. */
  step: number;
  steps: number;
}

export function CompareTable({ rows, main, other, step, steps }: CompareTableProps) {
  const { compare, losses } = useStrings();
  const t = compare.table;
  if (rows.length === 0) return null;
  // TR-DPO: with a moving reference "the reference" is two things, the starting one and the step's own, so
  // the KL column names the first and a column more gives the second (the same number for a fixed one).
  const moving = rows.some((r) => r.main.klCurrent !== null || r.other.klCurrent !== null);
  const span = moving ? 4 : 3;
  const cells = (end: CompareRow['main']) => (
    <>
      <td>{formatNumber(end.chosen)}</td>
      <td>{formatNumber(end.rejected)}</td>
      <td>{formatNumber(end.kl)}</td>
      {moving && <td>{formatNumber(end.klCurrent ?? end.kl)}</td>}
    </>
  );
  const columns: [string, string | undefined][] = moving
    ? [
        [t.chosen, undefined],
        [t.rejected, undefined],
        [t.klStart, t.klStartHelp],
        [t.klCurrent, t.klCurrentHelp],
      ]
    : [
        [t.chosen, undefined],
        [t.rejected, undefined],
        [t.kl, t.klHelp],
      ];
  const heads = (side: string) =>
    columns.map(([h, help]) => (
      <th key={h} scope="col" title={help}>
        <span translate="no">{h}</span>
        <span className="visually-hidden"> · {side}</span>
      </th>
    ));
  return (
    <div className="compare-table">
      <table className="readout-table">
        <caption>{t.caption(main, other, step, steps)}</caption>
        <thead>
          <tr>
            <td />
            <th scope="colgroup" colSpan={span}>
              {main}
            </th>
            <th scope="colgroup" colSpan={span}>
              {other}
            </th>
          </tr>
          <tr>
            <th scope="col">{t.loss}</th>
            {heads(main)}
            {heads(other)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.main.id}-${r.other.id}`}>
              <th scope="row">
                {r.main.id === r.other.id
                  ? losses[r.main.id].label
                  : `${losses[r.main.id].label} / ${losses[r.other.id].label}`}
              </th>
              {cells(r.main)}
              {cells(r.other)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
