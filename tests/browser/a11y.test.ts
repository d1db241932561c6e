// axe-core over the default page once every plot has drawn (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA): no
// serious or critical violation. Also checks a link notice and an open formula popover, which only exist
// after an interaction.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { betaBox, drawEveryPlot, firstLossCell, openApp, sweepsSettled } from './app.ts';

const baseUrl = inject('baseUrl');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

/** Serious and critical violations, each as "rule: target (summary)" so a failure says where. */
async function seriousViolations(page: Page): Promise<string[]> {
  // AxeBuilder types the page of the `playwright` package; playwright-core's is the same object.
  const results = await new AxeBuilder({ page: page as never }).withTags(TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} [${v.impact}]: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`),
    );
}

describe('accessibility (axe)', () => {
  it('the default page, with every plot drawn, has no serious or critical violation', async () => {
    const page = await context.newPage();
    await openApp(page, baseUrl);
    await drawEveryPlot(page);
    await sweepsSettled(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(['dark', 'projector'])('the %s theme has no serious or critical violation', async (theme) => {
    const page = await context.newPage();
    await openApp(page, baseUrl, `#v=1&theme=${theme}`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await drawEveryPlot(page, ['loss', 'plane']);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('a link notice, a field error and an open formula popover add none', async () => {
    const page = await context.newPage();
    await openApp(page, baseUrl, '#v=1&beta=50&nope=1');
    await page.locator('.notice-banner').waitFor();
    await betaBox(page).fill('abc');
    await page.locator('.field-error').waitFor();
    await firstLossCell(page).locator('.metric-value').focus();
    await page.locator('.formula-popover:not([hidden]) .katex').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
