// Training-step metrics (computed elsewhere) under the names TRL logs them, each explained by its batch
// definition on hover or focus. Names the table does not know are shown as given, without a formula.
import { useId } from 'react';
import { useStrings } from '../strings.tsx';
import { formatNumber, formatTexNumber } from '../../math/numberFormat.ts';
import { MetricValue } from './MetricValue.tsx';
import {
  isReferenceFreeRun,
  isTrlMetricKey,
  REFERENCE_FREE_METRIC_FORMULAS,
  TRL_METRIC_FORMULAS,
  TRL_METRIC_ORDER,
} from './trlMetricFormulas.ts';
import './readout.css';

export interface TrlMetricsTableProps {
  /** TRL metric name → value, e.g. { loss: 0.41, 'rewards/margins': 1.2 }. */
  metrics: Readonly<Record<string, number>>;
  /** Overrides the default caption, e.g. to name the step or the loss. */
  caption?: string;
}

/** The metrics whose meaning a SimPO / ORPO run changes (per-token means, no reference). */
function isReferenceFreeRedefined(
  name: string,
): name is 'rewards/chosen' | 'rewards/rejected' | 'logps/chosen' | 'logps/rejected' {
  return (
    name === 'rewards/chosen' ||
    name === 'rewards/rejected' ||
    name === 'logps/chosen' ||
    name === 'logps/rejected'
  );
}

function orderOf(name: string): number {
  const i = (TRL_METRIC_ORDER as readonly string[]).indexOf(name);
  return i < 0 ? TRL_METRIC_ORDER.length : i;
}

function MetricCell({ name, value, noReference }: { name: string; value: number; noReference: boolean }) {
  if (!isTrlMetricKey(name)) return <span className="metric-plain">{formatNumber(value)}</span>;
  // A SimPO / ORPO run: its rewards and logps are per-token means of log πθ, no reference.
  const { lhs, rhs } =
    (noReference ? REFERENCE_FREE_METRIC_FORMULAS[name] : undefined) ?? TRL_METRIC_FORMULAS[name];
  const formula = { tex: `${lhs.tex} = ${rhs.tex}`, text: `${lhs.text} = ${rhs.text}` };
  // Only the logged value is known here: the definition, then its value.
  const substituted = {
    tex: `${formula.tex} = ${formatTexNumber(value)}`,
    text: `${formula.text} = ${formatNumber(value)}`,
  };
  return (
    <MetricValue
      value={value}
      title={<code translate="no">{name}</code>}
      formula={formula}
      substituted={substituted}
    />
  );
}

export function TrlMetricsTable({ metrics, caption }: TrlMetricsTableProps) {
  const { readout: s, thumbs } = useStrings();
  // A KTO run without desirable examples (thumbs-down data): TRL logs KTO's `kl` but no chosen-side metric.
  const noDesirable = 'kl' in metrics && !('rewards/chosen' in metrics);
  const noteId = useId();
  const noReference = isReferenceFreeRun(metrics);
  const names = Object.keys(metrics).sort((a, b) => orderOf(a) - orderOf(b) || a.localeCompare(b));
  return (
    <div className="trl-metrics">
      <table className="readout-table" aria-describedby={noteId}>
        <caption>{caption ?? s.trlMetrics.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{s.trlMetrics.metricColumn}</th>
            <th scope="col">{s.trlMetrics.valueColumn}</th>
          </tr>
        </thead>
        <tbody>
          {names.length === 0 && (
            <tr>
              <td colSpan={2}>{s.trlMetrics.empty}</td>
            </tr>
          )}
          {names.map((name) => (
            <tr key={name}>
              <th scope="row">
                <code translate="no">{name}</code>
                {isTrlMetricKey(name) && (
                  <span className="row-help">
                    {(noReference && isReferenceFreeRedefined(name)
                      ? s.trlMetrics.referenceFreeDescriptions[name]
                      : undefined) ?? s.trlMetrics.descriptions[name]}
                  </span>
                )}
                {name === 'rewards/accuracies' && (
                  <span className="readout-note">{s.notes.accuracyStrict}</span>
                )}
              </th>
              <td>
                <MetricCell name={name} value={metrics[name]} noReference={noReference} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p id={noteId} className="readout-note">
        {noReference ? s.notes.logpsPerToken : s.notes.logpsSummed}
        {noDesirable && ` ${thumbs.readout.trlNoDesirable}`}
      </p>
    </div>
  );
}
