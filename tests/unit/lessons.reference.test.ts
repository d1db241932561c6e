// Lesson 'reference' at the data level: each step's state opens without notices, every claim its text makes
// holds there, every number it states is a fact, the facts are the views' numbers (both runs, the loss view's
// optimum, the sweeps view's reference sweep, TRL's metrics at step 0), and both questions' answers are what
// their revealed states show.
import { describe, expect, it } from 'vitest';
import { logit, softplus } from '../../src/math/index.ts';
import { LESSONS } from '../../src/state/lessons/index.ts';
import { EN_LESSONS } from '../../src/i18n/en/lessons/index.ts';
import type { ReferenceFacts } from '../../src/i18n/types/lessons/reference.ts';
import { computePairCurves } from '../../src/derive/pairCurves.ts';
import { curvesAtStep } from '../../src/derive/atStep.ts';
import { computeSweeps } from '../../src/derive/sweeps.ts';
import { compareStateOf } from '../../src/derive/compare.ts';
import { computeTrainingRuns } from '../../src/derive/toy.ts';
import {
  describeAnyState,
  describeLessonSteps,
  factsOf,
  revealInput,
  stepInput,
} from '../helpers/lessonStep.ts';

const ID = 'reference';
const lesson = LESSONS[ID];
const last = <T>(xs: readonly T[]): T => xs[xs.length - 1];
const STEP_0 = ['step 0'];

const CLAIMS: (keyof ReferenceFacts)[][] = [
  ['pairHolds'],
  ['sweepRisesHolds'],
  ['offsetsHolds'],
  ['offsetsHolds', 'settlesHolds'],
];

describeLessonSteps(
  ID,
  CLAIMS,
  { 0: ['higherRefEndsHigherHolds', 'sameMarginHolds'], 2: ['lossBelowLn2Holds', 'rewardsNonZeroHolds'] },
  STEP_0,
);
describeAnyState(ID);

describe('reference: the facts are the views’ numbers', () => {
  it('two references: each run’s end and margin, the loss view’s h* = logit(p)/β', () => {
    const input = stepInput(ID, 0);
    const { s } = input;
    const f = factsOf(ID, input);
    const other = compareStateOf(s);
    if (!other) throw new Error('no compared reference');
    const solid = computeTrainingRuns(s).runs[0];
    const dashed = computeTrainingRuns(other).runs[0];
    expect([f.refChosen, f.otherRefChosen]).toEqual([s.refProbs[0], other.refProbs[0]]);
    expect([f.chosenEnd, f.otherChosenEnd]).toEqual([last(solid.probs)[0], last(dashed.probs)[0]]);
    expect(f.marginEnd).toBe(last(solid.chosenLogRatio) - last(solid.rejectedLogRatio));
    expect(f.otherMarginEnd).toBe(last(dashed.chosenLogRatio) - last(dashed.rejectedLogRatio));
    expect(f.optimum).toBe(computePairCurves(s)[0].optimum);
    expect(f.optimum).toBeCloseTo(logit(s.preferenceProb) / s.beta, 12);
  });

  it('the reference sweep: its first and last points and the point at this π_ref(y_w)', () => {
    const input = stepInput(ID, 1);
    const f = factsOf(ID, input);
    const [sweep] = computeSweeps(input.s).ref;
    expect([f.refMin, f.refMax]).toEqual([sweep.x[0], last(sweep.x)]);
    expect([f.sweepLow, f.sweepHigh]).toEqual([sweep.chosen[0], last(sweep.chosen)]);
    // At this state's reference the sweep's end is the run's own end.
    expect(f.sweepAtRef).toBeCloseTo(last(input.runs.runs[0].probs)[0], 6);
    for (let i = 1; i < sweep.chosen.length; i++)
      expect(sweep.chosen[i]).toBeGreaterThanOrEqual(sweep.chosen[i - 1] - 1e-12);
  });

  it('starting away: the step-0 log-ratios, and TRL’s loss and rewards there, the loss view’s dot too', () => {
    const input = stepInput(ID, 2);
    const { s } = input;
    const f = factsOf(ID, input);
    const run = input.runs.runs[0];
    const [rw, rl] = [run.chosenLogRatio[0], run.rejectedLogRatio[0]];
    expect([f.rhoChosenStart, f.rhoRejectedStart]).toEqual([rw, rl]);
    // ρ = offset − log Σ π_ref·e^offset: the offsets are logits, renormalised.
    const lse = Math.log(s.refProbs.reduce((a, p, k) => a + p * Math.exp(s.startLogRatios[k]), 0));
    expect(rw).toBeCloseTo(s.startLogRatios[0] - lse, 12);
    const p = s.preferenceProb;
    const h = rw - rl;
    expect(f.lossStart).toBeCloseTo(p * softplus(-s.beta * h) + (1 - p) * softplus(s.beta * h), 12);
    expect(f.rewardChosenStart).toBeCloseTo(s.beta * (p * rw + (1 - p) * rl), 12);
    expect(f.rewardRejectedStart).toBeCloseTo(s.beta * (p * rl + (1 - p) * rw), 12);
    // On one pair labelled one way (p = 1) the loss TRL logs is the loss view's dot, −log σ(βh).
    expect(p).toBe(1);
    expect(f.lossStart).toBeCloseTo(computePairCurves(s)[0].current.loss, 14);
    expect([f.rewardChosenStart, f.rewardRejectedStart]).toEqual([
      run.metrics['rewards/chosen'][0],
      run.metrics['rewards/rejected'][0],
    ]);
  });

  it('from the offset start DPO ends at the same margin as from the reference', () => {
    const input = stepInput(ID, 3);
    const f = factsOf(ID, input);
    const plain = computeTrainingRuns({ ...input.s, startLogRatios: input.s.startLogRatios.map(() => 0) })
      .runs[0];
    const plainMargin = last(plain.chosenLogRatio) - last(plain.rejectedLogRatio);
    expect(Math.abs((f.marginEnd ?? NaN) - plainMargin)).toBeLessThan(1e-3);
    // The loss view's dot at the cursor (the end) sits on its dotted line h*.
    const [curve] = curvesAtStep(computePairCurves(input.s), input.s, input.runs.runs, input.s.t);
    expect(curve.atStep?.margin).toBeCloseTo(curve.optimum ?? NaN, 3);
  });
});

describe('reference: the questions', () => {
  it('two references: the higher π_ref(y_w) ends higher (not the same, not lower)', () => {
    const q = lesson.steps[0].question;
    const f = factsOf(ID, revealInput(ID, 0));
    expect(EN_LESSONS[ID].steps[0].question?.choices[q?.answer ?? -1]).toContain('Higher');
    expect(f.otherRefChosen).toBeGreaterThan(f.refChosen);
    expect(f.otherChosenEnd).toBeGreaterThan((f.chosenEnd ?? NaN) + 0.1);
  });

  it('starting away: the step-0 loss is below ln 2 (revealed at step 0 itself)', () => {
    const q = lesson.steps[2].question;
    expect(q?.revealAt).toBe(0);
    const input = revealInput(ID, 2);
    expect(input.s.t).toBe(0);
    const f = factsOf(ID, input);
    expect(EN_LESSONS[ID].steps[2].question?.choices[q?.answer ?? -1]).toBe('Less than ln 2');
    expect(f.lossStart).toBeLessThan(Math.LN2 - 0.1);
  });
});

describe('reference: an edit that breaks a claim drops it', () => {
  const edited = (step: number, patch: object) => {
    const input = stepInput(ID, step);
    const s = { ...input.s, ...patch };
    return { ...input, s, runs: computeTrainingRuns(s) };
  };

  it('offsets cleared: no head start, the loss at step 0 is ln 2 and nothing says otherwise', () => {
    const f = factsOf(ID, edited(2, { startLogRatios: [0, 0, 0] }));
    expect(f.offsetsHolds).toBe(false);
    expect(f.lossStart).toBeCloseTo(Math.LN2, 14);
    expect([f.lossBelowLn2Holds, f.rewardsNonZeroHolds]).toEqual([false, false]);
    expect(EN_LESSONS[ID].steps[2].body(f)).not.toContain('head start');
    expect(EN_LESSONS[ID].steps[2].question?.explain(f)).not.toContain('Less:');
  });

  it('no compared reference: one run, no claim about the dashed one', () => {
    const f = factsOf(ID, edited(0, { compare: '', t: 300 }));
    expect([f.otherRefChosen, f.otherChosenEnd, f.otherMarginEnd]).toEqual([null, null, null]);
    expect([f.higherRefEndsHigherHolds, f.sameMarginHolds]).toEqual([false, false]);
    expect(EN_LESSONS[ID].steps[0].question?.explain(f)).not.toContain('dashed');
  });

  it('too few steps to settle: no "still settles at h*"', () => {
    const f = factsOf(ID, edited(3, { steps: 20, t: 20 }));
    expect(f.settlesHolds).toBe(false);
    expect(EN_LESSONS[ID].steps[3].body(f)).not.toContain('still settles');
  });
});
