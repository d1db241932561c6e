// What an instructor does with the explorer: embeds one view in course notes (a sandboxed iframe on
// another origin), exports plots and data for slides, shows it on a projector or in Chinese, hands out the
// offline single file, and opens it on a phone.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { Blob, Face } from 'harfbuzzjs';
import fontverter from 'fontverter';
import { isCjk } from '../../build/cjkFont.ts';
import { ZH_CONTROLS } from '../../src/i18n/zh/controls.ts';
import { expectPngFile, SCREENSHOT_DIR, watchPage, type PageProblems } from './browser.ts';
import {
  BETA_LABEL,
  betaBox,
  betaSlider,
  drawEveryPlot,
  drawnPlot,
  firstLossCell,
  openApp,
  PLOT_VIEW_IDS,
  plotView,
  seriousViolations,
  settle,
  sweepsSettled,
} from './app.ts';
import {
  CJK,
  cjkFontReport,
  downloadBytes,
  drawnPlotIn,
  exportFrom,
  hostPageHtml,
  plotSignatureIn,
  plottedPoints,
  pngSize,
  tapTargets,
} from './instructorKit.ts';
import { parseCsv } from '../helpers/csv.ts';
import { baseUrl, DESKTOP, openPage, openWatched, origin, setUpBrowser } from './session.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = fileURLToPath(SCREENSHOT_DIR);

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});
const session = setUpBrowser();

// ---------------------------------------------------------------------------------------------------
describe('embedding one view in a host page', () => {
  let context: BrowserContext;
  // The course's page, on another loopback origin (another port) than the app: a real server, since
  // Chromium's local-network-access checks block a frame of 127.0.0.1 in a page of unknown address.
  let host: Server;
  let hostOrigin: string;
  beforeAll(async () => {
    host = createServer((req, res) => {
      const hash = new URL(req.url ?? '/', 'http://x').searchParams.get('hash') ?? '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(hostPageHtml(baseUrl + hash));
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    context = await session.browser.newContext({ viewport: { width: 1000, height: 800 } });
  });
  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => host?.close(resolve));
  });

  /** Opens the host page with the embed at `hash`; returns the page, the app's frame and what went wrong. */
  async function openHost(hash: string): Promise<{ page: Page; frame: Frame; problems: PageProblems }> {
    const page = await context.newPage();
    // Console messages and uncaught errors of the (out-of-process) frame arrive on the page too.
    const problems = watchPage(page, origin);
    await page.goto(`${hostOrigin}/host.html?hash=${encodeURIComponent(hash)}`);
    const handle = await page.locator('iframe#embed').elementHandle();
    const frame = await handle?.contentFrame();
    if (!frame) throw new Error('the embed has no frame');
    await drawnPlotIn(frame, 'training').waitFor({ state: 'attached', timeout: 20_000 });
    return { page, frame, problems };
  }

  /** Requests other than the host page and the app's own files. */
  const strayRequests = (p: PageProblems) => p.foreignRequests.filter((u) => !u.startsWith(`${hostOrigin}/`));

  it('controls=0: one drawn view, no page chrome, no controls; the host page scrolls past it with the wheel', async () => {
    const { page, frame, problems } = await openHost(
      '#v=2&preset=noisy&embed=training&controls=0&theme=projector',
    );
    // One view, the one asked for, and nothing else of the page.
    expect(await frame.locator('figure.view').count()).toBe(1);
    expect(await frame.locator('figure.view').getAttribute('id')).toBe('view-training');
    expect(await frame.locator('.app-header, header, h1, .app-footer, .controls-column').count()).toBe(0);
    expect(await frame.locator('.controls-panel, input, select').count()).toBe(0);
    expect(await frame.locator('main.embed-root.no-controls').count()).toBe(1);
    expect(await frame.evaluate(() => document.documentElement.dataset.theme)).toBe('projector');
    // The plot has data: Plotly drew the probability lines.
    expect(await plottedPoints(frame, 'training')).toBeGreaterThan(10);
    // The sandbox really isolates it: an opaque origin.
    expect(await frame.evaluate(() => window.origin)).toBe('null');

    // The wheel over the host page, beside the frame, scrolls the host past the frame.
    const frameBottom = await page.locator('iframe#embed').evaluate((f) => {
      const r = f.getBoundingClientRect();
      return r.bottom + window.scrollY;
    });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.mouse.move(900, 400);
    await expect
      .poll(
        async () => {
          await page.mouse.wheel(0, 400);
          return page.evaluate(() => window.scrollY);
        },
        { timeout: 10_000 },
      )
      .toBeGreaterThan(frameBottom);

    // And the wheel over the frame itself ends up scrolling the host too (nothing in the embed captures it).
    // Back to the top: again on each poll, since a smooth scroll from a wheel queued above may still be running.
    await expect
      .poll(() =>
        page.evaluate(() => {
          window.scrollTo({ top: 0, behavior: 'instant' });
          return window.scrollY;
        }),
      )
      .toBe(0);
    await page.mouse.move(300, 400);
    await expect
      .poll(
        async () => {
          await page.mouse.wheel(0, 200);
          return page.evaluate(() => window.scrollY);
        },
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);

    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(strayRequests(problems)).toEqual([]);
    await page.close();
  });

  it('controls=1: the controls the training view needs (and only those), and moving β changes the plot', async () => {
    const { page, frame, problems } = await openHost(
      '#v=2&preset=noisy&embed=training&controls=1&theme=projector',
    );
    expect(await frame.locator('figure.view').count()).toBe(1);
    expect(await frame.locator('.app-header, h1').count()).toBe(0);
    const slider = frame.getByRole('slider', { name: BETA_LABEL, exact: true });
    await slider.waitFor({ state: 'visible' });
    expect(await frame.locator('.embed-controls').isVisible()).toBe(true);
    expect(await frame.getByRole('checkbox', { name: 'DPO sigmoid', exact: true }).isVisible()).toBe(true);
    // The toy policy's controls, not the response editor of the pair views.
    expect(await frame.getByRole('textbox', { name: 'Policy, rejected: log πθ(y_l)' }).count()).toBe(0);
    expect(await frame.locator('.embed-controls input[type=range]').count()).toBeGreaterThan(1);

    const before = await plotSignatureIn(frame, 'training');
    expect(before).not.toBe('');
    const betaBefore = await frame.getByRole('textbox', { name: BETA_LABEL, exact: true }).inputValue();
    await slider.focus();
    await page.keyboard.press('PageUp');
    await expect
      .poll(() => frame.getByRole('textbox', { name: BETA_LABEL, exact: true }).inputValue())
      .not.toBe(betaBefore);
    await expect.poll(() => plotSignatureIn(frame, 'training'), { timeout: 10_000 }).not.toBe(before);

    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(strayRequests(problems)).toEqual([]);
    await page.close();
  });

  it('the Share / embed dialog writes sandboxed iframe code for the chosen view and theme, previews it and copies it', async () => {
    const ctx = await session.browser.newContext({
      viewport: DESKTOP,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const { page, problems } = await openWatched(ctx);
    await page.getByRole('button', { name: 'Share / embed', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share or embed this view' });
    await dialog.waitFor();

    await dialog.getByRole('combobox', { name: 'What to show' }).selectOption('training');
    await dialog.getByRole('checkbox', { name: 'Show the controls this view needs' }).check();
    await dialog.getByRole('combobox', { name: 'Theme' }).selectOption('projector');

    const codeBox = dialog.getByRole('textbox', { name: 'Embed code' });
    await expect.poll(() => codeBox.inputValue()).toContain('theme=projector');
    const code = await codeBox.inputValue();
    expect(code).toMatch(/^<iframe /);
    expect(code).toContain('sandbox="allow-scripts');
    const src = /\bsrc="([^"]*)"/
      .exec(code)?.[1]
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    if (!src) throw new Error(`no src in ${code}`);
    const params = new URLSearchParams(new URL(src).hash.slice(1));
    expect(params.get('embed')).toBe('training');
    expect(params.get('theme')).toBe('projector');
    // Controls are on (the default, so either absent or 1).
    expect(params.get('controls') ?? '1').toBe('1');
    expect(new URL(src).origin).toBe(origin);

    // The preview renders that view, with its controls, in the projector theme.
    const previewEl = dialog.locator('.share-preview iframe');
    expect(await previewEl.getAttribute('sandbox')).toContain('allow-scripts');
    const preview = await (await previewEl.elementHandle())?.contentFrame();
    if (!preview) throw new Error('the preview has no frame');
    await expect
      .poll(() => preview.evaluate(() => document.documentElement.dataset.theme), { timeout: 10_000 })
      .toBe('projector');
    await drawnPlotIn(preview, 'training').waitFor({ state: 'attached', timeout: 20_000 });
    expect(await preview.locator('figure.view').count()).toBe(1);
    expect(await preview.locator('#view-training').count()).toBe(1);
    expect(await preview.locator('.embed-controls').count()).toBe(1);
    expect(await preview.locator('.app-header').count()).toBe(0);

    // Copy code: the exact code lands on the clipboard.
    await dialog.getByRole('button', { name: 'Copy code', exact: true }).click();
    await expect.poll(() => dialog.getByText('Copied.').count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await ctx.close();
  });
});

// ---------------------------------------------------------------------------------------------------
describe('exports for slides and notebooks', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  beforeAll(async () => {
    context = await session.browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
    ({ page, problems } = await openWatched(context));
    await drawnPlot(page, 'loss').waitFor({ state: 'attached', timeout: 20_000 });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('the loss view: PNG at 2×, SVG with paths, CSV of ≥ 400 points, JSON of equal-length x/y', async () => {
    // PNG: a real PNG, twice the plot's on-screen size.
    const png = await exportFrom(page, 'loss', 'png');
    expect(png.suggestedFilename()).toBe('dpo-explorer-loss.png');
    const size = pngSize(await downloadBytes(png));
    const css = await plotView(page, 'loss')
      .locator('.js-plotly-plot')
      .first()
      .evaluate((d) => d.getBoundingClientRect().toJSON() as DOMRect);
    expect(Math.abs(size.width - 2 * css.width)).toBeLessThanOrEqual(4);
    expect(Math.abs(size.height - 2 * css.height)).toBeLessThanOrEqual(4);

    // SVG: well-formed XML with an <svg> root and drawn paths.
    const svg = await exportFrom(page, 'loss', 'svg');
    expect(svg.suggestedFilename()).toBe('dpo-explorer-loss.svg');
    const svgText = (await downloadBytes(svg)).toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        root: doc.documentElement.localName,
        ns: doc.documentElement.namespaceURI,
        error: doc.getElementsByTagName('parsererror').length,
        paths: [...doc.querySelectorAll('path')].filter((p) => /^M[\d.-]/.test(p.getAttribute('d') ?? ''))
          .length,
      };
    }, svgText);
    expect(parsed).toMatchObject({ root: 'svg', ns: 'http://www.w3.org/2000/svg', error: 0 });
    expect(parsed.paths).toBeGreaterThan(3);

    // CSV: trace,x,y and one row per plotted point.
    const csv = await exportFrom(page, 'loss', 'csv');
    expect(csv.suggestedFilename()).toBe('dpo-explorer-loss.csv');
    const csvText = (await downloadBytes(csv)).toString('utf8');
    const rows = parseCsv(csvText);
    expect(rows[0]).toEqual(['trace', 'x', 'y']);
    const data = rows.slice(1);
    expect(data.length).toBeGreaterThanOrEqual(400);
    expect(data.every((r) => r.length === 3 && r[0] !== '')).toBe(true);
    const numeric = data.filter(
      (r) => Number.isFinite(Number(r[1])) && r[2] !== '' && Number.isFinite(Number(r[2])),
    );
    expect(numeric.length).toBeGreaterThanOrEqual(400);

    // "No file? Show it here": the same CSV, shown in the page.
    await page.locator('#view-loss .export-show').click();
    const shown = page.locator('dialog.export-dialog textarea');
    await shown.waitFor();
    expect(await shown.inputValue()).toBe(csvText.replace(/^\uFEFF/, ''));
    await page.locator('dialog.export-dialog').getByRole('button').click();
    await expect.poll(() => page.locator('dialog.export-dialog').count()).toBe(0);

    // JSON: traces with x and y arrays of the same length.
    const json = await exportFrom(page, 'loss', 'json');
    expect(json.suggestedFilename()).toBe('dpo-explorer-loss.json');
    const doc = JSON.parse((await downloadBytes(json)).toString('utf8')) as {
      title: string;
      traces: { name: string; x?: unknown[]; y?: unknown[] }[];
    };
    expect(doc.title).toBeTruthy();
    expect(doc.traces.length).toBeGreaterThan(0);
    for (const t of doc.traces) {
      expect(Array.isArray(t.x) && Array.isArray(t.y), t.name).toBe(true);
      expect(t.x!.length, t.name).toBe(t.y!.length);
    }
    expect(Math.max(...doc.traces.map((t) => t.x!.length))).toBeGreaterThanOrEqual(100);
    expect(problems.pageErrors).toEqual([]);
  });

  it('the training view (one panel per loss): CSV with a panel column', async () => {
    await plotView(page, 'training').scrollIntoViewIfNeeded();
    await drawnPlot(page, 'training').waitFor({ state: 'attached', timeout: 20_000 });
    const csv = await exportFrom(page, 'training', 'csv');
    expect(csv.suggestedFilename()).toBe('dpo-explorer-training.csv');
    const rows = parseCsv((await downloadBytes(csv)).toString('utf8'));
    expect(rows[0]).toEqual(['panel', 'trace', 'x', 'y']);
    const data = rows.slice(1);
    expect(data.length).toBeGreaterThan(100);
    expect(data.every((r) => r.length === 4)).toBe(true);
    // The default page trains DPO, IPO and KTO: three panels, named.
    const panels = new Set(data.map((r) => r[0]));
    expect(panels.size).toBe(3);
    expect([...panels].every((p) => p !== '')).toBe(true);
    expect(problems.pageErrors).toEqual([]);
  });

  it('"Use in TRL" gives a DPOConfig for the default state', async () => {
    const panel = page.locator('.trl-snippet');
    await panel.locator('summary').click();
    const code = await panel.locator('.trl-snippet-code').innerText();
    expect(code).toContain('DPOConfig(');
    expect(code).toContain('loss_type="sigmoid"');
    expect(code).toMatch(/\bbeta=0\.1\b/);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('themes and languages from the link', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await session.browser.newContext({ viewport: DESKTOP });
  });
  afterAll(async () => {
    await context?.close();
  });

  /** Relative luminance of a computed rgb() colour. */
  const luminance = (rgb: string) => {
    const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };

  it('theme=dark: dark theme and a dark page', async () => {
    const page = await openPage(context, '#v=2&theme=dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(luminance(bg)).toBeLessThan(0.05);
    await page.close();
  });

  it('theme=projector: a larger base font (≥ 20 px)', async () => {
    const page = await openPage(context, '#v=2&theme=projector');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('projector');
    const sizes = await page.evaluate(() => [
      parseFloat(getComputedStyle(document.documentElement).fontSize),
      parseFloat(getComputedStyle(document.body).fontSize),
    ]);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);
    await drawnPlot(page, 'loss').waitFor({ state: 'attached', timeout: 20_000 });
    // The gradient view sits under the loss view (the time cursor's bar above them): plots draw once in sight.
    await page.locator('#view-gradient').scrollIntoViewIfNeeded();
    await drawnPlot(page, 'gradient').waitFor({ state: 'attached', timeout: 20_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await settle(page);
    const path = `${SHOTS}instructors-projector.png`;
    await page.screenshot({ path });
    expectPngFile(path);
    await page.close();
  });

  it('no theme key and a dark system preference: dark', async () => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await openApp(page, baseUrl, '#v=2');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(luminance(bg)).toBeLessThan(0.05);
    await page.close();
  });

  it('lang=zh: Chinese text in the bundled CJK font, and no serious axe violation', async () => {
    const page = await context.newPage();
    const problems = watchPage(page, origin);
    await page.goto(`${baseUrl}#v=2&lang=zh`);
    await page
      .getByRole('slider', { name: ZH_CONTROLS.beta.label, exact: true })
      .waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.locator('h1').innerText()).toMatch(CJK);
    expect(await page.locator('.tagline').innerText()).toMatch(CJK);

    // The bundled subset is loaded and is the font that draws the heading's characters.
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      const family = 'DPO Explorer Noto Sans SC';
      return {
        check: document.fonts.check(`16px "${family}"`, '偏好'),
        loaded: [...document.fonts]
          .filter((f) => f.family.replace(/["']/g, '') === family)
          .map((f) => f.status),
      };
    });
    expect(fonts.check).toBe(true);
    expect(fonts.loaded).toContain('loaded');
    // Every Chinese element on the first screen is drawn with the bundled faces, none with a system font
    // (which on a machine without a CJK font draws boxes).
    const first = await cjkFontReport(page);
    expect(first.drawn).toBeGreaterThan(50);
    expect(first.notBundled).toEqual([]);

    await drawEveryPlot(page);
    await sweepsSettled(page);
    await settle(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    // And so is every one of the whole page once every plot has drawn its Chinese titles and labels.
    const all = await cjkFontReport(page);
    expect(all.drawn).toBeGreaterThan(first.drawn);
    expect(all.notBundled).toEqual([]);
    const path = `${SHOTS}instructors-zh.png`;
    await page.screenshot({ path, fullPage: true });
    expectPngFile(path);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });

  it('the built code has no CJK character that the built Chinese faces lack', async () => {
    const assets = join(ROOT, 'dist', 'assets');
    const files = readdirSync(assets);
    // KaTeX's own chunk is left out: it has CJK only as regular-expression range bounds (豈-\uffff),
    // and every text it typesets comes from our code, which is in the other chunks.
    const code = files
      .filter((f) => (f.endsWith('.js') || f.endsWith('.css')) && !f.startsWith('katex-'))
      .map((f) => readFileSync(join(assets, f), 'utf8'))
      .join('');
    const needed = [...new Set(code)].filter((ch) => isCjk(ch.codePointAt(0)!));
    expect(needed.length).toBeGreaterThan(300);
    const faces = files.filter((f) => /^noto-sans-sc-(400|700)-.*\.woff2$/.test(f));
    expect(faces).toHaveLength(2);
    for (const face of faces) {
      const sfnt = await fontverter.convert(readFileSync(join(assets, face)), 'sfnt');
      const cmap = new Set(new Face(new Blob(new Uint8Array(sfnt))).collectUnicodes());
      expect({ face, missing: needed.filter((ch) => !cmap.has(ch.codePointAt(0)!)).join('') }).toEqual({
        face,
        missing: '',
      });
    }
  });

  it('theme=dark with lang=zh: no serious axe violation', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}#v=2&theme=dark&lang=zh`);
    await page
      .getByRole('slider', { name: ZH_CONTROLS.beta.label, exact: true })
      .waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await drawEveryPlot(page, ['loss', 'gradient', 'plane']);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('the language menu switches to Chinese and back without a reload', async () => {
    const page = await openPage(context);
    expect(await page.locator('h1').innerText()).toBe('DPO Explorer');
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('zh');
    await expect.poll(() => page.locator('h1').innerText()).toMatch(CJK);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.getByRole('slider', { name: ZH_CONTROLS.beta.label, exact: true }).isVisible()).toBe(
      true,
    );
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('lang=zh');
    // The menu's label is now Chinese; back to English.
    await page.getByRole('combobox', { name: '语言', exact: true }).selectOption('en');
    await expect.poll(() => page.locator('h1').innerText()).toBe('DPO Explorer');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------------
describe('the offline single file', () => {
  let dir: string;
  let htmlPath: string;
  let sizeBytes: number;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    const { build } = await import('vite');
    // As `npm run build:single`: a production build (vitest itself runs with NODE_ENV=test).
    const started = Date.now();
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ root: ROOT, mode: 'single', logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    const built = join(ROOT, 'dist-single', 'index.html');
    // One file, the icon inlined: an instructor copies that file alone.
    expect(readdirSync(join(ROOT, 'dist-single'))).toEqual(['index.html']);
    // This build wrote it (not a file left from an earlier one).
    expect(statSync(built).mtimeMs).toBeGreaterThanOrEqual(started - 1000);
    sizeBytes = statSync(built).size;
    // Alone in an empty folder: nothing else beside it to lean on.
    dir = mkdtempSync(join(tmpdir(), 'dpo-explorer-single-'));
    htmlPath = join(dir, 'index.html');
    copyFileSync(built, htmlPath);
    console.log(`dist-single/index.html: ${sizeBytes} bytes (${(sizeBytes / 1024 / 1024).toFixed(2)} MiB)`);
  });

  it('opened from file:// with every network request refused: works, draws every plot, no CSP error', async () => {
    expect(sizeBytes).toBeGreaterThan(100_000);
    const html = readFileSync(htmlPath, 'utf8');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    // Nothing is loaded from a file beside it.
    expect(html).not.toMatch(/<script[^>]+\bsrc=|<link[^>]+rel="stylesheet"/);

    const context = await session.browser.newContext({ viewport: DESKTOP });
    const aborted: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(file|data|blob):/.test(url)) return route.continue();
      aborted.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const problems = watchPage(page, 'file://');
    await page.goto(`${pathToFileURL(htmlPath).href}#v=2&beta=0.5&loss=sigmoid,ipo&lang=zh`);
    const beta = page.getByRole('textbox', { name: ZH_CONTROLS.beta.label, exact: true });
    await beta.waitFor({ state: 'visible' });
    expect(await beta.inputValue()).toBe('0.5');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const chinese = await cjkFontReport(page);
    expect(chinese.drawn).toBeGreaterThan(50);
    expect(chinese.notBundled).toEqual([]);

    await drawEveryPlot(page);
    // Every plot frame holds a drawn Plotly plot.
    const frames = await page.locator('.plot-frame').count();
    expect(frames).toBe(PLOT_VIEW_IDS.length);
    expect(await page.locator('.js-plotly-plot').count()).toBe(frames);
    expect(await page.locator('.plot-error').count()).toBe(0);

    // The sweeps (a blob: worker under the CSP) finish and have data.
    await sweepsSettled(page);
    for (const id of ['sweeps', 'sweeps-ref']) {
      await plotView(page, id as 'sweeps').scrollIntoViewIfNeeded();
      await expect.poll(() => plottedPoints(page, id), { timeout: 20_000 }).toBeGreaterThan(5);
    }

    // The formula popover typesets with the inlined KaTeX.
    await page.evaluate(() => window.scrollTo(0, 0));
    await firstLossCell(page).locator('.metric-value').focus();
    const katex = page.locator('.formula-popover:not([hidden]) .katex').first();
    await katex.waitFor({ timeout: 10_000 });
    expect(await katex.locator('.katex-html').count()).toBeGreaterThan(0);

    expect(aborted).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
});

// ---------------------------------------------------------------------------------------------------
describe('a phone (360 × 740, touch)', () => {
  it('no sideways scroll, 16 px text, 44 × 44 px tap targets, the controls open with a tap', async () => {
    const context = await session.browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    const problems = watchPage(page, origin);
    await page.goto(baseUrl);
    await page.locator('h1').waitFor();
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(16);

    // The controls start collapsed on a phone; a tap opens them.
    const toggle = page.locator('.controls-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await betaSlider(page).isVisible()).toBe(false);
    await toggle.tap();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await betaSlider(page).waitFor({ state: 'visible' });
    expect(await betaBox(page).inputValue()).toBe('0.1');

    await drawEveryPlot(page);
    await sweepsSettled(page);
    await settle(page);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(361);

    const targets = await tapTargets(page);
    expect(targets.length).toBeGreaterThan(20);
    const small = targets.filter((t) => !t.ok).map((t) => `${t.what}: ${t.width} × ${t.height}`);
    expect(small).toEqual([]);

    await page.evaluate(() => window.scrollTo(0, 0));
    const path = `${SHOTS}mobile-360.png`;
    await page.screenshot({ path, fullPage: true });
    expectPngFile(path);
    expect(pngSize(readFileSync(path)).width).toBe(720);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
});
