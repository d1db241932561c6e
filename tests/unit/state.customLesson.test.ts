// An instructor's own lesson (state/lessons/custom.ts): the example file reads, every limit and unknown name
// is a problem in its step and field, each step's state is read like a link (with its notices), the link
// round-trips, and no input whatever makes the reader throw.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  CUSTOM_LESSON_LIMITS,
  customLessonHash,
  lessonDataOf,
  readCustomLesson,
  readLessonData,
  type CustomLessonProblem,
  type CustomLessonResult,
} from '../../src/state/lessons/custom.ts';
import { parseHash } from '../../src/state/urlCodec.ts';

const EXAMPLE = readFileSync(new URL('../../public/lessons/example-lesson.json', import.meta.url), 'utf8');

const oneStep = (step: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ title: 'T', steps: [{ heading: 'H', panels: ['loss'], ...step }], ...extra });

function problems(r: CustomLessonResult): CustomLessonProblem[] {
  if (r.ok) throw new Error('expected problems, got a lesson');
  return r.problems;
}

describe('readCustomLesson', () => {
  it('reads the example file: its steps, states, panels, controls, formula and question', () => {
    const r = readCustomLesson(EXAMPLE);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const raw = JSON.parse(EXAMPLE) as { title: string; steps: { state: string; panels: string[] }[] };
    expect(r.lesson.title).toBe(raw.title);
    expect(r.lesson.steps).toHaveLength(raw.steps.length);
    r.lesson.steps.forEach((s, i) => {
      expect(s.step.state).toBe(raw.steps[i]!.state);
      expect(s.step.panels).toEqual(raw.steps[i]!.panels);
      // The example's states are clean links: nothing for the reader to say.
      expect(s.notices).toEqual([]);
    });
    const asked = r.lesson.steps[1]!;
    expect(asked.step.question).toEqual({ choices: 2, answer: 0 });
    expect(asked.question?.choices).toHaveLength(2);
    expect(r.lesson.steps[0]!.step.formula).toContain('\\sigma');
  });

  it('keeps what the link reader says about a step state, per step', () => {
    const r = readCustomLesson(
      JSON.stringify({
        title: 'T',
        steps: [
          { heading: 'a', panels: ['loss'], state: 'beta=0.5' },
          { heading: 'b', panels: ['loss'], state: 'beta=99&nope=1' },
        ],
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.lesson.steps[0]!.notices).toEqual([]);
    const kinds = r.lesson.steps[1]!.notices.map((n) => `${n.kind}:${n.key}`);
    expect(kinds).toEqual(parseHash('beta=99&nope=1').notices.map((n) => `${n.kind}:${n.key}`));
    expect(kinds).toContain('unknown-key:nope');
    expect(kinds).toContain('clamped:beta');
  });

  it('ignores unknown fields, trims text and drops repeated panels', () => {
    const r = readCustomLesson(
      oneStep({ panels: ['Loss', 'loss', 'metrics'], colour: 'red', text: '  hi  ' }, { author: 'me' }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.lesson.steps[0]!.step.panels).toEqual(['loss', 'metrics']);
    expect(r.lesson.steps[0]!.text).toBe('hi');
  });

  it('names the step and field of each problem', () => {
    const ps = problems(
      readCustomLesson(
        JSON.stringify({
          title: '',
          steps: [
            { heading: 'ok', panels: ['loss'] },
            { panels: ['plots', 'loss'], controls: ['volume'], heading: 3 },
          ],
        }),
      ),
    );
    expect(ps).toContainEqual({ kind: 'missing', field: 'title' });
    expect(ps).toContainEqual({ kind: 'unknown-panel', field: 'panels[0]', step: 2, given: 'plots' });
    expect(ps).toContainEqual({ kind: 'unknown-control', field: 'controls[0]', step: 2, given: 'volume' });
    expect(ps).toContainEqual({ kind: 'wrong-type', field: 'heading', step: 2, expected: 'text' });
    expect(ps.some((p) => p.step === 1)).toBe(false);
  });

  it('checks the question: choices 2 to 6, the answer one of them, revealAt "end" or a step', () => {
    const q = (question: Record<string, unknown>) => readCustomLesson(oneStep({ question }));
    expect(q({ prompt: 'p', choices: ['a', 'b'], answer: 1, revealAt: 'end' }).ok).toBe(true);
    expect(problems(q({ prompt: 'p', choices: ['a', 'b'], answer: 2 }))[0]!.kind).toBe('bad-answer');
    expect(problems(q({ prompt: 'p', choices: ['a', 'b'], answer: 0.5 }))[0]!.kind).toBe('bad-answer');
    expect(problems(q({ prompt: 'p', choices: ['a'], answer: 0 }))[0]!.kind).toBe('too-few');
    const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(problems(q({ prompt: 'p', choices: seven, answer: 0 }))[0]!.kind).toBe('too-many');
    expect(problems(q({ prompt: 'p', choices: ['a', 'b'], answer: 0, revealAt: -1 }))[0]!.kind).toBe(
      'bad-reveal',
    );
    expect(problems(q({ choices: ['a', 'b'], answer: 0 }))[0]).toEqual({
      kind: 'missing',
      field: 'question.prompt',
      step: 1,
    });
  });

  it('enforces the size limits: bytes, steps and text lengths', () => {
    const L = CUSTOM_LESSON_LIMITS;
    const big = oneStep({ text: 'x'.repeat(L.bytes) });
    expect(problems(readCustomLesson(big))[0]!.kind).toBe('too-large');
    // Multi-byte text is measured in UTF-8 bytes, not characters.
    const wide = oneStep({ text: '字'.repeat(Math.ceil(L.bytes / 3) + 10) });
    expect(wide.length).toBeLessThan(L.bytes);
    expect(problems(readCustomLesson(wide))[0]!.kind).toBe('too-large');
    const steps = Array.from({ length: L.steps + 1 }, () => ({ heading: 'h', panels: ['loss'] }));
    expect(problems(readCustomLesson(JSON.stringify({ title: 'T', steps })))[0]).toMatchObject({
      kind: 'too-many',
      field: 'steps',
      limit: L.steps,
    });
    expect(problems(readCustomLesson(oneStep({ heading: 'h'.repeat(L.heading + 1) })))[0]).toMatchObject({
      kind: 'too-long',
      field: 'heading',
      step: 1,
    });
    expect(problems(readCustomLesson(JSON.stringify({ title: 'T', steps: [] })))[0]!.kind).toBe('no-steps');
  });

  it('refuses what is not a lesson: not JSON, not an object, no steps', () => {
    expect(problems(readCustomLesson('{title:'))[0]!.kind).toBe('not-json');
    expect(problems(readCustomLesson('[1,2]'))[0]!.kind).toBe('not-object');
    expect(problems(readCustomLesson('"text"'))[0]!.kind).toBe('not-object');
    expect(problems(readCustomLesson('{"title":"T"}'))).toEqual([{ kind: 'missing', field: 'steps' }]);
    expect(problems(readCustomLesson(JSON.stringify({ title: 'T', steps: [7] })))[0]).toEqual({
      kind: 'not-object',
      field: '',
      step: 1,
    });
  });

  it('takes the words’ language from `lang`, else from their script (Han, kana, hangul), else none', () => {
    const read = (text: string) => {
      const r = readCustomLesson(text);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.lesson;
    };
    expect(read(oneStep({}, { lang: 'zh-Hant' })).lang).toBe('zh-Hant');
    expect(read(oneStep({}, { lang: 'en' })).lang).toBe('en');
    expect(read(oneStep({ text: '策略的对数概率' })).lang).toBe('zh');
    expect(read(oneStep({ text: '方策の確率' })).lang).toBe('ja');
    expect(read(oneStep({ text: '정책의 확률' })).lang).toBe('ko');
    expect(read(oneStep({ text: 'The policy’s probability' })).lang).toBe('');
    // A declared language wins over the script (a Chinese-script lesson declared Cantonese).
    expect(read(oneStep({ text: '策略' }, { lang: 'yue' })).lang).toBe('yue');
    for (const lang of ['english', 'e', 42, '', 'zh_CN', 'en-']) {
      const p = problems(readCustomLesson(oneStep({}, { lang })));
      expect(p, String(lang)).toEqual([expect.objectContaining({ kind: 'bad-lang', field: 'lang' })]);
    }
    // The link carries it.
    const lesson = read(oneStep({}, { lang: 'zh' }));
    const back = readLessonData(lessonDataOf(customLessonHash(lesson).hash) ?? '');
    expect(back.ok && back.lesson.lang).toBe('zh');
  });

  it('does not take inherited fields (constructor, __proto__) for the file’s own', () => {
    const ps = problems(readCustomLesson('{"__proto__": {"title": "x"}, "steps": [{"constructor": 1}]}'));
    expect(ps).toContainEqual({ kind: 'missing', field: 'title' });
    expect(ps).toContainEqual({ kind: 'missing', field: 'heading', step: 1 });
  });

  it('never throws, whatever the text (random strings and random JSON)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const r = readCustomLesson(s);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => {
        expect(typeof readCustomLesson(JSON.stringify(v)).ok).toBe('boolean');
        // The same value as a lesson's step, and as a whole step list.
        expect(typeof readCustomLesson(JSON.stringify({ title: 'T', steps: [v] })).ok).toBe('boolean');
        expect(typeof readCustomLesson(JSON.stringify({ title: v, steps: v })).ok).toBe('boolean');
        expect(typeof readLessonData(JSON.stringify(v)).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('a lesson in a link (lessondata=)', () => {
  it('round-trips: the link reads back to the same lesson, in any language', () => {
    const text = EXAMPLE.replace('DPO and IPO', 'DPO 与 IPO ✓');
    const r = readCustomLesson(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const { hash, long } = customLessonHash(r.lesson);
    expect(hash).toMatch(/^#lessondata=[A-Za-z0-9_-]+$/);
    expect(long).toBe(false);
    const value = lessonDataOf(`${hash}&lang=zh`);
    expect(value).not.toBeNull();
    const back = readLessonData(value!);
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.lesson).toEqual(r.lesson);
  });

  it('says when a link is long, and refuses one over the size limit or not base64url', () => {
    const steps = Array.from({ length: 20 }, (_, i) => ({
      heading: `h${i}`,
      text: 't'.repeat(600),
      panels: ['loss'],
    }));
    const r = readCustomLesson(JSON.stringify({ title: 'T', steps }));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(customLessonHash(r.lesson).long).toBe(true);
    expect(problems(readLessonData('a'.repeat(50_000)))[0]!.kind).toBe('too-large');
    expect(problems(readLessonData('not base64!'))[0]!.kind).toBe('bad-link');
    // Valid base64url of bytes that are not UTF-8.
    expect(problems(readLessonData('_w'))[0]!.kind).toBe('bad-link');
  });

  it('the state reader passes over lessondata= (no notice, however long)', () => {
    const { notices } = parseHash(`#beta=0.5&lessondata=${'A'.repeat(5000)}`);
    expect(notices).toEqual([]);
  });
});
