// The training view (`training`): π(y) of every response over the training steps, one subplot per loss (up to
// four a row). Response 0 is solid, 1 dashed; colours follow the response's role in the data (responseRole.ts):
// y_w of one pair in the theme's chosen colour, y_l and a thumbs-down response in the rejected colour, the
// others grey.
import type { Annotation, Data, LayoutAxis } from 'plotly.js';
import { drawnSteps } from '../math/index.ts';
import type { Figure, PlotTheme } from './types.ts';
import type { TrainingRunInput } from '../derive/types.ts';
import type { FigureStrings, ResponseData, TrainingSummaryPart } from '../i18n/types/figures.ts';
import { lossStyleOf, responseStyle } from './lossStyle.ts';
import { stepCursorShapes } from './stepCursor.ts';
import { cellTitle, emptyFigure, lineTrace, setStepAxes, stepGrid } from './layout.ts';
import { decimatedSteps } from './decimate.ts';
import { MOVE_TOLERANCE } from '../derive/trainingMoves.ts';

export interface TrainingFigureOptions {
  theme: PlotTheme;
  strings: FigureStrings;
  /** K, the number of responses drawn (at most the length of each probs row). */
  responses: number;
  /** Panels per row at most (default 4); narrow screens pass fewer. */
  maxColumns?: number;
  /** What the toy was trained on, so responses are named for what they are (default: one pair). */
  data?: ResponseData;
  /** The time cursor's step: a vertical line over every panel (none when absent). */
  step?: number;
  /**
   * Points drawn per series at most (decimate.ts; default MAX_DRAWN_POINTS). The data exports pass
   * Infinity: a file holds every step.
   */
  maxDrawnPoints?: number;
}

/** Column k of probs[t][k], for the first `n` steps (default all). */
export function probColumn(probs: readonly (readonly number[])[], k: number, n = probs.length): Float64Array {
  const out = new Float64Array(Math.min(n, probs.length));
  for (let t = 0; t < out.length; t++) out[t] = probs[t][k];
  return out;
}

function summaryPart(run: TrainingRunInput, label: string): TrainingSummaryPart | null {
  const T = run.probs.length - 1;
  if (T < 0 || run.probs[0].length < 2) return null;
  const first = run.probs[0];
  const last = run.probs[T];
  const n = Math.min(run.chosenLogRatio.length, run.rejectedLogRatio.length);
  const divergedAt = run.divergence?.step ?? null;
  const marginGrew =
    n > 1 &&
    run.chosenLogRatio[n - 1] - run.rejectedLogRatio[n - 1] > run.chosenLogRatio[0] - run.rejectedLogRatio[0];
  return {
    label,
    steps: T,
    chosenStart: first[0],
    chosenEnd: last[0],
    rejectedStart: first[1],
    rejectedEnd: last[1],
    // A fall the texts can show (trainingMoves.ts): the caption and the scenario's words use the same bar.
    displaced: divergedAt === null && first[0] - last[0] >= MOVE_TOLERANCE && marginGrew,
    divergedAt,
  };
}

/** A dotted vertical line over a panel at the step where its run diverged. */
function divergenceLine(theme: PlotTheme, axes: { x: string; y: string }, step: number, name: string): Data {
  return {
    type: 'scatter',
    mode: 'lines',
    name,
    showlegend: false,
    xaxis: axes.x,
    yaxis: axes.y,
    x: [step, step],
    y: [0, 1],
    line: { color: theme.text, dash: 'dot', width: Math.max(1, theme.lineWidth * 0.6) },
    hovertemplate: `${name}<extra></extra>`,
  };
}

export function trainingFigure(runs: readonly TrainingRunInput[], opts: TrainingFigureOptions): Figure {
  const { theme, strings: s } = opts;
  if (runs.length === 0) return emptyFigure(theme, s.note.noData, s.summary.empty, 'training');

  const gridOpts = { titled: true, gapX: 0.035, maxCols: opts.maxColumns };
  const { layout, panels } = stepGrid(runs.length, theme, gridOpts, `training-${runs.length}`);
  const data: Data[] = [];
  const annotations: Partial<Annotation>[] = [];
  const parts: TrainingSummaryPart[] = [];
  // TR-DPO's moving reference is named in the legend once, by the first run that has one.
  const firstMoving = runs.findIndex((r) => r.refProbs !== undefined);

  runs.forEach((run, i) => {
    const { cell, axes } = panels[i];
    const label = s.lossLabel(run.id);
    const T = Math.max(0, run.probs.length - 1);
    // A diverged run is drawn up to the step where it diverged: its later numbers mean nothing.
    const shown = drawnSteps(run.divergence, run.probs.length);
    const K = Math.min(opts.responses, run.probs[0]?.length ?? 0);
    for (let k = 0; k < K; k++) {
      const style = responseStyle(k, theme, opts.data);
      // Long runs are thinned for drawing, peaks and ends kept (decimate.ts).
      const { x, y } = decimatedSteps(probColumn(run.probs, k, shown), opts.maxDrawnPoints);
      data.push(
        lineTrace(
          s.responseLabel(k, opts.data),
          { color: style.color, dash: style.dash, width: theme.lineWidth },
          {
            legendgroup: `response-${k}`,
            showlegend: i === 0,
            xaxis: axes.x,
            yaxis: axes.y,
            x,
            y,
          },
        ),
      );
    }
    // A moving reference (TR-DPO): π_ref(y) over the steps, long-dashed and thinner in each response's colour
    // (dotted and dash-dotted are the compared run's lines, so the reference takes a dash of its own).
    if (run.refProbs)
      for (let k = 0; k < K; k++) {
        const { color } = responseStyle(k, theme, opts.data);
        const { x, y } = decimatedSteps(probColumn(run.refProbs, k, shown), opts.maxDrawnPoints);
        data.push(
          lineTrace(
            s.movingReference.of(s.responseLabel(k, opts.data)),
            { color, dash: 'longdash', width: Math.max(1, theme.lineWidth * 0.6) },
            {
              legendgroup: `reference-${k}`,
              showlegend: i === firstMoving,
              opacity: 0.8,
              xaxis: axes.x,
              yaxis: axes.y,
              x,
              y,
            },
          ),
        );
      }
    const probabilityAxis: Partial<LayoutAxis> = {
      range: [-0.02, 1.02],
      showticklabels: cell.left,
      title: { text: cell.left ? s.axis.probability : '' },
    };
    setStepAxes(layout, i, panels[i], Math.max(1, T), probabilityAxis, theme, s);
    const diverged = run.divergence ? s.note.diverged(run.divergence.step) : null;
    if (run.divergence && diverged) data.push(divergenceLine(theme, axes, run.divergence.step, diverged));
    // The panel's title is framed in the loss's colour, the colour it has in every other view.
    annotations.push({
      ...cellTitle(theme, cell, diverged ? `${label} · ${diverged}` : label),
      bordercolor: lossStyleOf(run.id, theme).color,
      borderwidth: 2,
      borderpad: 2,
    });
    const part = summaryPart(run, label);
    if (part) parts.push(part);
  });
  layout.annotations = annotations;
  if (opts.step !== undefined)
    layout.shapes = stepCursorShapes(panels.slice(0, runs.length), opts.step, theme);
  return { data, layout, summary: s.summary.training(parts, opts.data) };
}
