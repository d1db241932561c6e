// A patched drag frame is the same picture as Plotly's own full draw of that figure (issue 11: the screen
// never contradicts itself). In the built app, a real control moves a view from one figure to the next; the
// SVG is read the moment the patch is written (before SETTLE_MS) and again when the settling full draw of
// the same figure has run, and every line, point, cursor line and note must match to a twentieth of a pixel.
// The patches are counted from the app's own `patch:<view>` measures, so a test that saw only full draws
// fails rather than passes.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { SETTLE_MS } from '../../src/components/plot/PlotlyPlot.tsx';
import { betaBox, betaSlider, drawnPlot, plotView, type PlotViewId } from './app.ts';
import type { PageProblems } from './browser.ts';
import { DESKTOP, openWatched, setUpBrowser } from './session.ts';

const session = setUpBrowser();

/** Pixels: far below what a screen shows, far above float noise and Plotly's own rounding. */
const TOLERANCE = 0.05;

interface TraceSnap {
  index: number;
  /** The trace's plot area in its own coordinates, [0, w] × [0, h]: what is on screen of its lines. */
  box: [number, number];
  lines: string[];
  points: string[];
}

interface Snapshot {
  traces: TraceSnap[];
  shapes: { index: string; d: string }[];
  notes: { index: string; text: string; box: number[] }[];
}

interface DrawFrame {
  kind: 'patch' | 'draw';
  view: string;
  at: number;
  snap: Snapshot | null;
}

/**
 * Installed before the app: wraps performance.measure, which the plot wrapper calls right after each patch
 * (`patch:<view>`) and each full draw (`draw:<view>`), to read that view's SVG at that very moment.
 */
function recordFrames(): void {
  type Axis = { _length?: number };
  type Full = { index?: number; type?: string; xaxis?: string; yaxis?: string; subplot?: string };
  type Root = HTMLElement & { _fullLayout?: Record<string, unknown> };
  const snap = (root: Root) => {
    const layout = root._fullLayout ?? {};
    const axis = (id: string | undefined, letter: string) =>
      layout[`${letter}axis${(id ?? letter).slice(1)}`] as Axis | undefined;
    const origin = root.getBoundingClientRect();
    const traces = [...root.querySelectorAll('.scatterlayer > g.trace')].map((g) => {
      const full = (g as Element & { __data__?: { trace?: Full }[] }).__data__?.[0]?.trace ?? {};
      let xa: Axis | undefined;
      let ya: Axis | undefined;
      if (full.type === 'scatterternary') {
        const sub = (layout[full.subplot ?? 'ternary'] as { _subplot?: { xaxis: Axis; yaxis: Axis } })
          ?._subplot;
        xa = sub?.xaxis;
        ya = sub?.yaxis;
      } else {
        xa = axis(full.xaxis, 'x');
        ya = axis(full.yaxis, 'y');
      }
      return {
        index: full.index ?? -1,
        box: [xa?._length ?? 0, ya?._length ?? 0],
        lines: [...g.querySelectorAll('path.js-line')].map((p) => p.getAttribute('d') ?? ''),
        points: [...g.querySelectorAll('path.point')].map((p) => p.getAttribute('transform') ?? ''),
      };
    });
    const shapes = [...root.querySelectorAll('.shapelayer path')].map((p) => ({
      index: p.getAttribute('data-index') ?? '',
      d: p.getAttribute('d') ?? '',
    }));
    const notes = [...root.querySelectorAll('g.annotation')].map((g) => {
      const r = g.getBoundingClientRect();
      return {
        index: g.getAttribute('data-index') ?? '',
        text: g.textContent ?? '',
        box: [r.x - origin.x, r.y - origin.y, r.width, r.height],
      };
    });
    return { traces, shapes, notes };
  };
  const frames: unknown[] = [];
  (window as unknown as { __frames: unknown[] }).__frames = frames;
  const measure = performance.measure.bind(performance);
  performance.measure = ((name: string, ...rest: []) => {
    const entry = measure(name, ...rest);
    const m = /^(patch|draw):(.+)$/.exec(name);
    if (m) {
      const root = document.querySelector<Root>(`#view-${m[2]} .js-plotly-plot`);
      frames.push({ kind: m[1], view: m[2], at: performance.now(), snap: root ? snap(root) : null });
    }
    return entry;
  }) as typeof performance.measure;
}

const frameCount = (page: Page) =>
  page.evaluate(() => (window as unknown as { __frames: unknown[] }).__frames.length);

/** The frames recorded since `from`, of `view`. */
const framesSince = (page: Page, from: number, view: PlotViewId) =>
  page.evaluate(
    ([f, v]) =>
      ((window as unknown as { __frames: DrawFrame[] }).__frames as DrawFrame[])
        .slice(f)
        .filter((x) => x.view === v),
    [from, view] as const,
  );

/** Waits until no plot has drawn or patched for well over SETTLE_MS (every settling draw has run). */
async function quiet(page: Page): Promise<void> {
  let last = -1;
  for (;;) {
    const n = await frameCount(page);
    if (n === last) return;
    last = n;
    await page.waitForTimeout(SETTLE_MS * 3);
  }
}

// ---- Comparing pictures -------------------------------------------------------------------------------

type Point = [number, number];

/** An SVG path of M and L commands (Plotly's lines and line shapes) as its subpaths' points. */
function subpaths(d: string): Point[][] {
  const out: Point[][] = [];
  for (const [, cmd, args] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (cmd === 'Z') continue;
    const nums = (args ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    expect(nums.length % 2, `path "${d.slice(0, 80)}…" has odd coordinates`).toBe(0);
    const pts: Point[] = [];
    for (let i = 0; i < nums.length; i += 2) pts.push([nums[i] as number, nums[i + 1] as number]);
    if (cmd === 'M' || out.length === 0) out.push(pts);
    else out[out.length - 1]!.push(...pts);
  }
  return out.filter((s) => s.length > 0);
}

function segmentDistance([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function polylineDistance(p: Point, paths: Point[][]): number {
  let best = Infinity;
  for (const s of paths) {
    if (s.length === 1) best = Math.min(best, Math.hypot(p[0] - s[0]![0], p[1] - s[0]![1]));
    for (let i = 1; i < s.length; i++) best = Math.min(best, segmentDistance(p, s[i - 1]!, s[i]!));
  }
  return best;
}

/**
 * Points along the drawn line that are on screen: every vertex and three points inside each segment (so a
 * segment across a gap that the other path does not draw is caught too).
 */
function visibleSamples(paths: Point[][], [w, h]: [number, number]): Point[] {
  const inside = ([x, y]: Point) => x >= -1 && x <= w + 1 && y >= -1 && y <= h + 1;
  const out: Point[] = [];
  for (const s of paths) {
    s.forEach((p, i) => {
      if (inside(p)) out.push(p);
      const q = s[i + 1];
      if (!q) return;
      for (const t of [0.25, 0.5, 0.75]) {
        const m: Point = [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
        if (inside(m)) out.push(m);
      }
    });
  }
  return out;
}

/**
 * The on-screen part of two lines is the same: each sample of one lies on the other. Off screen Plotly
 * clips a line 20 plot sizes out and the patch does not, which no one can see; a full draw may also split
 * the path differently, so points are compared, not strings.
 */
function expectSameLine(patched: string, full: string, box: [number, number], what: string): number {
  const a = subpaths(patched);
  const b = subpaths(full);
  const sa = visibleSamples(a, box);
  const sb = visibleSamples(b, box);
  for (const p of sa)
    expect(polylineDistance(p, b), `${what}: patched point ${p} off the full draw`).toBeLessThan(TOLERANCE);
  for (const p of sb)
    expect(polylineDistance(p, a), `${what}: drawn point ${p} off the patch`).toBeLessThan(TOLERANCE);
  return sa.length;
}

function translate(t: string): Point {
  const m = /^translate\(\s*([^,\s]+)[,\s]+([^)\s]+)\s*\)$/.exec(t.trim());
  expect(m, `a point's transform: ${t}`).not.toBeNull();
  return [Number(m![1]), Number(m![2])];
}

/** The patched picture and the full draw of the same figure agree; returns how many things were compared. */
function expectSamePicture(patched: Snapshot, full: Snapshot): { lines: number; points: number } {
  const counted = { lines: 0, points: 0 };
  expect(patched.traces.map((t) => t.index)).toEqual(full.traces.map((t) => t.index));
  patched.traces.forEach((pt, k) => {
    const ft = full.traces[k]!;
    const what = `trace ${pt.index}`;
    expect(pt.points.length, `${what}: marker count`).toBe(ft.points.length);
    pt.points.forEach((p, i) => {
      const [x0, y0] = translate(p);
      const [x1, y1] = translate(ft.points[i]!);
      expect(Math.abs(x0 - x1), `${what} point ${i}: x ${x0} vs ${x1}`).toBeLessThan(TOLERANCE);
      expect(Math.abs(y0 - y1), `${what} point ${i}: y ${y0} vs ${y1}`).toBeLessThan(TOLERANCE);
      counted.points++;
    });
    // Either may hold the line in several path elements (a patch empties all but the first).
    const joined = (lines: string[]) => lines.filter(Boolean).join('');
    counted.lines += expectSameLine(joined(pt.lines), joined(ft.lines), ft.box, what);
  });
  expect(patched.shapes.map((s) => s.index)).toEqual(full.shapes.map((s) => s.index));
  patched.shapes.forEach((s, k) => {
    const a = subpaths(s.d).flat();
    const b = subpaths(full.shapes[k]!.d).flat();
    expect(a.length, `shape ${s.index}: ${s.d} vs ${full.shapes[k]!.d}`).toBe(b.length);
    a.forEach((p, i) => {
      expect(Math.hypot(p[0] - b[i]![0], p[1] - b[i]![1]), `shape ${s.index}`).toBeLessThan(TOLERANCE);
    });
  });
  expect(patched.notes.map((n) => [n.index, n.text])).toEqual(full.notes.map((n) => [n.index, n.text]));
  patched.notes.forEach((n, k) => {
    const b = full.notes[k]!.box;
    n.box.forEach((v, i) => expect(Math.abs(v - b[i]!), `note ${n.index} “${n.text}” box`).toBeLessThan(0.5));
  });
  return counted;
}

// ---- Driving the app ----------------------------------------------------------------------------------

const cursorSlider = (page: Page) => page.getByRole('slider', { name: 'Step shown', exact: true });

/** A page of its own context on the app at `hash`, recording frames from before the app starts. */
async function open(hash: string): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await session.browser.newContext({ viewport: DESKTOP });
  await context.addInitScript(recordFrames);
  const { page, problems } = await openWatched(context, hash);
  return { context, page, problems };
}

/**
 * Presses `key` `times` times on a slider, as fast as the keyboard goes (a drag's burst of frames), without
 * scrolling the page to it (the view under test stays on screen).
 */
async function press(page: Page, slider: Locator, key: string, times: number): Promise<void> {
  await slider.evaluate((el) => (el as HTMLElement).focus({ preventScroll: true }));
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/**
 * Brings `view` on screen, lets everything settle, runs `act`, and returns the view's last patched frame and
 * the settling full draw after it (checked to be that: the last two frames, SETTLE_MS apart), and the
 * picture before the act.
 */
async function patchThenSettle(page: Page, view: PlotViewId, act: () => Promise<void>) {
  await plotView(page, view).scrollIntoViewIfNeeded();
  await drawnPlot(page, view).waitFor({ state: 'attached', timeout: 20_000 });
  await quiet(page);
  const before = await framesSince(page, 0, view);
  const from = await frameCount(page);
  await act();
  await expect.poll(() => framesSince(page, from, view), { timeout: 10_000 }).not.toEqual([]);
  await quiet(page);
  const frames = await framesSince(page, from, view);
  const kinds = frames.map((f) => f.kind);
  // At least one frame of this act was patched, not drawn: else this test could pass on full draws alone.
  expect(kinds, `${view}: ${kinds.join(', ')}`).toContain('patch');
  const settled = frames.at(-1)!;
  const patched = frames.at(-2)!;
  expect([patched.kind, settled.kind], `${view}: ${kinds.join(', ')}`).toEqual(['patch', 'draw']);
  expect(settled.at - patched.at).toBeGreaterThanOrEqual(SETTLE_MS - 5);
  expect(patched.snap && settled.snap).toBeTruthy();
  return { previous: before.at(-1)!.snap!, patched: patched.snap!, settled: settled.snap! };
}

describe('a patched drag frame draws what a full draw draws', () => {
  it('the loss and gradient views after β steps (curves, dots, and the gradient’s moving note)', async () => {
    const { context, page, problems } = await open('#v=2&beta=1');
    // One step, then a burst of steps (patched on top of a patched frame).
    for (const [view, times] of [
      ['loss', 1],
      ['gradient', 1],
      ['loss', 4],
      ['gradient', 4],
    ] as const) {
      const beta = Number(await betaBox(page).inputValue());
      const { previous, patched, settled } = await patchThenSettle(page, view, () =>
        press(page, betaSlider(page), 'ArrowRight', times),
      );
      expect(Number(await betaBox(page).inputValue())).toBeGreaterThan(beta);
      // The patch moved the picture (the curves), and moved it to where a full draw puts it.
      expect(patched.traces.map((t) => t.lines)).not.toEqual(previous.traces.map((t) => t.lines));
      const counted = expectSamePicture(patched, settled);
      expect(counted.lines).toBeGreaterThan(100);
      expect(counted.points).toBeGreaterThan(0);
      if (view === 'gradient') {
        // IPO's push changes sign at h = 1/(2β): its note says the new h (redrawn by Plotly's own code),
        // at the place a full draw puts it (compared above).
        const turn = (s: Snapshot) => s.notes.find((n) => n.text.includes('changes sign'));
        expect(turn(patched)?.text).toMatch(/h = 0\.\d\d/);
        expect(turn(patched)?.text).not.toBe(turn(previous)?.text);
      }
    }
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });

  it('the training, metrics, simplex and plane views after time-cursor steps (cursor lines, step markers)', async () => {
    const { context, page, problems } = await open('#v=2&beta=1&t=50');
    for (const [view, times] of [
      ['training', 1],
      ['metrics', 3],
      ['simplex', 1],
      ['plane', 3],
    ] as const) {
      const { previous, patched, settled } = await patchThenSettle(page, view, () =>
        press(page, cursorSlider(page), 'ArrowRight', times),
      );
      if (view === 'simplex' || view === 'plane') {
        expect(patched.traces.map((t) => t.points)).not.toEqual(previous.traces.map((t) => t.points));
      } else {
        expect(patched.shapes.length).toBeGreaterThan(0);
        expect(patched.shapes.map((s) => s.d)).not.toEqual(previous.shapes.map((s) => s.d));
      }
      const counted = expectSamePicture(patched, settled);
      expect(counted.lines).toBeGreaterThan(50);
    }
    expect(await cursorSlider(page).getAttribute('aria-valuetext')).toBe('step 58 of 200');
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });
});
