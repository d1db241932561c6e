// The heaviest link (K = 6, 2,000 steps, every loss) opens without the page training on its main thread:
// the runs come from the worker (its chunk is fetched), every plot is drawn from them, nothing is left
// saying "Training…", and the page raised no error on the way.
import { describe, expect, it } from 'vitest';
import { LOSS_IDS } from '../../src/math/lossInfo.ts';
import { drawEveryPlot, plotView } from './app.ts';
import { openWatched, setUpBrowser } from './session.ts';

const session = setUpBrowser({ viewport: { width: 1280, height: 900 } });

const HOSTILE = `#v=2&loss=${LOSS_IDS.join(',')}&k=6&ref=0.3,0.25,0.15,0.1,0.1,0.1&start=0,0,0,0,0,0&steps=2000`;

describe('the heaviest link', () => {
  it('trains in the worker, then draws every plot from its runs', async () => {
    const { page, problems } = await openWatched(session.context, HOSTILE);
    await drawEveryPlot(page);
    await page.locator('.view-pending').first().waitFor({ state: 'detached', timeout: 60_000 });
    // The worker's chunk was loaded: the training did not happen on the page's thread.
    const chunks = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name.split('/').pop() ?? ''),
    );
    expect(chunks.some((name) => name.startsWith('toyRuns.worker'))).toBe(true);
    // The training plot holds every response of every loss (15 panels × 6 responses, thinned lines).
    const lines = await plotView(page, 'training').evaluate(
      (fig) => fig.querySelectorAll('.scatterlayer .trace').length,
    );
    expect(lines).toBeGreaterThanOrEqual(LOSS_IDS.length * 6);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  }, 180_000);
});
