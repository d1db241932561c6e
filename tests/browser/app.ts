// Page helpers shared by the browser tests: where the controls, the readout and the plots are, and how to
// wait for them. Locators go by role and accessible name where the app gives one, so the tests read like
// what a user sees and break when a label disappears.
import { expect } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';

/**
 * Every plot on the default page, by its `<figure id="view-…">`: the six views of the app, of which the
 * training view has two plots (probabilities and TRL metrics) and the sweeps view two (β and reference).
 */
export const PLOT_VIEW_IDS = [
  'loss',
  'gradient',
  'training',
  'metrics',
  'sweeps',
  'sweeps-ref',
  'plane',
  'simplex',
] as const;
export type PlotViewId = (typeof PLOT_VIEW_IDS)[number];

export const BETA_LABEL = 'β (KL strength)';

export const betaSlider = (page: Page): Locator =>
  page.getByRole('slider', { name: BETA_LABEL, exact: true });
export const betaBox = (page: Page): Locator => page.getByRole('textbox', { name: BETA_LABEL, exact: true });

/** The number box of a field, by its visible label. */
export const numberBox = (page: Page, label: string): Locator =>
  page.getByRole('textbox', { name: label, exact: true });

export const readoutTable = (page: Page): Locator => page.locator('.pair-readout table');

/** The readout's "loss" row, cell of the first selected loss (DPO by default). */
export const firstLossCell = (page: Page): Locator =>
  readoutTable(page).locator('tbody tr').first().locator('td').first();

export const plotView = (page: Page, id: PlotViewId): Locator => page.locator(`#view-${id}`);

/** The drawn Plotly root of a view (its main svg exists once Plotly.react has run). */
export const drawnPlot = (page: Page, id: PlotViewId): Locator =>
  plotView(page, id).locator('.js-plotly-plot svg.main-svg').first();

/** Opens the app at `hash` and waits until the controls are on screen. */
export async function openApp(page: Page, baseUrl: string, hash = ''): Promise<void> {
  await page.goto(baseUrl + hash);
  await betaSlider(page).waitFor({ state: 'visible' });
}

/** Waits two animation frames, so Plotly calls queued by the last render have finished. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Scrolls each plot into view in turn and waits until Plotly has drawn it. */
export async function drawEveryPlot(page: Page, ids: readonly PlotViewId[] = PLOT_VIEW_IDS): Promise<void> {
  for (const id of ids) {
    await plotView(page, id).scrollIntoViewIfNeeded();
    await drawnPlot(page, id).waitFor({ state: 'attached', timeout: 20_000 });
  }
}

/** Everything Plotly drew in a view's data layers: the 'd' of every trace path and every point's place. */
export async function plotSignature(page: Page, id: PlotViewId): Promise<string> {
  return plotView(page, id)
    .locator('.js-plotly-plot')
    .first()
    .evaluate((root) =>
      [...root.querySelectorAll('.scatterlayer path, .contourlayer path')]
        .map((p) => `${p.getAttribute('d') ?? ''}@${p.getAttribute('transform') ?? ''}`)
        .join('|'),
    );
}

/** Every control value of the sidebar, in document order (checked state for boxes and radios). */
export async function controlValues(page: Page): Promise<string[]> {
  return page
    .locator('.controls-panel')
    .first()
    .evaluate((panel) =>
      [...panel.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')].map((el) =>
        el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')
          ? `${el.type}:${el.checked}`
          : `${el.type}:${el.value}`,
      ),
    );
}

/** Waits until the debounced URL writer has written a hash containing every `parts`, then returns the URL. */
export async function settledUrl(page: Page, parts: readonly string[]): Promise<string> {
  await expect
    .poll(() => page.evaluate(() => location.hash), { timeout: 5_000 })
    .toSatisfy((hash: string) => parts.every((p) => hash.includes(p)));
  // One more debounce period, so a write still pending from the last change has landed.
  await page.waitForTimeout(450);
  return page.url();
}

/** Resolves once the sweeps (computed in a worker) are no longer marked as updating. */
export async function sweepsSettled(page: Page): Promise<void> {
  await expect
    .poll(() => plotView(page, 'sweeps').locator('.view-status').textContent(), { timeout: 30_000 })
    .toBe('');
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Serious and critical axe violations, each as "rule: target (summary)" so a failure says where. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // AxeBuilder types the page of the `playwright` package; playwright-core's is the same object.
  const results = await new AxeBuilder({ page: page as never }).withTags(AXE_TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} [${v.impact}]: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`),
    );
}
