// The bars of π_ref and the starting π_θ (ProbBars.tsx) in the built app: a mouse drag and a finger drag on a
// bar's column set its probability to where the pointer is, the number field beside it shows the same value,
// and a finger drag on a bar does not scroll the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage, setUpBrowser } from './session.ts';

const session = setUpBrowser();

const refBar = (page: Page) => page.getByRole('slider', { name: 'Bar: πref of y_w (chosen)', exact: true });
const startBar = (page: Page) =>
  page.getByRole('slider', { name: 'Bar: start πθ of y_l (rejected)', exact: true });

/** The screen y of probability p on a bar (its column spans probability 1 at the top to 0 at the bottom). */
async function yOf(page: Page, bar: ReturnType<typeof refBar>, p: number): Promise<{ x: number; y: number }> {
  const box = await bar.locator('.prob-bar-hit').boundingBox();
  if (!box) throw new Error('the bar is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height * (1 - p) };
}

describe('dragging the probability bars', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, hasTouch: true });
    page = await openPage(context, '#v=2');
    await refBar(page).scrollIntoViewIfNeeded();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('with the mouse: π_ref(y_w) follows the pointer and its number field agrees', async () => {
    const from = await yOf(page, refBar(page), Number(await refBar(page).getAttribute('aria-valuenow')));
    const to = await yOf(page, refBar(page), 0.7);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    const now = Number(await refBar(page).getAttribute('aria-valuenow'));
    expect(Math.abs(now - 0.7)).toBeLessThan(0.02);
    const box = page.getByRole('textbox', { name: 'log πref(response 1), y_w', exact: true });
    await expect.poll(async () => Number(await box.inputValue())).toBeCloseTo(Math.log(now), 3);
  });

  it('with a finger: the start π_θ(y_l) follows it and the page does not scroll', async () => {
    const cdp = await context.newCDPSession(page);
    const from = await yOf(page, startBar(page), Number(await startBar(page).getAttribute('aria-valuenow')));
    const to = await yOf(page, startBar(page), 0.1);
    const before = await page.evaluate(() => window.scrollY);
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [{ x: from.x, y: from.y }],
    });
    for (let i = 1; i <= 8; i++)
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [{ x: from.x, y: from.y + ((to.y - from.y) * i) / 8 }],
      });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const now = Number(await startBar(page).getAttribute('aria-valuenow'));
    expect(Math.abs(now - 0.1)).toBeLessThan(0.02);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    const box = page.getByRole('textbox', { name: 'start log πθ(response 2), y_l', exact: true });
    await expect.poll(async () => Number(await box.inputValue())).toBeCloseTo(Math.log(now), 3);
    await cdp.detach();
  });

  it('a bar has a visible focus ring for the keyboard', async () => {
    await refBar(page).focus();
    await page.keyboard.press('ArrowUp');
    const stroke = await refBar(page)
      .locator('.prob-bar-hit')
      .evaluate((el) => getComputedStyle(el).stroke);
    expect(stroke).not.toBe('none');
  });
});
