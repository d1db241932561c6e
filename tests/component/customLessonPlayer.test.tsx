// An instructor's own lesson in the player: loaded from a file in the Lessons menu, it starts at once (the
// state becomes its `lessondata=` link); the player shows the file's own words whatever the page's language
// (its chrome follows the page), moves with Next and the keys, asks the file's question before revealing,
// links to the free explorer, and Exit leaves it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { EN } from '../../src/i18n/en/index.ts';
import { ZH } from '../../src/i18n/zh/index.ts';
import { LessonPage } from '../../src/components/lessons/LessonPage.tsx';
import { LessonMenu } from '../../src/components/lessons/LessonMenu.tsx';
import { useStore } from '../../src/components/storeContext.tsx';
import { customLessonBaseState, parseHash, stateToHash } from '../../src/state/urlCodec.ts';
import { pickAppState, useAppStore } from '../../src/state/store.ts';
import { NoticeBanner } from '../../src/components/shell/NoticeBanner.tsx';
import { loadedCustomLesson, setLoadedCustomLesson } from '../../src/state/lessons/loaded.ts';
import { renderWithStore } from './renderWithStore.tsx';

const LESSON = {
  title: 'My lecture on β',
  summary: 'Three steps.',
  steps: [
    {
      heading: 'Where we start',
      text: 'First paragraph.\n\nSecond paragraph.',
      state: 'loss=sigmoid&beta=0.2&t=0',
      panels: ['readout'],
      controls: ['beta'],
    },
    {
      heading: 'Predict',
      text: 'Train it.',
      state: 'loss=sigmoid&steps=40&t=0',
      panels: ['metrics'],
      controls: ['time'],
      question: {
        prompt: 'Does the margin grow?',
        choices: ['No', 'Yes'],
        answer: 1,
        explain: 'It grows: the gradient pushes y_w up and y_l down.',
      },
    },
    { heading: 'The end', text: 'Done.', state: 'loss=sigmoid,ipo&beta=0.5', panels: ['readout'] },
  ],
};
const FILE = new File([JSON.stringify(LESSON)], 'lecture.json', { type: 'application/json' });

/** As App: the lesson player while a lesson is on, else the page's Lessons menu. */
function Page() {
  const lesson = useStore((s) => s.lesson);
  return lesson ? <LessonPage id={lesson} /> : <LessonMenu />;
}

beforeEach(() => {
  setLoadedCustomLesson(null);
  // jsdom has no matchMedia: reduced motion jumps to the revealed step.
  vi.stubGlobal('matchMedia', (q: string) => ({
    matches: q.includes('reduced-motion'),
    media: q,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
});
afterEach(() => vi.unstubAllGlobals());

async function loadFromMenu(lang: 'en' | 'zh' = 'en') {
  const r = renderWithStore(<Page />, { lang, theme: 'projector' });
  const S = lang === 'en' ? EN : ZH;
  await r.user.click(screen.getByText(S.lessonUi.menuButton, { selector: 'summary' }));
  await r.user.click(screen.getByText(S.lessonUi.openOwn, { selector: 'summary' }));
  await r.user.upload(screen.getByLabelText(S.customLesson.chooseFile), FILE);
  await screen.findByRole('heading', { level: 1, name: LESSON.title });
  return r;
}

describe('an instructor’s lesson in the player', () => {
  it('loads from the Lessons menu and starts at step 1, its link the lessondata= link', async () => {
    const { store } = await loadFromMenu();
    expect(screen.getByRole('heading', { level: 2, name: 'Where we start' })).toBeTruthy();
    expect(screen.getByText('First paragraph.').tagName).toBe('P');
    expect(screen.getByText('Second paragraph.')).toBeTruthy();
    expect(screen.getAllByText(EN.lessonUi.stepOf(1, 3)).length).toBeGreaterThan(0);
    // Only the step's controls; the viewer's theme kept.
    expect(screen.getByRole('slider', { name: EN.controls.beta.label })).toBeTruthy();
    const loaded = loadedCustomLesson();
    expect(loaded?.lesson.title).toBe(LESSON.title);
    const state = pickAppState(store.getState());
    expect(state).toEqual({ ...customLessonBaseState(loaded!.lesson, 1), theme: 'projector' });
    const hash = stateToHash(state);
    expect(hash).toContain(`lessondata=${loaded!.data}&step=1`);
    expect(parseHash(hash).state).toEqual(state);
    // The table of contents lists the file's headings.
    const toc = screen.getAllByRole('button').filter((b) => b.classList.contains('lesson-toc-item'));
    expect(toc.map((b) => b.textContent)).toEqual(LESSON.steps.map((s) => s.heading));
  });

  it('Next and the keys move between steps; the question is asked, then revealed with its explanation', async () => {
    const { store, user } = await loadFromMenu();
    await user.click(screen.getByRole('button', { name: EN.lessonUi.next }));
    expect(screen.getByRole('heading', { level: 2, name: 'Predict' })).toBeTruthy();
    expect(store.getState().lessonStep).toBe(2);
    expect(store.getState().steps).toBe(40);
    expect(stateToHash(pickAppState(store.getState()))).toContain('&step=2');
    expect(screen.getByText('Does the margin grow?')).toBeTruthy();
    expect(screen.queryByText(/It grows/)).toBeNull();
    await user.click(screen.getByRole('button', { name: /Yes/ }));
    expect(document.querySelector('.lesson-verdict')?.textContent).toContain(EN.lessonUi.right);
    expect(store.getState().t).toBe(40);
    expect(screen.getByText('It grows: the gradient pushes y_w up and y_l down.')).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('heading', { level: 2, name: 'The end' })).toBeTruthy();
    // The last step: "Try it yourself", the free explorer at its state (no lesson in the link).
    const tryIt = screen.getByRole('link', { name: EN.lessonUi.tryIt }).getAttribute('href') ?? '';
    expect(tryIt).not.toMatch(/lessondata|step=/);
    expect(parseHash(tryIt).state).toEqual({ ...pickAppState(store.getState()), lesson: '', lessonStep: 1 });
    await user.keyboard('{ArrowLeft}');
    expect(store.getState().lessonStep).toBe(2);
  });

  it('shows the file’s words as written in a Chinese page, the chrome in Chinese; Exit leaves it', async () => {
    const { store, user } = await loadFromMenu('zh');
    expect(screen.getByRole('heading', { level: 2, name: 'Where we start' })).toBeTruthy();
    expect(screen.getByRole('button', { name: ZH.lessonUi.next })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: ZH.lessonUi.exit }));
    expect(store.getState().lesson).toBe('');
    expect(stateToHash(pickAppState(store.getState()))).not.toContain('lessondata');
    // Back on the page with its menu.
    expect(screen.getByText(ZH.lessonUi.menuButton, { selector: 'summary' })).toBeTruthy();
  });
});

describe('the words’ own language', () => {
  it('marks the lesson’s words with its `lang` in a page of another language, and not the player’s own', async () => {
    const english = new File([JSON.stringify({ ...LESSON, lang: 'en' })], 'en.json', {
      type: 'application/json',
    });
    const r = renderWithStore(<Page />, { lang: 'zh', theme: 'projector' });
    await r.user.click(screen.getByText(ZH.lessonUi.menuButton, { selector: 'summary' }));
    await r.user.click(screen.getByText(ZH.lessonUi.openOwn, { selector: 'summary' }));
    await r.user.upload(screen.getByLabelText(ZH.customLesson.chooseFile), english);
    const title = await screen.findByRole('heading', { level: 1, name: LESSON.title });
    expect(title.getAttribute('lang')).toBe('en');
    expect(screen.getByRole('heading', { level: 2, name: 'Where we start' }).getAttribute('lang')).toBe('en');
    expect(screen.getByText('First paragraph.').closest('[lang]')?.getAttribute('lang')).toBe('en');
    // The player's own words follow the page.
    expect(
      screen.getByRole('button', { name: ZH.lessonUi.next }).closest('[lang]')?.getAttribute('lang'),
    ).not.toBe('en');
    await r.user.click(screen.getByRole('button', { name: ZH.lessonUi.next }));
    expect(screen.getByText('Does the margin grow?').getAttribute('lang')).toBe('en');
  });
});

describe('a bad lessondata= link', () => {
  it('lists the reader’s problems in plain words in the notice banner (role="alert"), in the page’s language', () => {
    useAppStore.getState().loadHash('#lessondata=not*base64&beta=0.5');
    expect(useAppStore.getState().lesson).toBe('');
    expect(useAppStore.getState().beta).toBe(0.5);
    renderWithStore(<NoticeBanner />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(EN.customLesson.linkProblemsHeading);
    expect(alert.textContent).toContain(EN.customLesson.problem({ kind: 'bad-link', field: '' }));
    act(() => useAppStore.getState().dismissNotices());
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => useAppStore.getState().loadHash(''));
  });
});
