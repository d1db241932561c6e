// UI benchmark of the built app in Debian's Chromium: what the page downloads, how soon the controls answer,
// how soon every plot is drawn, and the input-to-screen latency of a β slider drag at 1× and 4× CPU,
// beside a bare page (one slider, one number) measured in the same run as the floor.
// Run: npm run bench:ui (SKIP_BUILD=1 reuses dist/). It prints numbers and asserts nothing.
//
// Latency comes from Chromium's own EventLatency trace events (input arrival → frame presentation), which
// see range-slider drags; the Event Timing API does not (see ../shared/ENGINEERING-NOTES.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlibConstants } from 'node:zlib';
import { build, preview, type PreviewServer } from 'vite';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../tests/browser/browser.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = `${ROOT}dist/`;
const BETA_LABEL = 'β (KL strength)';
const LOAD_RUNS = 3;
const DRAG_MOVES = 160;
const DRAG_INTERVAL_MS = 8; // a 125 Hz mouse
const THROTTLE_RATES = [1, 4] as const;
const TALL = { width: 1400, height: 9000 };
const NORMAL = { width: 1280, height: 900 };

// ─── sizes ────────────────────────────────────────────────────────────────────────────────────────────────

interface Asset {
  file: string;
  raw: number;
  gzip: number;
}

function asset(rel: string): Asset {
  const path = DIST + rel.replace(/^\.?\//, '');
  const bytes = readFileSync(path);
  return {
    file: rel.replace(/^\.?\/?assets\//, ''),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: zlibConstants.Z_BEST_COMPRESSION }).length,
  };
}

function sizes() {
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const initialJs: string[] = [];
  const initialCss: string[] = [];
  for (const tag of tags) {
    if (tag.startsWith('<script') && /type="module"/.test(tag)) initialJs.push(attr(tag, 'src')!);
    else if (/rel="modulepreload"/.test(tag)) initialJs.push(attr(tag, 'href')!);
    else if (/rel="stylesheet"/.test(tag)) initialCss.push(attr(tag, 'href')!);
  }
  const initial = new Set(initialJs.map((f) => f.replace(/^\.?\//, '')));
  const lazy = readdirSync(`${DIST}assets`)
    .filter((f) => f.endsWith('.js') && !initial.has(`assets/${f}`))
    .map((f) => asset(`assets/${f}`))
    .sort((a, b) => b.gzip - a.gzip);
  return { initialJs: initialJs.map(asset), initialCss: initialCss.map(asset), lazy };
}

// ─── page measurements ───────────────────────────────────────────────────────────────────────────────────

interface LoadMarks {
  sliderAt: number | null;
  respondedAt: number | null;
  firstPlotAt: number | null;
  allPlotsAt: number | null;
}

/**
 * Installed before any page script. Watches the DOM from the first byte: notes when the β slider exists,
 * (with `poke`) sends it one `input` at once and notes when the readout's first number changes, and notes
 * when the first and when every plot has drawn a trace. Times are performance.now(): ms since navigation.
 */
function installLoadProbe({ poke, betaLabel }: { poke: boolean; betaLabel: string }) {
  const marks: LoadMarks = { sliderAt: null, respondedAt: null, firstPlotAt: null, allPlotsAt: null };
  (window as unknown as { __marks: LoadMarks }).__marks = marks;
  let before: string | null = null;
  const firstCell = () => document.querySelector('.pair-readout tbody td');
  const findSlider = (): HTMLInputElement | null => {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent === betaLabel);
    if (!label) return null;
    return (
      [...document.querySelectorAll<HTMLInputElement>('input[type=range]')].find(
        (r) => r.getAttribute('aria-labelledby') === label.id,
      ) ?? null
    );
  };
  const drawn = (plot: Element) =>
    plot.querySelector('.scatterlayer .trace, .contourlayer .contour') !== null;

  const check = () => {
    const now = performance.now();
    if (marks.sliderAt === null) {
      const slider = findSlider();
      const cell = firstCell();
      if (slider && cell) {
        marks.sliderAt = now;
        if (poke) {
          before = cell.textContent;
          // Set the value through the native setter, as a drag does, so React sees a change.
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
          setter.call(slider, String(Number(slider.value) + 0.25));
          slider.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }
    }
    if (poke && marks.respondedAt === null && before !== null) {
      const cell = firstCell();
      if (cell && cell.textContent !== before) marks.respondedAt = performance.now();
    }
    const plots = document.querySelectorAll('figure.view .plot');
    if (plots.length > 0) {
      const done = [...plots].filter(drawn).length;
      if (done > 0 && marks.firstPlotAt === null) marks.firstPlotAt = now;
      if (done === plots.length && marks.allPlotsAt === null) marks.allPlotsAt = now;
    }
    if (marks.allPlotsAt !== null && (!poke || marks.respondedAt !== null)) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * tsx compiles this file with esbuild's keepNames, which wraps named inner functions in `__name(fn, 'x')`;
 * functions sent to the page (init scripts, evaluate) then need that helper there too.
 */
const KEEP_NAMES_SHIM = 'globalThis.__name ??= (fn) => fn;';

async function throttle(session: CDPSession, rate: number) {
  await session.send('Emulation.setCPUThrottlingRate', { rate });
}

async function measureLoad(browser: Browser, url: string, rate: number, poke: boolean): Promise<LoadMarks> {
  const ctx = await browser.newContext({ viewport: TALL });
  await ctx.addInitScript(KEEP_NAMES_SHIM);
  const page = await ctx.newPage();
  const session = await ctx.newCDPSession(page);
  await throttle(session, rate);
  await page.addInitScript(installLoadProbe, { poke, betaLabel: BETA_LABEL });
  await page.goto(url);
  await page.waitForFunction(
    (p) => {
      const m = (window as unknown as { __marks: LoadMarks }).__marks;
      return m.allPlotsAt !== null && (!p || m.respondedAt !== null);
    },
    poke,
    { timeout: 120_000, polling: 100 },
  );
  const marks = await page.evaluate(() => (window as unknown as { __marks: LoadMarks }).__marks);
  await ctx.close();
  return marks;
}

// ─── drag latency ────────────────────────────────────────────────────────────────────────────────────────

const BARE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>
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
 * Drags the range input back and forth like a fast mouse: CDP mouse events every DRAG_INTERVAL_MS, sent
 * without waiting for each to be handled (page.mouse.move would wait for the renderer every time).
 */
async function dragLatency(browser: Browser, page: Page, session: CDPSession, slider: string, rate: number) {
  const box = await page.locator(slider).boundingBox();
  if (!box) throw new Error(`no box for ${slider}`);
  const y = box.y + box.height / 2;
  const cx = box.x + box.width / 2;
  const amplitude = box.width * 0.4;
  // Counts the input events the page handled (a coalesced move never reaches it).
  await page.locator(slider).evaluate((el) => {
    const w = window as unknown as { __inputs: number; __counting?: boolean };
    w.__inputs = 0;
    if (!w.__counting) el.addEventListener('input', () => w.__inputs++);
    w.__counting = true;
  });
  await throttle(session, rate);
  await page.waitForTimeout(300);
  await browser.startTracing(page, {
    categories: ['benchmark', 'input', 'latencyInfo', 'devtools.timeline'],
  });
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
  // Let the last frames present before the trace stops.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(500);
  const buffer = await browser.stopTracing();
  await throttle(session, 1);
  const inputs = await page.evaluate(() => (window as unknown as { __inputs: number }).__inputs);
  return { ...dragLatencies(JSON.parse(buffer.toString('utf8'))), inputs };
}

// ─── statistics and printing ─────────────────────────────────────────────────────────────────────────────

function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const median = (xs: readonly number[]) => quantile(xs, 0.5);
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const ms = (n: number | null) => (n === null || Number.isNaN(n) ? '—' : `${Math.round(n)} ms`);
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

async function main() {
  const started = performance.now();
  if (!process.env.SKIP_BUILD) {
    process.stdout.write('building… ');
    await build({ root: ROOT, logLevel: 'warn' });
    console.log('done');
  }
  statSync(`${DIST}index.html`);
  const server: PreviewServer = await preview({
    root: ROOT,
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 4173}/`;
  const browser = await launchBrowser();
  const version = browser.version();

  try {
    // Sizes.
    const size = sizes();
    const initialGzip = size.initialJs.reduce((s, a) => s + a.gzip, 0);
    const initialRaw = size.initialJs.reduce((s, a) => s + a.raw, 0);
    const plotly = size.lazy.find((a) => a.file.startsWith('plotlyBundle'));

    // Load timings.
    process.stdout.write('measuring load… ');
    interface LoadTimes {
      responded: number[];
      slider: number[];
      first: number[];
      all: number[];
    }
    const load: Record<number, LoadTimes> = {};
    for (const rate of THROTTLE_RATES) {
      const r: LoadTimes = { responded: [], slider: [], first: [], all: [] };
      load[rate] = r;
      for (let i = 0; i < LOAD_RUNS; i++) {
        const poked = await measureLoad(browser, url, rate, true);
        if (poked.respondedAt !== null) r.responded.push(poked.respondedAt);
        if (poked.sliderAt !== null) r.slider.push(poked.sliderAt);
        // Plots timed on their own load, with nothing poked, so a changed β does not redraw them.
        const quiet = await measureLoad(browser, url, rate, false);
        if (quiet.firstPlotAt !== null) r.first.push(quiet.firstPlotAt);
        if (quiet.allPlotsAt !== null) r.all.push(quiet.allPlotsAt);
      }
    }
    console.log('done');

    // Drag latency: the bare page, then the app scrolled to its first two plots (sticky controls beside).
    process.stdout.write('measuring drags… ');
    const drags: { name: string; rate: number; lat: DragLatency }[] = [];
    const ctx = await browser.newContext({ viewport: NORMAL });
    await ctx.addInitScript(KEEP_NAMES_SHIM);
    const bare = await ctx.newPage();
    const bareSession = await ctx.newCDPSession(bare);
    await bare.setContent(BARE_PAGE);
    for (const rate of THROTTLE_RATES)
      drags.push({
        name: 'bare page (1 slider, 1 number)',
        rate,
        lat: await dragLatency(browser, bare, bareSession, '#s', rate),
      });
    await bare.close();

    const app = await ctx.newPage();
    const appSession = await ctx.newCDPSession(app);
    await app.goto(url);
    await app
      .locator('#view-loss')
      .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + scrollY - 8));
    for (const id of ['loss', 'gradient'])
      await app
        .locator(`#view-${id} .scatterlayer .trace`)
        .first()
        .waitFor({ state: 'attached', timeout: 60_000 });
    await app.waitForTimeout(1500);
    // On screen, and within the 200 px margin in which PlotlyPlot counts a plot as visible (so redraws it).
    const [onScreen, live] = await app.evaluate(() => {
      const plots = [...document.querySelectorAll('figure.view .plot')].map((p) => p.getBoundingClientRect());
      const within = (m: number) => plots.filter((r) => r.bottom > -m && r.top < innerHeight + m).length;
      return [within(0), within(200)];
    });
    const sliderSelector = `input[type=range][aria-labelledby="${await app
      .locator('label', { hasText: BETA_LABEL })
      .first()
      .getAttribute('id')}"]`;
    for (const rate of THROTTLE_RATES)
      drags.push({
        name: `app: ${onScreen} plots on screen, ${live} redrawn`,
        rate,
        lat: await dragLatency(browser, app, appSession, sliderSelector, rate),
      });
    await ctx.close();
    console.log('done');

    // Print.
    const cores = cpus().length;
    console.log('');
    console.log(`DPO Explorer UI bench — ${version}, ${cores} cores, ${new Date().toISOString()}`);
    console.log('');
    console.log('Bytes (gzip -9 of the built files)');
    console.log(
      `  ${pad('initial JS (entry + modulepreloads, before any lazy chunk)', 62)}${lpad(kB(initialGzip), 10)}   (${kB(initialRaw)} raw; ${size.initialJs.map((a) => a.file).join(', ')})`,
    );
    for (const a of size.initialCss)
      console.log(`  ${pad(`initial CSS ${a.file}`, 62)}${lpad(kB(a.gzip), 10)}`);
    if (plotly)
      console.log(
        `  ${pad(`Plotly chunk ${plotly.file} (lazy)`, 62)}${lpad(kB(plotly.gzip), 10)}   (${kB(plotly.raw)} raw)`,
      );
    for (const a of size.lazy.filter((x) => x !== plotly))
      console.log(`  ${pad(`other lazy chunk ${a.file}`, 62)}${lpad(kB(a.gzip), 10)}`);
    console.log('');
    console.log(
      `Load, from navigation start (median of ${LOAD_RUNS} loads; localhost, no network throttling)`,
    );
    console.log(`  ${pad('', 62)}${THROTTLE_RATES.map((r) => lpad(`${r}× CPU`, 10)).join('')}`);
    const row = (label: string, pick: (r: (typeof load)[number]) => number[]) =>
      console.log(
        `  ${pad(label, 62)}${THROTTLE_RATES.map((r) => lpad(ms(median(pick(load[r]))), 10)).join('')}`,
      );
    row('β slider in the DOM', (r) => r.slider);
    row('first control responds (slider input → readout changed)', (r) => r.responded);
    row(`first plot drawn (${TALL.width}×${TALL.height} viewport)`, (r) => r.first);
    row(`every plot drawn with data (${TALL.width}×${TALL.height}, sweeps incl.)`, (r) => r.all);
    console.log('');
    console.log(
      `Slider drag (${DRAG_MOVES} CDP mouse moves every ${DRAG_INTERVAL_MS} ms), trace EventLatency of MOUSE_DRAGGED:`,
    );
    console.log(
      '  presented = input → presentation of the drags that got a frame of their own (Chromium’s measure);',
    );
    console.log('  every move = each move → the next frame showing a drag (coalesced moves wait for it).');
    const heads = ['CPU', 'moves', 'inputs', 'frames', 'p50', 'p95', 'max', 'p50', 'p95'];
    console.log(`  ${pad('', 40)}${pad('', 35)}${lpad('presented', 24)}${lpad('every move', 18)}`);
    console.log(`  ${pad('', 40)}${heads.map((h) => lpad(h, 8)).join('')}`);
    for (const d of drags) {
      const { moves, presented, everyMove, inputs } = d.lat;
      const cells = [
        `${d.rate}×`,
        String(moves),
        String(inputs ?? '—'),
        String(presented.length),
        ms(median(presented)),
        ms(quantile(presented, 0.95)),
        ms(presented.length ? Math.max(...presented) : NaN),
        ms(median(everyMove)),
        ms(quantile(everyMove, 0.95)),
      ];
      console.log(`  ${pad(d.name, 40)}${cells.map((c) => lpad(c, 8)).join('')}`);
    }
    console.log('');
    console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
