// UI benchmark of the built app in Debian's Chromium (issue 11, "Drags at the frame rate, on a cheap laptop
// too"). Prints one markdown table, every number beside a floor measured in the same run (a bare page with one
// slider and one number), at 1× and 4× CPU:
//   - every slider's drag: each move's input-to-screen latency p50/p95 as a ratio to the floor, with the
//     views on screen named, and the long tasks (> 50 ms) during the drag;
//   - playing the time cursor at 1× with three views on screen: frames per second;
//   - load (a control answers; the first two views drawn); the initial JS (gzip);
//   - a "hostile link": K = 6, 2,000 steps, every loss: time until settled, longest main-thread task;
// then the cost of each view's Plotly draw (the app's User Timing `draw:<viewId>` measures) during the drags.
// Run: npm run bench:ui (SKIP_BUILD=1 reuses dist/; DRAG_MOVES=n and LOAD_RUNS=n shorten it). Asserts nothing.
//
// Latency comes from Chromium's EventLatency trace events (bench/ui/drag.ts); sliders are found by their
// English labels (src/i18n/en), and the URL (README, "Shareable links") shows the ones some losses need.
import { statSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/browser/browser.ts';
import { EN_CONTROLS } from '../src/i18n/en/controls.ts';
import { EN_TIME_CURSOR } from '../src/i18n/en/timeCursor.ts';
import { URL_VERSION } from '../src/state/urlParams.ts';
import {
  KEEP_NAMES_SHIM,
  NORMAL,
  previewApp,
  TALL,
  THROTTLE_RATES,
  throttle,
  kB,
  lpad,
  markdownTable,
  median,
  ms,
  ms1,
  pad,
  quantile,
  ratio,
  scrollToView,
  sliderSelector,
  viewsOnScreen,
} from './ui/common.ts';
import { sizes } from './ui/sizes.ts';
import { measureLoad } from './ui/load.ts';
import {
  BARE_PAGE,
  DRAG_INTERVAL_MS,
  DRAG_MOVES,
  dragLatency,
  revealSlider,
  type DragLatency,
} from './ui/drag.ts';
import { measurePlay, type PlayResult } from './ui/play.ts';
import { HOSTILE_HASH, measureHostile, type HostileResult } from './ui/hostile.ts';
import { drawsByView, installLongTaskProbe, type Span } from './ui/probe.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = `${ROOT}dist/`;
const LOAD_RUNS = Number(process.env.LOAD_RUNS ?? 3);
/** Tall enough for three views (loss, gradient, training and more) under the sticky time cursor. */
const PLAY_VIEWPORT = { width: 1280, height: 2400 };

const c = EN_CONTROLS;
const v = `v=${URL_VERSION}`;

interface SliderCase {
  name: string;
  /** The slider's visible label (English table). */
  label: string;
  /** The URL hash that shows the slider (some appear only for some losses). */
  hash: string;
  /** The view scrolled to the top: one the slider changes. */
  view: string;
}

const SLIDERS: SliderCase[] = [
  { name: 'β', label: c.beta.label, hash: v, view: 'loss' },
  { name: 'p (preference probability)', label: c.toy.preferenceProb, hash: v, view: 'loss' },
  { name: 'ε (label smoothing)', label: c.smoothing.label, hash: `${v}&loss=sigmoid,cdpo`, view: 'loss' },
  { name: 'τ (DiscoPOP tau)', label: c.discopopTau.label, hash: `${v}&loss=sigmoid,discopop`, view: 'loss' },
  { name: 'learning rate', label: c.toy.learningRate, hash: v, view: 'training' },
  {
    name: 'π_ref(y_w) (reference probability)',
    label: c.toy.refProb(1, 'chosen'),
    hash: v,
    view: 'training',
  },
  { name: 'Step shown (time cursor)', label: EN_TIME_CURSOR.label, hash: v, view: 'loss' },
];

interface SliderRun {
  slider: SliderCase;
  views: string[];
  lat: Partial<Record<number, DragLatency>>;
  error?: string;
}

/** Waits until every plot whose frame is on screen has drawn a trace. */
async function plotsOnScreenDrawn(page: import('playwright-core').Page) {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('figure.view .plot-frame')]
        .filter((f) => {
          const r = f.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight;
        })
        .every((f) => f.querySelector('.scatterlayer .trace, .contourlayer .contour') !== null),
    undefined,
    { timeout: 120_000, polling: 100 },
  );
}

async function measureSliders(browser: Browser, url: string) {
  const ctx = await browser.newContext({ viewport: NORMAL });
  await ctx.addInitScript(KEEP_NAMES_SHIM);
  await ctx.addInitScript(installLongTaskProbe);
  const floor: Partial<Record<number, DragLatency>> = {};
  const bare = await ctx.newPage();
  const bareSession = await ctx.newCDPSession(bare);
  await bare.setContent(BARE_PAGE);
  for (const rate of THROTTLE_RATES) floor[rate] = await dragLatency(browser, bare, bareSession, '#s', rate);
  await bare.close();

  const runs: SliderRun[] = [];
  for (const slider of SLIDERS) {
    process.stdout.write(`${slider.name}… `);
    const run: SliderRun = { slider, views: [], lat: {} };
    runs.push(run);
    const page = await ctx.newPage();
    try {
      const session = await ctx.newCDPSession(page);
      await page.goto(`${url}#${slider.hash}`);
      const selector = await sliderSelector(page, slider.label);
      await scrollToView(page, slider.view);
      await revealSlider(page, selector);
      await plotsOnScreenDrawn(page);
      await page.waitForTimeout(1500);
      run.views = await viewsOnScreen(page);
      for (const rate of THROTTLE_RATES)
        run.lat[rate] = await dragLatency(browser, page, session, selector, rate);
    } catch (e) {
      run.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
    }
    await page.close();
  }
  await ctx.close();
  return { floor, runs };
}

/** The views Play is watched on: from the loss view down (loss, gradient, training, …). */
const PLAY_VIEW = 'loss';

interface PlayRun {
  views: string[];
  steps: string | null;
  result: Partial<Record<number, PlayResult>>;
}

async function measurePlaying(browser: Browser, url: string): Promise<PlayRun> {
  const ctx = await browser.newContext({ viewport: PLAY_VIEWPORT });
  await ctx.addInitScript(KEEP_NAMES_SHIM);
  await ctx.addInitScript(installLongTaskProbe);
  const page = await ctx.newPage();
  const session = await ctx.newCDPSession(page);
  await page.goto(`${url}#${v}`);
  await scrollToView(page, PLAY_VIEW);
  await plotsOnScreenDrawn(page);
  await page.waitForTimeout(1500);
  const views = await viewsOnScreen(page);
  const selector = await sliderSelector(page, EN_TIME_CURSOR.label);
  const steps = await page.locator(selector).getAttribute('max');
  const result: PlayRun['result'] = {};
  for (const rate of THROTTLE_RATES) {
    await throttle(session, rate);
    result[rate] = await measurePlay(page, selector, EN_TIME_CURSOR.play);
    await throttle(session, 1);
    await page.waitForTimeout(1000);
  }
  await ctx.close();
  return { views, steps, result };
}

/** The spans that started before the release (the drag's own frames, not the settling draw). */
const during = (spans: readonly Span[] | undefined, end: number | undefined) =>
  (spans ?? []).filter((x) => end === undefined || x.start <= end);

/** Plot frames per second of each view (full draws + patched frames) over `seconds`. */
function updatesPerSecond(draws: readonly Span[], patches: readonly Span[], seconds: number): string {
  const by = new Map<string, [number, number]>();
  for (const d of draws) by.set(d.name, [(by.get(d.name)?.[0] ?? 0) + 1, by.get(d.name)?.[1] ?? 0]);
  for (const d of patches) by.set(d.name, [by.get(d.name)?.[0] ?? 0, (by.get(d.name)?.[1] ?? 0) + 1]);
  if (by.size === 0) return 'no plot frame';
  return [...by]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([view, [d, p]]) => `${view} ${((d + p) / seconds).toFixed(0)}/s (${d} draws + ${p} patches)`)
    .join(', ');
}

// ─── printing ────────────────────────────────────────────────────────────────────────────────────────────

const longest = (spans: readonly Span[] | undefined) =>
  spans && spans.length ? Math.max(...spans.map((s) => s.duration)) : NaN;
const longTaskText = (spans: readonly Span[] | undefined) =>
  spans && spans.length ? `${spans.length} LT, longest ${ms(longest(spans))}` : '0 LT';

function dragCell(lat: DragLatency | undefined, floor: DragLatency | undefined): string {
  if (!lat || !floor) return '—';
  const p50 = median(lat.everyMove);
  const p95 = quantile(lat.everyMove, 0.95);
  return (
    `${ratio(p50, median(floor.everyMove))} / ${ratio(p95, quantile(floor.everyMove, 0.95))} ` +
    `(${ms(p50)} / ${ms(p95)}) · ${longTaskText(lat.longTasks)}`
  );
}

function printTable(
  floor: Partial<Record<number, DragLatency>>,
  runs: SliderRun[],
  load: Record<number, { responded: number[]; two: number[] }>,
  initialGzip: number,
  play: PlayRun | { error: string },
  hostile: HostileResult | { error: string },
) {
  const rows: string[][] = [];
  const floorCell = (rate: number) => {
    const f = floor[rate];
    return f ? `${ms(median(f.everyMove))} / ${ms(quantile(f.everyMove, 0.95))}` : '—';
  };
  rows.push([
    'floor: bare page drag, every move p50 / p95',
    'one slider + one number',
    floorCell(1),
    floorCell(4),
  ]);
  for (const r of runs)
    rows.push([
      `${r.slider.name} drag: every move p50 / p95 ×floor`,
      r.error
        ? `\`#${r.slider.hash}\` — not measured: ${r.error}`
        : `\`#${r.slider.hash}\`; on screen: ${r.views.join(', ') || 'no view'}`,
      dragCell(r.lat[1], floor[1]),
      dragCell(r.lat[4], floor[4]),
    ]);
  if ('error' in play) rows.push(['Play (time cursor): frames/s', `not measured: ${play.error}`, '—', '—']);
  else {
    const cell = (p: PlayResult | undefined) => {
      if (!p) return '—';
      const s = p.duration / 1000;
      return `${(p.newValueFrames / s).toFixed(1)} fps (${(p.frames / s).toFixed(1)}); ${p.distinctValues} values in ${s.toFixed(1)} s · ${longTaskText(p.longTasks)}`;
    };
    rows.push([
      'Play (time cursor): new cursor values shown/s (all frames/s)',
      `\`#${v}\`, ${play.steps} steps, ${PLAY_VIEWPORT.width}×${PLAY_VIEWPORT.height}; on screen: ${play.views.join(', ')}`,
      cell(play.result[1]),
      cell(play.result[4]),
    ]);
  }
  const loadCell = (xs: number[]) => `${ms(median(xs))} (median of ${xs.length})`;
  rows.push([
    'load: a control answers (β input → readout changed)',
    `\`#${v}\`, ${TALL.width}×${TALL.height}`,
    loadCell(load[1].responded),
    loadCell(load[4].responded),
  ]);
  rows.push([
    'load: first two views drawn',
    `\`#${v}\`, ${TALL.width}×${TALL.height}`,
    loadCell(load[1].two),
    loadCell(load[4].two),
  ]);
  rows.push(['initial JS (entry + modulepreloads), gzip -9', 'dist/', kB(initialGzip), '(same)']);
  if ('error' in hostile) rows.push(['hostile link', `not measured: ${hostile.error}`, '—', '—']);
  else {
    const setup = `\`#${HOSTILE_HASH}\`, ${TALL.width}×${TALL.height} (plots on screen drawn: ${hostile.plots})`;
    rows.push([
      'hostile link: time until settled (all plots drawn at)',
      setup,
      `${ms(hostile.settledAt)} (${ms(hostile.allPlotsAt)})`,
      'not measured',
    ]);
    rows.push([
      'hostile link: longest main-thread task (long tasks)',
      'same',
      `${ms(longest(hostile.longTasks))} (${hostile.longTasks.length} LT, ${ms(hostile.longTasks.reduce((a, t) => a + t.duration, 0))} in all)`,
      'not measured',
    ]);
  }
  console.log(markdownTable(['measure', 'setup (URL hash; views on screen)', '1× CPU', '4× CPU'], rows));
  console.log('');
  console.log(
    `Drags: ${DRAG_MOVES} CDP mouse moves every ${DRAG_INTERVAL_MS} ms; "every move" = each MOUSE_DRAGGED → the next presented frame showing a drag (trace EventLatency). ` +
      '×floor = ratio to the bare page in this run at the same CPU rate. LT = long tasks (> 50 ms) that started during the drag.',
  );
}

function printDrawCosts(runs: SliderRun[], play: PlayRun | { error: string }) {
  console.log('');
  console.log(
    'Per-view cost: full draws (User Timing `draw:<viewId>` = one Plotly.react) and patched frames (`patch:<viewId>`), over all slider drags above and Play at 1×',
  );
  const kinds = ['draws', 'patches'] as const;
  const byRate = THROTTLE_RATES.flatMap((rate) =>
    kinds.map((k) => drawsByView(runs.flatMap((r) => r.lat[rate]?.[k] ?? []))),
  );
  const play1 = 'error' in play ? undefined : play.result[1];
  const byPlay = kinds.map((k) => drawsByView(play1?.[k] ?? []));
  const all = [...byRate, ...byPlay];
  const views = [...new Set(all.flatMap((m) => [...m.keys()]))].sort();
  const cell = (xs: number[] | undefined) =>
    xs && xs.length
      ? `${xs.length} × ${ms1(median(xs))} / ${ms1(quantile(xs, 0.95))} / ${ms1(Math.max(...xs))}`
      : '—';
  console.log(
    markdownTable(
      [
        'view',
        ...THROTTLE_RATES.flatMap((r) => kinds.map((k) => `drags ${r}× ${k}: n × p50 / p95 / max`)),
        ...kinds.map((k) => `Play 1× ${k}`),
      ],
      views.map((view) => [view, ...all.map((m) => cell(m.get(view)))]),
    ),
  );
  console.log('');
  console.log('Plot frames per second of each view on screen during each drag (draws + patches):');
  for (const r of runs) {
    for (const rate of THROTTLE_RATES) {
      const d = r.lat[rate];
      if (!d) continue;
      console.log(
        `  ${pad(r.slider.name, 40)}${rate}×: ${updatesPerSecond(during(d.draws, d.releasedAt), during(d.patches, d.releasedAt), d.seconds ?? NaN)}`,
      );
    }
  }
  if (!('error' in play))
    for (const rate of THROTTLE_RATES) {
      const p = play.result[rate];
      if (p)
        console.log(
          `  ${pad('Play', 40)}${rate}×: ${updatesPerSecond(p.draws, p.patches, p.duration / 1000)}`,
        );
    }
}

function printDragDetails(floor: Partial<Record<number, DragLatency>>, runs: SliderRun[]) {
  console.log('');
  console.log('Drag details (presented = drags that got a frame of their own; every move as in the table):');
  const heads = ['CPU', 'moves', 'inputs', 'frames', 'p50', 'p95', 'max', 'p50', 'p95'];
  console.log(`  ${pad('', 40)}${pad('', 32)}${lpad('presented', 24)}${lpad('every move', 16)}`);
  console.log(`  ${pad('', 40)}${heads.map((h) => lpad(h, 8)).join('')}`);
  const all: [string, Partial<Record<number, DragLatency>>][] = [
    ['bare page (floor)', floor],
    ...runs.map((r): [string, Partial<Record<number, DragLatency>>] => [r.slider.name, r.lat]),
  ];
  for (const [name, lats] of all)
    for (const rate of THROTTLE_RATES) {
      const d = lats[rate];
      if (!d) continue;
      const cells = [
        `${rate}×`,
        String(d.moves),
        String(d.inputs ?? '—'),
        String(d.presented.length),
        ms(median(d.presented)),
        ms(quantile(d.presented, 0.95)),
        ms(d.presented.length ? Math.max(...d.presented) : NaN),
        ms(median(d.everyMove)),
        ms(quantile(d.everyMove, 0.95)),
      ];
      console.log(`  ${pad(name, 40)}${cells.map((x) => lpad(x, 8)).join('')}`);
    }
}

// ─── main ────────────────────────────────────────────────────────────────────────────────────────────────

async function main() {
  const started = performance.now();
  if (!process.env.SKIP_BUILD) {
    process.stdout.write('building… ');
    await build({ root: ROOT, logLevel: 'warn' });
    console.log('done');
  }
  statSync(`${DIST}index.html`);
  const server = await previewApp(ROOT);
  const url = server.url;
  const browser = await launchBrowser();
  const version = browser.version();

  try {
    const size = sizes(DIST);
    const initialGzip = size.initialJs.reduce((s, a) => s + a.gzip, 0);

    process.stdout.write('measuring load… ');
    const load: Record<number, { responded: number[]; two: number[] }> = {};
    for (const rate of THROTTLE_RATES) {
      const r = { responded: [] as number[], two: [] as number[] };
      load[rate] = r;
      for (let i = 0; i < LOAD_RUNS; i++) {
        const poked = await measureLoad(browser, url, rate, true, c.beta.label);
        if (poked.respondedAt !== null) r.responded.push(poked.respondedAt);
        // Plots timed on their own load, with nothing poked, so a changed β does not redraw them.
        const quiet = await measureLoad(browser, url, rate, false, c.beta.label);
        if (quiet.twoPlotsAt !== null) r.two.push(quiet.twoPlotsAt);
      }
    }
    console.log('done');

    process.stdout.write('measuring drags: floor… ');
    const { floor, runs } = await measureSliders(browser, url);
    console.log('done');

    process.stdout.write('measuring Play… ');
    const play = await measurePlaying(browser, url).catch((e: unknown) => ({
      error: e instanceof Error ? e.message.split('\n')[0] : String(e),
    }));
    console.log('done');

    process.stdout.write('measuring the hostile link… ');
    const hostile = await measureHostile(browser, `${url}#${HOSTILE_HASH}`, TALL, 1).catch((e: unknown) => ({
      error: e instanceof Error ? e.message.split('\n')[0] : String(e),
    }));
    console.log('done');

    console.log('');
    console.log(`DPO Explorer UI bench — ${version}, ${cpus().length} cores, ${new Date().toISOString()}`);
    console.log('');
    printTable(floor, runs, load, initialGzip, play, hostile);
    printDrawCosts(runs, play);
    printDragDetails(floor, runs);
    console.log('');
    console.log('Bytes (gzip -9 of the built files)');
    for (const a of size.initialJs)
      console.log(`  ${pad(`initial JS ${a.file}`, 60)}${lpad(kB(a.gzip), 10)}`);
    for (const a of size.initialCss)
      console.log(`  ${pad(`initial CSS ${a.file}`, 60)}${lpad(kB(a.gzip), 10)}`);
    for (const a of size.lazy) console.log(`  ${pad(`lazy ${a.file}`, 60)}${lpad(kB(a.gzip), 10)}`);
    console.log('');
    console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
