// Plot redraws are the expensive part of a slider drag (~5–25 ms each, almost all fixed per-plot cost).
// Instead of drawing every affected plot inside the input event, each plot queues its latest figure here
// and the queue drains in animation frames: at least one plot per frame, more while the frame has budget.
// The input's own work (numbers, readout) reaches the screen at once, a drag never queues stale figures
// (a plot's newer figure replaces its queued one), and frames keep coming while several plots catch up.

type DrawJob = () => Promise<void>;

const queue = new Map<object, DrawJob>();
/**
 * Plots whose draw has not finished (Plotly.react may await fonts or earlier promises past the frame). Their
 * next job waits: two draws of one plot must not interleave, nor a patched frame land inside a full draw.
 */
const running = new Set<object>();
let frameRequested = false;

/** Time a frame may spend drawing plots before the rest waits for the next frame. */
export const FRAME_BUDGET_MS = 12;

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

async function drainFrame(): Promise<void> {
  frameRequested = false;
  const start = now();
  // Map iteration is insertion order, and replacing a queued job keeps its place: oldest first.
  for (const [key, job] of queue) {
    if (running.has(key)) continue;
    queue.delete(key);
    running.add(key);
    try {
      await job();
    } finally {
      running.delete(key);
    }
    if (now() - start > FRAME_BUDGET_MS) break;
  }
  if (queue.size > 0) requestFrame();
}

function requestFrame(): void {
  if (frameRequested) return;
  frameRequested = true;
  const raf =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame
      : (f: () => void) => setTimeout(f, 16);
  raf(() => void drainFrame());
}

/** Queues `job` as the next draw of `key`, replacing any draw of it still waiting. */
export function scheduleDraw(key: object, job: DrawJob): void {
  queue.set(key, job);
  requestFrame();
}

/** Forgets a queued draw (the plot unmounted). */
export function cancelDraw(key: object): void {
  queue.delete(key);
}
