// Shareable links: the hash written after a few changes (and the one "Copy link" puts on the clipboard)
// restores the same readout and controls in a fresh browser context, and hostile links are read safely:
// a role="alert" notice lists what was refused, over a page that works.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchPage } from './browser.ts';
import {
  betaBox,
  betaSlider,
  controlValues,
  drawEveryPlot,
  firstLossCell,
  numberBox,
  openApp,
  readoutTable,
  settledUrl,
} from './app.ts';
import { baseUrl, DESKTOP as VIEWPORT, openPage, openWatched, origin, setUpBrowser } from './session.ts';

const session = setUpBrowser();

const POLICY_REJECTED = 'start log πθ(response 2), y_l';

/** Loads a scenario from the menu, then changes β, a log-prob and two loss boxes on top of it. */
async function changeSeveralControls(page: Page): Promise<string> {
  const menu = page.getByRole('combobox', { name: 'Scenario', exact: true });
  const ids = (
    await menu.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
  )
    // The second scenario: not the first, which may be close to the defaults.
    .filter(Boolean);
  expect(ids.length).toBeGreaterThanOrEqual(2);
  const preset = ids[1];
  await menu.selectOption(preset);
  await page.getByRole('button', { name: 'Load', exact: true }).click();

  await betaSlider(page).focus();
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowRight');
  await numberBox(page, POLICY_REJECTED).fill('-2.5');
  await numberBox(page, POLICY_REJECTED).press('Enter');
  // Toggle IPO (on or off, whichever the scenario left) and tick Robust DPO among "All TRL losses".
  await page.getByRole('checkbox', { name: 'IPO ipo', exact: true }).click();
  await page.locator('.loss-picker summary').click();
  const robust = page.getByRole('checkbox', { name: 'Robust DPO robust', exact: true });
  if (!(await robust.isChecked())) await robust.click();
  expect(await robust.isChecked()).toBe(true);
  return preset;
}

/** The readout once it has stopped changing: past step 0 it follows the controls one background render later. */
async function settledReadout(page: Page): Promise<string> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await readoutTable(page).innerText();
        const same = now === last;
        last = now;
        return same;
      },
      { interval: 300 },
    )
    .toBe(true);
  return last;
}

async function stateOf(page: Page) {
  return {
    readout: await settledReadout(page),
    controls: await controlValues(page),
    beta: await betaBox(page).inputValue(),
    policyRejected: await numberBox(page, POLICY_REJECTED).inputValue(),
    scenario: await page.getByRole('combobox', { name: 'Scenario', exact: true }).inputValue(),
  };
}

describe('a copied link', () => {
  it('restores the identical readout and controls in a fresh context', async () => {
    const ctx = await session.browser.newContext({ viewport: VIEWPORT });
    const { page, problems } = await openWatched(ctx);
    const defaults = await stateOf(page);
    const preset = await changeSeveralControls(page);
    const url = await settledUrl(page, ['beta=', 'start=', 'loss=', 'robust', `preset=${preset}`]);
    const there = await stateOf(page);
    expect(there.readout).not.toBe(defaults.readout);
    expect(there.policyRejected).toBe('-2.5');
    expect(there.scenario).toBe(preset);
    expect(problems.pageErrors).toEqual([]);

    const fresh = await session.browser.newContext({ viewport: VIEWPORT });
    const copy = await fresh.newPage();
    const copyProblems = watchPage(copy, origin);
    await openApp(copy, '', url);
    expect(await stateOf(copy)).toEqual(there);
    // A link that applies cleanly shows no notice, and the plots draw from it.
    expect(await copy.getByRole('alert').count()).toBe(0);
    await drawEveryPlot(copy, ['loss', 'simplex']);
    // Opening the link does not rewrite it.
    await copy.waitForTimeout(450);
    expect(copy.url()).toBe(url);
    expect(copyProblems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await fresh.close();
    await ctx.close();
  });

  it('"Copy link" puts the current link on the clipboard, and that link restores the same state', async () => {
    const ctx = await session.browser.newContext({
      viewport: VIEWPORT,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await openPage(ctx);
    await changeSeveralControls(page);
    const there = await stateOf(page);
    // At once, before the debounced hash write: the button reads the state, not the address bar.
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect.poll(() => page.locator('.copy-status').innerText()).toContain('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith(baseUrl + '#v=2&')).toBe(true);
    expect(await settledUrl(page, ['beta='])).toBe(copied);

    const fresh = await session.browser.newContext({ viewport: VIEWPORT });
    const copy = await fresh.newPage();
    await openApp(copy, '', copied);
    expect(await stateOf(copy)).toEqual(there);
    await fresh.close();
    await ctx.close();
  });

  it('an edited hash in an open page (hashchange) re-reads the state', async () => {
    const ctx = await session.browser.newContext({ viewport: VIEWPORT });
    const page = await openPage(ctx);
    const before = await firstLossCell(page).innerText();
    await page.evaluate(() => {
      location.hash = '#v=2&beta=2&start=0,-2,0';
    });
    await expect.poll(() => betaBox(page).inputValue()).toBe('2');
    expect(await numberBox(page, POLICY_REJECTED).inputValue()).toBe('-2.3057');
    expect(await firstLossCell(page).innerText()).not.toBe(before);
    await ctx.close();
  });
});

describe('a hostile link', () => {
  const notice = (page: Page) => page.locator('.notice-banner[role="alert"]');

  async function openHostile(hash: string) {
    const ctx = await session.browser.newContext({ viewport: VIEWPORT });
    const { page, problems } = await openWatched(ctx, hash);
    await notice(page).waitFor({ state: 'visible' });
    // The page under the notice works: controls, readout, and the slider still moves the numbers.
    expect(await page.locator('h1').innerText()).toBe('DPO Explorer');
    await expect.poll(() => firstLossCell(page).innerText()).toMatch(/\d/);
    expect(await readoutTable(page).locator('tbody tr').count()).toBeGreaterThan(3);
    return { ctx, page, problems };
  }

  it('clamps, drops and lists every bad part; the rest still applies', async () => {
    const { ctx, page, problems } = await openHostile(
      '#v=2&beta=1e999&loss=foo,sigmoid&k=999&steps=-5&__proto__=x&start=abc',
    );
    const text = await notice(page).innerText();
    for (const key of ['beta', 'foo', 'k', 'steps', '__proto__', 'start']) expect(text).toContain(`“${key}”`);
    expect(await betaBox(page).inputValue()).toBe('10');
    expect(await numberBox(page, 'Responses K').inputValue()).toBe('6');
    expect(await numberBox(page, 'Training steps').inputValue()).toBe('1');
    // start=abc is ignored: the policy starts at the reference, K = 6 responses of 1/6 each.
    expect(await numberBox(page, 'start log πθ(response 1), y_w').inputValue()).toBe(
      await numberBox(page, 'log πref(response 1), y_w').inputValue(),
    );
    // Only the known loss of the list is shown.
    const columns = await readoutTable(page).locator('thead th').allInnerTexts();
    expect(columns.slice(1).map((c) => c.replace(/\s+/g, ' '))).toEqual(['DPO sigmoid']);
    // __proto__ was a key like any other: nothing was polluted.
    expect(await page.evaluate(() => Object.prototype.hasOwnProperty.call(Object.prototype, 'x'))).toBe(
      false,
    );
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
    await drawEveryPlot(page, ['loss', 'training']);

    // The notice can be dismissed, and the page keeps working.
    await notice(page).getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice(page).count()).toBe(0);
    await betaSlider(page).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => betaBox(page).inputValue()).not.toBe('10');
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
    await ctx.close();
  });

  it('an unknown schema version is refused as a whole: defaults, with a notice', async () => {
    const { ctx, page, problems } = await openHostile('#v=99&beta=3');
    expect(await notice(page).innerText()).toContain('v = 99');
    expect(await betaBox(page).inputValue()).toBe('0.1');
    expect(problems.pageErrors).toEqual([]);
    await ctx.close();
  });

  it('a malformed percent-escape is reported, not thrown', async () => {
    const { ctx, page, problems } = await openHostile('#%E0%A4%A');
    expect(await notice(page).innerText()).toContain('Ignored');
    expect(await betaBox(page).inputValue()).toBe('0.1');
    expect(problems.pageErrors).toEqual([]);
    await ctx.close();
  });

  it('a 5000-character hash is read in part and the page stays usable', async () => {
    const long = `#v=2&beta=0.5&${'x=1&'.repeat(1250)}`.slice(0, 5000);
    expect(long.length).toBe(5000);
    const { ctx, page, problems } = await openHostile(long);
    expect(await notice(page).innerText()).toContain('too long');
    // At most 12 notices are listed, so the banner does not bury the page.
    expect(await notice(page).locator('li').count()).toBeLessThanOrEqual(12);
    expect(await betaBox(page).inputValue()).toBe('0.5');
    expect(problems.pageErrors).toEqual([]);

    // One long value is refused on its own.
    const page2 = await openPage(ctx, `#v=2&beta=${'1'.repeat(4990)}`);
    await notice(page2).waitFor({ state: 'visible' });
    expect(await notice(page2).innerText()).toContain('too long');
    expect(await betaBox(page2).inputValue()).toBe('0.1');
    await ctx.close();
  });
});
