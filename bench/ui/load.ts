// Load marks of the built app: when the β slider exists, when it answers one `input` (the readout's first
// number changes), and when the first, the first two and every plot have drawn a trace.
import type { Browser } from 'playwright-core';
import { KEEP_NAMES_SHIM, TALL, throttle } from './common.ts';

export interface LoadMarks {
  sliderAt: number | null;
  respondedAt: number | null;
  firstPlotAt: number | null;
  twoPlotsAt: number | null;
  allPlotsAt: number | null;
}

/**
 * Installed before any page script. Watches the DOM from the first byte: notes when the β slider exists,
 * (with `poke`) sends it one `input` at once and notes when the readout's first number changes, and notes
 * when the first, the first two (in page order) and every plot have drawn a trace. Times are
 * performance.now(): ms since navigation.
 */
function installLoadProbe({ poke, betaLabel }: { poke: boolean; betaLabel: string }) {
  const marks: LoadMarks = {
    sliderAt: null,
    respondedAt: null,
    firstPlotAt: null,
    twoPlotsAt: null,
    allPlotsAt: null,
  };
  (window as unknown as { __marks: LoadMarks }).__marks = marks;
  let before: string | null = null;
  const firstCell = () => document.querySelector('.pair-readout tbody td');
  const findSlider = (): HTMLInputElement | null => {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent === betaLabel);
    if (!label) return null;
    return (
      [...document.querySelectorAll<HTMLInputElement>('input[type=range]')].find(
        (r) => r.getAttribute('aria-labelledby') === label.id,
      ) ?? null
    );
  };
  const drawn = (plot: Element) =>
    plot.getAttribute('aria-busy') !== 'true' &&
    plot.querySelector('.scatterlayer .trace, .contourlayer .contour') !== null;

  const check = () => {
    const now = performance.now();
    if (marks.sliderAt === null) {
      const slider = findSlider();
      const cell = firstCell();
      if (slider && cell) {
        marks.sliderAt = now;
        if (poke) {
          before = cell.textContent;
          // Set the value through the native setter, as a drag does, so React sees a change.
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
          setter.call(slider, String(Number(slider.value) + 0.25));
          slider.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }
    }
    if (poke && marks.respondedAt === null && before !== null) {
      const cell = firstCell();
      if (cell && cell.textContent !== before) marks.respondedAt = performance.now();
    }
    // A view whose code is still downloading (its placeholder box, aria-busy) counts as a plot not drawn
    // yet, in its place: the first two are the first two views, and "every plot" waits for it.
    const plots = [...document.querySelectorAll('figure.view .plot, .view[aria-busy="true"]')];
    if (plots.length > 0) {
      const done = plots.filter(drawn).length;
      if (done > 0 && marks.firstPlotAt === null) marks.firstPlotAt = now;
      if (plots.length >= 2 && plots.slice(0, 2).every(drawn) && marks.twoPlotsAt === null)
        marks.twoPlotsAt = now;
      if (done === plots.length && marks.allPlotsAt === null) marks.allPlotsAt = now;
    }
    if (marks.allPlotsAt !== null && (!poke || marks.respondedAt !== null)) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

export async function measureLoad(
  browser: Browser,
  url: string,
  rate: number,
  poke: boolean,
  betaLabel: string,
): Promise<LoadMarks> {
  const ctx = await browser.newContext({ viewport: TALL });
  await ctx.addInitScript(KEEP_NAMES_SHIM);
  const page = await ctx.newPage();
  const session = await ctx.newCDPSession(page);
  await throttle(session, rate);
  await page.addInitScript(installLoadProbe, { poke, betaLabel });
  await page.goto(url);
  await page.waitForFunction(
    (p) => {
      const m = (window as unknown as { __marks: LoadMarks }).__marks;
      return m.allPlotsAt !== null && (!p || m.respondedAt !== null);
    },
    poke,
    { timeout: 120_000, polling: 100 },
  );
  const marks = await page.evaluate(() => (window as unknown as { __marks: LoadMarks }).__marks);
  await ctx.close();
  return marks;
}
