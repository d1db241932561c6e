// The β slider under a real mouse and keyboard moves the number box, the readout and the plots, and the
// link follows after its debounce; a bad value typed into a box is explained and not used.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageProblems } from './browser.ts';
import {
  betaBox,
  betaSlider,
  drawnPlot,
  firstLossCell,
  numberBox,
  plotSignature,
  readoutTable,
} from './app.ts';
import { openWatched, setUpBrowser } from './session.ts';

// Tall enough that the controls and the first two views are on screen together, so the plots follow.
const session = setUpBrowser({ viewport: { width: 1280, height: 1700 } });
let page: Page;
let problems: PageProblems;

beforeEach(async () => {
  await page?.close();
  ({ page, problems } = await openWatched(session.context));
  await drawnPlot(page, 'loss').waitFor({ state: 'attached', timeout: 20_000 });
  await drawnPlot(page, 'gradient').waitFor({ state: 'attached', timeout: 20_000 });
});

/** The state that a β change must move: box, DPO loss cell, readout text and both pair plots. */
async function snapshot() {
  return {
    beta: await betaBox(page).inputValue(),
    dpoLoss: await firstLossCell(page).innerText(),
    readout: await readoutTable(page).innerText(),
    lossPlot: await plotSignature(page, 'loss'),
    gradientPlot: await plotSignature(page, 'gradient'),
  };
}

async function expectAllChanged(before: Awaited<ReturnType<typeof snapshot>>) {
  // The number box and the readout change within the same input event.
  expect(await betaBox(page).inputValue()).not.toBe(before.beta);
  // The toy starts at the reference (h = 0), where DPO's loss is ln 2 at every β; its gradient −β/2 moves.
  expect(await readoutTable(page).innerText()).not.toBe(before.readout);
  // Plotly draws asynchronously after the render.
  await expect.poll(() => plotSignature(page, 'loss')).not.toBe(before.lossPlot);
  await expect.poll(() => plotSignature(page, 'gradient')).not.toBe(before.gradientPlot);
}

describe('the β slider', () => {
  it('follows a mouse drag: number, readout and plots change, and the hash gets beta= after the debounce', async () => {
    const before = await snapshot();
    expect(before.beta).toBe('0.1');
    expect(before.lossPlot).not.toBe('');
    expect(await page.evaluate(() => location.hash)).toBe('');
    const historyLength = await page.evaluate(() => history.length);

    const box = await betaSlider(page).boundingBox();
    if (!box) throw new Error('β slider has no box');
    const y = box.y + box.height / 2;
    // β = 0.1 sits in the middle of the log scale 0.001…10: press on the thumb and drag right.
    const seen = new Set<string>();
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(box.x + box.width / 2 + i * 8, y);
      seen.add(await betaBox(page).inputValue());
    }
    await page.mouse.up();
    // Every few pixels of the drag shows a new β (log scale, 0.01 decade per step).
    expect(seen.size).toBeGreaterThanOrEqual(5);
    const after = Number(await betaBox(page).inputValue());
    expect(after).toBeGreaterThan(0.1);
    expect(after).toBeLessThan(10);
    await expectAllChanged(before);

    await page.waitForTimeout(400);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`beta=${after}`);
    // replaceState, not a history entry per step.
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('follows the keyboard: ArrowRight, ArrowLeft and PageUp step β on its log scale', async () => {
    const start = await snapshot();
    await betaSlider(page).focus();

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => betaBox(page).inputValue()).toBe('0.105');
    await expectAllChanged(start);

    const afterRight = await snapshot();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => betaBox(page).inputValue()).toBe('0.1');
    await expectAllChanged(afterRight);
    // Back at β = 0.1: the readout is the default one again.
    expect(await readoutTable(page).innerText()).toBe(start.readout);

    const back = await snapshot();
    await page.keyboard.press('PageUp');
    await expect.poll(() => betaBox(page).inputValue()).toBe('0.178');
    await expectAllChanged(back);
    expect(await betaSlider(page).getAttribute('aria-valuetext')).toBe('β = 0.178');

    await page.waitForTimeout(400);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('beta=0.178');
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('takes a typed β, and the slider and readout follow', async () => {
    const before = await snapshot();
    const position = await betaSlider(page).inputValue();
    await betaBox(page).fill('2');
    await expectAllChanged(before);
    expect(await betaBox(page).inputValue()).toBe('2');
    expect(await betaSlider(page).inputValue()).not.toBe(position);
    expect(await betaSlider(page).getAttribute('aria-valuetext')).toBe('β = 2');
  });
});

describe('a bad value typed into a number box', () => {
  it('text that is not a number: role="alert" explains it, and β keeps its value', async () => {
    const before = await snapshot();
    await betaBox(page).fill('abc');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.innerText()).toContain('0.1');
    expect(await betaBox(page).getAttribute('aria-invalid')).toBe('true');
    // What was typed stays in the box so it can be corrected; the store keeps β = 0.1.
    expect(await betaBox(page).inputValue()).toBe('abc');
    expect(await readoutTable(page).innerText()).toBe(before.readout);
    expect(await betaSlider(page).getAttribute('aria-valuetext')).toBe('β = 0.1');

    // NaN is not a number either.
    await betaBox(page).fill('NaN');
    await betaBox(page).press('Enter');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await readoutTable(page).innerText()).toBe(before.readout);

    // Fixing the text removes the alert and applies the value.
    await betaBox(page).fill('0.5');
    await expect.poll(() => alert.count()).toBe(0);
    await expectAllChanged(before);

    await page.waitForTimeout(400);
    expect(await page.evaluate(() => location.hash)).toContain('beta=0.5');
    expect(problems.pageErrors).toEqual([]);
  });

  it('a positive log-probability: role="alert" explains it, and the log-prob keeps its value', async () => {
    const label = 'start log πθ(response 1), y_w';
    const box = numberBox(page, label);
    const kept = await box.inputValue();
    const before = await snapshot();
    await box.fill('3');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.innerText()).toMatch(/log/i);
    expect(await alert.innerText()).toContain(kept);
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await box.inputValue()).toBe('3');
    expect(await readoutTable(page).innerText()).toBe(before.readout);
    expect(await plotSignature(page, 'loss')).toBe(before.lossPlot);

    // Escape gives up the draft and shows the stored value again.
    await box.press('Escape');
    await expect.poll(() => box.inputValue()).toBe(kept);
    expect(await alert.count()).toBe(0);

    await page.waitForTimeout(400);
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(problems.pageErrors).toEqual([]);
  });
});
