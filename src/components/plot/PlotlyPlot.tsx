// A thin wrapper around Plotly.react: draws a Figure into a div through the frame-paced draw queue
// (drawScheduler.ts), so a fast slider drag only ever draws the latest figure, and skips all work while
// the plot is scrolled out of view (it draws when it comes back).
import { useEffect, useRef, useState } from 'react';
import type { Config } from 'plotly.js';
import type { Figure } from '../../figures/types.ts';
import { loadPlotly, type PlotlyModule } from './plotlyLoader.ts';
import { usePlotHeightOverride } from './plotHeight.ts';
import { cancelDraw, scheduleDraw } from './drawScheduler.ts';

const CONFIG: Partial<Config> = {
  displaylogo: false,
  showSendToCloud: false,
  responsive: true,
  // The mode bar costs ~1.5 ms per draw; exports live in our own menu.
  displayModeBar: false,
};

export interface PlotlyPlotProps {
  figure: Figure;
  /** Accessible label of the graphic (the text alternative is rendered separately). */
  label: string;
  height?: number;
  /** Called with the graph div once drawn, for exports. */
  onReady?: (div: HTMLDivElement, plotly: PlotlyModule) => void;
}

function useOnScreen(ref: React.RefObject<HTMLElement | null>): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    // No look-ahead margin: a plot just below the fold is not worth redrawing on every drag step.
    const io = new IntersectionObserver((entries) => setVisible(entries.some((e) => e.isIntersecting)));
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);
  return visible;
}

export function PlotlyPlot({ figure, label, height: defaultHeight = 360, onReady }: PlotlyPlotProps) {
  // An embedding frame's height wins; then a figure that sizes itself (panels in rows); then the default.
  const override = usePlotHeightOverride();
  const height =
    override ?? (typeof figure.layout.height === 'number' ? figure.layout.height : defaultHeight);
  const divRef = useRef<HTMLDivElement>(null);
  // Observe the frame, which has the plot's height from the start: the graph div is empty (0 px tall)
  // until its first draw, so it could sit just above the viewport while the plot's area is on screen.
  const frameRef = useRef<HTMLDivElement>(null);
  const visible = useOnScreen(frameRef);
  const [plotly, setPlotly] = useState<PlotlyModule | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const onReadyRef = useRef(onReady);
  useEffect(() => {
    onReadyRef.current = onReady;
  }, [onReady]);

  if (loadError) throw loadError;

  useEffect(() => {
    let alive = true;
    loadPlotly().then(
      (p) => alive && setPlotly(() => p),
      (e: unknown) => alive && setLoadError(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    const div = divRef.current;
    if (!plotly || !div || !visible) return;
    scheduleDraw(div, async () => {
      try {
        const start = performance.now();
        await plotly.react(div, figure.data, { ...figure.layout, height }, CONFIG);
        // A User Timing entry per draw, so profiles and bench:ui can see what each plot costs.
        performance.measure(`plot: ${label}`, { start, end: performance.now() });
        onReadyRef.current?.(div, plotly);
      } catch (e: unknown) {
        setLoadError(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }, [plotly, figure, visible, height, label]);

  useEffect(() => {
    const div = divRef.current;
    return () => {
      if (!div) return;
      cancelDraw(div);
      if (plotly) plotly.purge(div);
    };
  }, [plotly]);

  return (
    <div ref={frameRef} className="plot-frame" style={{ minHeight: height }}>
      <div ref={divRef} role="img" aria-label={label} className="plot" />
      {!plotly && <p className="plot-loading">…</p>}
    </div>
  );
}
