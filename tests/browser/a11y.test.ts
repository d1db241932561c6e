// axe-core over the default page once every plot has drawn (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA): no
// serious or critical violation. Also checks a link notice and an open formula popover, which only exist
// after an interaction.
import { describe, expect, it } from 'vitest';
import { betaBox, drawEveryPlot, firstLossCell, seriousViolations, sweepsSettled } from './app.ts';
import { DESKTOP, openPage, setUpBrowser } from './session.ts';

const session = setUpBrowser({ viewport: DESKTOP });

describe('accessibility (axe)', () => {
  it('the default page, with every plot drawn, has no serious or critical violation', async () => {
    const page = await openPage(session.context);
    await drawEveryPlot(page);
    await sweepsSettled(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(['dark', 'projector'])('the %s theme has no serious or critical violation', async (theme) => {
    const page = await openPage(session.context, `#v=2&theme=${theme}`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await drawEveryPlot(page, ['loss', 'plane']);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('a link notice, a field error and an open formula popover add none', async () => {
    const page = await openPage(session.context, '#v=2&beta=50&nope=1');
    await page.locator('.notice-banner').waitFor();
    await betaBox(page).fill('abc');
    await page.locator('.field-error').waitFor();
    await firstLossCell(page).locator('.metric-value').focus();
    await page.locator('.formula-popover:not([hidden]) .katex').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
