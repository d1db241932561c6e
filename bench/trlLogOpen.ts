// How long "Your TRL log" holds the main thread while a generated 10 MB log is opened (issue 14: the page
// stays responsive), in Debian's Chromium at 1× CPU. Prints every long task (> 50 ms) from the moment the
// file is handed to the page until every plot is drawn, and the app's `draw:<view>` User Timing measures.
// Asserts nothing (the machine is shared). Run against a built page served by
//   npx vite build && npx vite preview --port 4180 --strictPort
// with `npx tsx bench/trlLogOpen.ts` (URL=… for another address, RUNS=n for more runs).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../tests/browser/browser.ts';
import { KEEP_NAMES_SHIM } from './ui/common.ts';
import { EN_TRL_LOG as T } from '../src/i18n/en/trlLog.ts';
import { dpoRows, trainerStateText } from '../scripts/trlLogFixtures.ts';

const URL_ = process.env.URL ?? 'http://localhost:4180/';
const RUNS = Number(process.env.RUNS ?? 2);
const SMALL = join(import.meta.dirname, '../tests/fixtures/trl-logs/dpo_displacement.json');

// The same log as tests/browser/trlLog.test.ts: 20,000 rows every step, an eval row every 200.
const rows = dpoRows({ rows: 20_000, every: 1, chosen: (t) => -t, margins: (t) => 3 * t, evalEvery: 200 });
const text = trainerStateText(rows);
const tmp = mkdtempSync(join(tmpdir(), 'trl-log-bench-'));
const big = join(tmp, 'big.json');
writeFileSync(big, text);

const browser = await launchBrowser();
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.addInitScript(KEEP_NAMES_SHIM);
    await page.goto(URL_);
    await page.getByRole('button', { name: T.open }).click();
    const panel = page.locator('#trl-log');
    const input = panel.locator('input[type="file"]');
    // Warm: Plotly and the worker load with a first small log.
    await input.setInputFiles(SMALL);
    await panel.locator('.js-plotly-plot svg.main-svg').first().waitFor();
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      const w = window as unknown as { __t0: number; __long: [number, number][] };
      w.__t0 = performance.now();
      w.__long = [];
      performance.clearMeasures();
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          if (e.startTime >= w.__t0 && e.duration > 50)
            w.__long.push([Math.round(e.startTime - w.__t0), Math.round(e.duration)]);
      }).observe({ type: 'longtask', buffered: true });
    });
    await input.setInputFiles(big);
    await page.waitForFunction(
      (loaded) => document.querySelector('#trl-log .trl-log-status')?.textContent === loaded,
      T.loaded('big.json', 'DPO'),
      { timeout: 120_000 },
    );
    const shownAt = await page.evaluate(
      () => performance.now() - (window as unknown as { __t0: number }).__t0,
    );
    // Every plot of the panel drawn (each ViewSection's Plotly div has its SVG), scrolled into view first:
    // a plot off screen waits until it is seen.
    const views = panel.locator('.trl-log-plots .view');
    await views.first().waitFor();
    const count = await views.count();
    for (let i = 0; i < count; i++) {
      await views.nth(i).scrollIntoViewIfNeeded();
      await views.nth(i).locator('.js-plotly-plot svg.main-svg').first().waitFor({ timeout: 60_000 });
    }
    const drawnAt = await page.evaluate(
      () => performance.now() - (window as unknown as { __t0: number }).__t0,
    );
    await page.waitForTimeout(1000);
    const { long, draws } = await page.evaluate(() => {
      const w = window as unknown as { __t0: number; __long: [number, number][] };
      return {
        long: w.__long,
        draws: performance
          .getEntriesByType('measure')
          .filter((m) => m.name.startsWith('draw:') && m.startTime >= w.__t0)
          .map((m) => `${m.name} ${Math.round(m.duration)} ms`),
      };
    });
    console.log(
      `run ${run + 1}: ${(text.length / 1e6).toFixed(1)} M chars, ${rows.length} rows; shown at ${Math.round(shownAt)} ms, ` +
        `${count} plots drawn by ${Math.round(drawnAt)} ms; longest task ${Math.max(0, ...long.map(([, d]) => d))} ms`,
    );
    console.log(`  long tasks [start ms, length ms]: ${JSON.stringify(long)}`);
    console.log(`  draws: ${draws.join(', ') || '(none measured)'}`);
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
}
