// Embedded views size their plots to the iframe: App provides the height the frame leaves for a plot, and
// every PlotlyPlot below uses it instead of its own default.
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';

export const PlotHeightContext = createContext<number | null>(null);

export function usePlotHeightOverride(): number | null {
  return useContext(PlotHeightContext);
}

/** The window's height less `reserved` pixels (heading, caption, toolbar), never below `min`. */
export function useAvailableHeight(reserved: number, min = 220): number {
  const measure = () => Math.max(min, (typeof window === 'undefined' ? 600 : window.innerHeight) - reserved);
  const [h, setH] = useState(measure);
  useEffect(() => {
    const onResize = () => setH(Math.max(min, window.innerHeight - reserved));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [reserved, min]);
  return h;
}

/**
 * An embed's plot height: the window's height less `reserved`, then less whatever the page still overflows
 * the window by once laid out (a caption that wraps to three lines, a loss menu above the plot, two plots
 * one above the other), so that an embed never scrolls and no axis title is cut at the frame's edge. The
 * overflow is shared among the rows of plots; the cut only grows (a plot never grows back into a scroll),
 * and starts again from nothing when the window is resized. Never below `min`.
 */
export function useFittedHeight(reserved: number, min = 220): number {
  const available = useAvailableHeight(reserved, min);
  const [cut, setCut] = useState({ available, px: 0 });
  const px = cut.available === available ? cut.px : 0;
  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    const check = () => {
      const over = Math.ceil(document.documentElement.scrollHeight - window.innerHeight);
      if (over <= 0) return;
      // Plots side by side share a row: only the rows add up. The frames (PlotlyPlot's .plot-frame) have
      // the plot's height before Plotly has drawn, so the page's height is final once they are there.
      const rows = new Set(
        [...document.querySelectorAll('.plot-frame')].map((el) => Math.round(el.getBoundingClientRect().top)),
      ).size;
      if (rows === 0) return;
      setCut((c) => {
        const before = c.available === available ? c.px : 0;
        const next = Math.min(before + Math.ceil(over / rows), Math.max(0, available - min));
        return next === before && c.available === available ? c : { available, px: next };
      });
    };
    const observer = new ResizeObserver(check);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [available, min]);
  return Math.max(min, available - px);
}

// Phones: a plot's default height is capped so that it leaves room for the text around it (a 340–420 px
// plot covered half of a 390 × 844 screen, and more in landscape). Breakpoints only, no viewport units: a
// phone's viewport height changes as its address bar shows and hides, which would redraw every plot mid-scroll.
const HEIGHT_CAPS: [string, number][] = [
  ['(max-height: 500px)', 240],
  ['(max-width: 600px)', 300],
];

function heightCap(): number | null {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return null;
  for (const [q, cap] of HEIGHT_CAPS) if (window.matchMedia(q).matches) return cap;
  return null;
}

function subscribeHeightCap(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  const lists = HEIGHT_CAPS.map(([q]) => window.matchMedia(q));
  lists.forEach((l) => l.addEventListener('change', onChange));
  return () => lists.forEach((l) => l.removeEventListener('change', onChange));
}

/** The most a plot's default height may be on this screen (null: no cap). */
export function usePlotHeightCap(): number | null {
  return useSyncExternalStore(subscribeHeightCap, heightCap, () => null);
}
