// Lesson 'trl-logs' at the data level: each step's state is a clean link, every claim its text makes holds at
// the step the table shows (and at the step its question reveals), every number it states is the table's (a
// fact's), both languages render whole, and each question's answer is what the revealed step logs.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/state/lessons/index.ts';
import { lessonFacts, lessonStepText, type LessonFactsInput } from '../../src/derive/lessons/index.ts';
import { EN_LESSONS } from '../../src/i18n/en/lessons/index.ts';
import { ZH_LESSONS } from '../../src/i18n/zh/lessons/index.ts';
import { metricsAtStep } from '../../src/derive/atStep.ts';
import { trainingRunsOf } from '../../src/derive/toy.ts';
import type { TrainingRunInput } from '../../src/derive/types.ts';
import { c3 } from '../../src/i18n/figureFormat.ts';
import { describeLessonShape, describeStepTexts, stepAt } from '../helpers/lessonStep.ts';

const lesson = LESSONS['trl-logs'];
const facts = (input: LessonFactsInput) => lessonFacts('trl-logs', input);
const en = (input: LessonFactsInput) => lessonStepText(EN_LESSONS['trl-logs'], 'trl-logs', input);
/** Digits that belong to a formula, or name the reference's step (step 0), not numbers of the state. */
const FRAGMENTS = ['step 0', '−log σ(0)', 'ln 2', '(0 − 1/(2β))²', '1/(4β²)', '1/(2β)', 'p(1 − p)/β²'];
const run = (input: LessonFactsInput, id: string): TrainingRunInput => {
  const r = input.runs.runs.find((x) => x.id === id);
  if (!r) throw new Error(`no ${id} run`);
  return r;
};
/** What the "What TRL would log" table shows for loss `id` at the step's cursor. */
const table = (input: LessonFactsInput, id: string) => metricsAtStep(run(input, id), input.s.t).metrics;

describeLessonShape('trl-logs');
describeStepTexts('trl-logs', FRAGMENTS);

describe('lesson trl-logs: the claims hold at the step the table shows', () => {
  it('step 1: at step 0 the loss is ln 2 and rewards/accuracies 0 (a tie is wrong); one step later p', () => {
    const at = stepAt(lesson, 0);
    expect(at.input.s.t).toBe(0);
    // The answer keeps the cursor at step 0.
    const shown = stepAt(lesson, 0, { reveal: true });
    expect(shown.input.s.t).toBe(0);
    const row = table(shown.input, 'sigmoid');
    expect(row['loss']).toBeCloseTo(Math.LN2, 14);
    expect(row['rewards/chosen']).toBe(row['rewards/rejected']);
    expect(lesson.steps[0].question?.answer).toBe(0);
    expect(row['rewards/accuracies']).toBe(0);
    const f = facts(shown.input);
    expect([f.atReferenceHolds, f.dpoLn2Holds, f.tieWrongHolds, f.nextIsPHolds]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    const next = run(shown.input, 'sigmoid').metrics['rewards/accuracies'][1];
    expect(next).toBeCloseTo(shown.input.s.preferenceProb, 12);
    expect(en(at.input).body).toContain(`ln 2 = ${c3(row['loss'])}`);
    const explain = en(shown.input).explain ?? '';
    expect(explain).toContain(`rewards/accuracies = ${c3(row['rewards/accuracies'])}`);
    expect(explain).toContain('strictly');
    expect(explain).toContain(`logs ${c3(next)}`);
  });

  it('step 2: rewards/chosen negative while rewards/margins has grown at every step', () => {
    const { input } = stepAt(lesson, 1);
    const dpo = run(input, 'sigmoid');
    expect(input.s.t).toBe(dpo.probs.length - 1);
    const row = table(input, 'sigmoid');
    expect(row['rewards/chosen']).toBeLessThan(0);
    const margins = dpo.metrics['rewards/margins'];
    expect(margins.every((m, t) => t === 0 || m > margins[t - 1])).toBe(true);
    const f = facts(input);
    expect([f.chosenNegativeHolds, f.marginsGrowHolds, f.rejectedLowerHolds]).toEqual([true, true, true]);
    const body = en(input).body;
    expect(body).toContain(`rewards/chosen = ${c3(row['rewards/chosen'])}: negative`);
    expect(body).toContain(`rewards/margins = ${c3(row['rewards/margins'])} has grown`);
  });

  it('step 3: rewards = β × (logps − the reference’s logps), margins = chosen − rejected, at the cursor', () => {
    const { input } = stepAt(lesson, 2);
    expect(input.s.t).toBe(100);
    const row = table(input, 'sigmoid');
    const ref = Math.log(input.s.refProbs[0]);
    // The state's pair is deterministic (p = 1) and one token long: logps/chosen is log π(y_w).
    expect(input.s.preferenceProb).toBe(1);
    expect(row['logps/chosen']).toBeCloseTo(Math.log(run(input, 'sigmoid').probs[100][0]), 12);
    expect(row['rewards/chosen']).toBeCloseTo(input.s.beta * (row['logps/chosen'] - ref), 12);
    expect(row['rewards/margins']).toBeCloseTo(row['rewards/chosen'] - row['rewards/rejected'], 12);
    const f = facts(input);
    expect([f.rewardIdentityHolds, f.marginIdentityHolds]).toEqual([true, true]);
    expect(f.logpsChosen0).toBeCloseTo(ref, 12);
    const body = en(input).body;
    expect(body).toContain(`= ${c3(row['rewards/chosen'])}.`);
    expect(body).toContain(`= ${c3(row['rewards/margins'])}:`);
  });

  it('step 4: IPO’s first logged loss is 1/(4β²) = 25 at β = 0.1; it ends at p(1 − p)/β², not 0', () => {
    const at = stepAt(lesson, 3);
    expect(at.input.s.beta).toBe(0.1);
    const shown = stepAt(lesson, 3, { reveal: true });
    expect(shown.input.s.t).toBe(0);
    const loss0 = table(shown.input, 'ipo')['loss'];
    expect(lesson.steps[3].question?.answer).toBe(2);
    expect(loss0).toBeCloseTo(1 / (4 * 0.1 * 0.1), 10);
    expect(loss0).toBeCloseTo(25, 10);
    const f = facts(shown.input);
    expect([f.ipoScaleHolds, f.ipoFloorHolds]).toEqual([true, true]);
    const ipo = run(shown.input, 'ipo');
    const { preferenceProb: p, beta } = shown.input.s;
    expect(ipo.loss[ipo.loss.length - 1]).toBeCloseTo((p * (1 - p)) / beta ** 2, 6);
    const explain = en(shown.input).explain ?? '';
    expect(explain).toContain(`1/(4β²) = ${c3(loss0)}`);
  });
});

describe('lesson trl-logs: the claims follow the cursor and the settings', () => {
  const edited = (i: number, patch: Partial<LessonFactsInput['s']>): LessonFactsInput => {
    const { input } = stepAt(lesson, i, { reveal: true });
    const s = { ...input.s, ...patch };
    return { ...input, s, runs: trainingRunsOf(s) };
  };

  it('step 1 with the cursor at step 5: no "step 0" claims, the table’s numbers at step 5', () => {
    const input = edited(0, { t: 5 });
    const f = facts(input);
    expect([f.atReferenceHolds, f.dpoLn2Holds, f.tieWrongHolds]).toEqual([false, false, false]);
    const text = en(input);
    expect(text.body).not.toContain('ln 2');
    expect(text.explain).not.toContain('a tie');
    expect(text.explain).toContain(c3(table(input, 'sigmoid')['rewards/accuracies']));
  });

  it('step 2 with the cursor at step 0: no claim that the margin has grown', () => {
    const input = edited(1, { t: 0 });
    expect(facts(input).marginsGrowHolds).toBe(false);
    expect(en(input).body).not.toContain('has grown');
  });

  it('step 4 at another β: the scale follows, 1/(4β²)', () => {
    const input = edited(3, { beta: 0.5 });
    const f = facts(input);
    expect(f.ipoScale).toBeCloseTo(1, 14);
    expect(f.ipoScaleHolds).toBe(true);
    expect(en(input).explain).toContain(`1/(4β²) = ${c3(1)}`);
    for (const T of [EN_LESSONS, ZH_LESSONS])
      expect(lessonStepText(T['trl-logs'], 'trl-logs', input).explain).not.toMatch(/\b25\b/);
  });

  it('step 4 with DPO only: IPO’s row is missing and the text says how to show it', () => {
    const input = edited(3, { losses: ['sigmoid'] });
    expect(facts(input).ipo).toBeNull();
    expect(en(input).explain).toContain('Tick IPO');
  });
});
