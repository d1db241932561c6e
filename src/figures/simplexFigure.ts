// The simplex view (`simplex`): with K = 3 responses, the policy lives on a triangle (a, b, c) = (π(y_w),
// π(y_l), π(y₃)). Each loss's training path is a line ending in a marker; the reference policy is a circle
// and the KL-regularised RLHF optimum π* a star. Any other K gets an empty figure that says why.
import type { Data } from 'plotly.js';
import { drawnSteps, trustedSteps } from '../math/index.ts';
import type { Figure, PlotTheme } from './types.ts';
import type { TrainingRunInput } from '../derive/types.ts';
import type { FigureStrings, ResponseData, SimplexSummary } from '../i18n/types/figures.ts';
import { lossStyleOf } from './lossStyle.ts';
import { themeLayout } from './themes.ts';
import { emptyFigure } from './layout.ts';
import { decimatedPathIndices } from './decimate.ts';
import { stepMarkerName, stepMarkerTrace } from './stepCursor.ts';
import { runStepAt } from '../derive/atStep.ts';

export interface SimplexFigureOptions {
  theme: PlotTheme;
  strings: FigureStrings;
  /** π_ref over the K responses; K = its length. */
  reference: number[];
  /** π* ∝ π_ref·exp(r/β), when known. */
  rlhfOptimum: number[] | null;
  /** Label of the third corner, when it stands for several responses taken together (K > 3). */
  thirdLabel?: string;
  /** What the toy was trained on, so the corners are named for what they are (default: one pair). */
  data?: ResponseData;
  /** The time cursor's step: a marker on each run's path there (none when absent). */
  step?: number;
}

export function simplexFigure(runs: readonly TrainingRunInput[], opts: SimplexFigureOptions): Figure {
  const { theme, strings: s, reference } = opts;
  const uirevision = 'simplex';
  const K = reference.length;
  if (K !== 3) {
    const message = s.note.simplexNeedsThree(K);
    return emptyFigure(theme, message, message, uirevision);
  }

  const fs = theme.fontSize;
  const labels = [
    s.responseLabel(0, opts.data),
    s.responseLabel(1, opts.data),
    opts.thirdLabel ?? s.responseLabel(2, opts.data),
  ];
  const hover = `${labels[0]}: %{a:.3f}<br>${labels[1]}: %{b:.3f}<br>${labels[2]}: %{c:.3f}`;
  const data: Data[] = [];
  const summary: SimplexSummary = { corners: labels, reference, rlhfOptimum: opts.rlhfOptimum, runs: [] };
  // Drawn last, over everything: the only traces a moving time cursor changes.
  const stepMarkers: Data[] = [];

  runs.forEach((run) => {
    // A diverged run is drawn up to the step where it diverged: its later numbers mean nothing.
    const n = drawnSteps(run.divergence, run.probs.length);
    if (n === 0 || run.probs[0].length !== 3) return;
    const label = s.lossLabel(run.id);
    const style = lossStyleOf(run.id, theme);
    const fullA = new Float64Array(n);
    const fullB = new Float64Array(n);
    for (let t = 0; t < n; t++) {
      fullA[t] = run.probs[t][0];
      fullB[t] = run.probs[t][1];
    }
    // A long path is thinned for drawing, its turning points and ends kept (decimate.ts).
    const kept = decimatedPathIndices([fullA, fullB]);
    const a = new Float64Array(kept.length);
    const b = new Float64Array(kept.length);
    const c = new Float64Array(kept.length);
    kept.forEach((t, j) => {
      a[j] = run.probs[t][0];
      b[j] = run.probs[t][1];
      c[j] = run.probs[t][2];
    });
    data.push(
      {
        type: 'scatterternary',
        mode: 'lines',
        name: label,
        legendgroup: run.id,
        a,
        b,
        c,
        line: { color: style.color, dash: style.dash, width: theme.lineWidth },
        hovertemplate: `${hover}<extra>${label}</extra>`,
      },
      {
        type: 'scatterternary',
        mode: 'markers',
        name: s.trace.end(label),
        legendgroup: run.id,
        showlegend: false,
        a: [run.probs[n - 1][0]],
        b: [run.probs[n - 1][1]],
        c: [run.probs[n - 1][2]],
        marker: {
          symbol: style.symbol,
          color: style.color,
          size: Math.round(theme.lineWidth * 2 + 7),
          line: { color: theme.paper, width: 1 },
        },
        hovertemplate: `${hover}<extra>${s.trace.end(label)}</extra>`,
      },
    );
    if (opts.step !== undefined) {
      const at = runStepAt(run, opts.step);
      const p = run.probs[at.step];
      const name = stepMarkerName(s, label, at);
      stepMarkers.push(
        stepMarkerTrace(
          theme,
          style.color,
          name,
          { a: [p[0]], b: [p[1]], c: [p[2]] },
          { type: 'scatterternary', legendgroup: run.id, hovertemplate: `${hover}<extra>${name}</extra>` },
        ),
      );
    }
    // TR-DPO's moving reference: its path (dotted, in the loss's colour) and, at the cursor's step, where it is.
    if (run.refProbs && run.refProbs[0]?.length === 3) {
      const ref = run.refProbs;
      const refKept = decimatedPathIndices([
        Float64Array.from(ref.slice(0, n), (r) => r[0]),
        Float64Array.from(ref.slice(0, n), (r) => r[1]),
      ]);
      const pathName = `${label}: ${s.movingReference.path}`;
      data.push({
        type: 'scatterternary',
        mode: 'lines',
        name: pathName,
        legendgroup: run.id,
        a: refKept.map((t) => ref[t][0]),
        b: refKept.map((t) => ref[t][1]),
        c: refKept.map((t) => ref[t][2]),
        line: { color: style.color, dash: 'dot', width: Math.max(1, theme.lineWidth * 0.6) },
        hovertemplate: `${hover}<extra>${pathName}</extra>`,
      });
      const at = opts.step === undefined ? n - 1 : runStepAt(run, opts.step).step;
      const markerName = `${label}: ${s.movingReference.marker}`;
      stepMarkers.push({
        type: 'scatterternary',
        mode: 'markers',
        name: markerName,
        legendgroup: run.id,
        showlegend: false,
        a: [ref[at][0]],
        b: [ref[at][1]],
        c: [ref[at][2]],
        marker: {
          symbol: 'circle',
          size: Math.round(theme.lineWidth * 2 + 7),
          color: theme.paper,
          line: { color: style.color, width: Math.max(2, theme.lineWidth * 0.8) },
        },
        hovertemplate: `${hover}<extra>${markerName}</extra>`,
      });
    }
    const trusted = trustedSteps(run.divergence, n);
    summary.runs.push({
      label,
      steps: run.probs.length - 1,
      end: run.probs[trusted - 1],
      divergedAt: run.divergence?.step ?? null,
    });
  });

  // The markers at the cursor's step first, then the reference and the ★ over them: at step 0 every run
  // sits on the reference, and where DPO ends on π* (rlhf-to-dpo's last step) its diamond must not hide
  // the ★ the text points at. The reference ring is hollow so that what it circles stays visible.
  data.push(...stepMarkers);
  data.push({
    type: 'scatterternary',
    mode: 'markers',
    name: s.trace.reference,
    a: [reference[0]],
    b: [reference[1]],
    c: [reference[2]],
    marker: {
      symbol: 'circle-open',
      size: Math.round(theme.lineWidth * 2 + 9),
      color: theme.text,
      line: { color: theme.text, width: Math.max(2, theme.lineWidth * 0.8) },
    },
    hovertemplate: `${hover}<extra>${s.trace.reference}</extra>`,
  });
  const star = opts.rlhfOptimum;
  if (star && star.length === 3) {
    data.push({
      type: 'scatterternary',
      mode: 'markers',
      name: s.trace.rlhfOptimum,
      a: [star[0]],
      b: [star[1]],
      c: [star[2]],
      marker: {
        symbol: 'star',
        size: Math.round(theme.lineWidth * 2 + 13),
        color: theme.text,
        line: { color: theme.paper, width: 1 },
      },
      hovertemplate: `${hover}<extra>${s.trace.rlhfOptimum}</extra>`,
    });
  }

  const axis = (title: string) => ({
    title: { text: title, font: { size: fs, color: theme.text } },
    min: 0,
    color: theme.text,
    gridcolor: theme.grid,
    linecolor: theme.mutedText,
    tickcolor: theme.mutedText,
    tickfont: { size: Math.round(fs * 0.85), color: theme.mutedText },
    ticks: 'outside' as const,
  });
  const base = themeLayout(theme);
  delete base.xaxis;
  delete base.yaxis;
  return {
    data,
    layout: {
      ...base,
      uirevision,
      hovermode: 'closest',
      // The triangle's corner titles sit above and below it, so the legend goes to the right, outside
      // the plot area, where a height-limited triangle leaves room.
      legend: { ...base.legend, orientation: 'v', x: 1.02, xanchor: 'left', y: 1, yanchor: 'top' },
      margin: {
        l: Math.round(3 * fs),
        r: Math.round(1.5 * fs),
        t: Math.round(3 * fs),
        b: Math.round(3.2 * fs),
        pad: 0,
      },
      ternary: {
        sum: 1,
        bgcolor: theme.plot,
        aaxis: axis(labels[0]),
        baxis: axis(labels[1]),
        caxis: axis(labels[2]),
      },
    },
    summary: s.summary.simplex(summary),
  };
}

/** Past this many characters a legend entry to the right of the triangle squeezes it to a thumbnail. */
const LONG_LEGEND_NAME = 28;

/**
 * The simplex with its legend moved under the triangle, in rows, when an entry is long (a compared run's
 * names, "… · reference synced every 10 steps"): to the right such a legend takes most of the width, and a
 * triangle sized by the smaller side shrinks with it.
 */
export function fitSimplexLegend(figure: Figure): Figure {
  const longest = Math.max(
    0,
    ...figure.data.map((t) =>
      (t as { showlegend?: boolean }).showlegend === false ? 0 : String(t.name ?? '').length,
    ),
  );
  if (longest <= LONG_LEGEND_NAME) return figure;
  const legend = figure.layout.legend ?? {};
  return {
    ...figure,
    layout: {
      ...figure.layout,
      legend: { ...legend, orientation: 'h', x: 0, xanchor: 'left', y: -0.12, yanchor: 'top' },
    },
  };
}
