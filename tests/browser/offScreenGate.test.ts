// Parts of the page off screen hold still during a drag (storeContext.tsx OffScreenGate): while the β slider
// is held with the simplex view far below the fold, its text keeps the state it showed, while the loss view on
// screen follows every move; on release the simplex view catches up to exactly what a fresh page with the
// final state shows.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { betaSlider, betaBox, plotView, settledUrl } from './app.ts';
import { DESKTOP, openPage, setUpBrowser } from './session.ts';

const session = setUpBrowser({ viewport: DESKTOP });

/** The simplex view's text alternative: where each loss ends, for the state the view last rendered. */
const simplexText = (page: Page) =>
  plotView(page, 'simplex').locator('p', { hasText: 'RLHF optimum' }).last().textContent();
const lossText = (page: Page) => plotView(page, 'loss').textContent();

describe('off-screen parts during a drag', () => {
  it('hold still while the slider is held, and catch up on release', async () => {
    const page = await openPage(session.context, '#v=2');
    await plotView(page, 'loss').locator('.js-plotly-plot').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    const slider = betaSlider(page);
    await slider.scrollIntoViewIfNeeded();
    const simplexBox = await plotView(page, 'simplex').boundingBox();
    expect(simplexBox!.y, 'the simplex view starts far below the fold').toBeGreaterThan(DESKTOP.height * 1.5);
    const before = await simplexText(page);
    const lossBefore = await lossText(page);
    expect(before).toMatch(/RLHF optimum/);

    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.2, y);
    await page.mouse.down();
    for (const f of [0.3, 0.4, 0.5, 0.6]) {
      await page.mouse.move(box.x + box.width * f, y, { steps: 3 });
      await page.waitForTimeout(120);
    }
    expect(await lossText(page), 'the loss view on screen follows the drag').not.toBe(lossBefore);
    expect(await simplexText(page), 'the simplex view off screen holds still').toBe(before);
    await page.mouse.up();

    await expect.poll(() => simplexText(page), { timeout: 10_000 }).not.toBe(before);
    const caughtUp = await simplexText(page);
    // The same text as a fresh page with the state the drag ended on.
    const beta = await betaBox(page).inputValue();
    const url = await settledUrl(page, [`beta=${beta}`]);
    const fresh = await openPage(session.context, new URL(url).hash);
    await plotView(fresh, 'simplex').scrollIntoViewIfNeeded();
    await expect.poll(() => simplexText(fresh), { timeout: 10_000 }).toMatch(/RLHF optimum/);
    expect(caughtUp).toBe(await simplexText(fresh));
    await fresh.close();
    await page.close();
  });
});
