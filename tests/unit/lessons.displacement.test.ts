// Lesson 'displacement' at the data level: each step's state is a clean link, its runs train, every claim its
// text makes holds in that state (and in the state its question reveals), every number it states is a fact's,
// both languages render whole, and each question's answer is what the revealed state shows.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/state/lessons/index.ts';
import { lessonFacts, lessonStepText, type LessonFactsInput } from '../../src/derive/lessons/index.ts';
import { EN_LESSONS } from '../../src/i18n/en/lessons/index.ts';
import { ZH_LESSONS } from '../../src/i18n/zh/lessons/index.ts';
import type { TrainingRunInput } from '../../src/derive/types.ts';
import { c3 } from '../../src/i18n/figureFormat.ts';
import { trainingRunsOf } from '../../src/derive/toy.ts';
import { sharedFeatures } from '../../src/math/toy/build.ts';
import { describeLessonShape, describeStepTexts, stepAt } from '../helpers/lessonStep.ts';

const lesson = LESSONS.displacement;
const facts = (input: LessonFactsInput) => lessonFacts('displacement', input);
/** Digits that belong to a formula or a citation, not to the state. */
const FRAGMENTS = ['Razin et al., 2024', 'Ren & Sutherland, 2024', 'loss_weights=[1.0,'];
const last = <T>(xs: readonly T[]): T => xs[xs.length - 1];
const run = (input: LessonFactsInput, id: string): TrainingRunInput => {
  const r = input.runs.runs.find((x) => x.id === id);
  if (!r) throw new Error(`no ${id} run`);
  return r;
};
const column = (r: TrainingRunInput, k: number) => r.probs.map((row) => row[k]);

describeLessonShape('displacement');
describeStepTexts('displacement', FRAGMENTS);

describe('lesson displacement: the claims hold where they are made', () => {
  it('step 1 (razin-displacement at t = 0): the setting, then π(y_w) below half while the margin grows', () => {
    const at = stepAt(lesson, 0);
    expect(at.input.s.t).toBe(0);
    const f = facts(at.input);
    expect(f.razin.sharedHolds).toBe(true);
    const body = lessonStepText(EN_LESSONS.displacement, 'displacement', at.input).body;
    expect(body).toContain(`s = ${c3(f.similarity)}`);
    expect(body).toContain(`π(y_w) starts at ${c3(f.razin.chosenStart ?? NaN)}`);
    // The question's answer (below half) is what the end of training shows.
    const shown = stepAt(lesson, 0, { reveal: true });
    const dpo = run(shown.input, 'sigmoid');
    const pw = column(dpo, 0);
    expect(shown.input.s.t).toBe(dpo.probs.length - 1);
    expect(lesson.steps[0].question?.answer).toBe(2);
    expect(last(pw)).toBeLessThan(pw[0] / 2);
    const r = facts(shown.input).razin;
    expect([r.sharedHolds, r.halfLostHolds, r.marginGrowsHolds]).toEqual([true, true, true]);
    const explain = lessonStepText(EN_LESSONS.displacement, 'displacement', shown.input).explain ?? '';
    expect(explain).toContain(`from ${c3(pw[0])} to ${c3(last(pw))}`);
    expect(explain).toContain(c3(last(dpo.metrics['rewards/margins'])));
    expect(explain).toContain('likelihood displacement');
  });

  it('step 2: the mass goes to y₃, and y_w’s score slope (1 − s)² − s² is negative', () => {
    const { input } = stepAt(lesson, 1);
    const f = facts(input);
    const dpo = run(input, 'sigmoid');
    expect(input.s.t).toBe(dpo.probs.length - 1);
    expect([f.razin.massToThirdHolds, f.scoreFallsHolds]).toEqual([true, true]);
    expect(f.scoreSlope).toBeCloseTo((1 - input.s.similarity) ** 2 - input.s.similarity ** 2, 14);
    // The slope is y_w's score change along f_w − f_l of the toy's own features: ‖f_w‖² − ⟨f_w, f_l⟩.
    const [fw, fl] = sharedFeatures(input.s.responses, input.s.similarity);
    const dot = (a: number[], b: number[]) => a.reduce((acc, x, i) => acc + x * b[i], 0);
    expect(f.scoreSlope).toBeCloseTo(dot(fw, fw) - dot(fw, fl), 14);
    const p3 = column(dpo, 2);
    expect(last(p3)).toBeGreaterThan(p3[0]);
    const body = lessonStepText(EN_LESSONS.displacement, 'displacement', input).body;
    expect(body).toContain(`from ${c3(p3[0])} to ${c3(last(p3))}`);
    expect(body).toContain(`= ${c3(f.scoreSlope ?? NaN)}`);
  });

  it('step 3 (squeezing at t = 0): B, the likeliest, takes the mass; C and D fall from the first step', () => {
    const at = stepAt(lesson, 2);
    expect(at.input.s.t).toBe(0);
    const q0 = facts(at.input).squeezing;
    expect([q0.thumbsDownHolds, q0.peakedHolds]).toEqual([true, true]);
    const shown = stepAt(lesson, 2, { reveal: true });
    const kto = run(shown.input, 'kto');
    const start = kto.probs[0];
    const end = last(kto.probs);
    const gains = end.map((p, k) => p - start[k]);
    expect(lesson.steps[2].question?.answer).toBe(1);
    expect(gains[1]).toBe(Math.max(...gains));
    expect(gains[2]).toBeLessThan(0);
    expect(gains[3]).toBeLessThan(0);
    const q = facts(shown.input).squeezing;
    expect([q.sgdHolds, q.topGainsMostHolds]).toEqual([true, true]);
    const explain = lessonStepText(EN_LESSONS.displacement, 'displacement', shown.input).explain ?? '';
    expect(explain).toContain(`${c3(start[1])} → ${c3(end[1])}`);
  });

  it('step 4 (sft-term at t = 0): with the SFT term π(y_w) ends above its start, the margin still grows', () => {
    const at = stepAt(lesson, 3);
    expect(at.input.s.t).toBe(0);
    expect(at.input.s.sftWeight).toBeGreaterThan(0);
    const shown = stepAt(lesson, 3, { reveal: true });
    const dpo = run(shown.input, 'sigmoid');
    const pw = column(dpo, 0);
    const margins = dpo.metrics['rewards/margins'];
    expect(lesson.steps[3].question?.answer).toBe(1);
    expect(last(pw)).toBeGreaterThan(pw[0]);
    expect(last(margins)).toBeGreaterThan(margins[0]);
    const sft = facts(shown.input).sft;
    expect([sft.termHolds, sft.stopsFallHolds]).toEqual([true, true]);
    const explain = lessonStepText(EN_LESSONS.displacement, 'displacement', shown.input).explain ?? '';
    expect(explain).toContain(`ends at ${c3(last(pw))}, above its start ${c3(pw[0])}`);
    expect(explain).toContain(`falls to ${c3(sft.otherChosenEnd ?? NaN)}`);
  });
});

describe('lesson displacement: an edit that breaks a claim drops it', () => {
  /** Step i's revealed state with an edit, its runs retrained as the views would train them. */
  const edited = (i: number, patch: Partial<LessonFactsInput['s']>): LessonFactsInput => {
    const { input } = stepAt(lesson, i, { reveal: true });
    const s = { ...input.s, ...patch };
    return { ...input, s, runs: trainingRunsOf(s) };
  };

  it('steps 1–2 with a tabular policy: no displacement, no dragged-down y_w', () => {
    const input = edited(0, { features: 'tabular' });
    const f = facts(input);
    expect([f.razin.sharedHolds, f.razin.halfLostHolds, f.scoreFallsHolds]).toEqual([false, false, false]);
    for (const T of [EN_LESSONS, ZH_LESSONS]) {
      const one = lessonStepText(T.displacement, 'displacement', input);
      const two = lessonStepText(T.displacement, 'displacement', { ...input, step: 1 });
      expect(one.explain).not.toMatch(/likelihood displacement|似然位移/);
      expect(two.body).not.toMatch(/Pushing y_l’s shared feature|一起拖了下去/);
    }
  });

  it('step 3 trained with Adam: the proportional-SGD claim is dropped', () => {
    const input = edited(2, { optimizer: 'adam' });
    expect(facts(input).squeezing.sgdHolds).toBe(false);
    expect(lessonStepText(EN_LESSONS.displacement, 'displacement', input).explain).not.toContain('plain SGD');
  });

  it('step 4 with the SFT weight at 0: no claim that the SFT term keeps π(y_w) up', () => {
    const input = edited(3, { sftWeight: 0 });
    expect(facts(input).sft.stopsFallHolds).toBe(false);
    expect(lessonStepText(EN_LESSONS.displacement, 'displacement', input).explain).not.toContain(
      'above its start',
    );
  });
});
