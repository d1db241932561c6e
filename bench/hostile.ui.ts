// The hostile link alone, in Chromium against the built app (run `npx vite build` first): time until the page
// settles, the main-thread tasks over 200 ms while it loads (PerformanceObserver 'longtask'), and each view's
// draws. Run: npx tsx bench/hostile.ui.ts [runs]   (HASH=... measures another link)
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/browser/browser.ts';
import { previewApp, TALL } from './ui/common.ts';
import { HOSTILE_HASH, measureHostile } from './ui/hostile.ts';
import { drawsByView } from './ui/probe.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HASH = process.env.HASH ?? HOSTILE_HASH;
const RUNS = Number(process.argv[2] ?? 3);
const RATE = Number(process.env.RATE ?? 1);

const server = await previewApp(ROOT);
const url = server.url;
const browser = await launchBrowser();
try {
  for (let i = 0; i < RUNS; i++) {
    const r = await measureHostile(browser, `${url}#${HASH}`, TALL, RATE);
    const over = r.longTasks.filter((t) => t.duration > 200);
    const longest = Math.max(0, ...r.longTasks.map((t) => t.duration));
    console.log(
      `run ${i + 1}: settled ${r.settledAt.toFixed(0)} ms, all plots ${r.allPlotsAt.toFixed(0)} ms, plots ${r.plots}, ` +
        `${r.longTasks.length} tasks > 50 ms, ${over.length} > 200 ms, longest ${longest.toFixed(0)} ms`,
    );
    console.log(
      `  long tasks: ${r.longTasks.map((t) => `${t.start.toFixed(0)}+${t.duration.toFixed(0)}`).join(' ')}`,
    );
    const by = [...drawsByView(r.draws)].map(([v, d]) => `${v} ${d.map((x) => x.toFixed(0)).join('/')}`);
    console.log(`  draws (ms): ${by.join(', ')}`);
  }
} finally {
  await browser.close();
  await server.close();
}
