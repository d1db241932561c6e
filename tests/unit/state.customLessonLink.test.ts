// An instructor's lesson in the app's state (lesson 'custom', the lesson held beside it: lessons/loaded.ts):
// a `lessondata=` link opens it at its step, each step's state is exactly its `state` read as a link, the
// link writer writes the same `lessondata=` back (moving between steps, with changes), Exit and "Try it
// yourself" drop it, and a bad `lessondata=` (hostile or merely wrong) gives the reader's problems while the
// rest of the link is used and the state stays valid.
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  CUSTOM_LESSON_LIMITS,
  customLessonHash,
  readCustomLesson,
  type CustomLesson,
} from '../../src/state/lessons/custom.ts';
import {
  CUSTOM_LESSON_ID,
  loadedCustomLesson,
  setLoadedCustomLesson,
} from '../../src/state/lessons/loaded.ts';
import { customLessonBaseState, lessonBaseState, parseHash, stateToHash } from '../../src/state/urlCodec.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import { createAppStore, pickAppState } from '../../src/state/store.ts';
import { tryItHref } from '../../src/components/lessons/lessonLinks.ts';
import { expectValidState } from '../helpers/stateArbitraries.ts';

const EXAMPLE = readFileSync(new URL('../../public/lessons/example-lesson.json', import.meta.url), 'utf8');

function example(): CustomLesson {
  const r = readCustomLesson(EXAMPLE);
  if (!r.ok) throw new Error('the example lesson does not read');
  return r.lesson;
}

/** The `lessondata=` value of a lesson (as the loader's "Make a link" writes it). */
const dataOf = (lesson: CustomLesson) => customLessonHash(lesson).hash.replace(/^#lessondata=/, '');

/** base64url of UTF-8 text, as a hostile link would carry it. */
const b64 = (text: string) =>
  Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

// The loaded lesson is the page's one: each test starts with none.
beforeEach(() => setLoadedCustomLesson(null));

describe('a lessondata= link', () => {
  it('opens the lesson at its step, each step exactly its state read as a link', () => {
    const lesson = example();
    const data = dataOf(lesson);
    lesson.steps.forEach((st, i) => {
      const parsed = parseHash(`#lessondata=${data}&step=${i + 1}`);
      expect(parsed.notices).toEqual([]);
      expect(parsed.lessonProblems).toBeUndefined();
      expect(parsed.custom?.data).toBe(data);
      expect(parsed.custom?.lesson).toEqual(lesson);
      expect(parsed.state).toEqual({
        ...parseHash(st.step.state).state,
        lesson: CUSTOM_LESSON_ID,
        lessonStep: i + 1,
      });
    });
    // Without `step=` it is step 1; past the last, the last (said as a clamp of `step`).
    expect(parseHash(`#lessondata=${data}`).state.lessonStep).toBe(1);
    const past = parseHash(`#lessondata=${data}&step=9`);
    expect(past.state.lessonStep).toBe(lesson.steps.length);
    expect(past.notices).toEqual([
      { kind: 'clamped', key: 'step', given: '9', used: String(lesson.steps.length) },
    ]);
  });

  it('is the base the rest of the link changes, and a `lesson=` beside it is not read', () => {
    const lesson = example();
    const data = dataOf(lesson);
    const { state, notices } = parseHash(`#lesson=beta&step=2&lessondata=${data}&beta=0.5&theme=dark`);
    expect(notices).toEqual([]);
    expect(state).toEqual({ ...customLessonBaseState(lesson, 2), beta: 0.5, theme: 'dark' });
  });

  it('round-trips through the store and the link writer, moving between steps, and Exit drops it', () => {
    const lesson = example();
    const store = createAppStore();
    store.getState().openCustomLesson(lesson);
    expect(loadedCustomLesson()?.lesson).toBe(lesson);
    expect(store.getState().customLesson?.lesson).toBe(lesson);
    const data = dataOf(lesson);
    const hashes: string[] = [];
    for (let n = 1; n <= lesson.steps.length; n++) {
      store.getState().goToLessonStep(CUSTOM_LESSON_ID, n);
      const state = pickAppState(store.getState());
      expect(state).toEqual(customLessonBaseState(lesson, n));
      const hash = stateToHash(state);
      // The step is its base: only the lesson and step are written.
      expect(hash).toBe(`#v=2&lessondata=${data}&step=${n}`);
      hashes.push(hash);
      // Read back by a fresh page (nothing loaded), the same state and the same lesson.
      setLoadedCustomLesson(null);
      const back = parseHash(hash);
      expect(back.state).toEqual(state);
      expect(back.custom?.lesson).toEqual(lesson);
      setLoadedCustomLesson({ data, lesson });
    }
    expect(new Set(hashes).size).toBe(lesson.steps.length);

    // A change within a step is written after the lesson and step, and read back.
    store.getState().update({ beta: 0.25, t: 3 });
    const changed = stateToHash(pickAppState(store.getState()));
    expect(changed).toMatch(new RegExp(`^#v=2&lessondata=${data}&step=3&`));
    expect(changed).toContain('beta=0.25');
    const fresh = createAppStore();
    setLoadedCustomLesson(null);
    fresh.getState().loadHash(changed);
    expect(pickAppState(fresh.getState())).toEqual(pickAppState(store.getState()));
    expect(fresh.getState().customLesson?.data).toBe(data);

    // "Try it yourself": the free explorer at the step's state, no lesson data in it.
    const tryIt = tryItHref(pickAppState(store.getState()));
    expect(tryIt).not.toContain('lessondata');
    expect(parseHash(tryIt).state).toEqual({
      ...pickAppState(store.getState()),
      lesson: '',
      lessonStep: 1,
    });

    store.getState().exitLesson();
    expect(store.getState().lesson).toBe('');
    expect(stateToHash(pickAppState(store.getState()))).not.toContain('lessondata');
  });

  it('a new lesson (a file loaded, another link) replaces the page lesson', () => {
    const a = example();
    const b: CustomLesson = { ...a, title: 'Another', steps: a.steps.slice(0, 1) };
    const store = createAppStore();
    store.getState().openCustomLesson(a);
    store.getState().goToLessonStep(CUSTOM_LESSON_ID, 3);
    store.getState().loadHash(`#lessondata=${dataOf(b)}&step=1`);
    expect(store.getState().customLesson?.lesson.title).toBe('Another');
    expect(store.getState().lesson).toBe(CUSTOM_LESSON_ID);
    // A step the new lesson does not have is clamped to its last.
    store.getState().goToLessonStep(CUSTOM_LESSON_ID, 3);
    expect(store.getState().lessonStep).toBe(1);
  });
});

describe("what a step's own state could not use", () => {
  it('is said while that step is on screen, as a link notice', () => {
    const text = JSON.stringify({
      title: 'T',
      steps: [
        { heading: 'one', panels: ['loss'], state: 'beta=0.5' },
        { heading: 'two', panels: ['loss'], state: 'beta=99&nonsense=1' },
      ],
    });
    const read = readCustomLesson(text);
    if (!read.ok) throw new Error('the test lesson does not read');
    const store = createAppStore();
    store.getState().openCustomLesson(read.lesson);
    expect(store.getState().notices).toEqual([]);
    store.getState().goToLessonStep(CUSTOM_LESSON_ID, 2);
    expect(
      store
        .getState()
        .notices.map((n) => `${n.kind}:${n.key}`)
        .sort(),
    ).toEqual(['clamped:beta', 'unknown-key:nonsense']);
    store.getState().goToLessonStep(CUSTOM_LESSON_ID, 1);
    expect(store.getState().notices).toEqual([]);
    // Opened from its link at step 2: the step's notices, then the link's own.
    store.getState().loadHash(`#lessondata=${dataOf(read.lesson)}&step=2&what=1`);
    expect(store.getState().notices.map((n) => n.key)).toEqual([
      ...read.lesson.steps[1].notices.map((n) => n.key),
      'what',
    ]);
  });
});

describe('a bad lessondata=', () => {
  const cases: [string, string, string][] = [
    ['not base64url', 'ab$cd', 'bad-link'],
    ['base64url, but not UTF-8', b64('x').slice(0, 1) + '_w', 'bad-link'],
    ['not JSON', b64('{"title": "x", steps: []}'), 'not-json'],
    ['JSON, not an object', b64('[1, 2]'), 'not-object'],
    ['over the size limit', 'A'.repeat(Math.ceil((CUSTOM_LESSON_LIMITS.bytes * 4) / 3) + 4), 'too-large'],
    ['a bad step', b64('{"title": "x", "steps": [{"heading": "h", "panels": ["plots"]}]}'), 'unknown-panel'],
  ];
  for (const [name, value, kind] of cases)
    it(`${name}: its problem, the rest of the link used, no lesson`, () => {
      const { state, notices, lessonProblems, custom } = parseHash(`#lessondata=${value}&step=2&beta=0.5`);
      expect(custom).toBeUndefined();
      expect(lessonProblems?.map((p) => p.kind)).toContain(kind);
      // `step=` belonged to the bad lesson: not said again as a step without a lesson.
      expect(notices).toEqual([]);
      expect(state).toEqual({ ...parseHash('#beta=0.5').state });
      expectValidState(state);
    });

  it('a bad step is said with its step number', () => {
    const text = JSON.stringify({
      title: 'T',
      steps: [
        { heading: 'one', panels: ['loss'] },
        { heading: 'two', panels: ['loss'], question: { prompt: 'p', choices: ['a', 'b'], answer: 5 } },
      ],
    });
    const { lessonProblems } = parseHash(`#lessondata=${b64(text)}`);
    expect(lessonProblems).toEqual([{ kind: 'bad-answer', field: 'question.answer', step: 2, given: '5' }]);
  });

  it('in the store: problems shown beside the notices, a built-in lesson of the link still opens', () => {
    const store = createAppStore();
    store.getState().loadHash('#lessondata=%%%&lesson=beta&step=2&nonsense=1');
    expect(store.getState().lessonProblems.map((p) => p.kind)).toEqual(['bad-link']);
    expect(store.getState().notices.map((n) => n.kind)).toEqual(['unknown-key']);
    expect(pickAppState(store.getState())).toEqual(lessonBaseState('beta', 2));
    store.getState().dismissNotices();
    expect(store.getState().lessonProblems).toEqual([]);
    expect(store.getState().notices).toEqual([]);
  });

  it('never throws, whatever the value, and the state stays valid', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.jsonValue({ maxDepth: 4 }).map((v) => b64(JSON.stringify(v) ?? '')),
          fc.string({ maxLength: 200 }).map(b64),
        ),
        fc.integer({ min: -3, max: 60 }),
        (value, step) => {
          const parsed = parseHash(`#lessondata=${value}&step=${step}`);
          expectValidState(parsed.state);
          expect(parsed.custom !== undefined || parsed.lessonProblems !== undefined).toBe(true);
        },
      ),
    );
  });
});

describe('the custom lesson in the state', () => {
  it('is dropped by the sanitiser when no lesson is loaded, its step clamped to the loaded one', () => {
    const base = parseHash('').state;
    expect(applyPatch({ ...base, lesson: CUSTOM_LESSON_ID, lessonStep: 2 }, {}).lesson).toBe('');
    const lesson = example();
    setLoadedCustomLesson({ data: dataOf(lesson), lesson });
    const kept = applyPatch({ ...base, lesson: CUSTOM_LESSON_ID, lessonStep: 3 }, { lessonStep: 40 });
    expect(kept.lesson).toBe(CUSTOM_LESSON_ID);
    expect(kept.lessonStep).toBe(lesson.steps.length);
    // `lesson=custom` is not a way to name it: its data is `lessondata=`.
    expect(parseHash('#lesson=custom&step=2').state.lesson).toBe('');
  });
});
