// Full-page screenshots for people to look at (test-results/screenshots/, gitignored): the default page and
// each scenario of the menu, every plot drawn. The test asserts only that each file is a non-empty PNG.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOT_DIR, watchPage } from './browser.ts';
import { drawEveryPlot, openApp, sweepsSettled } from './app.ts';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const dir = fileURLToPath(SCREENSHOT_DIR);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

function expectPng(path: string) {
  expect(statSync(path).size).toBeGreaterThan(10_000);
  expect(readFileSync(path).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
}

/** Draws every plot (scrolling through), waits for the sweeps, and saves the whole page. */
async function shoot(page: Page, name: string): Promise<string> {
  await drawEveryPlot(page);
  await sweepsSettled(page);
  // Let the last Plotly.react calls (queued while the sweeps arrived) finish before the picture.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() => window.scrollTo(0, 0));
  const path = `${dir}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

describe('screenshots', () => {
  it('of the default page', async () => {
    const page = await context.newPage();
    const problems = watchPage(page, origin);
    await openApp(page, baseUrl);
    expectPng(await shoot(page, 'default'));
    await page.screenshot({ path: `${dir}default-viewport.png` });
    expectPng(`${dir}default-viewport.png`);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  });

  it('of each scenario, loaded from the menu', async () => {
    const page = await context.newPage();
    const problems = watchPage(page, origin);
    await openApp(page, baseUrl);
    const menu = page.getByRole('combobox', { name: 'Scenario', exact: true });
    const ids = (
      await menu.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    ).filter(Boolean);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await menu.selectOption(id);
      await page.getByRole('button', { name: 'Load', exact: true }).click();
      await expect
        .poll(() => page.evaluate(() => location.hash), { timeout: 5_000 })
        .toContain(`preset=${id}`);
      expectPng(await shoot(page, `preset-${id}`));
    }
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });
});
