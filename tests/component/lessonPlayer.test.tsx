// The lesson player on its own small lesson (put in place of lesson 'beta', whose facts are just the step
// shown, `t`): navigation by buttons and keys, only the listed controls, predict-then-reveal, the step text
// following the state on screen, "Try it yourself", Exit, and the lesson menu.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { LESSONS, type Lesson, type LessonId } from '../../src/state/lessons/index.ts';
import type { LessonText } from '../../src/i18n/types/lessons.ts';
import type { BetaFacts } from '../../src/i18n/types/lessons/beta.ts';
import { EN } from '../../src/i18n/en/index.ts';
import { ZH } from '../../src/i18n/zh/index.ts';
import { LessonPage } from '../../src/components/lessons/LessonPage.tsx';
import { LessonMenu } from '../../src/components/lessons/LessonMenu.tsx';
import { lessonBaseState, parseHash } from '../../src/state/urlCodec.ts';
import { pickAppState } from '../../src/state/store.ts';
import { renderWithStore } from './renderWithStore.tsx';

const TEST_LESSON: Lesson = {
  id: 'beta',
  steps: [
    { state: 'loss=sigmoid&beta=0.2&t=0', panels: ['readout'], controls: ['beta'] },
    {
      state: 'loss=sigmoid&steps=40&t=0',
      panels: ['metrics'],
      controls: ['time'],
      question: { choices: 3, answer: 1 },
    },
    { state: 'loss=sigmoid,ipo&beta=0.5&t=0', panels: ['readout'], formula: '\\beta' },
  ],
};

// The registry is read by the link reader too, which the test setup has already imported (so vi.mock could
// not reach it): the test lesson takes lesson 'beta''s place in it for this file.
const registry = LESSONS as Record<LessonId, Lesson>;
const original = registry.beta;
beforeAll(() => void (registry.beta = TEST_LESSON));
afterAll(() => void (registry.beta = original));

const TEXT: LessonText<BetaFacts> = {
  title: 'A test lesson',
  summary: 'Three steps to test the player.',
  steps: [
    { heading: 'First', body: (f) => `One.\n\nThe views show step ${f.t}.` },
    {
      heading: 'Second',
      body: (f) => `Two, at step ${f.t}.`,
      question: {
        prompt: 'Where does it go?',
        choices: ['Down', 'Up', 'Nowhere'],
        explain: (f) => `It went up by step ${f.t}.`,
      },
    },
    { heading: 'Third', body: () => 'Three.' },
  ],
};
const TABLES = {
  en: { ...EN, lessons: { ...EN.lessons, beta: TEXT } },
  zh: { ...ZH, lessons: { ...ZH.lessons, beta: { ...TEXT, title: '测试课' } } },
};
const S = EN.lessonUi;
/** The question's live verdict (the metrics panel has status notes of its own). */
const verdict = () => document.querySelector('.lesson-verdict')?.textContent ?? '';

function renderLesson(step: number, viewer: Parameters<typeof renderWithStore>[1] = {}) {
  const r = renderWithStore(<LessonPage id="beta" />, {}, TABLES);
  act(() => {
    r.store.getState().update(viewer);
    r.store.getState().goToLessonStep('beta', step);
  });
  return r;
}

let reduced = true;
beforeEach(() => {
  reduced = true;
  // jsdom has no matchMedia: reduced motion jumps to the revealed step (the playback has its own tests).
  vi.stubGlobal('matchMedia', (q: string) => ({
    matches: q.includes('reduced-motion') ? reduced : false,
    media: q,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the lesson player', () => {
  it("shows the step's heading, text about the state on screen, and its place in the lesson", () => {
    const { store } = renderLesson(1);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('A test lesson');
    expect(screen.getByRole('heading', { level: 2, name: 'First' })).toBeTruthy();
    expect(screen.getAllByText(S.stepOf(1, 3)).length).toBeGreaterThan(0);
    // Paragraphs split on the blank line, the number the views' step.
    expect(screen.getByText('One.').tagName).toBe('P');
    expect(screen.getByText('The views show step 0.')).toBeTruthy();
    act(() => store.getState().update({ t: 7 }));
    expect(screen.getByText('The views show step 7.')).toBeTruthy();
    // The table of contents lists every step, the current one marked.
    const toc = screen.getAllByRole('button').filter((b) => b.classList.contains('lesson-toc-item'));
    expect(toc.map((b) => b.textContent)).toEqual(['First', 'Second', 'Third']);
    expect(toc[0].getAttribute('aria-current')).toBe('step');
  });

  it('shows only the controls the step lists', () => {
    renderLesson(1);
    expect(screen.getByRole('slider', { name: EN.controls.beta.label })).toBeTruthy();
    expect(screen.queryByRole('group', { name: EN.timeCursor.label })).toBeNull();
    expect(screen.queryByRole('group', { name: EN.controls.lossPicker.legend })).toBeNull();
    act(() => screen.getByRole('button', { name: S.next }).click());
    expect(screen.getByRole('group', { name: EN.timeCursor.label })).toBeTruthy();
    expect(screen.queryByRole('slider', { name: EN.controls.beta.label })).toBeNull();
  });

  it('hides every control when the link says controls=0', () => {
    renderLesson(1, { showControls: false });
    expect(screen.queryByRole('slider', { name: EN.controls.beta.label })).toBeNull();
  });

  it("Back and Next load the step's state, keeping the viewer's settings", async () => {
    const { store, user } = renderLesson(1, { theme: 'projector' });
    expect(screen.getByRole('button', { name: S.back })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: S.next }));
    const s = pickAppState(store.getState());
    expect(s).toEqual({ ...lessonBaseState('beta', 2), theme: 'projector' });
    expect(screen.getByRole('heading', { level: 2, name: 'Second' })).toBeTruthy();
    // The new step's heading takes the focus.
    expect(document.activeElement?.textContent).toBe('Second');
    await user.click(screen.getByRole('button', { name: S.back }));
    expect(store.getState().lessonStep).toBe(1);
    expect(store.getState().beta).toBe(0.2);
  });

  it('→ and ← move between steps, but not while a field that uses them has the focus', async () => {
    const { store, user } = renderLesson(1);
    await user.keyboard('{ArrowRight}');
    expect(store.getState().lessonStep).toBe(2);
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(store.getState().lessonStep).toBe(3);
    await user.keyboard('{ArrowLeft}');
    expect(store.getState().lessonStep).toBe(2);
    // The time cursor's slider takes the arrows for itself.
    const slider = within(screen.getByRole('group', { name: EN.timeCursor.label })).getByRole('slider');
    act(() => slider.focus());
    await user.keyboard('{ArrowRight}');
    expect(store.getState().lessonStep).toBe(2);
    expect(store.getState().t).toBe(1);
  });

  it('asks the question at the step’s own t, then reveals the end with the explanation (right answer by key)', async () => {
    const { store, user } = renderLesson(2);
    expect(store.getState().t).toBe(0);
    expect(screen.getByText('Where does it go?')).toBeTruthy();
    expect(screen.queryByText(/It went up/)).toBeNull();
    await user.keyboard('2');
    expect(verdict()).toContain(S.right);
    expect(store.getState().t).toBe(40);
    expect(screen.getByText('It went up by step 40.')).toBeTruthy();
    // Re-entering the step asks again, from its own t.
    await user.keyboard('{ArrowRight}{ArrowLeft}');
    expect(store.getState().t).toBe(0);
    expect(screen.queryByText(/It went up/)).toBeNull();
    expect(
      screen.getAllByRole('button', { pressed: false }).filter((b) => b.classList.contains('lesson-choice')),
    ).toHaveLength(3);
  });

  it('a wrong answer says which is right; with motion the training plays to the end first', async () => {
    reduced = false;
    vi.useFakeTimers({ shouldAdvanceTime: false, toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { store } = renderLesson(2);
    act(() => screen.getByRole('button', { name: /Down/ }).click());
    expect(verdict()).toContain(S.wrong('Up'));
    expect(verdict()).toContain(S.revealing);
    expect(screen.queryByText(/It went up/)).toBeNull();
    act(() => vi.advanceTimersByTime(3000));
    const mid = store.getState().t;
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeLessThan(40);
    act(() => vi.advanceTimersByTime(4000));
    expect(store.getState().t).toBe(40);
    expect(screen.getByText('It went up by step 40.')).toBeTruthy();
  });

  it('the last step links to the free explorer at its state; every step has the quiet link', () => {
    const { store } = renderLesson(1);
    const quiet = screen.getByRole('link', { name: S.tryItQuiet });
    expect(parseHash(quiet.getAttribute('href') ?? '').state).toEqual({
      ...pickAppState(store.getState()),
      lesson: '',
      lessonStep: 1,
    });
    act(() => store.getState().goToLessonStep('beta', 3));
    const link = screen.getByRole('link', { name: S.tryIt });
    const href = link.getAttribute('href') ?? '';
    expect(href).not.toMatch(/lesson=|step=/);
    const { state, notices } = parseHash(href);
    expect(notices).toEqual([]);
    expect(state).toEqual({ ...lessonBaseState('beta', 3), lesson: '', lessonStep: 1 });
    expect(state.losses).toEqual(['sigmoid', 'ipo']);
    expect(screen.getByRole('button', { name: S.next })).toHaveProperty('disabled', true);
  });

  it('Exit leaves the lesson at the state on screen', async () => {
    const { store, user } = renderLesson(3);
    await user.click(screen.getByRole('button', { name: S.exit }));
    expect(store.getState().lesson).toBe('');
    expect(store.getState().losses).toEqual(['sigmoid', 'ipo']);
  });

  it('speaks Chinese when the page does', () => {
    renderLesson(1, { lang: 'zh' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('测试课');
    expect(screen.getByRole('button', { name: ZH.lessonUi.next })).toBeTruthy();
  });
});

describe('the lesson menu', () => {
  it('lists every lesson with its title and summary, each a link to its step 1 that loads it', async () => {
    const { store, user } = renderWithStore(<LessonMenu />, { theme: 'dark' }, TABLES);
    // The lessons' list (the loader of one's own lesson below it links to the example file).
    const list = document.querySelector('.lesson-menu-body > ol');
    expect(list).not.toBeNull();
    const links = within(list as HTMLElement).getAllByRole('link', { hidden: true });
    expect(links.length).toBe(Object.keys(EN.lessons).length);
    const ours = screen.getByRole('link', { name: 'A test lesson', hidden: true });
    expect(parseHash(ours.getAttribute('href') ?? '').state).toEqual({
      ...lessonBaseState('beta', 1),
      theme: 'dark',
    });
    expect(screen.getByText('Three steps to test the player.')).toBeTruthy();
    await user.click(screen.getByText(S.menuButton, { selector: 'summary' }));
    await user.click(ours);
    expect(store.getState().lesson).toBe('beta');
    expect(store.getState().lessonStep).toBe(1);
  });
});
