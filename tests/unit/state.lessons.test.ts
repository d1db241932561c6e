// Lesson links (`lesson=<id>&step=<n>`, CONVENTIONS §9): the step's state is the base the rest of the link
// changes, a written lesson state reads back exactly, and hostile lesson links are clamped or dropped with
// a notice while the rest of the link applies. Generic over LESSON_LIST, so it checks every lesson's data.
import { describe, expect, it } from 'vitest';
import { LESSON_LIST, LESSONS, LESSON_IDS } from '../../src/state/lessons/index.ts';
import { VIEW_IDS } from '../../src/state/viewIds.ts';
import { lessonBaseState, parseHash, stateToHash } from '../../src/state/urlCodec.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { createAppStore } from '../../src/state/store.ts';
import { lessonStepCount } from '../../src/state/lessons/loaded.ts';
import { EN } from '../../src/i18n/en/index.ts';
import { ZH } from '../../src/i18n/zh/index.ts';
import { expectValidState } from '../helpers/stateArbitraries.ts';

const [FIRST] = LESSON_IDS;

describe('every lesson step', () => {
  it('is a link the reader takes whole (no notice), and its panels and text fit the data', () => {
    for (const lesson of LESSON_LIST) {
      expect(lesson.steps.length).toBeGreaterThan(0);
      lesson.steps.forEach((step, i) => {
        const where = `${lesson.id} step ${i + 1}`;
        expect(parseHash(step.state).notices, where).toEqual([]);
        expect(step.panels.length, where).toBeGreaterThan(0);
        for (const panel of step.panels) expect([...VIEW_IDS, 'metrics', 'readout'], where).toContain(panel);
        for (const table of [EN, ZH]) {
          const text = table.lessons[lesson.id].steps[i];
          expect(text, where).toBeDefined();
          if (step.question) {
            expect(text.question?.choices.length, where).toBe(step.question.choices);
            expect(step.question.answer, where).toBeLessThan(step.question.choices);
          }
        }
      });
      for (const table of [EN, ZH]) expect(table.lessons[lesson.id].steps.length).toBe(lesson.steps.length);
    }
  });
});

describe('lesson links', () => {
  it("a lesson step's link is its state with the lesson and step set, and reads back to it", () => {
    for (const lesson of LESSON_LIST) {
      lesson.steps.forEach((step, i) => {
        const n = i + 1;
        const expected = { ...parseHash(step.state).state, lesson: lesson.id, lessonStep: n };
        const { state, notices } = parseHash(`#lesson=${lesson.id}&step=${n}`);
        expect(notices).toEqual([]);
        expect(state).toEqual(expected);
        expect(lessonBaseState(lesson.id, n)).toEqual(expected);
        // Only the lesson and step are written: everything else is the step's own state.
        expect(stateToHash(state)).toBe(`#v=2&lesson=${lesson.id}&step=${n}`);
      });
    }
  });

  it("the link's other keys change the step's state, and only they are written", () => {
    const base = lessonBaseState(FIRST, 1);
    const beta = base.beta === 0.5 ? 0.25 : 0.5;
    const theme = 'projector';
    const { state, notices } = parseHash(`#lesson=${FIRST}&step=1&beta=${beta}&theme=${theme}`);
    expect(notices).toEqual([]);
    expect(state).toEqual({ ...base, beta, theme });
    expect(stateToHash(state)).toBe(`#v=2&lesson=${FIRST}&step=1&beta=${beta}&theme=${theme}`);
    expect(parseHash(stateToHash(state)).state).toEqual(state);
  });

  it('a lesson without a step is its step 1; the id is read case-blind', () => {
    expect(parseHash(`#lesson=${FIRST.toUpperCase()}`).state).toEqual(lessonBaseState(FIRST, 1));
  });

  it('a step past the lesson is clamped to its last, with a notice', () => {
    const count = LESSONS[FIRST].steps.length;
    for (const given of [`${count + 1}`, '49', '1e9']) {
      const { state, notices } = parseHash(`#lesson=${FIRST}&step=${given}&beta=0.5`);
      expect(state.lessonStep).toBe(count);
      expect(state.beta).toBe(0.5);
      expect(notices).toEqual([{ kind: 'clamped', key: 'step', given, used: String(count) }]);
    }
  });

  it('a step below 1, or not a whole number, is fitted with a notice', () => {
    const zero = parseHash(`#lesson=${FIRST}&step=0`);
    expect(zero.state.lessonStep).toBe(1);
    expect(zero.notices.map((n) => n.kind)).toEqual(['clamped']);
    const bad = parseHash(`#lesson=${FIRST}&step=two&beta=0.5`);
    expect(bad.state).toEqual({ ...lessonBaseState(FIRST, 1), beta: 0.5 });
    expect(bad.notices).toEqual([{ kind: 'bad-value', key: 'step', given: 'two' }]);
  });

  it('an unknown lesson is dropped with a notice, its step too, and the rest of the link applies', () => {
    const { state, notices } = parseHash('#lesson=<script>&step=2&beta=0.5');
    expect(state).toEqual({ ...DEFAULT_STATE, beta: 0.5 });
    expect(notices).toEqual([
      { kind: 'bad-value', key: 'lesson', given: '<script>' },
      { kind: 'needs-lesson', key: 'step', given: '2' },
    ]);
    expect(stateToHash(state)).toBe('#v=2&beta=0.5');
  });

  it('a step without a lesson is dropped with a notice', () => {
    const { state, notices } = parseHash('#step=3&preset=noisy');
    expect(state.lesson).toBe('');
    expect(state.lessonStep).toBe(1);
    expect(state.preset).toBe('noisy');
    expect(notices).toEqual([{ kind: 'needs-lesson', key: 'step', given: '3' }]);
    expect(EN.shell.notice(notices[0])).toContain('“step”');
    expect(ZH.shell.notice(notices[0])).toContain('“step”');
  });

  it('hostile lesson values never throw and give a valid state', () => {
    const values = [
      '',
      '%',
      '__proto__',
      'constructor',
      'beta,beta',
      ' beta ',
      '-1',
      'NaN',
      'Infinity',
      '1.5',
    ];
    for (const lesson of values)
      for (const step of values) {
        const { state } = parseHash(`#lesson=${lesson}&step=${step}`);
        expectValidState(state);
        if (state.lesson) expect(state.lessonStep).toBeLessThanOrEqual(lessonStepCount(state.lesson));
        else expect(state.lessonStep).toBe(1);
      }
  });

  it("a preset inside a lesson link only names the scenario: the step's state stays the base", () => {
    const base = lessonBaseState(FIRST, 1);
    const other = base.preset === 'noisy' ? 'deterministic' : 'noisy';
    const { state } = parseHash(`#lesson=${FIRST}&preset=${other}`);
    expect(state).toEqual({ ...base, preset: other });
    expect(parseHash(stateToHash(state)).state).toEqual(state);
  });
});

describe('the store', () => {
  it("goToLessonStep loads the step's state, keeping the viewer's settings; exitLesson keeps the state", () => {
    const store = createAppStore();
    store.getState().loadHash('#theme=dark&lang=zh&controls=0&beta=3&step=2');
    expect(store.getState().notices.length).toBe(1);
    const loads = store.getState().loads;
    store.getState().goToLessonStep(FIRST, 1);
    const s = store.getState();
    expect(s.loads).toBe(loads + 1);
    expect(s.notices).toEqual([]);
    expect(s.lesson).toBe(FIRST);
    expect(s.beta).toBe(lessonBaseState(FIRST, 1).beta);
    expect([s.theme, s.lang, s.showControls]).toEqual(['dark', 'zh', false]);
    store.getState().update({ beta: 0.7 });
    store.getState().exitLesson();
    expect(store.getState().lesson).toBe('');
    expect(store.getState().beta).toBe(0.7);
  });
});
