// The plane view (`plane`): the loss over the plane of log-ratios (ρw on x, ρl on y) as filled contours, with
// the toy training trajectory of the same loss on top, the diagonal ρw = ρl (margin 0) and the current pair.
// The colour scale is Viridis (perceptually uniform, colour-blind safe). When the loss spans more than
// LOG_COMPRESS_SPAN, colours follow log₁₀(1 + loss − min) and the colour bar is labelled in loss units.
import type { Annotation, Data } from 'plotly.js';
import { drawnSteps, isReferenceFreeLoss, trustedSteps } from '../math/index.ts';
import type { Figure, PlotTheme } from './types.ts';
import type { PlaneGridInput, TrainingRunInput } from '../derive/types.ts';
import type { FigureStrings, PlaneSummary } from '../i18n/types/figures.ts';
import { formatFixed } from '../math/numberFormat.ts';
import { themeAxis, themeLayout } from './themes.ts';
import { addCornerNote, emptyFigure, finiteExtent, paddedRange } from './layout.ts';
import { lossStyleOf } from './lossStyle.ts';
import { stepMarkerName, stepMarkerTrace } from './stepCursor.ts';
import { runStepAt } from '../derive/atStep.ts';

export interface PlaneFigureOptions {
  theme: PlotTheme;
  strings: FigureStrings;
  /** The current pair's log-ratios, marked when given. */
  current?: { chosenLogRatio: number; rejectedLogRatio: number };
  /** The time cursor's step: a marker on the run's path there (none when absent). */
  step?: number;
}

/** Log-compress the colours when max − min of the loss exceeds this. */
export const LOG_COMPRESS_SPAN = 100;

/** Drawn over Viridis: the path in its loss's colour (as in every view) on a white halo, which reads on both ends. */
const HALO_COLOUR = 'rgba(255,255,255,0.85)';
const DIAGONAL_COLOUR = 'rgba(255,255,255,0.9)';

/** log₁₀(1 + z − min); non-finite cells become gaps (null). */
function log1pShifted(z: readonly (readonly number[])[], min: number): (number | null)[][] {
  return z.map((row) => row.map((v) => (Number.isFinite(v) ? Math.log10(1 + (v - min)) : null)));
}

/** Colour-bar ticks at loss − min = 0, 1, 10, 100, … up to the span, labelled with the loss itself. */
function logTicks(min: number, span: number): { tickvals: number[]; ticktext: string[] } {
  const tickvals: number[] = [];
  const ticktext: string[] = [];
  const digits = Math.abs(min) < 1e-9 ? 0 : 2;
  for (let v = 0; v <= span * 1.0001; v = v === 0 ? 1 : v * 10) {
    tickvals.push(Math.log10(1 + v));
    ticktext.push(formatFixed(v + min, digits));
  }
  return { tickvals, ticktext };
}

export function planeFigure(
  grid: PlaneGridInput,
  runs: readonly TrainingRunInput[],
  opts: PlaneFigureOptions,
): Figure {
  const { theme, strings: s } = opts;
  const label = s.lossLabel(grid.id);
  const uirevision = 'plane';
  if (grid.chosenLogRatio.length === 0 || grid.rejectedLogRatio.length === 0 || grid.loss.length === 0) {
    return emptyFigure(theme, s.note.noData, s.summary.empty, uirevision);
  }

  const xRange = paddedRange(...finiteExtent([grid.chosenLogRatio]), 0);
  const yRange = paddedRange(...finiteExtent([grid.rejectedLogRatio]), 0);
  const [zMin, zMax] = finiteExtent(grid.loss);
  if (!(zMin <= zMax)) return emptyFigure(theme, s.note.noData, s.summary.empty, uirevision);
  const span = zMax - zMin;
  const logCompressed = Number.isFinite(span) && span > LOG_COMPRESS_SPAN;
  const z = logCompressed ? log1pShifted(grid.loss, zMin) : grid.loss;
  const fs = theme.fontSize;

  const data: Data[] = [
    {
      type: 'contour',
      name: label,
      showlegend: false,
      x: grid.chosenLogRatio,
      y: grid.rejectedLogRatio,
      z,
      customdata: grid.loss,
      zmin: logCompressed ? 0 : zMin,
      zmax: logCompressed ? Math.log10(1 + span) : zMax,
      zauto: false,
      colorscale: 'Viridis',
      ncontours: 18,
      contours: { coloring: 'fill', showlines: true },
      line: { width: 0.5, color: 'rgba(255,255,255,0.35)' },
      colorbar: {
        title: {
          text: s.axis.lossColourbar(logCompressed),
          side: 'right',
          font: { size: fs, color: theme.text },
        },
        tickfont: { size: Math.round(fs * 0.92), color: theme.mutedText },
        outlinewidth: 0,
        thickness: Math.round(fs * 1.1),
        ...(logCompressed ? { tickmode: 'array' as const, ...logTicks(zMin, span) } : {}),
      },
      hovertemplate:
        `${s.hover.chosenLogRatio} = %{x:.2f}<br>${s.hover.rejectedLogRatio} = %{y:.2f}<br>` +
        `${s.hover.loss} = %{customdata:.3f}<extra>${label}</extra>`,
    },
  ];

  // The diagonal ρw = ρl across the plotted square.
  const dLo = Math.max(xRange[0], yRange[0]);
  const dHi = Math.min(xRange[1], yRange[1]);
  const annotations: Partial<Annotation>[] = [];
  if (dLo < dHi) {
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: s.trace.marginZero,
      showlegend: false,
      x: [dLo, dHi],
      y: [dLo, dHi],
      line: { color: DIAGONAL_COLOUR, dash: 'dash', width: Math.max(1, theme.lineWidth * 0.75) },
      hovertemplate: `${s.trace.marginZero}<extra></extra>`,
    });
    annotations.push({
      text: s.trace.marginZero,
      x: dLo + 0.9 * (dHi - dLo),
      y: dLo + 0.9 * (dHi - dLo),
      xref: 'x',
      yref: 'y',
      showarrow: false,
      xanchor: 'right',
      yanchor: 'bottom',
      textangle: 0,
      bgcolor: 'rgba(0,0,0,0.45)',
      font: { family: theme.fontFamily, size: Math.round(fs * 0.9), color: '#FFFFFF' },
    });
  }

  const run = runs.find((r) => r.id === grid.id);
  let trajectory: PlaneSummary['trajectory'] = null;
  const full = run ? Math.min(run.chosenLogRatio.length, run.rejectedLogRatio.length) : 0;
  // A diverged run's path stops at the step where it diverged (that last jump leaves the plot) and has no
  // end marker: where it went after that means nothing.
  const n = drawnSteps(run?.divergence, full);
  const trusted = trustedSteps(run?.divergence, full);
  if (run && n > 0) {
    const xs = run.chosenLogRatio.length === n ? run.chosenLogRatio : run.chosenLogRatio.slice(0, n);
    const ys = run.rejectedLogRatio.length === n ? run.rejectedLogRatio : run.rejectedLogRatio.slice(0, n);
    const stepIndex = Array.from({ length: n }, (_, t) => t);
    const width = theme.lineWidth;
    const markerSize = Math.round(width * 2 + 8);
    const pathColour = lossStyleOf(grid.id, theme).color;
    data.push(
      {
        type: 'scatter',
        mode: 'lines',
        name: s.trace.trajectory(label),
        showlegend: false,
        hoverinfo: 'skip',
        x: xs,
        y: ys,
        line: { color: HALO_COLOUR, width: width + 3 },
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: s.trace.trajectory(label),
        x: xs,
        y: ys,
        customdata: stepIndex,
        line: { color: pathColour, width },
        hovertemplate:
          `${s.hover.step} %{customdata}<br>${s.hover.chosenLogRatio} = %{x:.2f}<br>` +
          `${s.hover.rejectedLogRatio} = %{y:.2f}<extra>${s.trace.trajectory(label)}</extra>`,
      },
      {
        type: 'scatter',
        mode: 'markers',
        name: s.trace.start(label),
        x: [xs[0]],
        y: [ys[0]],
        marker: {
          symbol: 'circle',
          size: markerSize,
          color: pathColour,
          line: { color: '#FFFFFF', width: 2 },
        },
        hovertemplate: `${s.trace.start(label)}<br>(%{x:.2f}, %{y:.2f})<extra></extra>`,
      },
    );
    if (!run.divergence)
      data.push({
        type: 'scatter',
        mode: 'markers',
        name: s.trace.end(label),
        x: [xs[n - 1]],
        y: [ys[n - 1]],
        marker: {
          symbol: 'star',
          size: markerSize + 4,
          color: pathColour,
          line: { color: '#FFFFFF', width: 2 },
        },
        hovertemplate: `${s.trace.end(label)}<br>(%{x:.2f}, %{y:.2f})<extra></extra>`,
      });
    if (opts.step !== undefined) {
      const at = runStepAt(run, opts.step);
      data.push(
        stepMarkerTrace(
          theme,
          pathColour,
          stepMarkerName(s, label, at),
          { x: [run.chosenLogRatio[at.step]], y: [run.rejectedLogRatio[at.step]] },
          {
            hovertemplate: `${stepMarkerName(s, label, at)}<br>${s.hover.chosenLogRatio} = %{x:.2f}<br>${s.hover.rejectedLogRatio} = %{y:.2f}<extra></extra>`,
          },
        ),
      );
    }
    trajectory = {
      steps: trusted - 1,
      start: [xs[0], ys[0]],
      end: [xs[trusted - 1], ys[trusted - 1]],
      divergedAt: run.divergence?.step ?? null,
    };
  }

  let current: [number, number] | null = null;
  // With a time cursor on a drawn path, the start pair is the path's start (its own marker) and "now" is the
  // cursor's marker: a third "current pair" mark would contradict it.
  const c = opts.step !== undefined && trajectory ? undefined : opts.current;
  if (c && Number.isFinite(c.chosenLogRatio) && Number.isFinite(c.rejectedLogRatio)) {
    current = [c.chosenLogRatio, c.rejectedLogRatio];
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: s.trace.current,
      x: [c.chosenLogRatio],
      y: [c.rejectedLogRatio],
      marker: {
        symbol: 'x',
        size: Math.round(theme.lineWidth * 2 + 10),
        color: '#000000',
        line: { color: '#FFFFFF', width: 1.5 },
      },
      hovertemplate: `${s.trace.current}<br>(%{x:.2f}, %{y:.2f})<extra></extra>`,
    });
  }

  // SimPO / ORPO: the axes' ρ only places the policy (log πθ = log π_ref + ρ); the loss reads log πθ itself.
  const noReference = isReferenceFreeLoss(grid.id) ? s.note.noReferencePlane(label) : null;
  if (noReference !== null) addCornerNote(annotations, theme, noReference);
  const summary = s.summary.plane({
    label,
    minLoss: zMin,
    maxLoss: zMax,
    logCompressed,
    trajectory,
    current,
  });
  return {
    data,
    layout: {
      ...themeLayout(theme),
      uirevision,
      hovermode: 'closest',
      xaxis: themeAxis(theme, {
        title: { text: s.axis.chosenLogRatio },
        range: xRange,
        autorange: false,
        zeroline: false,
        showgrid: false,
      }),
      yaxis: themeAxis(theme, {
        title: { text: s.axis.rejectedLogRatio },
        range: yRange,
        autorange: false,
        zeroline: false,
        showgrid: false,
      }),
      annotations,
    },
    summary: noReference === null ? summary : `${summary} ${noReference}.`,
  };
}
