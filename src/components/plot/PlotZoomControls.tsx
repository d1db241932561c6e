// The zoom of the plots that profit from it (values over training steps): a "Zoom" toggle that makes a
// mouse drag box-zoom, and a "Reset zoom" button, there while the plot is zoomed, that brings back the
// figure's own ranges. Only for a fine primary pointer: on a touch screen a drag over a plot must scroll
// the page, so there is no zoom at all.
import { useCallback, useState } from 'react';
import { useMediaQuery } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import './plot.css';

/** True when the primary pointer is a mouse or trackpad (not a finger or a stylus). */
export function useFinePointer(): boolean {
  return useMediaQuery('(hover: hover) and (pointer: fine)');
}

const NOT_ZOOMED = Symbol('not zoomed');

export interface PlotZoom {
  /** Zoom is offered here (a zoomable plot, a mouse). */
  available: boolean;
  /** A mouse drag box-zooms (the toggle is pressed). */
  on: boolean;
  /** The user's zoom is showing. */
  zoomed: boolean;
  /** For PlotlyPlot: each increase restores the figure's ranges. */
  resetCount: number;
  /** For PlotlyPlot: the user zoomed. */
  onZoom: () => void;
  toggle: () => void;
  reset: () => void;
}

/**
 * The zoom state of one plot. `revision` is the figure's uirevision: when it changes, Plotly drops the
 * user's zoom by itself, so the plot is no longer zoomed either.
 */
export function usePlotZoom(zoomable: boolean, revision: unknown): PlotZoom {
  const available = useFinePointer() && zoomable;
  const [on, setOn] = useState(false);
  const [resetCount, setResetCount] = useState(0);
  // The revision the user zoomed under (NOT_ZOOMED: none).
  const [zoomedAt, setZoomedAt] = useState<unknown>(NOT_ZOOMED);
  const onZoom = useCallback(() => setZoomedAt(revision), [revision]);
  const toggle = useCallback(() => setOn((o) => !o), []);
  const reset = useCallback(() => {
    setResetCount((n) => n + 1);
    setZoomedAt(NOT_ZOOMED);
  }, []);
  return {
    available,
    on: available && on,
    zoomed: zoomedAt === revision,
    resetCount,
    onZoom,
    toggle,
    reset,
  };
}

export function PlotZoomControls({
  zoom,
  title,
}: {
  zoom: PlotZoom;
  /** The plot's title, for the buttons' accessible names. */
  title: string;
}) {
  const strings = useStrings().views.zoom;
  if (!zoom.available && !zoom.zoomed) return null;
  return (
    <div className="plot-zoom">
      {zoom.zoomed && (
        <button
          type="button"
          className="plot-zoom-reset"
          aria-label={strings.resetLabel(title)}
          onClick={zoom.reset}
        >
          {strings.reset}
        </button>
      )}
      {zoom.available && (
        <button
          type="button"
          className="plot-zoom-toggle"
          aria-pressed={zoom.on}
          aria-label={strings.toggleLabel(title)}
          title={strings.hint}
          onClick={zoom.toggle}
        >
          {strings.toggle}
        </button>
      )}
    </div>
  );
}
