// Every lesson of LESSON_LIST, from step 1 to its end, with the keyboard only (→ to move on, a question's
// number key to answer it), in English and Chinese: each step shows its heading and "Step n of N", draws its
// panels (a question step's veiled until answered: they would show the answer) and its formula in KaTeX within
// the text column, raises no alert and no page error, and is saved as test-results/lessons/<lang>-<id>-<n>.png
// for a person to look at. Then axe on a lesson step (and a step's embed) in every theme. Then an instructor's
// own lesson (the example file) opened from its `lessondata=` link and walked with the keyboard, and a built-in
// step opened from a link, embedded in a sandboxed iframe and opened from the offline single file, which
// must show the same heading, text and panels.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { hostPageHtml } from './instructorKit.ts';
import { customLessonHash, readCustomLesson } from '../../src/state/lessons/custom.ts';
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
async function panelsDrawn(p: Page | Frame, panels: readonly LessonPanel[]): Promise<void> {
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
    // The lessons' list (the loader of one's own lesson below it links to the example file).
    const links = page.locator('.lesson-menu-body > ol a');
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

  it('"Open your own lesson…" loads a file, starts it and makes the link its lessondata= link', async () => {
    await page.goto(`${baseUrl}#v=2&theme=dark`);
    await page.getByText(EN.lessonUi.menuButton, { exact: true }).first().click();
    await page.getByText(EN.lessonUi.openOwn, { exact: true }).click();
    await page.locator('.custom-lesson').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const file = fileURLToPath(new URL('../../public/lessons/example-lesson.json', import.meta.url));
    await page.locator('.custom-lesson input[type="file"]').setInputFiles(file);
    const title = (JSON.parse(readFileSync(file, 'utf8')) as { title: string }).title;
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toBe(title);
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 5_000 })
      .toMatch(/lessondata=[A-Za-z0-9_-]+&step=1/);
    // The link, opened afresh, is the same lesson at the same step.
    const link = await page.evaluate(() => location.href);
    await page.goto('about:blank');
    await page.goto(link);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toBe(title);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
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

describe("an instructor's own lesson from its lessondata= link", () => {
  it('the example file opens at step 1 and is walked with the keyboard; Exit leaves it', async () => {
    const text = readFileSync(new URL('../../public/lessons/example-lesson.json', import.meta.url), 'utf8');
    const read = readCustomLesson(text);
    if (!read.ok) throw new Error('the example lesson does not read');
    const lesson = read.lesson;
    const { hash } = customLessonHash(lesson);
    const data = hash.replace(/^#lessondata=/, '');
    const count = lesson.steps.length;
    await open(`${hash}&step=1`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(lesson.title);
    for (let n = 1; n <= count; n++) {
      const step = lesson.steps[n - 1];
      await expect
        .poll(() => page.locator('.lesson-step-heading').textContent(), { timeout: 15_000 })
        .toBe(step.heading);
      await expect
        .poll(() => page.locator('.lesson-nav .lesson-step-of').textContent())
        .toBe(EN.lessonUi.stepOf(n, count));
      // The file's own text, paragraph by paragraph.
      const paragraphs = step.text.split(/\n\s*\n/).map((p) => p.trim());
      expect(await page.locator('.lesson-text .lesson-body').allTextContents()).toEqual(paragraphs);
      await panelsDrawn(page, step.step.panels);
      if (step.step.question && step.question) {
        expect(await page.locator('.lesson-question-prompt').textContent()).toBe(step.question.prompt);
        await page.keyboard.press(String(step.step.question.answer + 1));
        await expect.poll(() => page.locator('.lesson-verdict').textContent()).toContain(EN.lessonUi.right);
        await expect
          .poll(() => page.locator('.lesson-explain').textContent())
          .toContain(step.question.explain);
      }
      expect(await page.locator('[role="alert"]').count()).toBe(0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}custom-${n}.png` });
      // The link keeps the lesson while moving between steps.
      await expect
        .poll(() => page.evaluate(() => location.hash), { timeout: 5_000 })
        .toContain(`lessondata=${data}&step=${n}`);
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(() => page.locator('.lesson-step-heading').textContent())
      .toBe(lesson.steps[count - 2].heading);
    await page.getByRole('button', { name: EN.lessonUi.exit }).click();
    await page.locator('.lesson-menu').waitFor();
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 5_000 })
      .not.toContain('lessondata=');
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('a broken lessondata= says what is wrong (role="alert") and leaves the explorer usable', async () => {
    await page.goto(`${baseUrl}#v=2&lessondata=not*base64&step=2&beta=0.5`);
    const alert = page.locator('[role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain(EN.customLesson.linkProblemsHeading);
    await page.locator('.lesson-menu').waitFor();
    expect(await page.locator('.lesson-step-heading').count()).toBe(0);
  });
});

/** What a lesson step shows: its heading, its text's paragraphs, and which panels it draws. */
async function stepSnapshot(
  scope: Page | Frame,
): Promise<{ heading: string; body: string[]; panels: string[] }> {
  const root = scope.locator('.lesson-panels');
  const panels = await root.evaluate((el) =>
    [...el.querySelectorAll('.pair-readout, .thumbs-readout, .metrics-tables, figure.view')].map(
      (e) => e.id || e.className.split(' ')[0],
    ),
  );
  return {
    heading: (await scope.locator('.lesson-step-heading').textContent()) ?? '',
    body: await scope.locator('.lesson-text .lesson-body').allTextContents(),
    panels,
  };
}

describe('a lesson step from a link, in a sandboxed iframe and in the offline single file', () => {
  // The first built-in step with a view and no question (a question's explanation would wait for an answer).
  const found = LESSON_LIST.flatMap((l) => l.steps.map((st, i) => ({ id: l.id, n: i + 1, st }))).find(
    ({ st }) => !st.question && st.panels.some(isView),
  );
  if (!found) throw new Error('no built-in step with a view and no question');
  const hash = `#v=2&lesson=${found.id}&step=${found.n}`;
  let host: Server;
  let hostOrigin: string;
  let dir: string | undefined;
  beforeAll(async () => {
    host = createServer((req, res) => {
      const h = new URL(req.url ?? '/', 'http://x').searchParams.get('hash') ?? '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(hostPageHtml(baseUrl + h));
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => host?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the same heading, text and panels', async () => {
    // From a link.
    await open(hash);
    await panelsDrawn(page, found.st.panels);
    await page.locator('.lesson-text .lesson-body').first().waitFor();
    const direct = await stepSnapshot(page);
    expect(direct.heading).toBe(EN.lessons[found.id].steps[found.n - 1].heading);
    expect(direct.body.length).toBeGreaterThan(0);
    expect(direct.panels.length).toBe(found.st.panels.length);

    // Embedded: a sandboxed iframe (no same-origin) on another origin's page.
    const hostPage = await session.context.newPage();
    await hostPage.goto(`${hostOrigin}/host.html?hash=${encodeURIComponent(`${hash}&embed=1`)}`);
    const handle = await hostPage.locator('iframe#embed').elementHandle();
    const frame = await handle?.contentFrame();
    if (!frame) throw new Error('the embed has no frame');
    expect(await hostPage.locator('iframe#embed').getAttribute('sandbox')).toBe('allow-scripts');
    await frame.locator('.lesson-step-heading').waitFor({ timeout: 30_000 });
    await panelsDrawn(frame, found.st.panels);
    await frame.locator('.lesson-text .lesson-body').first().waitFor();
    await expect.poll(() => stepSnapshot(frame), { timeout: 15_000 }).toEqual(direct);
    await hostPage.close();

    // The offline single file (as `npm run build:single`), copied alone and opened from file://.
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const { build } = await import('vite');
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ root, mode: 'single', logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    dir = mkdtempSync(join(tmpdir(), 'dpo-lesson-single-'));
    const htmlPath = join(dir, 'index.html');
    copyFileSync(join(root, 'dist-single', 'index.html'), htmlPath);
    const single = await session.context.newPage();
    const singleProblems = watchPage(single, 'file://');
    await single.goto(`${pathToFileURL(htmlPath).href}${hash}`);
    await single.locator('.lesson-step-heading').waitFor({ timeout: 30_000 });
    await panelsDrawn(single, found.st.panels);
    await single.locator('.lesson-text .lesson-body').first().waitFor();
    await expect.poll(() => stepSnapshot(single), { timeout: 15_000 }).toEqual(direct);
    expect(singleProblems.pageErrors).toEqual([]);
    await single.close();
  }, 240_000);
});
