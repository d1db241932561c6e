// Every lesson of LESSON_LIST, from step 1 to its end, with the keyboard only (→ to move on, a question's
// number key to answer it), in English and Chinese: each step shows its heading and "Step n of N", draws its
// panels (a question step's veiled until answered: they would show the answer) and its formula in KaTeX within
// the text column, raises no alert and no page error, and is saved as test-results/lessons/<lang>-<id>-<n>.png
// for a person to look at. Then axe on a lesson step (and a step's embed) in every theme.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchPage, type PageProblems } from './browser.ts';
import { seriousViolations } from './app.ts';
import { baseUrl, origin, setUpBrowser } from './session.ts';
import { LESSON_LIST, type LessonPanel } from '../../src/state/lessons/index.ts';
import { VIEW_IDS } from '../../src/state/viewIds.ts';
import { EN } from '../../src/i18n/en/index.ts';
import { ZH } from '../../src/i18n/zh/index.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/lessons/', import.meta.url));
const TABLES = { en: EN, zh: ZH } as const;

const session = setUpBrowser({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  page = await session.context.newPage();
  problems = watchPage(page, origin);
});
afterAll(async () => {
  await page?.close();
});

const isView = (p: LessonPanel): p is (typeof VIEW_IDS)[number] =>
  (VIEW_IDS as readonly string[]).includes(p);

/** Waits until the step's panels are drawn: each view's plot, the readout's table, the TRL tables. */
async function panelsDrawn(p: Page, panels: readonly LessonPanel[]): Promise<void> {
  for (const panel of panels) {
    const root = p.locator('.lesson-panels');
    const target = isView(panel)
      ? root.locator(`#view-${panel} .js-plotly-plot svg.main-svg`).first()
      : panel === 'readout'
        ? root.locator('.pair-readout, .thumbs-readout').first()
        : root.locator('.metrics-tables').first();
    await target.waitFor({ state: 'attached', timeout: 30_000 });
  }
}

async function open(hash: string): Promise<void> {
  await page.goto(`${baseUrl}${hash}`);
  await page.locator('.lesson-step-heading').waitFor({ state: 'visible', timeout: 30_000 });
}

describe('every lesson, keyboard only', () => {
  for (const lang of ['en', 'zh'] as const) {
    for (const lesson of LESSON_LIST) {
      it(`${lesson.id} in ${lang}`, async () => {
        const T = TABLES[lang];
        const text = T.lessons[lesson.id];
        const count = lesson.steps.length;
        await open(`#v=2&lesson=${lesson.id}&step=1&lang=${lang}`);
        await expect.poll(() => page.locator('h1').textContent()).toBe(text.title);
        for (let n = 1; n <= count; n++) {
          const step = lesson.steps[n - 1];
          const heading = page.locator('.lesson-step-heading');
          await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toBe(text.steps[n - 1].heading);
          await expect
            .poll(() => page.locator('.lesson-nav .lesson-step-of').textContent())
            .toBe(T.lessonUi.stepOf(n, count));
          await panelsDrawn(page, step.panels);
          if (step.formula) {
            // Rendered by KaTeX (not raw TeX), and as wide as the text column at most: a cut formula on a
            // slide reads as a different one.
            const box = page.locator('.lesson-formula');
            await box.locator('.katex').first().waitFor({ state: 'attached', timeout: 15_000 });
            const [scroll, client] = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
            expect
              .soft(scroll, `${lesson.id} step ${n}: the formula's width`)
              .toBeLessThanOrEqual(client + 1);
          }
          if (step.question) {
            // Predict first: until answered the panels (which would show the answer) are veiled.
            await expect.poll(() => page.locator('.lesson-veil').isVisible()).toBe(true);
            expect(await page.locator('.lesson-veiled > .lesson-panel').first().isVisible()).toBe(false);
            await page.screenshot({ path: `${SHOTS}${lang}-${lesson.id}-${n}-asked.png` });
            // Answer with the right choice's number key; with reduced motion the cursor jumps to the reveal.
            await page.keyboard.press(String(step.question.answer + 1));
            await expect
              .poll(() => page.locator('.lesson-verdict').textContent())
              .toContain(T.lessonUi.right);
            if (text.steps[n - 1].question) await page.locator('.lesson-explain').waitFor();
            await panelsDrawn(page, step.panels);
            expect(await page.locator('.lesson-veil').count()).toBe(0);
            expect(await page.locator('.lesson-panels .lesson-panel').first().isVisible()).toBe(true);
          }
          // The reading at the top: nothing the page could not use, nothing thrown.
          expect(await page.locator('[role="alert"]').count()).toBe(0);
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({ path: `${SHOTS}${lang}-${lesson.id}-${n}.png` });
          await page.keyboard.press('ArrowRight');
          if (n < count)
            await expect
              .poll(() => page.evaluate(() => location.hash), { timeout: 5_000 })
              .toContain(`step=${n + 1}`);
        }
        // A question answered, left and come back to asks again: its panels veiled again (not a stale answer).
        if (count > 1 && lesson.steps[count - 1].question) {
          await page.keyboard.press('ArrowLeft');
          await expect.poll(() => page.evaluate(() => location.hash)).toContain(`step=${count - 1}`);
          await page.keyboard.press('ArrowRight');
          await expect.poll(() => page.evaluate(() => location.hash)).toContain(`step=${count}`);
          await expect.poll(() => page.locator('.lesson-veil').isVisible()).toBe(true);
          expect(await page.locator('.lesson-verdict').textContent()).toBe('');
        }
        // The last step offers the free explorer at its state.
        const tryIt = page.getByRole('link', { name: T.lessonUi.tryIt });
        expect(await tryIt.getAttribute('href')).not.toMatch(/lesson=/);
        expect(problems.pageErrors).toEqual([]);
        expect(problems.consoleErrors).toEqual([]);
        expect(problems.foreignRequests).toEqual([]);
      });
    }
  }
});

describe('formulas in the projector theme', () => {
  it('every step’s formula fits its text column at 1280 px in the large type (no sideways scroll)', async () => {
    for (const lesson of LESSON_LIST)
      for (const [i, step] of lesson.steps.entries()) {
        if (!step.formula) continue;
        await open(`#v=2&lesson=${lesson.id}&step=${i + 1}&theme=projector`);
        const box = page.locator('.lesson-formula');
        await box.locator('.katex').first().waitFor({ state: 'attached', timeout: 15_000 });
        const [scroll, client] = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
        expect.soft(scroll, `${lesson.id} step ${i + 1}`).toBeLessThanOrEqual(client + 1);
      }
  });
});

describe('the lesson menu on the normal page', () => {
  it('lists every lesson; following one opens its step 1, with no violation', async () => {
    await page.goto(`${baseUrl}#v=2&theme=projector`);
    await page.getByText(EN.lessonUi.menuButton, { exact: true }).first().click();
    const links = page.locator('.lesson-menu-body a');
    await expect.poll(() => links.count()).toBe(LESSON_LIST.length);
    expect(await seriousViolations(page)).toEqual([]);
    await links.first().click();
    await page.locator('.lesson-step-heading').waitFor();
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 5_000 })
      .toContain(`lesson=${LESSON_LIST[0].id}&step=1`);
    // Exit: the free explorer at the step's state.
    await page.getByRole('button', { name: EN.lessonUi.exit }).click();
    await page.locator('.lesson-menu').waitFor();
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 5_000 }).not.toContain('lesson=');
  });
});

describe('accessibility of a lesson step (axe)', () => {
  const [first] = LESSON_LIST;
  it.each(['light', 'dark', 'projector'])(
    'the %s theme has no serious or critical violation',
    async (theme) => {
      await open(`#v=2&lesson=${first.id}&step=1&theme=${theme}`);
      await panelsDrawn(page, first.steps[0].panels);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}theme-${theme}.png` });
      // The step's embed, at slide size as an iframe would show it.
      await page.setViewportSize({ width: 1280, height: 720 });
      await open(`#v=2&lesson=${first.id}&step=1&theme=${theme}&embed=1`);
      await panelsDrawn(page, first.steps[0].panels);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}embed-${theme}.png` });
      await page.setViewportSize({ width: 1280, height: 800 });
    },
  );
});
