// View 3: the toy policy's probabilities over training, one panel per loss, with TRL's metrics over steps
// and the last step's metrics as TRL would log them.
import { useCallback, useMemo, useState } from 'react';
import { trainingFigure } from '../../figures/trainingFigure.ts';
import { trainingMetricsFigure, TRL_METRICS } from '../../figures/trainingMetricsFigure.ts';
import { useLanguage, usePlotTheme } from '../environment.tsx';
import { TrlMetricsTable } from '../readout/TrlMetricsTable.tsx';
import { PlotErrorBoundary } from '../plot/PlotErrorBoundary.tsx';
import { ViewSection } from './ViewSection.tsx';
import { useToyFields, useToyRuns } from './useToyRuns.ts';
import { usePanelColumns } from './usePanelColumns.ts';
import { TrainingDivergenceWarning } from './DivergenceWarning.tsx';
import { divergedRuns } from '../../state/derive/divergence.ts';

const DEFAULT_METRICS = ['rewards/margins', 'rewards/accuracies', 'rewards/chosen', 'logps/chosen'];

/** The metrics at step t (default: the last), leaving out those with no finite value there. */
function stepMetrics(metrics: Record<string, number[]>, t?: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, values] of Object.entries(metrics)) {
    const v = values[t ?? values.length - 1];
    if (Number.isFinite(v)) out[name] = v;
  }
  return out;
}

/** `compact` (embedded): just the probabilities, the one plot the view is about. */
export function TrainingView({ compact = false }: { compact?: boolean }) {
  const fields = useToyFields();
  const { runs, untrainable } = useToyRuns(fields);
  const theme = usePlotTheme();
  const lang = useLanguage();
  const [metrics, setMetrics] = useState<string[]>(DEFAULT_METRICS);
  const diverged = useMemo(() => divergedRuns(runs), [runs]);

  const maxColumns = usePanelColumns();
  const probsFigure = useCallback(
    () => trainingFigure(runs, { theme, strings: lang.figures, responses: fields.responses, maxColumns }),
    [runs, theme, lang, fields.responses, maxColumns],
  );
  const metricsFigure = useCallback(
    () => trainingMetricsFigure(runs, { theme, strings: lang.figures, metrics, maxColumns }),
    [runs, theme, lang, metrics, maxColumns],
  );
  const toggle = (name: string) =>
    setMetrics((m) => (m.includes(name) ? (m.length > 1 ? m.filter((x) => x !== name) : m) : [...m, name]));

  return (
    <>
      <ViewSection
        id="training"
        strings={lang.app}
        figure={probsFigure}
        height={320}
        zoomable
        toolbar={
          <TrainingDivergenceWarning
            runs={diverged}
            lang={lang}
            learningRate={fields.learningRate}
            optimizer={fields.optimizer}
          />
        }
      />
      {!compact && untrainable.length > 0 && (
        <p role="status" className="view-note">
          {lang.app.untrainable(untrainable.map((id) => lang.figures.lossLabel(id)).join(', '))}
        </p>
      )}
      {!compact && (
        <>
          <ViewSection
            id="metrics"
            text={lang.app.metricsView}
            strings={lang.app}
            figure={metricsFigure}
            zoomable
            toolbar={
              <fieldset className="view-toolbar metric-picker">
                <legend>{lang.app.metricsLegend}</legend>
                {TRL_METRICS.map((name) => (
                  <label key={name}>
                    <input type="checkbox" checked={metrics.includes(name)} onChange={() => toggle(name)} />{' '}
                    <code translate="no">{name}</code>
                  </label>
                ))}
              </fieldset>
            }
          />
          <PlotErrorBoundary message={lang.app.plotFailed} retryLabel={lang.app.retry} resetKey={runs}>
            <div className="metrics-tables">
              {runs.map((run) => {
                const label = lang.figures.lossLabel(run.id);
                // A diverged run's table shows the last step before it diverged, and says so.
                const d = diverged.find((x) => x.id === run.id);
                return d ? (
                  <TrlMetricsTable
                    key={run.id}
                    metrics={stepMetrics(run.metrics, d.lastTrustedStep)}
                    caption={lang.app.divergedMetricsCaption(label, d.lastTrustedStep, d.step)}
                  />
                ) : (
                  <TrlMetricsTable
                    key={run.id}
                    metrics={stepMetrics(run.metrics)}
                    caption={lang.app.finalMetricsCaption(label, run.loss.length - 1)}
                  />
                );
              })}
            </div>
          </PlotErrorBoundary>
        </>
      )}
    </>
  );
}
