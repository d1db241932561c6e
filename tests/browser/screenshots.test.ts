// Full-page screenshots for people to look at (test-results/screenshots/, gitignored): the default page and
// each scenario of the menu, every plot drawn. The test asserts only that each file is a non-empty PNG.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectPngFile, SCREENSHOT_DIR } from './browser.ts';
import { drawEveryPlot, settle, sweepsSettled } from './app.ts';
import { DESKTOP, openWatched, setUpBrowser } from './session.ts';

const dir = fileURLToPath(SCREENSHOT_DIR);

beforeAll(() => {
  mkdirSync(dir, { recursive: true });
});
const session = setUpBrowser({ viewport: DESKTOP });

/** Draws every plot (scrolling through), waits for the sweeps, and saves the whole page. */
async function shoot(page: Page, name: string): Promise<string> {
  await drawEveryPlot(page);
  await sweepsSettled(page);
  // Let the last Plotly.react calls (queued while the sweeps arrived) finish before the picture.
  await settle(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  const path = `${dir}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

describe('screenshots', () => {
  it('of the default page', async () => {
    const { page, problems } = await openWatched(session.context);
    expectPngFile(await shoot(page, 'default'));
    await page.screenshot({ path: `${dir}default-viewport.png` });
    expectPngFile(`${dir}default-viewport.png`);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  });

  it('of each scenario, loaded from the menu', async () => {
    const { page, problems } = await openWatched(session.context);
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
      expectPngFile(await shoot(page, `preset-${id}`));
    }
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });
});
