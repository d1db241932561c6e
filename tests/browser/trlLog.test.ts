// "Your TRL log" in the built page: a log opened by the file picker, by drop and by paste shows its plots
// and findings; a finding's link opens the toy; a GRPO log, a cut-off file and a 200 MB file each get their
// plain message; no request leaves the page while logs are read; and how long the page stays unresponsive
// while a generated 10 MB log is read is printed (not asserted: the machine is shared).
import {
  writeFileSync,
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageProblems } from './browser.ts';
import { openWatched, setUpBrowser } from './session.ts';
import { settle } from './app.ts';
import { EN_TRL_LOG as T } from '../../src/i18n/en/trlLog.ts';
import { MAX_LOG_CHARS } from '../../src/logs/index.ts';
import { dpoRows, trainerStateText } from '../../scripts/trlLogFixtures.ts';

const SHARED = resolve('../shared/fixtures/trl-logs');
const OWN = resolve('tests/fixtures/trl-logs');
const DPO_PATH = join(SHARED, 'dpo_trl07.json');
const DPO = readFileSync(DPO_PATH, 'utf8');

const session = setUpBrowser({ viewport: { width: 1280, height: 1000 } });
let page: Page;
let problems: PageProblems;
let tmp: string;

beforeAll(async () => {
  ({ page, problems } = await openWatched(session.context));
  tmp = mkdtempSync(join(tmpdir(), 'trl-log-'));
});
afterAll(async () => {
  await page?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const panel = () => page.locator('#trl-log');
const status = () => panel().locator('.trl-log-status');
const alert = () => panel().getByRole('alert');
const fileInput = () => panel().locator('input[type="file"]');
const findingIds = () =>
  panel()
    .locator('[data-finding]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-finding')));

async function openPanel() {
  if ((await panel().count()) === 0) await page.getByRole('button', { name: T.open }).click();
  await panel().waitFor();
}

/**
 * The plots are drawn by Plotly, one per group of metrics (train and eval apart): the training rewards plot
 * has a trace per panel at least, and every plot of the panel is drawn once it is scrolled into view (a
 * plot off screen waits). Returns the plots' view ids.
 */
async function expectPlots(): Promise<string[]> {
  const rewards = panel().locator('#view-trl-log-train-rewards .js-plotly-plot');
  await rewards.locator('svg.main-svg').first().waitFor();
  const traces = await rewards.evaluate((gd) => (gd as unknown as { data: unknown[] }).data.length);
  expect(traces).toBeGreaterThan(4);
  const views = panel().locator('.trl-log-plots .view');
  const ids = await views.evaluateAll((els) => els.map((e) => e.id));
  expect(ids).toContain('view-trl-log-eval-rewards');
  for (let i = 0; i < ids.length; i++) {
    await views.nth(i).scrollIntoViewIfNeeded();
    await views.nth(i).locator('.js-plotly-plot svg.main-svg').first().waitFor();
  }
  return ids;
}

describe('Your TRL log', () => {
  it('opens a log by the file picker: what it is, its findings and its plots', async () => {
    await openPanel();
    await fileInput().setInputFiles(DPO_PATH);
    await expect.poll(() => status().textContent()).toBe(T.loaded('dpo_trl07.json', 'DPO'));
    expect(await findingIds()).toEqual(['start-at-ln2', 'chosen-reward-falls']);
    await expectPlots();
    // The log never reaches the link.
    expect(page.url()).not.toContain('log_history');
    expect(page.url().length).toBeLessThan(200);
  });

  it('opens a dropped log', async () => {
    await openPanel();
    const kto = readFileSync(join(OWN, 'kto_kl_zero.json'), 'utf8');
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'kto_state.json', { type: 'application/json' }));
      return dt;
    }, kto);
    await panel().locator('[data-testid="trl-log-drop"]').dispatchEvent('drop', { dataTransfer });
    await expect.poll(() => status().textContent()).toBe(T.loaded('kto_state.json', 'KTO'));
    expect(await findingIds()).toEqual(['kto-kl-zero']);
  });

  it('opens a pasted log', async () => {
    await openPanel();
    // What a paste leaves in the box (Playwright's fill types 54 kB far slower than a paste lands).
    await panel()
      .getByLabel(T.pasteLabel)
      .evaluate((box, text) => {
        (box as HTMLTextAreaElement).value = text;
      }, DPO);
    await panel().getByRole('button', { name: T.read, exact: true }).click();
    await expect.poll(() => status().textContent()).toBe(T.loaded(T.pasted, 'DPO'));
    expect(await findingIds()).toEqual(['start-at-ln2', 'chosen-reward-falls']);
    await expectPlots();
  });

  it('says plainly what is wrong with a GRPO log, a cut-off file and a 200 MB file, keeping the last log', async () => {
    await fileInput().setInputFiles(join(SHARED, 'grpo_negative.json'));
    await expect.poll(() => alert().textContent()).toContain('This is a GRPO log');
    expect(await alert().textContent()).toContain(T.keptLast(T.pasted));
    expect(await findingIds()).toEqual(['start-at-ln2', 'chosen-reward-falls']);

    await fileInput().setInputFiles({
      name: 'cut.json',
      mimeType: 'application/json',
      buffer: Buffer.from(DPO.slice(0, Math.floor(DPO.length * 0.6))),
    });
    await expect.poll(() => alert().textContent()).toContain(T.error('not-json', undefined));

    // 200 MB without using 200 MB: a sparse file, which the page refuses by its size, unread.
    const huge = join(tmp, 'huge_trainer_state.json');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 200_000_000);
    closeSync(fd);
    expect(200_000_000).toBeGreaterThan(MAX_LOG_CHARS);
    await fileInput().setInputFiles(huge);
    await expect.poll(() => alert().textContent()).toContain(T.error('too-large', undefined));
    expect(await findingIds()).toEqual(['start-at-ln2', 'chosen-reward-falls']);
    // The page still works: a good log after the errors shows and clears the message.
    await fileInput().setInputFiles(join(OWN, 'dpo_runaway.json'));
    await expect.poll(() => findingIds()).toEqual(['margin-runaway']);
    expect(await alert().count()).toBe(0);
  });

  it('follows a finding’s link into the toy', async () => {
    const link = panel().locator('[data-finding="margin-runaway"] a');
    await link.click();
    await expect.poll(() => page.url()).toContain('preset=deterministic');
    await panel().waitFor({ state: 'detached' });
    // The toy draws it (a view is drawn once it is on screen).
    await page.locator('#view-training').scrollIntoViewIfNeeded();
    await page.locator('#view-training .js-plotly-plot svg.main-svg').first().waitFor({ timeout: 60_000 });
    // Back to the log: it is still there.
    await openPanel();
    expect(await findingIds()).toEqual(['margin-runaway']);
  });

  it('keeps the page responsive while a 10 MB log is read, and nothing leaves the page', async () => {
    await openPanel();
    // Warm: Plotly and the worker are loaded by an earlier log (in this file's run, by the tests above).
    await fileInput().setInputFiles(DPO_PATH);
    await expectPlots();
    const rows = dpoRows({
      rows: 20_000,
      every: 1,
      chosen: (t) => -t,
      margins: (t) => 3 * t,
      evalEvery: 200,
    });
    const text = trainerStateText(rows);
    expect(text.length).toBeGreaterThan(10_000_000);
    // Every gap of over 50 ms between animation frames while the log is read, drawn and diagnosed, with
    // when the log was shown (the page's own clock, from the moment the file is handed over).
    await page.evaluate(() => {
      const w = window as unknown as { __gaps: [number, number][]; __probe: boolean; __t0: number };
      w.__gaps = [];
      w.__probe = true;
      w.__t0 = performance.now();
      let last = w.__t0;
      const tick = (now: number) => {
        if (now - last > 50) w.__gaps.push([Math.round(last - w.__t0), Math.round(now - last)]);
        last = now;
        if (w.__probe) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // From a file on disk: a buffer would be copied into the page by the test driver, on its main thread.
    const big = join(tmp, 'big.json');
    writeFileSync(big, text);
    await fileInput().setInputFiles(big);
    await expect.poll(() => status().textContent(), { timeout: 60_000 }).toBe(T.loaded('big.json', 'DPO'));
    const shownAt = await page.evaluate(
      () => performance.now() - (window as unknown as { __t0: number }).__t0,
    );
    const views = await expectPlots();
    await settle(page);
    const gaps = await page.evaluate(() => {
      const w = window as unknown as { __gaps: [number, number][]; __probe: boolean };
      w.__probe = false;
      return w.__gaps;
    });
    const longest = Math.max(0, ...gaps.map(([, d]) => d));
    console.log(
      `10 MB log (${(text.length / 1e6).toFixed(1)} M chars, ${rows.length} rows, ${views.length} plots): shown after ${Math.round(shownAt)} ms; ` +
        `longest frame gap ${longest} ms; gaps over 50 ms [start ms, length ms]: ${JSON.stringify(gaps)}`,
    );
    expect(problems.foreignRequests).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });
});
