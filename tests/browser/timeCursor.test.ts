// The time cursor in a real browser: Play rolls every view to the end of training in a few seconds (the
// loss view's dots, the training panels' line, the readout's heading), the bar stays in sight while the
// views scroll, reduced motion makes Play jump, and a link past the end is clamped with a visible notice.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { drawnPlot, plotView, settledUrl } from './app.ts';
import { baseUrl, DESKTOP, openWatched, setUpBrowser } from './session.ts';
import { openApp } from './app.ts';

const session = setUpBrowser({ viewport: DESKTOP });

const cursorSlider = (page: Page) => page.getByRole('slider', { name: 'Step shown', exact: true });
const playButton = (page: Page) => page.locator('.time-cursor-bar .time-cursor-play');

interface LooseTrace {
  name?: string;
  x?: number[];
}

/** The names and x of a view's Plotly traces, and its shapes' x0 (what Plotly was given). */
async function plotData(
  page: Page,
  id: 'loss' | 'training',
): Promise<{ traces: LooseTrace[]; shapes: number[] }> {
  return plotView(page, id)
    .locator('.js-plotly-plot')
    .first()
    .evaluate((el) => {
      const gd = el as unknown as { data: LooseTrace[]; layout: { shapes?: { x0: number }[] } };
      return {
        traces: gd.data.map((d) => ({ name: d.name, x: d.x ? [...d.x] : undefined })),
        shapes: (gd.layout.shapes ?? []).map((s) => s.x0),
      };
    });
}

describe('the time cursor', () => {
  it('Play rolls every view to the end in a few seconds, with the bar in sight', async () => {
    const { page, problems } = await openWatched(session.context, '#v=2&steps=120');
    await drawnPlot(page, 'loss').waitFor({ state: 'attached', timeout: 20_000 });
    expect(await cursorSlider(page).getAttribute('aria-valuetext')).toBe('step 0 of 120');
    const started = Date.now();
    await playButton(page).click();
    await expect.poll(() => playButton(page).getAttribute('aria-pressed')).toBe('true');
    // While it plays, scroll to the training view: the bar stays at the top of the window.
    await plotView(page, 'training').scrollIntoViewIfNeeded();
    const bar = await page.locator('.time-cursor-bar').boundingBox();
    expect(bar && bar.y).toBeGreaterThanOrEqual(-1);
    expect(bar && bar.y).toBeLessThan(20);
    await expect
      .poll(() => cursorSlider(page).getAttribute('aria-valuetext'), { timeout: 20_000 })
      .toBe('step 120 of 120');
    expect(Date.now() - started).toBeGreaterThan(4000);
    expect(await playButton(page).getAttribute('aria-pressed')).toBe('false');

    await drawnPlot(page, 'training').waitFor({ state: 'attached', timeout: 20_000 });
    await expect.poll(async () => (await plotData(page, 'training')).shapes).toEqual([120, 120, 120]);
    await plotView(page, 'loss').scrollIntoViewIfNeeded();
    await expect
      .poll(async () => (await plotData(page, 'loss')).traces.map((t) => t.name))
      .toContain('DPO: step 120');
    expect(await page.locator('.pair-readout h2').innerText()).toContain('step 120 of 120');
    expect(await settledUrl(page, ['t=120'])).toContain('t=120');
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await page.close();
  });

  it('with reduced motion, Play jumps in coarse steps and says so', async () => {
    const context = await session.browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await openApp(page, baseUrl, '#v=2&steps=100');
    await expect.poll(() => page.locator('.time-cursor-bar').innerText()).toMatch(/reduced motion/);
    await playButton(page).click();
    const seen = new Set<string>();
    const until = Date.now() + 8000;
    while (Date.now() < until) {
      seen.add((await cursorSlider(page).getAttribute('aria-valuetext')) ?? '');
      if (seen.has('step 100 of 100')) break;
      await page.waitForTimeout(50);
    }
    expect([...seen].every((v) => /^step (0|25|50|75|100) of 100$/.test(v))).toBe(true);
    expect(seen.has('step 100 of 100')).toBe(true);
    await context.close();
  });

  it('a link past the end opens at the end, with a notice naming t', async () => {
    const { page } = await openWatched(session.context, '#v=2&t=5000');
    expect(await cursorSlider(page).getAttribute('aria-valuetext')).toBe('step 200 of 200');
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/\bt\b/);
    await page.close();
  });
});
