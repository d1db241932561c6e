// What the built page downloads before it can answer (issue 11): the first download (the entry script and
// its modulepreloads) stays within its budget, and a page in Chinese never shows English while its own
// table arrives (each language's table is a chunk of its own, src/i18n/loadLanguage.ts).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sizes } from '../../bench/ui/sizes.ts';
import { EN_CONTROLS } from '../../src/i18n/en/controls.ts';
import { EN_SHELL } from '../../src/i18n/en/shell.ts';
import { ZH_CONTROLS } from '../../src/i18n/zh/controls.ts';
import { ZH_SHELL } from '../../src/i18n/zh/shell.ts';
import { URL_VERSION } from '../../src/state/urlParams.ts';
import { baseUrl, DESKTOP, setUpBrowser } from './session.ts';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The budget for the first download, gzip -9. */
const INITIAL_JS_BUDGET = 100_000;

const session = setUpBrowser({ viewport: DESKTOP });

describe('the first download', () => {
  it(`is at most ${INITIAL_JS_BUDGET / 1000} kB of JS (gzip), and holds neither language table nor Plotly`, () => {
    const { initialJs, lazy } = sizes(DIST);
    const total = initialJs.reduce((s, a) => s + a.gzip, 0);
    expect(total).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
    const lazyNames = lazy.map((a) => a.file);
    for (const chunk of ['en-', 'zh-', 'plotlyBundle-'])
      expect(lazyNames.some((f) => f.startsWith(chunk))).toBe(true);
  });
});

describe('a page in Chinese', () => {
  it('shows no English text at any moment of its load, then the Chinese page', async () => {
    const page = await session.context.newPage();
    // From the first byte: every text the page ever shows, as it changes.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      new MutationObserver(() => {
        if (document.body) seen.push(document.body.innerText);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto(`${baseUrl}#v=${URL_VERSION}&lang=zh`);
    await page.getByRole('heading', { name: ZH_CONTROLS.panel.heading }).waitFor();
    await expect.poll(() => page.locator('.pair-readout tbody td').count()).toBeGreaterThan(0);
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.length).toBeGreaterThan(0);
    for (const english of [EN_SHELL.tagline, EN_CONTROLS.panel.heading, EN_SHELL.footer])
      expect(seen.filter((text) => text.includes(english))).toEqual([]);
    expect(seen.at(-1)).toContain(ZH_SHELL.tagline);
    await page.close();
  });
});
