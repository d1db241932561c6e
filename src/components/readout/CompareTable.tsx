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
  const cells = (end: CompareRow['main']) => (
    <>
      <td>{formatNumber(end.chosen)}</td>
      <td>{formatNumber(end.rejected)}</td>
      <td>{formatNumber(end.kl)}</td>
    </>
  );
  const heads = (side: string) =>
    [t.chosen, t.rejected, t.kl].map((h, i) => (
      <th key={h} scope="col" title={i === 2 ? t.klHelp : undefined}>
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
            <th scope="colgroup" colSpan={3}>
              {main}
            </th>
            <th scope="colgroup" colSpan={3}>
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
