// What the page itself records for the bench: long tasks (PerformanceObserver `longtask`, > 50 ms) from the
// first byte, and the app's own User Timing measures `draw:<viewId>` around each full Plotly draw and
// `patch:<viewId>` around each patched frame (src/components/plot/PlotlyPlot.tsx). Both are read back for a window of performance.now() times.
import type { Page } from 'playwright-core';

export interface Span {
  name: string;
  start: number;
  duration: number;
}

/** Installed before any page script (context.addInitScript). */
export function installLongTaskProbe() {
  const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
  w.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task API: the report shows none.
  }
}

export const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** Long tasks, `draw:*` and `patch:*` measures that started in [from, to] (page times, ms). */
export async function spansBetween(
  page: Page,
  from: number,
  to: number,
): Promise<{ longTasks: Span[]; draws: Span[]; patches: Span[] }> {
  return page.evaluate(
    ([a, b]) => {
      const w = window as unknown as { __longTasks?: { start: number; duration: number }[] };
      const inside = (t: number) => t >= a && t <= b;
      return {
        longTasks: (w.__longTasks ?? [])
          .filter((t) => inside(t.start))
          .map((t) => ({ name: 'longtask', start: t.start, duration: t.duration })),
        draws: performance
          .getEntriesByType('measure')
          .filter((m) => m.name.startsWith('draw:') && inside(m.startTime))
          .map((m) => ({ name: m.name.slice('draw:'.length), start: m.startTime, duration: m.duration })),
        patches: performance
          .getEntriesByType('measure')
          .filter((m) => m.name.startsWith('patch:') && inside(m.startTime))
          .map((m) => ({ name: m.name.slice('patch:'.length), start: m.startTime, duration: m.duration })),
      };
    },
    [from, to] as const,
  );
}

/** Draw (or patch) durations grouped by view id. */
export function drawsByView(draws: readonly Span[]): Map<string, number[]> {
  const by = new Map<string, number[]>();
  for (const d of draws) by.set(d.name, [...(by.get(d.name) ?? []), d.duration]);
  return by;
}
