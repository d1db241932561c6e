// Lesson 'kto' at the data level: each step's link, runs, facts and text in both languages. Every claim a
// step's text makes holds in the step's state, every number is a fact's, and the question's answer is what
// the revealed state (the end of training) shows.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/state/lessons/index.ts';
import type { LessonFields } from '../../src/derive/lessons/index.ts';
import { ktoReferencePoint } from '../../src/math/index.ts';
import {
  describeLessonShape,
  describeStepTexts,
  expectNumbersFromFacts,
  showStep,
  stepAbout,
} from '../helpers/lessonStep.ts';

const ID = 'kto';
const lesson = LESSONS[ID];
/** Formula pieces whose digits belong to the formula, not to the state. */
const FORMULAS = ['z0', 'σ(0)', '[1, 4/3]', 'at least 1', 'clamped at 0', 'below 0'];

describeLessonShape(ID);
describeStepTexts(ID, FORMULAS);

describe('kto: every claim holds where it is made', () => {
  it('1: at step 0 the one thumbs-down sits at ρ = z0 = 0, loss λU/2; the answer is what the end shows', () => {
    const asked = showStep(ID, 0);
    const f = asked.facts;
    expect([f.thumbsHolds, f.atStartHolds, f.halfAtStartHolds]).toEqual([true, true, true]);
    expect(f.lossAtT).toBeCloseTo(f.lambdaU / 2, 12);
    expect(asked.en.body).toContain('the middle of the S');
    // Answer 1, "falls towards 0 ever more slowly": the loss falls at every step, stays above 0, the push fades.
    const step = lesson.steps[0];
    expect(step.question?.answer).toBe(1);
    const end = showStep(ID, 0, asked.state.steps);
    expect(end.facts.saturatesHolds).toBe(true);
    expect(end.facts.lossEnd).toBeGreaterThan(0);
    expect(end.facts.pushEnd).toBeLessThan(end.facts.pushStart ?? 0);
    expect(end.en.explain).toContain('the less it moves the policy');
    expectNumbersFromFacts(end.en.explain ?? '', end.facts, FORMULAS);
  });

  it('2: TRL’s batch z0 on one thumbs-down is clamped to 0 at every step, while the exact KL is not 0', () => {
    const { facts: f, en, input } = showStep(ID, 1);
    expect(f.z0Mode).toBe('batch');
    expect(f.clampedHolds).toBe(true);
    expect(f.z0End).toBe(0);
    expect(f.rhoEnd).toBeLessThan(0);
    expect(f.klEnd).toBeGreaterThan(0);
    // TRL's estimate from the one completion A, as math/kto.ts computes it: max(0, ρ_A) = 0.
    const run = input.runs.runs.find((r) => r.id === 'kto');
    const rhoA = run?.chosenLogRatio[run.chosenLogRatio.length - 1] ?? NaN;
    const refA = Math.log(input.s.refProbs[0]);
    expect(ktoReferencePoint([{ policy: refA + rhoA, ref: refA }])).toBe(0);
    expect(en.body).toContain('the clamp gives');
  });

  it('3: λD/λU = 1/1.2 is outside [1, 4/3], and converted pairs have equal counts (no TRL warning)', () => {
    const { facts: f, en } = showStep(ID, 2);
    expect([f.pairHolds, f.lambdaD, f.lambdaU]).toEqual([true, 1, 1.2]);
    expect(f.ratio).toBeCloseTo(1 / 1.2, 12);
    expect(f.ratioInRangeHolds).toBe(false);
    expect(f.t).toBe(f.steps);
    expect(en.body).toContain('is outside the range');
    expect(f.chosenEnd).toBeGreaterThan(f.chosenStart ?? 1);
    expect(f.rejectedEnd).toBeLessThan(f.rejectedStart ?? 0);
  });

  it('4: thumbs-down alone: π(A) falls, B gains most, the others are squeezed', () => {
    const { facts: f, en } = showStep(ID, 3);
    const d = f.thumbs;
    expect([d.thumbsDownHolds, d.fallsHolds, d.mostLikelyGainsHolds, d.sgdHolds, d.squeezedHolds]).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(en.body).toContain('squeezes mass');
  });
});

describe('kto: an edit that breaks a claim drops it', () => {
  const edited = (step: number, patch: Partial<LessonFields>) =>
    stepAbout(ID, step, { ...showStep(ID, step).input.s, ...patch });

  it('step 2 with the exact KL: no clamp claim, z0 is the KL of the step', () => {
    const { facts: f, en } = edited(1, { z0Mode: 'kl' });
    expect([f.clampedHolds, f.exactKlHolds]).toEqual([false, true]);
    expect(en.body).not.toContain('the clamp gives');
    expectNumbersFromFacts(en.body, f, FORMULAS);
  });

  it('step 3 with λD/λU = 1.2: in range', () => {
    const { facts: f, en } = edited(2, { desirableWeight: 1.2, undesirableWeight: 1 });
    expect(f.ratioInRangeHolds).toBe(true);
    expect(en.body).toContain('is inside the range');
  });

  it('step 1 with the cursor moved on: no "middle of the S"', () => {
    const { facts: f, en } = edited(0, { t: 50 });
    expect(f.halfAtStartHolds).toBe(true);
    expect(f.atStartHolds).toBe(false);
    expect(en.body).not.toContain('the middle of the S');
    expectNumbersFromFacts(en.body, f, FORMULAS);
  });

  it('steps 1, 2 and 4 on pair data: no thumbs-down claims', () => {
    for (const step of [0, 1, 3]) {
      const { facts: f, en } = edited(step, { dataset: 'pair', losses: ['kto'] });
      expect([f.thumbsHolds, f.clampedHolds, f.thumbs.thumbsDownHolds]).toEqual([false, false, false]);
      expect(en.body).not.toMatch(/the middle of the S|the clamp gives|squeezes mass/);
    }
  });
});
