// The partial Plotly bundle: core (with scatter) plus the two traces the views need. Only ever imported
// dynamically (PlotlyLoader), so that the controls work before these ~400 kB gzip arrive.
import Plotly from 'plotly.js/lib/core';
import scatterternary from 'plotly.js/lib/scatterternary';
import contour from 'plotly.js/lib/contour';
// Plotly's component registry (the same module instance core uses): its annotation `drawOne` redraws one
// note, which `Plotly.relayout` also ends in, after ~30 ms of defaults and diffing a drag frame cannot pay.
import Registry from 'plotly.js/src/registry.js';
// Plotly's cartesian axes (the same module instance): a range relayout redraws the axes without their titles,
// whose place depends on the tick labels' width; redrawAxes draws them with titles, as a full draw would.
import Axes from 'plotly.js/src/plots/cartesian/axes.js';

Plotly.register([scatterternary, contour] as Parameters<typeof Plotly.register>[0]);

interface NoteGraph {
  layout?: { annotations?: Record<string, unknown>[] };
  _fullLayout?: { annotations?: Record<string, unknown>[] };
}

/**
 * Gives the drawn notes `changes` (text, x, y) and redraws only them. The settling full draw that follows
 * a patched frame re-derives everything from the figure, so nothing here has to outlive it.
 */
export function redrawNotes(
  gd: HTMLElement,
  notes: readonly { index: number; changes: Record<string, unknown> }[],
): boolean {
  const g = gd as HTMLElement & NoteGraph;
  const drawOne = Registry.getComponentMethod('annotations', 'drawOne') as
    ((gd: HTMLElement, index: number) => void) | undefined;
  const full = g._fullLayout?.annotations;
  if (typeof drawOne !== 'function' || !full) return false;
  if (notes.some((n) => !full[n.index])) return false;
  for (const n of notes) {
    Object.assign(full[n.index] as object, n.changes);
    const own = g.layout?.annotations?.[n.index];
    if (own) Object.assign(own, n.changes);
    drawOne(gd, n.index);
  }
  return true;
}

/** Draws the axes `names` (`xaxis`, `yaxis3`, …) with their titles, from the layout Plotly holds now. */
export async function redrawAxes(gd: HTMLElement, names: readonly string[]): Promise<void> {
  const ids = names.map((n) => n.replace(/axis/, ''));
  await Axes.draw(gd, ids, { skipTitle: false });
}

export default Plotly;
