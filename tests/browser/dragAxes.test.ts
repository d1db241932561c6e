// Axes during a slider drag (components/adjusting.ts, views/rangeHold.ts): while the learning-rate slider is
// held, every TRL-metrics panel's y range only widens (the data shrinking back leaves it as wide), and on
// release each panel goes back to exactly the range a fresh page with the final state draws.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EN_CONTROLS } from '../../src/i18n/en/controls.ts';
import { drawnPlot, plotView, settledUrl } from './app.ts';
import { DESKTOP, openPage, setUpBrowser } from './session.ts';

const session = setUpBrowser({ viewport: DESKTOP });

type Ranges = Record<string, [number, number]>;

/** The y ranges of the metrics plot as Plotly holds them (a patched frame keeps them, a relayout sets them). */
async function metricRanges(page: Page): Promise<Ranges> {
  return plotView(page, 'metrics')
    .locator('.js-plotly-plot')
    .first()
    .evaluate((el) => {
      const layout = (el as unknown as { layout: Record<string, { range?: [number, number] }> }).layout;
      const out: Record<string, [number, number]> = {};
      for (const [k, v] of Object.entries(layout))
        if (/^yaxis\d*$/.test(k) && v?.range) out[k] = [v.range[0], v.range[1]];
      return out;
    });
}

const frames = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

describe('axes during a drag', () => {
  it('only widen while the slider is held, and are the state’s own after the release', async () => {
    const page = await openPage(session.context, '#v=2');
    await plotView(page, 'metrics').scrollIntoViewIfNeeded();
    await drawnPlot(page, 'metrics').waitFor({ state: 'attached', timeout: 20_000 });
    await page.waitForTimeout(800);
    const slider = page.getByRole('slider', { name: EN_CONTROLS.toy.learningRate, exact: true });
    await slider.scrollIntoViewIfNeeded();
    await plotView(page, 'metrics').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const box = await slider.boundingBox();
    if (!box) throw new Error('no slider box');
    const y = box.y + box.height / 2;
    const at = (f: number) => box.x + box.width * f;

    await page.mouse.move(at(0.5), y);
    await page.mouse.down();
    const seen: Ranges[] = [await metricRanges(page)];
    // Up to a large learning rate (the metrics grow), then down to a small one (they shrink again).
    for (const f of [0.6, 0.7, 0.8, 0.9, 0.95, 0.8, 0.6, 0.4, 0.2, 0.1]) {
      await page.mouse.move(at(f), y, { steps: 2 });
      await frames(page);
      await page.waitForTimeout(60);
      seen.push(await metricRanges(page));
    }
    for (let i = 1; i < seen.length; i++)
      for (const [axis, [lo, hi]] of Object.entries(seen[i]!)) {
        const before = seen[i - 1]![axis];
        if (!before) continue;
        expect(lo, `${axis} after move ${i}`).toBeLessThanOrEqual(before[0]);
        expect(hi, `${axis} after move ${i}`).toBeGreaterThanOrEqual(before[1]);
      }
    // The drag did widen some axis (else this test checks nothing).
    const first = seen[0]!;
    const last = seen.at(-1)!;
    expect(Object.keys(last).some((k) => last[k]![1] - last[k]![0] > first[k]![1] - first[k]![0])).toBe(true);

    await page.mouse.up();
    const url = await settledUrl(page, ['lr=']);
    await page.waitForTimeout(1000);
    const released = await metricRanges(page);

    const fresh = await openPage(session.context, url.slice(url.indexOf('#')));
    await plotView(fresh, 'metrics').scrollIntoViewIfNeeded();
    await drawnPlot(fresh, 'metrics').waitFor({ state: 'attached', timeout: 20_000 });
    await fresh.waitForTimeout(500);
    expect(released).toEqual(await metricRanges(fresh));
    // And narrower than during the drag: the held ranges were let go.
    expect(
      Object.keys(released).some((k) => released[k]![1] - released[k]![0] < last[k]![1] - last[k]![0]),
    ).toBe(true);
    await fresh.close();
    await page.close();
  });
});
