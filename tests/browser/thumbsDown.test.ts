// Thumbs-down data on the page (issue 10): `#v=2&preset=kto-undesirable-only` trains KTO on one undesirable
// example on A and nothing else, and every view says so. The loss and gradient views' figure data (Plotly's
// own, on the plot divs) have no y_w / y_l trace and plot against ρ_A; the gradient view's dot agrees with
// the training view (π(A) falls, and the push on log π(A) is downward: ∂loss/∂log π(A) > 0); the plane view
// calls no response chosen; the readout has no pair rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageProblems } from './browser.ts';
import { openWatched, setUpBrowser } from './session.ts';
import { readoutTable, seriousViolations } from './app.ts';
import { EN } from '../../src/i18n/en/index.ts';

const session = setUpBrowser({ viewport: { width: 1280, height: 1000 } });
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  ({ page, problems } = await openWatched(session.context, '#v=2&preset=kto-undesirable-only'));
});
afterAll(async () => {
  await page?.close();
});

interface Trace {
  name: string;
  mode: string;
  legendgroup: string;
  x: number[];
  y: number[];
}
interface PlotData {
  traces: Trace[];
  xTitle: string;
  yTitle: string;
  annotations: string[];
}

async function plotData(view: string): Promise<PlotData> {
  await page.locator(`#view-${view}`).scrollIntoViewIfNeeded();
  const plot = page.locator(`#view-${view} .js-plotly-plot`).first();
  await plot.locator('svg.main-svg').first().waitFor({ state: 'attached', timeout: 20_000 });
  return plot.evaluate((el) => {
    const gd = el as HTMLElement & { data?: Record<string, unknown>[]; layout?: Record<string, unknown> };
    const nums = (v: unknown): number[] =>
      v !== null && typeof v === 'object' && 'length' in v ? Array.from(v as ArrayLike<number>, Number) : [];
    const text = (v: unknown): string => (typeof v === 'string' ? v : '');
    const layout = (gd.layout ?? {}) as Record<string, { title?: { text?: unknown } } | undefined> & {
      annotations?: { text?: unknown }[];
    };
    return {
      traces: (gd.data ?? []).map((t) => ({
        name: text(t.name),
        mode: text(t.mode),
        legendgroup: text(t.legendgroup),
        x: nums(t.x),
        y: nums(t.y),
      })),
      xTitle: text(layout.xaxis?.title?.text),
      yTitle: text(layout.yaxis?.title?.text),
      annotations: (layout.annotations ?? []).map((a) => text(a.text)),
    };
  });
}

describe('#v=2&preset=kto-undesirable-only', () => {
  it('the loss and gradient views plot the one undesirable example against ρ_A, with no y_w / y_l trace', async () => {
    for (const view of ['loss', 'gradient']) {
      const fig = await plotData(view);
      expect(fig.traces.length).toBeGreaterThan(0);
      for (const t of fig.traces) expect(t.name).not.toMatch(/y_w|y_l/);
      expect(fig.xTitle).toContain('ρ_A');
      expect(`${fig.xTitle} ${fig.yTitle}`).not.toMatch(/margin|y_w|y_l|\bp\b/);
      const caption = await page.locator(`#view-${view} figcaption`).innerText();
      expect(caption).not.toMatch(/y_w|y_l|preference probability/);
    }
  });

  it('the gradient view’s dot agrees with training: π(A) falls and the push on log π(A) is downward', async () => {
    const gradient = await plotData('gradient');
    const dots = gradient.traces.filter((t) => t.mode === 'markers' && t.legendgroup === 'kto');
    expect(dots).toHaveLength(1);
    // ∂loss/∂log π(A) > 0: gradient descent lowers log π(A).
    expect(dots[0].y[0]).toBeGreaterThan(0);

    const training = await plotData('training');
    const a = training.traces.find((t) => t.legendgroup === 'response-0');
    if (!a) throw new Error('no π(A) curve in the training view');
    expect(a.y[a.y.length - 1]).toBeLessThan(a.y[0]);
    // The dot sits at the run's ρ_A at the cursor (the scenario's last step): below 0, where π(A) has fallen.
    expect(dots[0].x[0]).toBeLessThan(0);
  });

  it('the plane view says there is no pair and calls no response chosen', async () => {
    const plane = await plotData('plane');
    expect(plane.traces).toHaveLength(0);
    expect(plane.annotations.join(' ')).toBe(EN.thumbs.planeNote);
    const text = await page.locator('#view-plane').innerText();
    expect(text).not.toMatch(/\bchosen\b.*:|y_w|ρw axis/);
  });

  it('the readout shows the example, not a pair', async () => {
    const table = await readoutTable(page).innerText();
    expect(table).not.toMatch(/y_w|y_l/);
    expect(table).toContain('∂loss/∂log π(A)');
    expect(table).toContain(EN.thumbs.readout.noDesirable);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('has no serious accessibility violation', async () => {
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('#v=2&preset=kto-undesirable-only&vs=beta:1&t=150', () => {
  it('the loss and gradient views draw the compared run too, with its own dot at the step shown', async () => {
    await page.goto(page.url().replace(/#.*$/, '#v=2&preset=kto-undesirable-only&vs=beta:1&t=150'));
    await page.reload();
    for (const view of ['loss', 'gradient']) {
      await expect
        .poll(async () => (await plotData(view)).traces.map((t) => t.name).join('\n'), { timeout: 20_000 })
        .toContain('· β = 1');
      const { traces } = await plotData(view);
      const dots = traces.filter((t) => t.mode === 'markers' && t.name.includes('step 150'));
      // One dot per run: the main run's and the compared run's, at different ρ_A (β moves it).
      expect(dots.map((d) => d.name.endsWith('β = 1'))).toEqual([false, true]);
      expect(dots[0].x[0]).not.toBeCloseTo(dots[1].x[0], 3);
      expect(traces.map((t) => t.name).join(' ')).not.toMatch(/y_w|y_l/);
    }
  });
});
