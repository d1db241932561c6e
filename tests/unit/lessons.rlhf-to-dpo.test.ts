// Lesson 'rlhf-to-dpo' at the data level: each step's state opens without notices, every claim its text makes
// holds in that state, every number it states is a fact computed from the runs and views of that state, the
// facts are those views' numbers (checked here against independent computations), and the question's answer
// is what the revealed state shows.
import { describe, expect, it } from 'vitest';
import { rlhfOptimum, sigmoid, softplus } from '../../src/math/index.ts';
import { LESSONS } from '../../src/state/lessons/index.ts';
import { EN_LESSONS } from '../../src/i18n/en/lessons/index.ts';
import { simplexOf } from '../../src/derive/simplex.ts';
import { computePairCurves } from '../../src/derive/pairCurves.ts';
import { curvesAtStep } from '../../src/derive/atStep.ts';
import { c3 } from '../../src/i18n/figureFormat.ts';
import type { RlhfToDpoFacts } from '../../src/i18n/types/lessons/rlhf-to-dpo.ts';
import {
  describeAnyState,
  describeLessonSteps,
  factsOf,
  revealInput,
  stepInput,
} from '../helpers/lessonStep.ts';

const ID = 'rlhf-to-dpo';
const lesson = LESSONS[ID];
const STEP_0 = ['step 0'];

/** The claims each step's text states, by step (each must hold in the step's own state). */
const CLAIMS: (keyof RlhfToDpoFacts)[][] = [
  ['rankingHolds'],
  [],
  ['starRaisesHolds'],
  ['rewardIsLogRatioHolds', 'movesHolds'],
  ['lossIsDpoHolds'],
  ['weightIsSigmaHolds', 'weightFallsHolds', 'movesHolds'],
  ['rankingHolds'],
];

describeLessonSteps(ID, CLAIMS, { 6: ['reachesStarHolds'] }, STEP_0);
describeAnyState(ID);

describe('rlhf-to-dpo: the facts are the views’ numbers', () => {
  it('Bradley–Terry: the ranking’s rewards and σ(r_A − r_B); the ★ is the simplex view’s', () => {
    const input = stepInput(ID, 0);
    const f = factsOf(ID, input);
    expect(f.rewards).toEqual(input.s.rewards);
    expect(f.winFirst).toBe(sigmoid(input.s.rewards[0] - input.s.rewards[1]));
    const star = simplexOf(input.s, input.runs.runs).rlhfOptimum;
    expect(f.starFirst).toBe(star?.[0]);
    // The ★ is π_ref·exp(r/β)/Z, computed here directly.
    const w = input.s.refProbs.map((p, k) => p * Math.exp(input.s.rewards[k] / input.s.beta));
    const Z = w.reduce((a, b) => a + b, 0);
    expect(f.starFirst).toBeCloseTo(w[0] / Z, 12);
    expect(EN_LESSONS[ID].steps[2].body(f)).toContain(`π*(A) = ${c3(w[0] / Z)}`);
  });

  it('the implicit reward: TRL’s rewards/* at t are β·log π/π_ref of y_w and y_l there', () => {
    const input = stepInput(ID, 3);
    const f = factsOf(ID, input);
    const run = input.runs.runs[0];
    const { t, beta, refProbs } = input.s;
    expect(t).toBeGreaterThan(0);
    expect(f.rewardChosen).toBe(run.metrics['rewards/chosen'][t]);
    expect(f.rewardChosen).toBeCloseTo(beta * Math.log(run.probs[t][0] / refProbs[0]), 10);
    expect(f.rewardRejected).toBeCloseTo(beta * Math.log(run.probs[t][1] / refProbs[1]), 10);
    // The numbers follow the cursor: at step 0 both are 0.
    const f0 = factsOf(ID, stepInput(ID, 3, 0));
    expect([f0.rewardChosen, f0.rewardRejected]).toEqual([0, 0]);
  });

  it('the loss: the margin and loss at t are the loss view’s dot', () => {
    const input = stepInput(ID, 4);
    const f = factsOf(ID, input);
    const [curve] = curvesAtStep(computePairCurves(input.s), input.s, input.runs.runs, input.s.t);
    expect(curve.atStep?.margin).toBeCloseTo(f.margin ?? NaN, 12);
    expect(curve.atStep?.loss).toBeCloseTo(f.loss ?? NaN, 12);
    expect(f.loss).toBeCloseTo(softplus(-input.s.beta * (f.margin ?? NaN)), 12);
  });

  it('the gradient: its weight at t is the gradient view’s dot ÷ β, σ(−βh); at step 0 it is σ(0)', () => {
    const input = stepInput(ID, 5);
    const f = factsOf(ID, input);
    const [curve] = curvesAtStep(computePairCurves(input.s), input.s, input.runs.runs, input.s.t);
    expect(-(curve.atStep?.dChosen ?? NaN) / input.s.beta).toBeCloseTo(f.weight ?? NaN, 12);
    expect(f.weight).toBeCloseTo(sigmoid(-input.s.beta * (f.margin ?? NaN)), 12);
    expect(f.weightStart).toBeCloseTo(0.5, 14);
    const run = input.runs.runs[0];
    expect([f.chosenAt, f.rejectedAt]).toEqual(run.probs[input.s.t].slice(0, 2));
  });

  it('a cursor moved back to step 0 drops the "since step 0" and "down from" claims', () => {
    const f = factsOf(ID, stepInput(ID, 5, 0));
    expect([f.movesHolds, f.weightFallsHolds]).toEqual([false, false]);
    const text = EN_LESSONS[ID].steps[5].body(f);
    expect(text).not.toContain('risen');
    expect(text).not.toContain('down from');
  });

  it('with p < 1 the rewards and loss are TRL’s averages, so the exact-formula claims are dropped', () => {
    const input = stepInput(ID, 3);
    const s = { ...input.s, preferenceProb: 0.9 };
    const f = factsOf(ID, { ...input, s, runs: input.trainCompared(s) });
    expect([f.rewardIsLogRatioHolds, f.lossIsDpoHolds, f.weightIsSigmaHolds]).toEqual([false, false, false]);
    expect(EN_LESSONS[ID].steps[3].body(f)).not.toContain('β·log π/π_ref of y_w and y_l');
  });
});

describe('rlhf-to-dpo: where does DPO end? (the question)', () => {
  const last = lesson.steps.length - 1;
  const q = lesson.steps[last].question;

  it('is asked at step 0, before training, and revealed at the end', () => {
    expect(stepInput(ID, last).s.t).toBe(0);
    expect(q?.revealAt ?? 'end').toBe('end');
  });

  it('the right answer is what the end shows: DPO on the ★, not on A alone, not at π_ref', () => {
    const input = revealInput(ID, last);
    const f = factsOf(ID, input);
    const { s } = input;
    expect(f.reachesStarHolds).toBe(true);
    const end = input.runs.runs[0].probs[s.steps];
    const star = rlhfOptimum(s.refProbs.map(Math.log), s.rewards, s.beta);
    end.forEach((p, k) => expect(Math.abs(p - star[k])).toBeLessThanOrEqual(f.gapEnd ?? NaN));
    expect(f.gapEnd).toBeLessThan(1e-3);
    // Not the other choices: A does not take everything, and the end is far from π_ref.
    expect(end[0]).toBeLessThan(0.5);
    expect(Math.max(...end.map((p, k) => Math.abs(p - s.refProbs[k])))).toBeGreaterThan(0.1);
    expect(q?.answer).toBe(0);
    // The explanation states the end's gap, and tells the student to try it.
    const explain = EN_LESSONS[ID].steps[last].question?.explain(f) ?? '';
    expect(explain).toContain(c3(f.gapEnd ?? NaN));
    expect(explain).toContain('Try it yourself');
  });

  it('on one pair instead of the ranking, no claim that DPO ends on the ★', () => {
    const input = revealInput(ID, last);
    const s = { ...input.s, dataset: 'pair' as const, preferenceProb: 1 };
    const f = factsOf(ID, { ...input, s, runs: input.trainCompared(s) });
    expect(f.starFirst).toBeNull();
    expect(f.reachesStarHolds).toBe(false);
    expect(EN_LESSONS[ID].steps[last].question?.explain(f)).not.toContain('On the ★');
  });
});
