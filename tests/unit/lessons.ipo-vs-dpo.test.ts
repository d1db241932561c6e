// Lesson 'ipo-vs-dpo' at the data level: each step's link, runs, facts and text in both languages. Every claim
// a step's text makes holds in the step's state, every number is a fact's, and the question's answer is what
// the revealed state (the end of training) shows.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/state/lessons/index.ts';
import { IPO_PAPER_D1, IPO_PAPER_TOLERANCE } from '../../src/math/index.ts';
import {
  describeLessonShape,
  describeStepTexts,
  expectNumbersFromFacts,
  showStep,
  stepAbout,
} from '../helpers/lessonStep.ts';
import type { LessonFields } from '../../src/derive/lessons/index.ts';

const ID = 'ipo-vs-dpo';
const lesson = LESSONS[ID];
/** Formula pieces whose digits belong to the formula, not to the state. */
const FORMULAS = ['1/(2τ)', '1/(3τ)', '2/(3τ)', '(1, 0, 0)', '§5.4', '(1 − p)', '(2p − 1)/(2τ)', 'D₁'];

describeLessonShape(ID);
describeStepTexts(ID, FORMULAS);

describe('ipo-vs-dpo: every claim holds where it is made', () => {
  it('1: D₁ at step 0, the policy is the uniform reference', () => {
    const { facts: f, en, state } = showStep(ID, 0);
    expect([f.d1.d1Holds, f.atStartHolds, f.uniformAtTHolds]).toEqual([true, true, true]);
    f.ipoAtT?.forEach((p, k) => expect(p).toBeCloseTo(state.refProbs[k], 12));
    expect(en.body).toContain('nothing has been learnt');
  });

  it('2: the question is asked at step 0 without giving the end away; the answer is what the end shows', () => {
    const asked = showStep(ID, 1);
    expect([asked.facts.atStartHolds, asked.facts.uniformAtTHolds]).toEqual([true, true]);
    expect(asked.state.losses).toEqual(['sigmoid']);
    expect(asked.en.body).not.toContain(String(asked.facts.d1.dpoChosenEnd));
    const step = lesson.steps[1];
    expect(step.question?.revealAt ?? 'end').toBe('end');
    const end = showStep(ID, 1, asked.state.steps);
    // Answer 1, "heading for (1, 0, 0)": the gaps grow at every step and π(A) is near 1 at the end.
    expect(step.question?.answer).toBe(1);
    expect(end.facts.d1.dpoRunsOnHolds).toBe(true);
    expect(end.facts.d1.dpoChosenEnd).toBeGreaterThan(0.98);
    expect(end.en.explain).toContain('nothing holds π back');
    expectNumbersFromFacts(end.en.explain ?? '', end.facts, FORMULAS);
  });

  it('3: DPO at τ = 1 and the compared τ = 0.1 both run on', () => {
    const { facts: f, en } = showStep(ID, 2);
    expect(f.vsTau).toBe(0.1);
    expect([f.d1.dpoRunsOnHolds, f.vsD1?.dpoRunsOnHolds]).toEqual([true, true]);
    expect(f.vsD1?.dpoChosenEnd).toBeGreaterThan(0.999);
    expect(en.body).toContain('still growing at every step');
    expect(en.body).toContain('A larger τ only slows the climb');
  });

  it('4: IPO stops at 1/(3τ) for both τ, at the paper’s π', () => {
    const { facts: f, en } = showStep(ID, 3);
    for (const d of [f.d1, f.vsD1]) {
      expect(d?.ipoSettlesHolds).toBe(true);
      expect(d?.matchesPaperHolds).toBe(true);
      const paper = IPO_PAPER_D1.find((r) => r.tau === d?.tau)?.probs ?? [];
      d?.ipoEnd?.forEach((p, k) => expect(Math.abs(p - paper[k])).toBeLessThanOrEqual(IPO_PAPER_TOLERANCE));
    }
    expect(en.body.match(/IPO stops where/g)).toHaveLength(2);
    expect(en.body.match(/the paper reports/g)).toHaveLength(2);
  });

  it('5: noisy pair: DPO ends at π(y_w) = p, IPO at its target', () => {
    const { facts: f, en } = showStep(ID, 4);
    const n = f.noisy;
    expect([n.pairHolds, n.uniformPairHolds, n.dpoEndsAtPHolds, n.ipoEndsAtOptimumHolds]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(n.p).toBeLessThan(1);
    expect(en.body).toContain('that is what holds DPO at a finite point');
  });
});

describe('ipo-vs-dpo: an edit that breaks a claim drops it', () => {
  const edited = (step: number, patch: Partial<LessonFields>) =>
    stepAbout(ID, step, { ...showStep(ID, step).input.s, ...patch });

  it('step 4 at a τ the paper does not report: no paper numbers for that run', () => {
    const { facts: f, en, zh } = edited(3, { beta: 0.7 });
    expect([f.d1.paperProbs, f.d1.matchesPaperHolds, f.d1.ipoSettlesHolds]).toEqual([null, false, true]);
    expect(en.body.match(/the paper reports/g)).toHaveLength(1);
    expect(zh.body.match(/论文给出/g)).toHaveLength(1);
  });

  it('step 4 with IPO unticked: no fixed point is stated', () => {
    const { facts: f, en } = edited(3, { losses: ['sigmoid'] });
    expect(f.d1.ipoEnd).toBeNull();
    expect(en.body).not.toContain('IPO stops');
    expect(en.body).toContain('Tick IPO');
  });

  it('steps 1–4 on pair data: not D₁, no D₁ claims', () => {
    for (const step of [0, 1, 2, 3]) {
      const { facts: f, en } = edited(step, { dataset: 'pair' });
      expect(f.d1.d1Holds).toBe(false);
      expect(en.body).toContain('not the IPO paper’s D₁');
      expect(en.body).not.toMatch(/IPO stops|still growing at every step|the paper reports/);
    }
  });

  it('step 5 with p = 1: DPO no longer settles, and the noise sentences go', () => {
    const { facts: f, en } = edited(4, { preferenceProb: 1 });
    expect(f.noisy.dpoEndsAtPHolds).toBe(false);
    expect(en.body).not.toContain('holds DPO at a finite point');
  });

  it('step 1 with the cursor moved on: no "nothing has been learnt"', () => {
    const { facts: f, en } = edited(0, { t: 100 });
    expect(f.uniformAtTHolds).toBe(false);
    expect(en.body).not.toContain('nothing has been learnt');
    expectNumbersFromFacts(en.body, f, FORMULAS);
  });
});
