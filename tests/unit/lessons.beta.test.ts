// Lesson 'beta' at the data level: each step's state opens without notices, every claim its text makes holds
// there, every number it states is a fact, the facts are the views' numbers (the runs, the compared run, the
// table of both runs, the loss view's slope and optimum, the sweeps view's β sweep), and the question's answer
// (the larger β ends nearer π_ref) is what the revealed state shows.
import { describe, expect, it } from 'vitest';
import { logit } from '../../src/math/index.ts';
import { LESSONS } from '../../src/state/lessons/index.ts';
import { EN_LESSONS } from '../../src/i18n/en/lessons/index.ts';
import type { BetaFacts } from '../../src/i18n/types/lessons/beta.ts';
import { computePairCurves } from '../../src/derive/pairCurves.ts';
import { computeSweeps } from '../../src/derive/sweeps.ts';
import { compareRowsOf, compareStateOf } from '../../src/derive/compare.ts';
import { computeTrainingRuns, toyRlhfOptimum } from '../../src/derive/toy.ts';
import { c3 } from '../../src/i18n/figureFormat.ts';
import { compareDash } from '../../src/figures/compare.ts';
import {
  describeAnyState,
  describeLessonSteps,
  factsOf,
  revealInput,
  stepInput,
} from '../helpers/lessonStep.ts';

const ID = 'beta';
const lesson = LESSONS[ID];
const last = <T>(xs: readonly T[]): T => xs[xs.length - 1];

const CLAIMS: (keyof BetaFacts)[][] = [
  ['pairHolds', 'otherLargerHolds', 'startsAtRefHolds'],
  ['largerSteeperHolds', 'largerStopsSoonerHolds'],
  ['sweepFallsHolds'],
];

describeLessonSteps(ID, CLAIMS, { 0: ['largerCloserHolds'] });
describeAnyState(ID);

describe('beta: the facts are the views’ numbers', () => {
  const input = stepInput(ID, 1);
  const { s } = input;
  const f = factsOf(ID, input);
  const other = compareStateOf(s);
  if (!other) throw new Error('the beta lesson compares no second β');
  const main = computeTrainingRuns(s).runs;
  const dashed = computeTrainingRuns(other).runs;

  it('the two runs: this β and the dashed β = 1, where each ends and their KLs (the table of both runs)', () => {
    expect([f.beta, f.otherBeta]).toEqual([s.beta, other.beta]);
    expect(f.otherBeta).toBe(1);
    expect(f.chosenEnd).toBe(last(main[0].probs)[0]);
    expect(f.otherChosenEnd).toBe(last(dashed[0].probs)[0]);
    const [row] = compareRowsOf('beta', main, dashed, { main: s.refProbs, other: other.refProbs });
    expect([f.kl, f.otherKl]).toEqual([row.main.kl, row.other.kl]);
  });

  it('the loss view: each curve’s slope at the start pair, and its dotted optimum logit(p)/β', () => {
    const [curve] = computePairCurves(s);
    const [otherCurve] = computePairCurves(other);
    expect(f.slope).toBe(-curve.current.dChosen);
    expect(f.otherSlope).toBe(-otherCurve.current.dChosen);
    // At the start (h = 0) the slope of −log σ(βh) is β/2.
    expect(f.slope).toBeCloseTo(s.beta / 2, 14);
    expect(f.otherSlope).toBeCloseTo(other.beta / 2, 14);
    expect([f.optimum, f.otherOptimum]).toEqual([curve.optimum, otherCurve.optimum]);
    expect(f.otherOptimum).toBeCloseTo(logit(s.preferenceProb) / other.beta, 12);
  });

  it('the sweeps view: its first and last points, and the point at this β', () => {
    const f2 = factsOf(ID, stepInput(ID, 2));
    const [sweep] = computeSweeps(s).beta;
    expect(f2.betaMin).toBe(sweep.x[0]);
    expect(f2.betaMax).toBe(last(sweep.x));
    expect(f2.sweepLow).toBe(sweep.chosen[0]);
    expect(f2.sweepHigh).toBe(last(sweep.chosen));
    // The sweep is the closed form π* at every β; at this β, too.
    expect(f2.sweepAtBeta).toBeCloseTo(toyRlhfOptimum(s)?.[0] ?? NaN, 12);
    for (let i = 1; i < sweep.chosen.length; i++)
      expect(sweep.chosen[i]).toBeLessThanOrEqual(sweep.chosen[i - 1] + 1e-12);
  });

  it('π(y_w) at the cursor follows t in both runs', () => {
    const at = factsOf(ID, stepInput(ID, 0, 100));
    expect([at.chosenAt, at.otherChosenAt]).toEqual([main[0].probs[100][0], dashed[0].probs[100][0]]);
    expect(EN_LESSONS[ID].steps[0].body(at)).toContain(
      `At step ${c3(100)} π(y_w) is ${c3(at.chosenAt ?? NaN)}`,
    );
    // At step 0 nothing is said about "step 0": both are at π_ref.
    expect(EN_LESSONS[ID].steps[0].body(factsOf(ID, stepInput(ID, 0)))).not.toContain('At step');
  });
});

describe('beta: the question (which β ends nearer π_ref?)', () => {
  const q = lesson.steps[0].question;

  it('is asked at step 0 and revealed at the end; the right choice is the larger β', () => {
    expect(stepInput(ID, 0).s.t).toBe(0);
    expect(q?.revealAt ?? 'end').toBe('end');
    expect(EN_LESSONS[ID].steps[0].question?.choices[q?.answer ?? -1]).toBe('The larger β');
  });

  it('the revealed end: the larger β is nearer π_ref in π(y_w) and in KL; the two ends differ', () => {
    const input = revealInput(ID, 0);
    const f = factsOf(ID, input);
    const ref = input.s.refProbs[0];
    expect(input.s.t).toBe(input.s.steps);
    expect(f.otherBeta).toBeGreaterThan(f.beta);
    expect(Math.abs((f.otherChosenEnd ?? NaN) - ref)).toBeLessThan(Math.abs((f.chosenEnd ?? NaN) - ref));
    expect(f.otherKl).toBeLessThan(f.kl ?? NaN);
    // Not "the same place": they differ by far more than the digits shown.
    expect(Math.abs((f.chosenEnd ?? NaN) - (f.otherChosenEnd ?? NaN))).toBeGreaterThan(0.1);
  });
});

describe('beta: an edit that breaks a claim drops it', () => {
  const at = (patch: object, step = 1) => {
    const input = stepInput(ID, step);
    const s = { ...input.s, ...patch };
    return { input: { ...input, s, runs: computeTrainingRuns(s) }, step };
  };

  it('without a compared β: one run, no "larger β" claims, no second run’s numbers', () => {
    for (const step of [0, 1]) {
      const { input } = at({ compare: '' }, step);
      const f = factsOf(ID, input);
      expect([f.otherBeta, f.otherChosenEnd, f.otherSlope, f.otherOptimum]).toEqual([null, null, null, null]);
      expect([f.largerCloserHolds, f.largerSteeperHolds, f.largerStopsSoonerHolds]).toEqual([
        false,
        false,
        false,
      ]);
      const text = EN_LESSONS[ID].steps[step].body(f);
      expect(text).not.toContain('dotted');
      expect(text).not.toContain('larger β');
    }
  });

  it('with this β above the compared one, nothing claims the dashed run is the larger β', () => {
    const { input } = at({ beta: 2 }, 1);
    const f = factsOf(ID, input);
    expect(f.otherLargerHolds).toBe(false);
    expect(EN_LESSONS[ID].steps[1].body(f)).not.toContain('larger β is steeper');
    expect(EN_LESSONS[ID].steps[0].question?.explain(f)).not.toContain('The larger β:');
  });

  it('with shared features (no closed form), the sweep’s "falls all the way" is not claimed', () => {
    const { input } = at({ features: 'shared', steps: 40, t: 40 }, 2);
    const f = factsOf(ID, input);
    expect(f.sweepFallsHolds).toBe(false);
    expect(EN_LESSONS[ID].steps[2].body(f)).not.toContain('falls all the way');
  });
});

describe('lesson beta: the words name the lines the training view draws', () => {
  it('step 1 calls the compared run’s π(y_w) dotted, as the training view draws it (y_l’s dashes taken)', () => {
    // The training view overlays the second run with dashesTaken (its y_l is dashed): y_w's solid line
    // becomes dotted there, not dashed as in the loss view.
    expect(compareDash('solid', true)).toBe('dot');
    expect(LESSONS[ID].steps[0].panels).toEqual(['training']);
    const f = factsOf(ID, stepInput(ID, 0));
    const body = EN_LESSONS[ID].steps[0].body(f);
    expect(body).toContain(`the solid line with β = ${c3(f.beta)} and the dotted one with β = 1`);
    expect(body).not.toContain('dashed');
  });
});
