// The time cursor (AppState `t`) in the figures: a vertical line at step t over each training panel, and a
// marker at step t on each run's path (plane, simplex). Kept apart from the curves: moving the cursor
// changes only these shapes and the marker traces drawn last, never the heavy traces before them (so that
// a later drag-latency pass can restyle just them).
import type { Data, Shape } from 'plotly.js';
import type { PlotTheme } from './types.ts';
import type { FigureStrings } from '../i18n/types/figures.ts';
import type { GridPanel } from './layout.ts';
import type { RunStep } from '../derive/atStep.ts';

/** A vertical line at `step` across the full height of every panel (shapes: no trace to rebuild). */
export function stepCursorShapes(
  panels: readonly GridPanel[],
  step: number,
  theme: PlotTheme,
): Partial<Shape>[] {
  return panels.map(({ axes }) => ({
    type: 'line',
    layer: 'above',
    xref: axes.x,
    // Plotly's type spells out every axis name: axes.y is a plain 'y', 'y2', … here.
    yref: `${axes.y} domain` as Shape['yref'],
    x0: step,
    x1: step,
    y0: 0,
    y1: 1,
    line: { color: theme.text, width: Math.max(1, theme.lineWidth * 0.75), dash: 'solid' },
  }));
}

/** The name of a run's marker at the cursor: its step, or the last step before it diverged. */
export function stepMarkerName(s: FigureStrings, label: string, at: RunStep): string {
  return at.divergedAt === null
    ? s.trace.atStepOf(label, at.step)
    : s.trace.atDivergedStepOf(label, at.step, at.divergedAt);
}

/** A marker trace at one point of a run's path, in the loss's colour on a ring that reads on any background. */
export function stepMarkerTrace(
  theme: PlotTheme,
  colour: string,
  name: string,
  point: Record<string, number[]>,
  extra: Partial<Data> = {},
): Data {
  return {
    type: 'scatter',
    mode: 'markers',
    name,
    showlegend: false,
    ...point,
    marker: {
      symbol: 'diamond',
      size: Math.round(theme.lineWidth * 2 + 11),
      color: colour,
      line: { color: theme.paper, width: 2 },
    },
    hovertemplate: `${name}<extra></extra>`,
    ...extra,
  } as Data;
}
