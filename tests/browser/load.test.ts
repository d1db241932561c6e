// The built app loads cleanly, works without its Plotly chunk, and draws a plot in every view once each is
// scrolled into view (plots draw lazily, only near the viewport).
import { describe, expect, it } from 'vitest';
import { watchPage } from './browser.ts';
import {
  PLOT_VIEW_IDS,
  betaBox,
  betaSlider,
  drawEveryPlot,
  drawnPlot,
  firstLossCell,
  openApp,
  plotView,
  readoutTable,
} from './app.ts';
import { baseUrl, DESKTOP, openPage, openWatched, origin, setUpBrowser } from './session.ts';

const session = setUpBrowser({ viewport: DESKTOP });

describe('the built app', () => {
  it('loads with no console error, no page error and no request to another origin', async () => {
    const { page, problems } = await openWatched(session.context);
    await expect.poll(() => firstLossCell(page).innerText()).toMatch(/\d/);
    await drawEveryPlot(page);
    // Hover a number (loads KaTeX for its formula popover) so that lazy chunk is covered too.
    await firstLossCell(page).locator('.metric-value').hover();
    await expect.poll(() => page.locator('.formula-popover:not([hidden]) .katex').count()).toBeGreaterThan(0);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await page.close();
  });

  it('fits every control inside the sidebar (nothing pushed out of sight sideways)', async () => {
    const page = await openPage(session.context);
    const column = page.locator('.controls-column');
    const overflow = await column.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await column.boundingBox();
    const load = await page.getByRole('button', { name: 'Load', exact: true }).boundingBox();
    if (!box || !load) throw new Error('no layout');
    expect(load.x).toBeGreaterThanOrEqual(box.x);
    expect(load.x + load.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
    await page.close();
  });

  it('draws a Plotly plot in each view once it is scrolled into view', async () => {
    const { page, problems } = await openWatched(session.context);
    // Once Plotly has arrived (no plot shows its loading mark), plots far below the fold are still not
    // drawn: drawing is lazy.
    await expect.poll(() => page.locator('.plot-loading').count(), { timeout: 20_000 }).toBe(0);
    expect(await plotView(page, 'simplex').locator('.js-plotly-plot').count()).toBe(0);
    for (const id of PLOT_VIEW_IDS) {
      await plotView(page, id).scrollIntoViewIfNeeded();
      await drawnPlot(page, id).waitFor({ state: 'attached', timeout: 20_000 });
      const svgs = await plotView(page, id).locator('.js-plotly-plot svg').count();
      expect(svgs, `view-${id}`).toBeGreaterThan(0);
      // The graphic has an accessible name; the text alternative is beside it.
      expect(await plotView(page, id).locator('[role="img"]').getAttribute('aria-label')).toBeTruthy();
    }
    expect(await page.locator('.plot-error').count()).toBe(0);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  });
});

describe('without the Plotly chunk', () => {
  it('still renders the controls and readout, which keep working; each plot shows its own error', async () => {
    const ctx = await session.browser.newContext({ viewport: DESKTOP });
    const page = await ctx.newPage();
    const problems = watchPage(page, origin);
    let blocked = 0;
    let block = true;
    await page.route(/plotlyBundle-[^/]*\.js$/, (route) => {
      if (!block) return route.continue();
      blocked++;
      return route.abort();
    });
    await openApp(page, baseUrl);
    await expect.poll(() => blocked).toBeGreaterThan(0);

    const before = await readoutTable(page).innerText();
    await betaSlider(page).focus();
    await page.keyboard.press('PageUp');
    await expect.poll(() => betaBox(page).inputValue()).toBe('0.178');
    await expect.poll(() => readoutTable(page).innerText()).not.toBe(before);

    // Each plot fails on its own: a message and a retry button in place of the plot, the page intact.
    const lossError = plotView(page, 'loss').getByRole('alert');
    await expect.poll(() => lossError.innerText()).toContain('could not be drawn');
    await expect.poll(() => page.locator('.plot-error').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('h1').innerText()).toBe('DPO Explorer');
    expect(await betaSlider(page).isVisible()).toBe(true);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);

    // Once the chunk can load again, "Try again" draws the plot.
    block = false;
    await lossError.getByRole('button', { name: 'Try again' }).click();
    await drawnPlot(page, 'loss').waitFor({ state: 'attached', timeout: 20_000 });
    expect(problems.pageErrors).toEqual([]);
    await ctx.close();
  });
});
