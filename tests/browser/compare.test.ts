// "Compare two runs" in the built app: the β scenario's link draws its second run (β = 1) dashed in every
// plot with no error, names both runs, lists both runs' KL from the reference, and a malformed vs= value
// gives a role="alert" notice over a page that works.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { drawEveryPlot, plotView, seriousViolations, type PlotViewId } from './app.ts';
import { DESKTOP, openWatched, setUpBrowser } from './session.ts';

const session = setUpBrowser({ viewport: DESKTOP });

/** Views that draw the second run (the sweeps mark its β). */
const DASHED_VIEWS: readonly PlotViewId[] = [
  'loss',
  'gradient',
  'training',
  'metrics',
  'plane',
  'simplex',
  'sweeps',
];

/** Dashed or dotted line paths Plotly drew in a view (a stroke-dasharray on the path). */
function dashedPaths(page: Page, id: PlotViewId): Promise<number> {
  return plotView(page, id)
    .locator('.scatterlayer path')
    .evaluateAll((ps) => ps.filter((p) => /\d/.test((p as SVGElement).style.strokeDasharray)).length);
}

describe('compare two runs', () => {
  it('the β scenario draws β = 1 dashed in every view and lists both runs’ KL', async () => {
    // The same scenario without its second run (vs= empty) is the baseline: its own dashed lines (y_l,
    // optima, reference lines) are there too, so the second run must add dashed paths to every view.
    const alone = await openWatched(session.context, '#v=2&preset=beta-strength&vs=');
    await drawEveryPlot(alone.page, DASHED_VIEWS);
    const { page, problems } = await openWatched(session.context, '#v=2&preset=beta-strength');
    await drawEveryPlot(page, DASHED_VIEWS);
    for (const id of DASHED_VIEWS) {
      const before = await dashedPaths(alone.page, id);
      await expect.poll(() => dashedPaths(page, id), { timeout: 20_000 }).toBeGreaterThan(before);
      expect(await plotView(page, id).innerText()).toContain('β = 1');
    }
    const table = page.getByRole('table', { name: /Both runs at step 600 of 600: β = 0\.1 and β = 1/ });
    await table.scrollIntoViewIfNeeded();
    expect(await table.innerText()).toContain('KL(π‖πref)');
    // The second run's table, readout columns and control add no serious accessibility problem.
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await alone.page.close();
    await page.close();
  });
  it('a malformed vs= value is refused with an alert, the rest of the link applied', async () => {
    const { page, problems } = await openWatched(session.context, '#v=2&beta=0.3&vs=beta:abc');
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('“vs”');
    expect(await page.getByRole('textbox', { name: 'β (KL strength)', exact: true }).inputValue()).toBe(
      '0.3',
    );
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  });
});
