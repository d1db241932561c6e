// Playing the time cursor: press Play and, until it stops by itself, count the animation frames, the frames
// that showed a new cursor value, the distinct values shown, and the plot draws and long tasks meanwhile.
import type { Page } from 'playwright-core';
import { pageNow, spansBetween, type Span } from './probe.ts';

export interface PlayResult {
  /** ms from the click until the button showed Play again. */
  duration: number;
  /** requestAnimationFrame callbacks (frames the page produced). */
  frames: number;
  /** Frames whose cursor value differed from the frame before. */
  newValueFrames: number;
  /** Distinct cursor values seen in frames. */
  distinctValues: number;
  longTasks: Span[];
  draws: Span[];
  patches: Span[];
}

/** `slider` is the time cursor's range input, `play` its Play button (found by their English labels). */
export async function measurePlay(page: Page, slider: string, playName: string): Promise<PlayResult> {
  const from = await pageNow(page);
  const sampling = page.locator(slider).evaluate((el: HTMLInputElement) => {
    return new Promise<{ frames: number; newValueFrames: number; distinctValues: number; end: number }>(
      (resolve) => {
        const bar = el.closest('[role=group]');
        const button = bar?.querySelector('button[aria-pressed]');
        const seen = new Set<string>();
        let frames = 0;
        let newValueFrames = 0;
        let last = el.value;
        let started = false;
        const t0 = performance.now();
        const tick = () => {
          frames++;
          const v = el.value;
          if (v !== last) newValueFrames++;
          last = v;
          seen.add(v);
          const playing = button?.getAttribute('aria-pressed') === 'true';
          if (playing) started = true;
          if ((started && !playing) || performance.now() - t0 > 30_000)
            resolve({ frames, newValueFrames, distinctValues: seen.size, end: performance.now() });
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      },
    );
  });
  await page
    .locator('[role=group]')
    .filter({ has: page.locator(slider) })
    .getByRole('button', { name: playName })
    .click();
  const clicked = await pageNow(page);
  const r = await sampling;
  const { longTasks, draws, patches } = await spansBetween(page, from, r.end);
  return {
    duration: r.end - clicked,
    frames: r.frames,
    newValueFrames: r.newValueFrames,
    distinctValues: r.distinctValues,
    longTasks,
    draws,
    patches,
  };
}
