// Links against in-page anchors and against the debounced URL writer (fuzz findings, issue 8 item 5): the
// skip link never reads as a new link, and a link opened while a write is due is followed, not overwritten.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PAIR_LOSS_TYPES } from '../../src/math/index.ts';
import { betaBox, numberBox } from './app.ts';
import { baseUrl, DESKTOP, openWatched, setUpBrowser } from './session.ts';

const session = setUpBrowser({ viewport: DESKTOP });
const open = (hash: string) => openWatched(session.context, hash);

const hashOf = (page: Page) => page.evaluate(() => location.hash);

describe('in-page anchors are not links', () => {
  const LINK = '#v=2&loss=sigmoid,hinge&beta=2.5&k=5&steps=800';

  it('"Skip to the plots" (Tab, Enter) moves focus to the plots and keeps the state and its link', async () => {
    const { page, problems } = await open(LINK);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('views');
    // Past the URL writer's debounce.
    await page.waitForTimeout(800);
    expect(await hashOf(page)).toBe(LINK);
    expect(await betaBox(page).inputValue()).toBe('2.5');
    expect(await numberBox(page, 'Responses K').inputValue()).toBe('5');
    expect(await numberBox(page, 'Training steps').inputValue()).toBe('800');
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  });

  it('a hash naming an element (#views) keeps the state and the state hash comes back', async () => {
    const { page, problems } = await open(LINK);
    await page.evaluate(() => {
      location.hash = '#views';
    });
    await expect.poll(() => hashOf(page)).toMatch(/^#v=2&/);
    await page.waitForTimeout(800);
    const hash = await hashOf(page);
    for (const part of ['loss=sigmoid,hinge', 'beta=2.5', 'k=5', 'steps=800']) expect(hash).toContain(part);
    expect(await betaBox(page).inputValue()).toBe('2.5');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  });
});

describe('a link opened while the URL write is due', () => {
  // Every pair loss and KTO.
  const HEAVY = `#v=2&loss=${[...PAIR_LOSS_TYPES, 'kto'].join(',')}&k=6&steps=2000&data=ranking`;
  const NEW = '#v=2&beta=2&p=0.6';

  it('is followed, not overwritten by the old state', async () => {
    const { page, problems } = await open(HEAVY);
    expect(await numberBox(page, 'Responses K').inputValue()).toBe('6');
    // A change (β one step up) schedules a write, then the page is busy past the write's time (as while
    // training a heavy state) when the user opens a new link from the address bar: once the page is free,
    // the due write runs before the hashchange event is delivered.
    const started = page.waitForRequest((r) => r.url().includes('busy-start'));
    const busy = page.evaluate(() => {
      const slider = document.querySelector<HTMLInputElement>('input[type="range"]');
      slider?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      // A synchronous request tells the test that the page is now busy (nothing else can, until it is free).
      const signal = new XMLHttpRequest();
      signal.open('GET', 'favicon.svg?busy-start', false);
      signal.send();
      const t0 = performance.now();
      while (performance.now() - t0 < 450) {
        // busy
      }
    });
    await started;
    await page.goto(baseUrl + NEW);
    await busy;
    await expect.poll(() => betaBox(page).inputValue(), { timeout: 10_000 }).toBe('2');
    await page.waitForTimeout(800);
    expect(await hashOf(page)).toBe(NEW);
    expect(await numberBox(page, 'Responses K').inputValue()).toBe('3');
    expect(await numberBox(page, 'Training steps').inputValue()).toBe('200');
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  });
});
