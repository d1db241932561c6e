// A thin wrapper around Plotly.react: draws a Figure into a div through the frame-paced draw queue
// (drawScheduler.ts), so a fast slider drag only ever draws the latest figure, and skips all work while
// the plot is scrolled out of view (it draws when it comes back). A figure that only moves points and cursor
// lines of the one on screen (a drag, Play) is drawn by rewriting those SVG paths (figures/framePatch.ts,
// applyFramePatch.ts): under a millisecond instead of a full draw, which follows once the figure rests.
//
// A plot never traps scrolling: dragging does nothing (`dragmode: false`, so Plotly's touch handlers do not
// cancel a swipe and a phone scrolls the page over a plot), the wheel scrolls the page (`scrollZoom: false`)
// and a double click does not change the axes. Views that profit from zoom switch it on with `zoom`
// (box zoom on a mouse drag) and offer a visible reset (`resetCount`, see PlotZoomControls.tsx).
import { useEffect, useRef, useState } from 'react';
import type { Config, Data, Layout, LayoutAxis, PlotRelayoutEvent } from 'plotly.js';
import type { Figure } from '../../figures/types.ts';
import { loadPatchHelpers, loadPlotly, type PatchHelpers, type PlotlyModule } from './plotlyLoader.ts';
import { usePlotHeightCap, usePlotHeightOverride } from './plotHeight.ts';
import { cancelDraw, scheduleDraw } from './drawScheduler.ts';
import { planFramePatch } from '../../figures/framePatch.ts';
import { applyFramePatch } from './applyFramePatch.ts';
import { useOnScreen } from '../useOnScreen.ts';
import { isAdjusting } from '../adjusting.ts';

/**
 * How long a plot rests on a patched frame before the full draw that settles it (hover texts, Plotly's own
 * state). Longer than the gap between a drag's moves or Play's frames, short enough that a hover after a
 * drag already reads the new numbers.
 */
export const SETTLE_MS = 250;

const CONFIG: Partial<Config> = {
  displaylogo: false,
  showSendToCloud: false,
  responsive: true,
  // The mode bar costs ~1.5 ms per draw; exports live in our own menu.
  displayModeBar: false,
  // The wheel scrolls the page, and a double click never changes the axes (zoom has a visible reset).
  scrollZoom: false,
  doubleClick: false,
};

/** A relayout that changed an axis range: the user zoomed (Plotly's own resizes change `autosize` only). */
const ZOOM_KEY = /axis\d*\.(range|autorange)/;
function isZoom(e: PlotRelayoutEvent): boolean {
  return Object.keys(e).some((k) => ZOOM_KEY.test(k));
}

const AXIS_KEY = /^[xy]axis\d*$/;
/**
 * Gives `layout` its own axes and range arrays. Plotly writes into the layout it last drew (a zoom into the
 * range array itself, an inferred axis type), and those are the figure's: without copies a zoom would change
 * the figure, and a reset could not restore it.
 */
function ownAxes(layout: Partial<Layout>): void {
  const axes = layout as Record<string, Partial<LayoutAxis> | undefined>;
  for (const k of Object.keys(axes)) {
    const axis = axes[k];
    if (!AXIS_KEY.test(k) || !axis || typeof axis !== 'object') continue;
    axes[k] = Array.isArray(axis.range) ? { ...axis, range: [axis.range[0], axis.range[1]] } : { ...axis };
  }
}

const isSettings = (v: unknown): v is object =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);

/**
 * Plotly's own copy of the figure's data, with its line simplification off: Plotly drops points it judges
 * collinear, which shows as kinks on a smooth loss curve, and a patched frame draws every point. Both draw
 * the same line. Each trace and its nested settings are copies because Plotly writes into the traces it is
 * given (a contour's automatic levels: `autocontour`, `contours.start/end/size`): written into the figure,
 * that made every next figure differ from the drawn one (framePatch.ts), so the plane view never patched a
 * frame. Data arrays are shared; Plotly does not write into them.
 */
function plotlyData(data: readonly Data[]): Data[] {
  return data.map((trace) => {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(trace)) copy[k] = isSettings(v) ? { ...v } : v;
    const t = copy as { type?: string; mode?: string; line?: object };
    if ((t.type ?? 'scatter').startsWith('scatter') && (t.mode ?? 'lines').includes('lines'))
      t.line = { ...t.line, simplify: false };
    return copy as Data;
  });
}

export interface PlotlyPlotProps {
  figure: Figure;
  /** Accessible label of the graphic (the text alternative is rendered separately). */
  label: string;
  /** The view's id (view-<id>): names the User Timing measure of each draw, `draw:<id>`. */
  viewId?: string;
  height?: number;
  /** Called with the graph div once drawn, for exports. */
  onReady?: (div: HTMLDivElement, plotly: PlotlyModule) => void;
  /** A mouse drag box-zooms (default: dragging does nothing, so a swipe scrolls the page). */
  zoom?: boolean;
  /** Each increase drops the user's zoom and shows the figure's own ranges again. */
  resetCount?: number;
  /** Called when the user changed an axis range (a box zoom). */
  onZoom?: () => void;
}

export function PlotlyPlot({
  figure,
  label,
  viewId,
  height: defaultHeight = 360,
  onReady,
  zoom = false,
  resetCount = 0,
  onZoom,
}: PlotlyPlotProps) {
  // An embedding frame's height wins; then a figure that sizes itself (panels in rows); then the default,
  // capped on a phone so that a plot leaves room for the text around it.
  const override = usePlotHeightOverride();
  const cap = usePlotHeightCap();
  const height =
    override ??
    (typeof figure.layout.height === 'number'
      ? figure.layout.height
      : Math.min(defaultHeight, cap ?? defaultHeight));
  const divRef = useRef<HTMLDivElement>(null);
  // Observe the frame, which has the plot's height from the start: the graph div is empty (0 px tall)
  // until its first draw, so it could sit just above the viewport while the plot's area is on screen.
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const visible = useOnScreen(frame);
  const [plotly, setPlotly] = useState<PlotlyModule | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const onReadyRef = useRef(onReady);
  useEffect(() => {
    onReadyRef.current = onReady;
  }, [onReady]);
  const onZoomRef = useRef(onZoom);
  useEffect(() => {
    onZoomRef.current = onZoom;
  }, [onZoom]);
  // Whether the relayout listener is on the graph div (it exists once Plotly has drawn; purge removes it).
  const listeningRef = useRef(false);
  // The user zoomed since the last reset: Plotly writes the zoom into every layout it draws until then.
  const zoomedRef = useRef(false);
  const drawnResetRef = useRef(resetCount);
  // The figure on screen (drawn in full or patched) with the draw settings it was drawn at.
  const shownRef = useRef<{ figure: Figure; height: number; zoom: boolean; resetCount: number } | null>(null);
  const settleRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A patched frame is on screen that no full draw has settled yet.
  const unsettledRef = useRef(false);
  // Plotly's partial redraws that patched frames use (loaded with Plotly).
  const helpersRef = useRef<PatchHelpers | null>(null);
  // The figure of the last full draw: Plotly's own copy of the data, which a relayout redraws.
  const plottedRef = useRef<Figure | null>(null);
  // True while a patched frame relayouts an axis range: that is not the user zooming.
  const relayingRef = useRef(false);

  if (loadError) throw loadError;

  useEffect(() => {
    let alive = true;
    Promise.all([loadPlotly(), loadPatchHelpers()]).then(
      ([p, helpers]) => {
        if (!alive) return;
        helpersRef.current = helpers;
        setPlotly(() => p);
      },
      (e: unknown) => alive && setLoadError(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    const div = divRef.current;
    if (!plotly || !div || !visible) return;
    const fullDraw = async () => {
      try {
        const start = performance.now();
        const layout: Partial<Layout> = { ...figure.layout, height, dragmode: zoom ? 'zoom' : false };
        // A new uirevision makes Plotly forget the user's zoom and take the figure's ranges again.
        if (resetCount > 0) layout.uirevision = `${String(figure.layout.uirevision ?? '')}~${resetCount}`;
        if (resetCount !== drawnResetRef.current) {
          drawnResetRef.current = resetCount;
          zoomedRef.current = false;
        }
        // Plotly writes into the axes it draws (a zoom, the axis type it inferred): copies keep the figure
        // as built, so a reset can restore it and the next figure compares with it (framePatch.ts).
        ownAxes(layout);
        if (layout.annotations) layout.annotations = layout.annotations.map((a) => ({ ...a }));
        const gd = await plotly.react(div, plotlyData(figure.data), layout, CONFIG);
        shownRef.current = { figure, height, zoom, resetCount };
        unsettledRef.current = false;
        plottedRef.current = figure;
        // A User Timing entry per draw, `draw:<viewId>`, so profiles and bench:ui can see what each plot costs.
        performance.measure(`draw:${viewId ?? label}`, { start, end: performance.now() });
        if (onZoomRef.current && !listeningRef.current) {
          listeningRef.current = true;
          gd.on('plotly_relayout', (e) => {
            if (!isZoom(e) || relayingRef.current) return;
            zoomedRef.current = true;
            onZoomRef.current?.();
          });
        }
        onReadyRef.current?.(div, plotly);
      } catch (e: unknown) {
        shownRef.current = null;
        setLoadError(e instanceof Error ? e : new Error(String(e)));
      }
    };
    if (settleRef.current !== null) clearTimeout(settleRef.current);
    settleRef.current = null;
    // A frame that only moves what the drawn figure shows (figures/framePatch.ts): true when it was written.
    const patchFrame = async (shown: Figure): Promise<boolean | 'same'> => {
      const patch = planFramePatch(shown, figure);
      const helpers = helpersRef.current;
      if (!patch || !helpers) return false;
      const ranges = Object.entries(patch.ranges);
      // A figure built again that draws the same (a drag's end, when its held ranges were the figure's own).
      if (ranges.length + patch.traces.length + patch.shapes.length + patch.notes.length === 0) return 'same';
      if (ranges.length === 0) return applyFramePatch(div, figure.data, patch, helpers.redrawNotes);
      // A range moved: Plotly redraws the axes, and with them every trace and cursor line from its own copy
      // of the last full draw, so those moves are planned from that draw. A zoomed plot keeps its zoom.
      const plotted = plottedRef.current;
      if (zoomedRef.current || !plotted) return false;
      const fromPlotted = planFramePatch(plotted, figure);
      if (!fromPlotted) return false;
      const update: Record<string, [number, number]> = {};
      for (const [axis, range] of ranges) update[`${axis}.range`] = range;
      relayingRef.current = true;
      try {
        await plotly.relayout(div, update as unknown as Partial<Layout>);
        await helpers.redrawAxes(
          div,
          Object.keys(update).map((k) => k.replace('.range', '')),
        );
      } finally {
        relayingRef.current = false;
      }
      return applyFramePatch(div, figure.data, { ...fromPlotted, notes: patch.notes }, helpers.redrawNotes);
    };
    // Settle with a full draw once the figure rests (hover reads Plotly's own copy of the data), and not
    // while a slider is still held: on a slow machine a drag's frames can be further apart than SETTLE_MS,
    // and a 150 ms full draw between them would make every next frame later still.
    const settleLater = () => {
      settleRef.current = setTimeout(() => {
        settleRef.current = null;
        if (isAdjusting()) settleLater();
        else scheduleDraw(div, fullDraw);
      }, SETTLE_MS);
    };
    scheduleDraw(div, async () => {
      const shown = shownRef.current;
      if (shown && shown.height === height && shown.zoom === zoom && shown.resetCount === resetCount) {
        if (shown.figure === figure) {
          if (unsettledRef.current) settleLater();
          return;
        }
        const start = performance.now();
        const patched = await patchFrame(shown.figure);
        if (patched === 'same') {
          shownRef.current = { ...shown, figure };
          if (unsettledRef.current) settleLater();
          return;
        }
        if (patched) {
          shownRef.current = { ...shown, figure };
          performance.measure(`patch:${viewId ?? label}`, { start, end: performance.now() });
          unsettledRef.current = true;
          settleLater();
          return;
        }
      }
      await fullDraw();
    });
  }, [plotly, figure, visible, height, label, viewId, zoom, resetCount]);

  useEffect(() => {
    const div = divRef.current;
    return () => {
      if (!div) return;
      cancelDraw(div);
      if (settleRef.current !== null) clearTimeout(settleRef.current);
      settleRef.current = null;
      shownRef.current = null;
      plottedRef.current = null;
      if (plotly) plotly.purge(div);
      listeningRef.current = false;
    };
  }, [plotly]);

  return (
    <div ref={setFrame} className="plot-frame" style={{ minHeight: height }}>
      <div ref={divRef} role="img" aria-label={label} className="plot" />
      {!plotly && <p className="plot-loading">…</p>}
    </div>
  );
}
