// The training view: the toy policy's probabilities over training, one panel per loss, with TRL's metrics
// over steps and, at the time cursor's step (a vertical line on every panel), the metrics as TRL would log them.
import { useCallback, useMemo } from 'react';
import { trainingFigure } from '../../figures/trainingFigure.ts';
import { trainingMetricsFigure, TRL_METRICS } from '../../figures/trainingMetricsFigure.ts';
import type { HeldRanges } from '../../figures/types.ts';
import { useStore, useViewStore } from '../storeContext.tsx';
import { shownMetrics, toggledMetrics } from '../../derive/shownMetrics.ts';
import type { TrainingRunInput } from '../../derive/types.ts';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { TrlMetricsTable } from '../readout/TrlMetricsTable.tsx';
import { PlotErrorBoundary } from '../plot/PlotErrorBoundary.tsx';
import { ViewSection } from './ViewSection.tsx';
import { useToyFields, useTrainingPending } from './useToyRuns.ts';
import type { ToyFields, ToyRuns } from '../../derive/toy.ts';
import { noFigure } from './noFigure.ts';
import { usePanelColumns } from './usePanelColumns.ts';
import { TrainingDivergenceWarning } from './DivergenceWarning.tsx';
import { divergedRuns } from '../../derive/divergence.ts';
import { firstResponseMoves } from '../../derive/trainingMoves.ts';
import { metricsAtStep } from '../../derive/atStep.ts';
import { compareRowsOf } from '../../derive/compare.ts';
import { overlayCompare } from '../../figures/compare.ts';
import { legendForCount } from '../../figures/layout.ts';
import { CompareTable } from '../readout/CompareTable.tsx';
import { useToyViewRuns, withCompareCaption, type CompareRuns } from './useCompare.ts';

/**
 * Which parts of the view: 'all' (the page), 'probabilities' (embedded: just the probabilities, the one plot
 * the view is about), 'metrics' (embedded: "What TRL would log", its plot and tables, without the first plot)
 * or 'tables' (a lesson's 'metrics' panel: just the tables at the cursor).
 */
export type TrainingPart = 'all' | 'probabilities' | 'metrics' | 'tables';

/** With three or more responses the training view's dashes are all taken by responses (y₃ dotted, …). */
const fadedCompare = (responses: number) => responses >= 3;

export function TrainingView({ part = 'all' }: { part?: TrainingPart }) {
  const fields = useToyFields();
  const trained = useToyViewRuns(fields);
  const pending = useTrainingPending(fields);
  if (trained) return <TrainingViewOf part={part} fields={fields} {...trained} />;
  if (part === 'tables')
    return (
      <p role="status" className="view-note">
        {pending}
      </p>
    );
  // A heavy training still under way: both plots say so, and nothing drawn from older runs stays beside it.
  return (
    <>
      {part !== 'metrics' && <ViewSection id="training" figure={noFigure} height={320} pending={pending} />}
      {part !== 'probabilities' && <ViewSection id="metrics" figure={noFigure} pending={pending} />}
    </>
  );
}

function TrainingViewOf({
  part,
  fields,
  runs: { runs, untrainable },
  vs,
}: {
  part: TrainingPart;
  fields: ToyFields;
  runs: ToyRuns;
  /** The second run (vs=…): drawn dashed over these, listed beside them. */
  vs: CompareRuns | null;
}) {
  const theme = usePlotTheme();
  const strings = useStrings();
  const { views, losses, figures, timeCursor } = strings;
  const t = useViewStore((st) => st.t);
  // The ticks live in the state (and so in a link); none ticked = the usual ones that have data here.
  const ticked = useViewStore((st) => st.trainingMetrics);
  const update = useStore((st) => st.update);
  const metrics = useMemo(() => shownMetrics(ticked, vs ? [...runs, ...vs.runs] : runs), [ticked, runs, vs]);
  const data = useMemo(
    () => ({ dataset: fields.dataset, rewards: fields.rewards }),
    [fields.dataset, fields.rewards],
  );
  const text = useMemo(() => {
    const { rose, fell } = firstResponseMoves(runs);
    const label = (r: TrainingRunInput) => losses[r.id].label;
    const moved = views.trainingMoved(fields.dataset, rose.map(label), fell.map(label));
    const base = vs
      ? withCompareCaption(
          views.sections.training,
          vs,
          strings,
          fadedCompare(fields.responses) ? 'faded' : 'dotted',
        )
      : views.sections.training;
    return moved === '' ? base : { ...base, caption: `${base.caption}${moved}` };
  }, [runs, views, losses, fields.dataset, fields.responses, vs, strings]);
  const diverged = useMemo(() => divergedRuns(runs), [runs]);
  // Each run's metrics at the cursor (a diverged run's at its last step before it diverged, when t is past it).
  const tables = useMemo(() => runs.map((run) => ({ run, ...metricsAtStep(run, t) })), [runs, t]);
  const vsTables = useMemo(
    () => (vs ? vs.runs.map((run) => ({ run, ...metricsAtStep(run, t) })) : []),
    [vs, t],
  );
  // Both runs at the cursor, like the TRL tables above them.
  const vsRows = useMemo(
    () => (vs ? compareRowsOf(vs.key, runs, vs.runs, { main: fields.refProbs, other: vs.refProbs }, t) : []),
    [vs, runs, fields.refProbs, t],
  );
  const shownStep = Math.min(t, fields.steps);
  const metricsText = useMemo(() => {
    const base = vs ? withCompareCaption(views.sections.metrics, vs, strings) : views.sections.metrics;
    return {
      ...base,
      title: `${base.title} · ${timeCursor.stepOfSteps(shownStep, fields.steps)}`,
    };
  }, [views, timeCursor, shownStep, fields.steps, vs, strings]);

  const maxColumns = usePanelColumns();
  // `maxDrawnPoints`: the drawn figures thin long series; the data exports (Infinity) hold every step.
  const probsFigureOf = useCallback(
    (maxDrawnPoints?: number) => {
      const opts = {
        theme,
        strings: figures,
        responses: fields.responses,
        maxColumns,
        data,
        step: t,
        maxDrawnPoints,
      };
      const main = trainingFigure(runs, opts);
      // y_l is already dashed here: the second run is dotted (y_w) and dash-dotted (y_l); with three or more
      // responses every dash is a response's, and the second run is drawn faint in the same dashes.
      const style = fadedCompare(fields.responses) ? { faded: true } : { dashesTaken: true };
      if (!vs) return main;
      const both = overlayCompare(main, trainingFigure(vs.runs, opts), vs.names, style);
      // Two runs' responses (and TR-DPO's moving references) with their long names: above the panels they
      // took rows enough to squash the plot to a strip; beside it, a column (legendForCount).
      const entries = both.data.filter((d) => (d as { showlegend?: boolean }).showlegend !== false).length;
      return { ...both, layout: legendForCount(both.layout, entries, theme) };
    },
    [runs, theme, figures, fields.responses, maxColumns, data, vs, t],
  );
  const metricsFigureOf = useCallback(
    (maxDrawnPoints?: number, held?: HeldRanges) => {
      const opts = { theme, strings: figures, metrics, maxColumns, step: t, maxDrawnPoints };
      const main = trainingMetricsFigure(runs, { ...opts, held });
      return vs ? overlayCompare(main, trainingMetricsFigure(vs.runs, opts), vs.names) : main;
    },
    [runs, theme, figures, metrics, maxColumns, vs, t],
  );
  const probsFigure = useCallback(() => probsFigureOf(), [probsFigureOf]);
  const probsData = useCallback(() => probsFigureOf(Infinity), [probsFigureOf]);
  const metricsFigure = useCallback(
    (held?: HeldRanges) => metricsFigureOf(undefined, held),
    [metricsFigureOf],
  );
  const metricsData = useCallback(() => metricsFigureOf(Infinity), [metricsFigureOf]);
  const toggle = (name: (typeof TRL_METRICS)[number]) =>
    update({ trainingMetrics: toggledMetrics(metrics, name) });

  const tablesPart = (
    <PlotErrorBoundary resetKey={runs}>
      <div className="metrics-tables">
        {tables.map(({ run, metrics, step, divergedAt }) => {
          const label = vs
            ? strings.compare.traceName(losses[run.id].label, vs.names.main)
            : losses[run.id].label;
          // Past the step where a run diverged, its table shows the last step before it, and says so.
          return (
            <TrlMetricsTable
              key={run.id}
              metrics={metrics}
              caption={
                divergedAt !== null
                  ? views.divergedMetricsCaption(label, step, divergedAt)
                  : views.finalMetricsCaption(label, step)
              }
            />
          );
        })}
        {vs &&
          vsTables.map(({ run, metrics, step }) => (
            <TrlMetricsTable
              key={`vs-${run.id}`}
              metrics={metrics}
              caption={strings.compare.metricsCaption(losses[run.id].label, vs.names.other, step)}
            />
          ))}
      </div>
      {vs && (
        <CompareTable
          rows={vsRows}
          main={vs.names.main}
          other={vs.names.other}
          step={shownStep}
          steps={fields.steps}
        />
      )}
    </PlotErrorBoundary>
  );
  if (part === 'tables') return tablesPart;

  return (
    <>
      {part !== 'metrics' && (
        <ViewSection
          id="training"
          text={text}
          figure={probsFigure}
          dataFigure={probsData}
          height={320}
          zoomable
          toolbar={
            <TrainingDivergenceWarning
              runs={diverged}
              learningRate={fields.learningRate}
              optimizer={fields.optimizer}
            />
          }
        />
      )}
      {part === 'all' && untrainable.length > 0 && (
        <p role="status" className="view-note">
          {views.untrainable(untrainable.map((id) => losses[id].label).join(', '))}
        </p>
      )}
      {part !== 'probabilities' && (
        <>
          <ViewSection
            id="metrics"
            text={metricsText}
            figure={metricsFigure}
            dataFigure={metricsData}
            zoomable
            toolbar={
              <fieldset className="view-toolbar metric-picker">
                <legend>{views.metricsLegend}</legend>
                {TRL_METRICS.map((name) => (
                  <label key={name}>
                    <input type="checkbox" checked={metrics.includes(name)} onChange={() => toggle(name)} />{' '}
                    <code translate="no">{name}</code>
                  </label>
                ))}
              </fieldset>
            }
          />
          {tablesPart}
        </>
      )}
    </>
  );
}
