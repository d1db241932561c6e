// Helpers for the instructors' tests (instructors.test.ts): a host page that embeds the app, readers for
// the exported files, the tap-target survey for small screens, and Plotly checks that work in a page
// or in an iframe.
import { expect } from 'vitest';
import type { Download, Frame, Locator, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { PNG_SIGNATURE } from './browser.ts';

/** A page or a frame: both have locator() and getByRole(). */
export type Scope = Page | Frame;

/** Width and height from a PNG's IHDR chunk (right after the signature). */
export function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The bytes of a finished download. */
export async function downloadBytes(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

/** Clicks a view's Export button, then one format, and returns the download it starts. */
export async function exportFrom(page: Page, viewId: string, format: string): Promise<Download> {
  const head = page.locator(`#view-${viewId} .view-head`);
  await head.locator('.export-toggle').click();
  const button = head.locator(`.export-list [data-format=${format}]`);
  await expect.poll(() => button.isEnabled()).toBe(true);
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return download;
}

/** The host page of a lecture's notes: text above, the sandboxed embed, and a tall block below. */
export function hostPageHtml(frameSrc: string): string {
  const src = frameSrc.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Lecture 7: preference optimisation</title>
    <style>
      body { margin: 0; font: 16px/1.5 sans-serif; }
      .above { height: 200px; padding: 16px; box-sizing: border-box; }
      iframe { display: block; margin: 0 16px; border: 1px solid #999; }
      .below { height: 3000px; padding: 16px; background: linear-gradient(#f4f4f4, #c8c8c8); }
    </style>
  </head>
  <body>
    <div class="above">
      <h1>Lecture 7</h1>
      <p>How β changes what DPO learns. Try it below.</p>
    </div>
    <iframe id="embed" title="DPO Explorer" width="720" height="480" sandbox="allow-scripts" src="${src}"></iframe>
    <div class="below"><p>The rest of the notes.</p></div>
  </body>
</html>`;
}

/** The drawn Plotly root of a view, in a page or a frame. */
export const drawnPlotIn = (scope: Scope, id: string): Locator =>
  scope.locator(`#view-${id} .js-plotly-plot svg.main-svg`).first();

/** Everything Plotly drew in a view's data layers (as app.ts's plotSignature, for a page or a frame). */
export async function plotSignatureIn(scope: Scope, id: string): Promise<string> {
  return scope
    .locator(`#view-${id} .js-plotly-plot`)
    .first()
    .evaluate((root) =>
      [...root.querySelectorAll('.scatterlayer path, .contourlayer path')]
        .map((p) => `${p.getAttribute('d') ?? ''}@${p.getAttribute('transform') ?? ''}`)
        .join('|'),
    );
}

/** How many points Plotly drew as lines in a view (the number of L/M commands of its trace paths). */
export async function plottedPoints(scope: Scope, id: string): Promise<number> {
  return scope
    .locator(`#view-${id} .js-plotly-plot`)
    .first()
    .evaluate((root) =>
      [...root.querySelectorAll('.scatterlayer .js-line, .scatterlayer .point')]
        .map((p) =>
          p.classList.contains('point') ? 1 : (p.getAttribute('d') ?? '').split(/[ML]/).length - 1,
        )
        .reduce((a, b) => a + b, 0),
    );
}

export interface TapTarget {
  what: string;
  width: number;
  height: number;
  ok: boolean;
}

/**
 * Every visible button, select, checkbox, radio, range and summary with the size of its tap target: the
 * element itself, or for a checkbox or radio its <label> (enclosing, or pointing at it with for=), since a
 * tap on the label toggles it. A target passes at 44 × 44 CSS px (WCAG 2.5.5).
 */
export async function tapTargets(page: Page, min = 44): Promise<TapTarget[]> {
  return page.evaluate((min) => {
    const sel = 'button, select, input[type=checkbox], input[type=radio], input[type=range], summary';
    const out: { what: string; width: number; height: number; ok: boolean }[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      const rects = [r];
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
        const labels = new Set<HTMLElement>(el.labels ? [...el.labels] : []);
        const wrapping = el.closest('label');
        if (wrapping) labels.add(wrapping);
        for (const l of labels) rects.push(l.getBoundingClientRect());
      }
      const best = rects.reduce((a, b) =>
        Math.min(b.width, b.height) > Math.min(a.width, a.height) ? b : a,
      );
      const ok = best.width >= min - 0.5 && best.height >= min - 0.5;
      const name =
        el.getAttribute('aria-label') ??
        (el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? '') : (el.textContent ?? ''));
      const type = el instanceof HTMLInputElement ? `[type=${el.type}]` : '';
      const cls = el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : '';
      out.push({
        what: `${el.tagName.toLowerCase()}${type}${cls} "${name.trim().replace(/\s+/g, ' ').slice(0, 40)}"`,
        width: Math.round(best.width * 10) / 10,
        height: Math.round(best.height * 10) / 10,
        ok,
      });
    }
    return out;
  }, min);
}

/** Any CJK ideograph. */
export const CJK = /[\u3400-\u9fff]/;

interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  children?: DomNode[];
  contentDocument?: DomNode;
}

export interface CjkFontReport {
  /** Elements with CJK text of their own that the page has laid out (drawn with some font). */
  drawn: number;
  /** Of those, the ones whose characters are drawn, even in part, by a font that is not the page's own. */
  notBundled: string[];
}

/**
 * Which fonts Chromium really drew each element's CJK text with (CDP CSS.getPlatformFontsForNode). A
 * machine without a CJK system font draws a missing glyph as a box in a system font: any CJK element not
 * drawn entirely with a web font (`isCustomFont`) shows boxes there.
 */
export async function cjkFontReport(page: Page): Promise<CjkFontReport> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1 })) as { root: DomNode };
    const elements: { node: DomNode; text: string }[] = [];
    const walk = (n: DomNode) => {
      if (n.nodeType === 1) {
        const text = (n.children ?? [])
          .filter((c) => c.nodeType === 3)
          .map((c) => c.nodeValue)
          .join('');
        if (CJK.test(text)) elements.push({ node: n, text });
      }
      for (const c of n.children ?? []) walk(c);
    };
    walk(root);
    let drawn = 0;
    const notBundled: string[] = [];
    for (const { node, text } of elements) {
      const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId })) as {
        fonts: { familyName: string; isCustomFont: boolean; glyphCount: number }[];
      };
      if (fonts.length === 0) continue; // not laid out (closed <select> options, hidden panels)
      drawn += 1;
      const system = fonts.filter((f) => !f.isCustomFont && f.glyphCount > 0);
      // A system font may draw the Latin letters beside the CJK ones, never the CJK ones themselves: it
      // draws CJK only if the element's whole text is drawn without the web font.
      if (!fonts.some((f) => f.isCustomFont && f.glyphCount > 0))
        notBundled.push(
          `${node.nodeName} "${text.trim().slice(0, 30)}" in ${system.map((f) => f.familyName)}`,
        );
    }
    return { drawn, notBundled };
  } finally {
    await cdp.detach();
  }
}
