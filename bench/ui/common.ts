// Shared pieces of the UI benchmark: viewports, CPU throttling, the shim for functions sent to the page,
// finding a slider by its visible label, and the order statistics and number formats of the report.
import type { CDPSession, Page } from 'playwright-core';
import { preview } from 'vite';

export const THROTTLE_RATES = [1, 4] as const;
export const TALL = { width: 1400, height: 9000 };
export const NORMAL = { width: 1280, height: 900 };

/**
 * tsx compiles the bench with esbuild's keepNames, which wraps named inner functions in `__name(fn, 'x')`;
 * functions sent to the page (init scripts, evaluate) then need that helper there too.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name ??= (fn) => fn;';

export async function throttle(session: CDPSession, rate: number): Promise<void> {
  await session.send('Emulation.setCPUThrottlingRate', { rate });
}

/**
 * The CSS selector of the range input labelled by the element whose text is exactly `label` (a <label> of a
 * number field, or the time cursor's <span>): sliders carry `aria-labelledby` = that element's id.
 */
export async function sliderSelector(page: Page, label: string): Promise<string> {
  // The page renders once its language table and first chunks are in, after `load`: wait for the controls.
  await page
    .locator('input[type=range]')
    .first()
    .waitFor({ state: 'attached', timeout: 30_000 })
    .catch(() => undefined);
  const id = await page.evaluate((text) => {
    const ranges = [...document.querySelectorAll<HTMLInputElement>('input[type=range]')];
    for (const el of document.querySelectorAll('[id]')) {
      if (el.textContent?.trim() !== text) continue;
      if (ranges.some((r) => r.getAttribute('aria-labelledby') === el.id)) return el.id;
    }
    return null;
  }, label);
  if (id === null) throw new Error(`no slider labelled “${label}”`);
  return `input[type=range][aria-labelledby="${id}"]`;
}

/** The views (figure.view ids without `view-`) whose plot area is at least partly inside the viewport. */
export async function viewsOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('figure.view')]
      .filter((f) => {
        const plot = f.querySelector('.plot-frame') ?? f;
        const r = plot.getBoundingClientRect();
        return r.height > 0 && r.bottom > 0 && r.top < innerHeight;
      })
      .map((f) => f.id.replace(/^view-/, '')),
  );
}

/** Scrolls the page so that the view `id` starts at the top (below any sticky bar it leaves in place). */
export async function scrollToView(page: Page, id: string): Promise<void> {
  await page.locator(`#view-${id}`).evaluate((el) => {
    const bar = document.querySelector('.time-cursor-bar');
    const sticky =
      bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().height : 0;
    window.scrollTo(0, el.getBoundingClientRect().top + scrollY - 8 - sticky);
  });
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
export const median = (xs: readonly number[]) => quantile(xs, 0.5);
export const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
export const ms = (n: number | null) => (n === null || Number.isNaN(n) ? '—' : `${Math.round(n)} ms`);
export const ms1 = (n: number) => (Number.isNaN(n) ? '—' : `${n.toFixed(1)} ms`);
export const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '—');
export const pad = (s: string, n: number) => s.padEnd(n);
export const lpad = (s: string, n: number) => s.padStart(n);

/** A markdown table, columns padded to their widest cell. */
export function markdownTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (c ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** `vite preview` of the built app in `root` on a free port: its base URL and how to stop it. */
export async function previewApp(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await preview({
    root,
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
