// The "hostile link": K = 6 responses, 2,000 steps and every loss at once, opened cold. How long until the
// page settles (every plot drawn, then no long task and no draw for QUIET_MS) and the longest main-thread
// task on the way.
import type { Browser } from 'playwright-core';
import { LOSS_IDS } from '../../src/math/lossInfo.ts';
import { URL_VERSION } from '../../src/state/urlParams.ts';
import { KEEP_NAMES_SHIM, throttle } from './common.ts';
import { installLongTaskProbe, spansBetween, type Span } from './probe.ts';

const QUIET_MS = 2000;

/** The link's hash: every loss, K = 6, 2,000 steps. */
export const HOSTILE_HASH = `v=${URL_VERSION}&loss=${LOSS_IDS.join(',')}&k=6&ref=0.3,0.25,0.15,0.1,0.1,0.1&start=0,0,0,0,0,0&steps=2000`;

export interface HostileResult {
  /** ms from navigation start to the end of the last long task or draw before the quiet period. */
  settledAt: number;
  /** ms from navigation start until every plot had drawn a trace. */
  allPlotsAt: number;
  longTasks: Span[];
  draws: Span[];
  /** Plots on screen (drawn) of all plots. */
  plots: string;
}

export async function measureHostile(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
  rate: number,
): Promise<HostileResult> {
  const ctx = await browser.newContext({ viewport });
  await ctx.addInitScript(KEEP_NAMES_SHIM);
  await ctx.addInitScript(installLongTaskProbe);
  const page = await ctx.newPage();
  const session = await ctx.newCDPSession(page);
  await throttle(session, rate);
  const begun = Date.now();
  await page.goto(url, { timeout: 300_000 });
  // Every plot whose frame is on screen (the others never draw: PlotlyPlot skips plots out of view).
  const allPlotsAt = await page
    .waitForFunction(
      () => {
        const plots = [...document.querySelectorAll('figure.view .plot-frame')].filter((f) => {
          const r = f.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight;
        });
        const drawn = (p: Element) =>
          p.querySelector('.scatterlayer .trace, .contourlayer .contour') !== null;
        // A view whose code is still downloading (its placeholder box, aria-busy) is a plot not drawn yet.
        const loading = document.querySelector('.view[aria-busy="true"]') !== null;
        return plots.length > 0 && plots.every(drawn) && !loading ? performance.now() : false;
      },
      undefined,
      { timeout: 180_000, polling: 100 },
    )
    .then((h) => h.jsonValue() as Promise<number>);
  // Wait for QUIET_MS with neither a long task nor a draw (or give up after 4 minutes).
  let last: number;
  let now: number;
  do {
    await page.waitForTimeout(500);
    const spans = await spansBetween(page, 0, Number.MAX_VALUE);
    last = Math.max(allPlotsAt, ...[...spans.longTasks, ...spans.draws].map((s) => s.start + s.duration));
    now = await page.evaluate(() => performance.now());
  } while (now - last <= QUIET_MS && Date.now() - begun <= 240_000);
  const { longTasks, draws } = await spansBetween(page, 0, Number.MAX_VALUE);
  const plots = await page.evaluate(() => {
    const frames = [...document.querySelectorAll('figure.view .plot-frame')];
    const shown = frames.filter((f) => f.getBoundingClientRect().top < innerHeight);
    return `${shown.length} of ${frames.length}`;
  });
  await ctx.close();
  return { settledAt: last, allPlotsAt, longTasks, draws, plots };
}
