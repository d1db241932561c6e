// Every scenario, loaded through the preset menu: the numbers its explanation states are the numbers the page
// shows. Each number is read from the page itself — Plotly's figure data on the plot divs (`gd.data`, the last
// point of a training curve for where a run ends, so a time cursor moving markers does not matter), the
// readout's text and the controls — and compared, written as the explanation writes it (c3), in the order the
// explanation states them; a number the explanation states that no reading accounts for fails the test. A
// compared run (vs=…, the β scenario's strong β) is read from what the page draws of it: its dashed traces
// (legend groups 'vs:…'), the compare control, and the table of both runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageProblems } from './browser.ts';
import { BETA_LABEL, firstLossCell, numberBox } from './app.ts';
import { openWatched, setUpBrowser } from './session.ts';
import { statedNumbers } from '../helpers/scenarioText.ts';
import { c3 } from '../../src/i18n/figureFormat.ts';
import { EN } from '../../src/i18n/en/index.ts';
import {
  IPO_PAPER_D1,
  IPO_PAPER_TOLERANCE,
  SCENARIO_IDS,
  type LossId,
  type ScenarioId,
} from '../../src/math/index.ts';
import { COMPARE_GROUP_PREFIX } from '../../src/figures/compare.ts';

const session = setUpBrowser({ viewport: { width: 1280, height: 1000 } });
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  ({ page, problems } = await openWatched(session.context));
});
afterAll(async () => {
  await page?.close();
});

type ViewId = 'loss' | 'training' | 'metrics' | 'simplex';

interface Trace {
  name: string;
  legendgroup: string;
  xaxis: string;
  yaxis: string;
  x: number[];
  y: number[];
  a: number[];
}
interface PlotData {
  traces: Trace[];
  /** The text of every annotation (the training view's panel titles are its loss labels). */
  annotations: string[];
  /** Each y axis's title by its trace reference ('y', 'y2', …): the metrics view's metric names. */
  yTitles: Record<string, string>;
}

/** The figure Plotly holds on a view's plot div (scrolled into view first: plots draw only when visible). */
async function plotData(view: ViewId): Promise<PlotData> {
  await page.locator(`#view-${view}`).scrollIntoViewIfNeeded();
  const plot = page.locator(`#view-${view} .js-plotly-plot`).first();
  await plot.locator('svg.main-svg').first().waitFor({ state: 'attached', timeout: 10_000 });
  return plot.evaluate((el) => {
    const gd = el as HTMLElement & { data?: Record<string, unknown>[]; layout?: Record<string, unknown> };
    const nums = (v: unknown): number[] =>
      v !== null && typeof v === 'object' && 'length' in v ? Array.from(v as ArrayLike<number>, Number) : [];
    const text = (v: unknown): string => (typeof v === 'string' ? v : '');
    const layout = gd.layout ?? {};
    const yTitles: Record<string, string> = {};
    for (const [key, axis] of Object.entries(layout)) {
      const m = /^yaxis(\d*)$/.exec(key);
      const title = (axis as { title?: { text?: unknown } } | null)?.title?.text;
      if (m) yTitles[`y${m[1]}`] = text(title);
    }
    const annotations = ((layout.annotations as { text?: unknown }[] | undefined) ?? []).map((a) =>
      text(a.text),
    );
    const traces = (gd.data ?? []).map((t) => ({
      name: text(t.name),
      legendgroup: text(t.legendgroup),
      xaxis: text(t.xaxis) || 'x',
      yaxis: text(t.yaxis) || 'y',
      x: nums(t.x),
      y: nums(t.y),
      a: nums(t.a),
    }));
    return { traces, annotations, yTitles };
  });
}

const label = (id: LossId): string => EN.losses[id].label;
const lastOf = (xs: readonly number[]): number => {
  if (xs.length === 0) throw new Error('an empty trace');
  return xs[xs.length - 1];
};

/** Which run a trace belongs to: the main one (solid) or the compared one (dashed, legend group 'vs:…'). */
type Run = 'main' | 'compared';
const groupOf = (group: string, run: Run): string =>
  run === 'main' ? group : `${COMPARE_GROUP_PREFIX}${group}`;
const ofRun = (t: Trace, run: Run): boolean =>
  t.legendgroup.startsWith(COMPARE_GROUP_PREFIX) === (run === 'compared');

/** The training view's π(response k) curve in the panel of loss `id` (of the main run, or the compared one). */
function probCurve(fig: PlotData, id: LossId, k: number, run: Run = 'main'): Trace {
  const panel = fig.annotations.findIndex((t) => t === label(id) || t.startsWith(`${label(id)} ·`));
  if (panel < 0) throw new Error(`no training panel for ${id}`);
  // Both runs are drawn by the same builder: the compared run's panels line up with the main run's.
  const curve = fig.traces.filter((t) => t.legendgroup === groupOf(`response-${k}`, run))[panel];
  if (!curve) throw new Error(`no ${run} π curve ${k} for ${id}`);
  return curve;
}

/** The metrics view's curve of `metric` for loss `id`. */
function metricCurve(fig: PlotData, metric: string, id: LossId): number[] {
  const axis = Object.entries(fig.yTitles).find(([, t]) => t === metric)?.[0];
  const curve = fig.traces.find((t) => t.yaxis === axis && t.legendgroup === id);
  if (!curve) throw new Error(`no ${metric} curve for ${id}`);
  return curve.y;
}

/**
 * The loss view's dotted optimum line of loss `id` (of the main run, or the compared one's dashed line): its
 * x. With a compared run both are named with their run too ('DPO: optimum h* · β = 1').
 */
function optimumLine(fig: PlotData, id: LossId, run: Run = 'main'): number {
  const name = EN.figures.trace.optimum(label(id));
  const line = fig.traces.find(
    (t) =>
      (t.name === name || t.name.startsWith(`${name} ·`)) &&
      t.legendgroup === groupOf(id, run) &&
      ofRun(t, run),
  );
  if (!line) throw new Error(`no ${run} optimum line for ${id}`);
  return line.x[0];
}

/** The compared β as the compare control shows it (its setting must be β). */
async function comparedBeta(): Promise<number> {
  return comparedValue('beta');
}

/** The compared value of setting `key` as the compare control shows it (its setting must be `key`). */
async function comparedValue(key: 'beta' | 'sft'): Promise<number> {
  return Number(await comparedText(key));
}

/** The compared value's text as the compare control shows it (its setting must be `key`). */
async function comparedText(key: 'beta' | 'sft' | 'fdiv' | 'sync'): Promise<string> {
  const box = page.getByRole('combobox', { name: EN.compare.keyLabel, exact: true });
  if ((await box.inputValue()) !== key) throw new Error(`the compared setting is not ${key}`);
  // A setting with named choices offers them (a combobox), a number is typed (a text box): either way, by label.
  return (await page.getByLabel(EN.compare.valueLabel, { exact: true }).inputValue()).replace('−', '-');
}

/** The metrics view's curve of `metric` for loss `id` in the compared run (dashed, legend group 'vs:…'). */
function comparedMetricCurve(fig: PlotData, metric: string, id: LossId): number[] {
  const axis = Object.entries(fig.yTitles).find(([, t]) => t === metric)?.[0];
  const curve = fig.traces.find((t) => t.yaxis === axis && t.legendgroup === groupOf(id, 'compared'));
  if (!curve) throw new Error(`no compared ${metric} curve for ${id}`);
  return curve.y;
}

/** The KL from the reference of loss `id` in both runs, as the table of both runs shows them. */
async function compareTableKl(id: LossId): Promise<[number, number]> {
  const table = page.locator('.compare-table table');
  await table.scrollIntoViewIfNeeded();
  const row = table
    .locator('tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: label(id), exact: true }) });
  const cells = await row.locator('td').allInnerTexts();
  if (cells.length !== 6) throw new Error(`the table of both runs has ${cells.length} cells for ${id}`);
  return [firstNumber(cells[2]), firstNumber(cells[5])];
}

/**
 * The numbers of loss `id`'s row in the table of both runs with a moving reference (TR-DPO): per run π(y_w),
 * π(y_l), KL to the starting reference and KL to the step's own.
 */
async function compareTableMoving(id: LossId): Promise<number[]> {
  const table = page.locator('.compare-table table');
  await table.scrollIntoViewIfNeeded();
  const row = table
    .locator('tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: label(id), exact: true }) });
  const cells = await row.locator('td').allInnerTexts();
  if (cells.length !== 8) throw new Error(`the table of both runs has ${cells.length} cells for ${id}`);
  return cells.map(firstNumber);
}

/** `metric` in the TRL metrics table of loss `id` under the training view (at the cursor's step). */
async function metricsTableValue(id: LossId, metric: string): Promise<number> {
  const table = page
    .locator('.metrics-tables table')
    .filter({ has: page.locator('caption', { hasText: label(id) }) })
    .first();
  await table.scrollIntoViewIfNeeded();
  const row = table.locator('tbody tr').filter({ has: page.locator('code', { hasText: metric }) });
  return firstNumber(await row.locator('td').first().innerText());
}

/** A number box's value, as the page shows it. */
async function boxValue(name: string): Promise<number> {
  return Number((await numberBox(page, name).inputValue()).replace('−', '-'));
}
/** The first number in an element's text ('0.6931' from the readout's loss cell). */
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The first number in a text, as the page writes numbers: "0.84", "−1.2", "3e-8" or "3.47×10⁻⁸". */
function firstNumber(text: string): number {
  const m = /([−-]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?:\s*×\s*10([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))?/.exec(text);
  if (!m) throw new Error(`no number in "${text}"`);
  const mantissa = Number(m[1].replace('−', '-'));
  if (m[2] === undefined) return mantissa;
  const exponent = Number([...m[2]].map((c) => (c === '⁻' ? '-' : String(SUPERSCRIPT.indexOf(c)))).join(''));
  return mantissa * 10 ** exponent;
}

const P = 'Preference probability p';
const EPSILON = 'Label smoothing ε';
const RESPONSES = 'Responses K';

/** Per scenario: the numbers its explanation states, in its order, each read from the page. */
const READINGS: Record<ScenarioId, () => Promise<number[]>> = {
  start: async () => {
    const metrics = await plotData('metrics');
    const accuracy = metricCurve(metrics, 'rewards/accuracies', 'sigmoid');
    const p = await boxValue(P);
    return [firstNumber(await firstLossCell(page).innerText()), accuracy[0], accuracy[1], p, 1 - p];
  },
  deterministic: async () => {
    const training = await plotData('training');
    const loss = await plotData('loss');
    const rejected = probCurve(training, 'sigmoid', 1);
    return [await boxValue(P), lastOf(rejected.y), lastOf(rejected.x), optimumLine(loss, 'ipo')];
  },
  'ipo-d1': async () => {
    // τ and the learning rate from their boxes; IPO's and DPO's π from the training view's curves at the end;
    // the paper's π (its printed numbers, the source) and the agreement asked of them.
    const training = await plotData('training');
    const tau = await boxValue(BETA_LABEL);
    const ipo = [0, 1, 2].map((k) => probCurve(training, 'ipo', k));
    const dpoA = lastOf(probCurve(training, 'sigmoid', 0).y);
    const dpoB = lastOf(probCurve(training, 'sigmoid', 1).y);
    const paper = IPO_PAPER_D1.find((r) => r.tau === tau)?.probs ?? [];
    return [
      await boxValue('Learning rate'),
      tau,
      1 / (3 * tau),
      lastOf(ipo[0].x),
      ...ipo.map((c) => lastOf(c.y)),
      ...paper,
      IPO_PAPER_TOLERANCE,
      Math.log(dpoA / dpoB),
      dpoA,
    ];
  },
  noisy: async () => {
    const training = await plotData('training');
    const loss = await plotData('loss');
    return [
      await boxValue(P),
      optimumLine(loss, 'sigmoid'),
      await boxValue(BETA_LABEL),
      lastOf(probCurve(training, 'sigmoid', 0).y),
      optimumLine(loss, 'ipo'),
      lastOf(probCurve(training, 'ipo', 0).y),
    ];
  },
  'label-noise': async () => {
    const training = await plotData('training');
    const p = await boxValue(P);
    const eps = await boxValue(EPSILON);
    return [
      (p - eps) / (1 - 2 * eps),
      eps,
      p,
      lastOf(probCurve(training, 'sigmoid', 0).y),
      eps,
      lastOf(probCurve(training, 'cdpo', 0).y),
      eps,
      lastOf(probCurve(training, 'robust', 0).y),
    ];
  },
  'likelihood-displacement': async () => {
    const training = await plotData('training');
    const metrics = await plotData('metrics');
    const loss = await plotData('loss');
    const chosen = probCurve(training, 'sigmoid', 0);
    const peak = Math.max(...chosen.y);
    return [
      peak,
      chosen.x[chosen.y.indexOf(peak)],
      chosen.y[0],
      lastOf(chosen.y),
      lastOf(metricCurve(metrics, 'rewards/accuracies', 'sigmoid')),
      lastOf(metricCurve(metrics, 'rewards/chosen', 'sigmoid')),
      optimumLine(loss, 'ipo'),
      lastOf(probCurve(training, 'ipo', 0).y),
    ];
  },
  'kto-undesirable-only': async () => {
    const training = await plotData('training');
    const a = probCurve(training, 'kto', 0);
    const b = probCurve(training, 'kto', 1);
    return [a.y[0], lastOf(a.y), lastOf(a.x), b.y[0], lastOf(b.y)];
  },
  'beta-strength': async () => {
    const training = await plotData('training');
    const loss = await plotData('loss');
    // The strong β is the compared run the page draws (vs=beta:1): its β from the compare control, its margin
    // from its dashed optimum line, its π(y_w) from the last point of its dashed y_w curve, both runs' KL
    // from the table of both runs (at the cursor, which the scenario puts at the end).
    const [weakKl, strongKl] = await compareTableKl('sigmoid');
    return [
      await boxValue(P),
      await boxValue(BETA_LABEL),
      optimumLine(loss, 'sigmoid'),
      lastOf(probCurve(training, 'sigmoid', 0).y),
      await comparedBeta(),
      optimumLine(loss, 'sigmoid', 'compared'),
      lastOf(probCurve(training, 'sigmoid', 0, 'compared').y),
      weakKl,
      strongKl,
    ];
  },
  'bradley-terry': async () => {
    const training = await plotData('training');
    const simplex = await plotData('simplex');
    const K = await boxValue(RESPONSES);
    // The hidden rewards as the training view's legend names the responses: 'A (r = 1)'.
    const rewards = Array.from({ length: K }, (_, k) => {
      const name = probCurve(training, 'sigmoid', k).name;
      const m = /\(r = ([^)]+)\)/.exec(name);
      if (!m) throw new Error(`no reward in the name "${name}"`);
      return Number(m[1].replace('−', '-'));
    });
    const star = simplex.traces.find((t) => t.name === EN.figures.trace.rlhfOptimum);
    if (!star) throw new Error('no RLHF optimum in the simplex');
    return [K, ...rewards, lastOf(probCurve(training, 'sigmoid', 0).y), star.a[0]];
  },
  'sft-term': async () => {
    const training = await plotData('training');
    const metrics = await plotData('metrics');
    // The SFT weight from its control; the run without the term is the compared one (vs=sft:0), drawn dashed.
    const w = await boxValue(EN.controls.sftWeight.label);
    const chosen = probCurve(training, 'sigmoid', 0);
    return [
      w,
      w,
      chosen.y[0],
      lastOf(chosen.y),
      await comparedValue('sft'),
      lastOf(probCurve(training, 'sigmoid', 0, 'compared').y),
      lastOf(metricCurve(metrics, 'rewards/margins', 'sigmoid')),
      lastOf(comparedMetricCurve(metrics, 'rewards/margins', 'sigmoid')),
    ];
  },
  'f-divergence': async () => {
    const training = await plotData('training');
    // The compared run is forward KL (from the compare control); both runs' KL from the table of both runs.
    if ((await comparedText('fdiv')) !== 'forward_kl') throw new Error('the compared run is not forward KL');
    const [reverseKl, forwardKl] = await compareTableKl('sigmoid');
    return [
      await boxValue(RESPONSES),
      await boxValue(P),
      lastOf(probCurve(training, 'sigmoid', 0).y),
      reverseKl,
      lastOf(probCurve(training, 'sigmoid', 0, 'compared').y),
      forwardKl,
      lastOf(probCurve(training, 'sigmoid', 2, 'compared').y),
    ];
  },
  'no-reference': async () => {
    const training = await plotData('training');
    const metrics = await plotData('metrics');
    const third = (id: LossId) => lastOf(probCurve(training, id, 2).y);
    return [
      await boxValue(P),
      await boxValue(BETA_LABEL),
      await boxValue(EN.controls.toy.refProb(3, 'other')),
      third('sigmoid'),
      third('simpo'),
      third('orpo'),
      await metricsTableValue('orpo', 'nll_loss'),
      lastOf(probCurve(training, 'orpo', 0).y),
      lastOf(probCurve(training, 'sigmoid', 0).y),
      lastOf(metricCurve(metrics, 'rewards/chosen', 'orpo')),
      lastOf(metricCurve(metrics, 'rewards/chosen', 'sigmoid')),
    ];
  },
  'tr-dpo': async () => {
    const training = await plotData('training');
    // The compared run has a fixed reference (vs=sync:0); KL to both references from the table of both runs.
    if ((await comparedText('sync')) !== '0') throw new Error('the compared run is not a fixed reference');
    const [, , syncedStartKl, syncedCurrentKl, , , fixedKl] = await compareTableMoving('sigmoid');
    return [
      await boxValue(P),
      await boxValue(EN.controls.refSync.stepsLabel),
      await boxValue(EN.controls.refSync.alphaLabel),
      lastOf(probCurve(training, 'sigmoid', 0).y),
      lastOf(probCurve(training, 'sigmoid', 0, 'compared').y),
      syncedStartKl!,
      fixedKl!,
      syncedCurrentKl!,
      fixedKl!,
    ];
  },
  'razin-displacement': async () => {
    const training = await plotData('training');
    const metrics = await plotData('metrics');
    const chosen = probCurve(training, 'sigmoid', 0);
    const third = probCurve(training, 'sigmoid', 2);
    return [
      lastOf(metricCurve(metrics, 'rewards/margins', 'sigmoid')),
      lastOf(metricCurve(metrics, 'rewards/accuracies', 'sigmoid')),
      chosen.y[0],
      lastOf(chosen.y),
      third.y[0],
      lastOf(third.y),
    ];
  },
  squeezing: async () => {
    const training = await plotData('training');
    const a = probCurve(training, 'kto', 0);
    const b = probCurve(training, 'kto', 1);
    // C and D summed, in the order the facts sum them.
    const rest = [2, 3].map((k) => probCurve(training, 'kto', k).y);
    const sumAt = (t: number) => rest.reduce((acc, y) => acc + y[t], 0);
    return [b.y[0], a.y[0], lastOf(a.y), b.y[0], lastOf(b.y), sumAt(0), sumAt(rest[0].length - 1)];
  },
};

const explanation = () => page.locator('.preset-explanation').first();

async function loadScenario(id: ScenarioId): Promise<void> {
  const menu = page.getByRole('combobox', { name: EN.controls.presetMenu.label, exact: true });
  await menu.scrollIntoViewIfNeeded();
  await menu.selectOption(id);
  await page.getByRole('button', { name: EN.controls.presetMenu.load, exact: true }).click();
}

/** The explanation's numbers and the page's readings, both as the explanation writes numbers. */
async function statedAndShown(
  id: ScenarioId,
  text: () => Promise<string>,
): Promise<{ stated: string[]; shown: string[] }> {
  const readings = await READINGS[id]();
  return { stated: statedNumbers(await text()), shown: readings.map(c3) };
}

/**
 * Polls until the numbers `text` states are the page's readings for scenario `id` (the plots redraw after the
 * render, and only once on screen); on failure, says which differ.
 */
async function expectStatesWhatPageShows(id: ScenarioId, text: () => Promise<string>): Promise<string[]> {
  let last: { stated: string[]; shown: string[] } = { stated: [], shown: [] };
  await expect
    .poll(
      async () => {
        last = await statedAndShown(id, text).catch((e: unknown) => ({ stated: [String(e)], shown: [] }));
        return last.stated.length > 0 && last.stated.join(' | ') === last.shown.join(' | ');
      },
      { timeout: 30_000, interval: 250 },
    )
    .toBe(true)
    .catch(() => {
      expect(last.stated, `${id}: stated vs shown`).toEqual(last.shown);
    });
  return last.stated;
}

describe('every scenario states the numbers the page shows', () => {
  it('offers exactly the scenarios', async () => {
    const options = await page
      .getByRole('combobox', { name: EN.controls.presetMenu.label, exact: true })
      .locator('option')
      .evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
    expect(options.filter((v) => v !== '')).toEqual([...SCENARIO_IDS]);
  });

  it.each(SCENARIO_IDS)('%s', async (id) => {
    await loadScenario(id);
    // Just loaded: the explanation is the scenario's, not marked as changed.
    await expect.poll(() => page.locator('.preset-changed').count()).toBe(0);
    const stated = await expectStatesWhatPageShows(id, () => explanation().innerText());
    expect(stated.length).toBeGreaterThanOrEqual(4);
    expect([...problems.pageErrors, ...problems.consoleErrors]).toEqual([]);
  });

  it('never calls a thumbs-down response "chosen"', async () => {
    await loadScenario('kto-undesirable-only');
    await expect.poll(() => explanation().innerText()).toContain('undesirable example');
    const labels = async (): Promise<string[]> => {
      const names: string[] = [];
      for (const view of ['training', 'metrics', 'simplex', 'loss'] as const) {
        const fig = await plotData(view);
        names.push(...fig.traces.map((t) => t.name), ...fig.annotations);
      }
      return names;
    };
    // The training view names A for what it is (once the plots have redrawn for these data).
    await expect
      .poll(async () => (await labels()).some((n) => /undesirable/.test(n)), { timeout: 20_000 })
      .toBe(true);
    const names = await labels();
    // TRL's metric names (rewards/chosen, logps/chosen) are names, not labels of a response.
    const chosen = (s: string) => /\bchosen\b/i.test(s.replace(/\b(?:rewards|logps|logits)\/chosen\b/g, ''));
    expect(names.filter(chosen)).toEqual([]);
    expect(chosen(await explanation().innerText())).toBe(false);
    // The readout names no response "chosen" either. (Its descriptions of TRL's metrics, "How far the chosen
    // reward leads", speak of TRL's chosen side, not of a response here.)
    const readout = (await page.locator('.pair-readout').first().innerText()).split('\n');
    expect(readout.filter((line) => /\(chosen\)|\b[A-Z]\b[^.]*\bchosen\b/.test(line))).toEqual([]);
  });

  it('after an edit, the collapsed explanation states the page’s new numbers and drops what no longer holds', async () => {
    await loadScenario('deterministic');
    await expect.poll(() => explanation().innerText()).toContain('every time');
    const p = numberBox(page, P);
    await p.fill('0.9');
    await p.press('Enter');
    await expect.poll(() => page.locator('.preset-changed').count()).toBe(1);
    const collapsed = async () =>
      (await page.locator('.preset-explanation details p').first().textContent()) ?? '';
    const stated = await expectStatesWhatPageShows('deterministic', collapsed);
    expect(stated[0]).toBe(c3(0.9));
    const text = await collapsed();
    expect(text).not.toContain('every time');
    expect(text).not.toContain('over-fits');
  });
});
