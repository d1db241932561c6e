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
 * An embed's plot height: the window's height less `reserved`, then fitted to what the page measures once
 * laid out (a caption that wraps to three lines, a loss menu above the plot, a scenario's explanation, two
 * plots one above the other), so that an embed does not scroll and no axis title is cut at the frame's
 * edge. Each time the page changes size, the plots' frames (PlotlyPlot's .plot-frame, which have the plot's
 * height before Plotly draws) are measured and given the page's overflow, or its room to spare, shared
 * among their rows. Between `min` and the window's height less `reserved`.
 */
/** How many times a page's plots are resized to fit it, at most, once it would grow them (per window size). */
const MAX_FIT_ADJUSTMENTS = 12;
/** After an adjustment, the page is measured again this much later (its new layout settled). */
const RECHECK_MS = 300;

export function useFittedHeight(reserved: number, min = 220): number {
  const available = useAvailableHeight(reserved, min);
  const [fitted, setFitted] = useState<number | null>(null);
  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    // Damped: once a plot has shrunk it does not grow back (a transient overflow while the page loads would
    // otherwise make shrink and grow chase each other), and a few adjustments are all a page needs.
    let shrunk = false;
    let adjustments = 0;
    const check = () => {
      const frames = [...document.querySelectorAll<HTMLElement>('.plot-frame')];
      if (frames.length === 0) return;
      // Plots side by side share a row: only the rows add up.
      const rows = new Set(frames.map((el) => Math.round(el.getBoundingClientRect().top))).size;
      const now = Math.max(...frames.map((el) => el.getBoundingClientRect().height));
      const page = Math.max(
        document.documentElement.scrollHeight,
        document.body.getBoundingClientRect().height,
      );
      const spare = window.innerHeight - Math.ceil(document.body.getBoundingClientRect().height);
      const over = Math.ceil(page - window.innerHeight);
      const change = over > 0 ? -Math.ceil(over / rows) : spare > 4 ? Math.floor(spare / rows) : 0;
      if (change === 0 || !Number.isFinite(now) || (change > 0 && shrunk)) return;
      // The cap is on growing only: shrinking always goes on until the page fits (it cannot oscillate, since
      // nothing grows after a shrink); under a loaded machine transients used up the adjustments and left the
      // page a pixel over the frame.
      if (change > 0 && adjustments >= MAX_FIT_ADJUSTMENTS) return;
      if (change < 0) shrunk = true;
      adjustments++;
      // From the height last given, not the frame's measured one: a frame a pixel taller than its plot (a
      // fractional layout, a late line inside it) gave back the pixel being taken, and the page stayed a
      // pixel over. Rounded down for the same reason.
      const next = Math.min(available, Math.max(min, Math.floor((lastNext ?? now) + change)));
      // Nothing new to try (a plot at its smallest): no second look.
      if (next === lastNext) return;
      lastNext = next;
      setFitted(next);
      // Look again once the page has laid out the new height: an overflow that does not resize the body (a
      // plot's layer reaching past it) would otherwise never be seen.
      if (recheck === null)
        recheck = setTimeout(() => {
          recheck = null;
          check();
        }, RECHECK_MS);
    };
    let recheck: ReturnType<typeof setTimeout> | null = null;
    let lastNext: number | null = null;
    const observer = new ResizeObserver(check);
    observer.observe(document.body);
    observer.observe(document.documentElement);
    return () => {
      observer.disconnect();
      if (recheck !== null) clearTimeout(recheck);
    };
  }, [available, min]);
  return fitted === null ? available : Math.min(available, Math.max(min, fitted));
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
