// Input-to-screen latency of a slider drag, from Chromium's own EventLatency trace events (input arrival →
// frame presentation), which see range-slider drags; the Event Timing API does not (see
// ../shared/ENGINEERING-NOTES.md). Also the long tasks and the plot draws the page ran during the drag.
import type { Browser, CDPSession, Page } from 'playwright-core';
import { throttle } from './common.ts';
import { pageNow, spansBetween, type Span } from './probe.ts';

export const DRAG_MOVES = Number(process.env.DRAG_MOVES ?? 160);
export const DRAG_INTERVAL_MS = 8; // a 125 Hz mouse

export const BARE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>
<style>body{font:16px system-ui;margin:40px} input{width:360px}</style></head><body>
<label for="s">β</label> <input id="s" type="range" min="-3" max="1" step="0.01" value="-1">
<output id="o">0.1</output>
<script>const s = document.getElementById('s'), o = document.getElementById('o');
s.addEventListener('input', () => { o.textContent = (10 ** Number(s.value)).toPrecision(3); });</script>
</body></html>`;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string; global?: string };
  args?: { event_latency?: { event_type?: string } };
}

export interface DragLatency {
  /** Mouse-drag events Chromium traced. */
  moves: number;
  /** Input → presentation (ms) of each drag event that reached the screen in a frame of its own. */
  presented: number[];
  /**
   * For every drag event, ms until the next frame that showed a drag: a move coalesced into a queued one
   * (Chromium ends its EventLatency at once, "…ToTermination") is on screen only with that frame.
   */
  everyMove: number[];
  /** `input` events the page handled during the drag. */
  inputs?: number;
  /** Long tasks (> 50 ms) that started during the drag. */
  longTasks?: Span[];
  /** The app's `draw:<viewId>` measures that started during the drag. */
  draws?: Span[];
  /** Patched frames (drag frames drawn without a full Plotly draw). */
  patches?: Span[];
  /** From the press to the release, s. */
  seconds?: number;
  /** Page time of the release (spans after it belong to settling, not to the drag). */
  releasedAt?: number;
}

/**
 * Reads the trace's EventLatency slices (async begin/end pairs per process, thread and id). Each slice has
 * stage slices with the same id inside it: a presented event has "SubmitCompositorFrameToPresentation…",
 * one that was coalesced or dropped has a "…ToTermination" stage instead.
 */
export function dragLatencies(trace: { traceEvents: TraceEvent[] } | TraceEvent[]): DragLatency {
  const events = (Array.isArray(trace) ? trace : trace.traceEvents)
    .filter((e) => (e.ph === 'b' || e.ph === 'e') && (e.id2 || e.id))
    .sort((a, b) => a.ts - b.ts);
  interface Slice {
    type: string;
    begin: number;
    end: number;
    presented: boolean;
  }
  const open = new Map<string, Slice>();
  const slices: Slice[] = [];
  for (const e of events) {
    const key = `${e.pid}:${e.tid}:${e.id ?? e.id2?.local ?? e.id2?.global}`;
    if (e.name === 'EventLatency') {
      if (e.ph === 'b') {
        const type = e.args?.event_latency?.event_type ?? '';
        open.set(key, { type, begin: e.ts, end: NaN, presented: false });
      } else {
        const slice = open.get(key);
        open.delete(key);
        if (slice) slices.push({ ...slice, end: e.ts });
      }
    } else if (e.ph === 'b') {
      const slice = open.get(key);
      if (slice && e.name.endsWith('ToPresentationCompositorFrame')) slice.presented = true;
    }
  }
  const drags = slices.filter((s) => /DRAG/.test(s.type));
  const shown = drags.filter((s) => s.presented);
  const ends = shown.map((s) => s.end).sort((a, b) => a - b);
  const everyMove: number[] = [];
  for (const s of drags) {
    if (s.presented) everyMove.push((s.end - s.begin) / 1000);
    else {
      const next = ends.find((t) => t >= s.begin);
      if (next !== undefined) everyMove.push((next - s.begin) / 1000);
    }
  }
  return { moves: drags.length, presented: shown.map((s) => (s.end - s.begin) / 1000), everyMove };
}

/**
 * Brings a slider inside a scrolling controls column into view by scrolling that column only, so the page
 * (and so the views on screen) stays where it is.
 */
export async function revealSlider(page: Page, slider: string): Promise<void> {
  await page.locator(slider).evaluate((el) => {
    let box: HTMLElement | null = el.parentElement;
    while (
      box &&
      !(box.scrollHeight > box.clientHeight && /(auto|scroll)/.test(getComputedStyle(box).overflowY))
    )
      box = box.parentElement;
    if (!box) return;
    const r = el.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    box.scrollTop += r.top - b.top - box.clientHeight / 2;
  });
}

/**
 * Drags the range input back and forth like a fast mouse: CDP mouse events every DRAG_INTERVAL_MS, sent
 * without waiting for each to be handled (page.mouse.move would wait for the renderer every time).
 */
export async function dragLatency(
  browser: Browser,
  page: Page,
  session: CDPSession,
  slider: string,
  rate: number,
): Promise<DragLatency> {
  const box = await page.locator(slider).boundingBox();
  if (!box) throw new Error(`no box for ${slider}`);
  const y = box.y + box.height / 2;
  const cx = box.x + box.width / 2;
  const amplitude = box.width * 0.4;
  // Counts the input events the page handled (a coalesced move never reaches it).
  await page.locator(slider).evaluate((el) => {
    const w = window as unknown as { __inputs: number };
    w.__inputs = 0;
    const counted = el as HTMLInputElement & { __counting?: boolean };
    if (!counted.__counting) el.addEventListener('input', () => w.__inputs++);
    counted.__counting = true;
  });
  await throttle(session, rate);
  await page.waitForTimeout(300);
  await browser.startTracing(page, {
    categories: ['benchmark', 'input', 'latencyInfo', 'devtools.timeline'],
  });
  const from = await pageNow(page);
  await session.send('Input.dispatchMouseEvent', {
    type: 'mousePressed',
    x: cx,
    y,
    button: 'left',
    buttons: 1,
    clickCount: 1,
  });
  const sent: Promise<unknown>[] = [];
  await new Promise<void>((done) => {
    let i = 0;
    const timer = setInterval(() => {
      i++;
      const x = cx + amplitude * Math.sin((i / DRAG_MOVES) * 4 * Math.PI);
      sent.push(
        session.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y, button: 'left', buttons: 1 }),
      );
      if (i >= DRAG_MOVES) {
        clearInterval(timer);
        done();
      }
    }, DRAG_INTERVAL_MS);
  });
  await Promise.all(sent);
  await session.send('Input.dispatchMouseEvent', {
    type: 'mouseReleased',
    x: cx,
    y,
    button: 'left',
    buttons: 0,
    clickCount: 1,
  });
  const released = await pageNow(page);
  // Let the last frames present before the trace stops.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(500);
  const buffer = await browser.stopTracing();
  await throttle(session, 1);
  const to = await pageNow(page);
  const inputs = await page.evaluate(() => (window as unknown as { __inputs: number }).__inputs);
  const { longTasks, draws, patches } = await spansBetween(page, from, to);
  return {
    ...dragLatencies(JSON.parse(buffer.toString('utf8'))),
    inputs,
    longTasks,
    draws,
    patches,
    seconds: (released - from) / 1000,
    releasedAt: released,
  };
}
