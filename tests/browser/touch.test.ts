// A plot never traps scrolling: on a phone a vertical swipe over any plot scrolls the page, plots leave
// room for the text around them, and there is no zoom; on a desktop the wheel over a plot scrolls the
// page, a mouse drag changes nothing unless zoom was switched on, and a visible button undoes a zoom.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { PLOT_VIEW_IDS, drawnPlot, plotView, type PlotViewId } from './app.ts';
import { baseUrl, DESKTOP, openPage, setUpBrowser } from './session.ts';

const session = setUpBrowser();

const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

/** Axis ranges of every axis Plotly laid out in a view's plot. */
async function axisRanges(page: Page, id: PlotViewId): Promise<string> {
  return plotView(page, id)
    .locator('.js-plotly-plot')
    .first()
    .evaluate((gd) => {
      const full = (gd as unknown as { _fullLayout: Record<string, { range?: unknown } | undefined> })
        ._fullLayout;
      return JSON.stringify(
        Object.keys(full)
          .filter((k) => /^[xy]axis\d*$/.test(k))
          .sort()
          .map((k) => [k, full[k]?.range]),
      );
    });
}

/**
 * A point of a view's plot, between 260 and 590 px from the top of the screen (room for a 250 px swipe either
 * way), where the finger lands on Plotly's drag surface (`.nsewdrag` of a cartesian plot, the triangle of a
 * ternary one): the place where Plotly would take the touch for itself. Nearest the plot's middle first.
 */
async function dragSurfacePoint(page: Page, id: PlotViewId): Promise<{ x: number; y: number } | null> {
  return plotView(page, id)
    .locator('.plot-frame')
    .evaluate((frame) => {
      const r = frame.getBoundingClientRect();
      const mid = { x: r.left + r.width / 2, y: (r.top + r.bottom) / 2 };
      const found: { x: number; y: number; d: number }[] = [];
      for (let y = Math.max(260, r.top + 5); y <= Math.min(590, r.bottom - 5); y += 10) {
        for (let x = r.left + 10; x <= r.right - 10; x += 10) {
          const el = document.elementFromPoint(x, y);
          if (el && frame.contains(el) && el.closest('.nsewdrag, .plotbg'))
            found.push({ x, y, d: Math.hypot(x - mid.x, y - mid.y) });
        }
      }
      found.sort((a, b) => a.d - b.d);
      return found[0] ? { x: found[0].x, y: found[0].y } : null;
    });
}

/** A finger on (x, y) moving `dy` px vertically in ten steps, then lifted. */
async function swipe(cdp: CDPSession, x: number, y: number, dy: number): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 10; i++)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x, y: y + (dy * i) / 10 }],
    });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

describe('on a phone (390 × 844, touch)', () => {
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    context = await session.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
    });
    page = await context.newPage();
    cdp = await context.newCDPSession(page);
    await page.goto(baseUrl);
    await drawnPlot(page, 'loss').waitFor({ state: 'attached', timeout: 20_000 });
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each(PLOT_VIEW_IDS)('a vertical swipe over the %s plot scrolls the page', async (id) => {
    await plotView(page, id).scrollIntoViewIfNeeded();
    await drawnPlot(page, id).waitFor({ state: 'attached', timeout: 20_000 });
    // The plot's top 200 px below the top of the screen (or as near as the page's end allows).
    await plotView(page, id)
      .locator('.plot-frame')
      .evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 200));
    await page.waitForTimeout(100);
    // The finger lands on the plot itself, not on text or a legend beside it.
    const point = await dragSurfacePoint(page, id);
    expect(point).not.toBeNull();
    const { x, y } = point ?? { x: 0, y: 0 };
    // Page down (finger moves up), or page up where the page ends below the plot.
    const max = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    const before = await scrollY(page);
    const down = before < max - 300;
    await swipe(cdp, x, y, down ? -250 : 250);
    await expect
      .poll(async () => ((await scrollY(page)) - before) * (down ? 1 : -1), { timeout: 3_000 })
      .toBeGreaterThan(100);
  });

  it('caps the plots’ default height so text stays on screen, and offers no zoom', async () => {
    for (const id of ['loss', 'gradient', 'plane', 'simplex'] as const) {
      const frame = await plotView(page, id).locator('.plot-frame').boundingBox();
      expect(frame?.height).toBeLessThanOrEqual(844 * 0.4);
    }
    expect(await page.getByRole('button', { name: /^Zoom/ }).count()).toBe(0);
  });
});

describe('on a desktop (mouse)', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await session.browser.newContext({ viewport: DESKTOP });
    page = await openPage(context);
    await drawnPlot(page, 'loss').waitFor({ state: 'attached', timeout: 20_000 });
  });
  afterAll(async () => {
    await context?.close();
  });

  /** Drags the mouse diagonally across the middle of a view's plot area. */
  async function dragAcross(id: PlotViewId): Promise<void> {
    await plotView(page, id).scrollIntoViewIfNeeded();
    const area = await plotView(page, id).locator('.nsewdrag').first().boundingBox();
    if (!area) throw new Error(`no plot area for ${id}`);
    await page.mouse.move(area.x + area.width * 0.3, area.y + area.height * 0.3);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++)
      await page.mouse.move(area.x + area.width * (0.3 + i * 0.05), area.y + area.height * (0.3 + i * 0.05));
    await page.mouse.up();
    await page.waitForTimeout(200);
  }

  it('the wheel over a plot scrolls the page', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const area = await plotView(page, 'loss').locator('.nsewdrag').first().boundingBox();
    if (!area) throw new Error('no plot area');
    await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
    const before = await scrollY(page);
    await page.mouse.wheel(0, 400);
    await expect.poll(async () => (await scrollY(page)) - before, { timeout: 3_000 }).toBeGreaterThan(100);
  });

  it('a drag or a double click changes no plot’s axes while zoom is off', async () => {
    for (const id of ['loss', 'gradient', 'training'] as const) {
      await plotView(page, id).scrollIntoViewIfNeeded();
      await drawnPlot(page, id).waitFor({ state: 'attached', timeout: 20_000 });
      const before = await axisRanges(page, id);
      await dragAcross(id);
      expect(await axisRanges(page, id), `${id} after a drag`).toBe(before);
      const area = await plotView(page, id).locator('.nsewdrag').first().boundingBox();
      if (!area) throw new Error(`no plot area for ${id}`);
      await page.mouse.dblclick(area.x + area.width / 2, area.y + area.height / 2);
      await page.waitForTimeout(200);
      expect(await axisRanges(page, id), `${id} after a double click`).toBe(before);
    }
  });

  it('zooms only once switched on, and the visible reset brings back the figure’s ranges', async () => {
    const view = plotView(page, 'loss');
    const toggle = view.getByRole('button', { name: 'Zoom: Loss against the margin', exact: true });
    const reset = view.getByRole('button', { name: 'Reset zoom: Loss against the margin', exact: true });
    // Only plots worth zooming offer it.
    expect(await plotView(page, 'gradient').getByRole('button', { name: /^Zoom/ }).count()).toBe(0);
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await reset.count()).toBe(0);
    const original = await axisRanges(page, 'loss');

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await dragAcross('loss');
    await expect.poll(() => axisRanges(page, 'loss')).not.toBe(original);
    await reset.waitFor({ state: 'visible' });

    // Switched off, a drag changes nothing, and the zoom stays until the reset.
    const zoomed = await axisRanges(page, 'loss');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await dragAcross('loss');
    expect(await axisRanges(page, 'loss')).toBe(zoomed);
    expect(await reset.isVisible()).toBe(true);

    await reset.click();
    await expect.poll(() => axisRanges(page, 'loss')).toBe(original);
    await expect.poll(() => reset.count()).toBe(0);
    await dragAcross('loss');
    expect(await axisRanges(page, 'loss')).toBe(original);

    // On again: zoom, and reset while still on.
    await toggle.click();
    await dragAcross('loss');
    await expect.poll(() => axisRanges(page, 'loss')).not.toBe(original);
    await reset.click();
    await expect.poll(() => axisRanges(page, 'loss')).toBe(original);
  });

  it('the training plot (panels in a grid) zooms and resets too', async () => {
    const view = plotView(page, 'training');
    await view.scrollIntoViewIfNeeded();
    await drawnPlot(page, 'training').waitFor({ state: 'attached', timeout: 20_000 });
    const original = await axisRanges(page, 'training');
    await view.getByRole('button', { name: 'Zoom: Training the toy policy', exact: true }).click();
    await dragAcross('training');
    await expect.poll(() => axisRanges(page, 'training')).not.toBe(original);
    await view.getByRole('button', { name: 'Reset zoom: Training the toy policy' }).click();
    await expect.poll(() => axisRanges(page, 'training')).toBe(original);
  });
});
