// The paper presets (issue 13) reproduce their papers' effects on the toy, asserted from the toy's own runs:
// 'razin-displacement' (Razin et al., 2024, likelihood displacement) and 'squeezing' (Ren & Sutherland, 2024,
// the squeezing effect). Their explanations' facts: tests/unit/scenarioFacts.test.ts (every scenario as
// loaded) and the edits below.
import { describe, expect, it } from 'vitest';
import { findScenario, trainToyPolicy, type ToyScenario } from '../../src/math/index.ts';
import type { AppState } from '../../src/state/appState.ts';
import { baseState } from '../../src/state/urlCodec.ts';
import { pickFields } from '../../src/state/pickFields.ts';
import { SCENARIO_FIELDS, scenarioExplanation, scenarioFacts } from '../../src/derive/scenarioFacts.ts';
import { EN } from '../../src/i18n/en/index.ts';
import { ZH } from '../../src/i18n/zh/index.ts';

function scenario(id: string): ToyScenario {
  const s = findScenario(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}
const train = (s: ToyScenario) => trainToyPolicy(s.problem, s.config);
const last = <T>(xs: readonly T[]): T => xs[xs.length - 1];
const column = (rows: number[][], k: number) => rows.map((r) => r[k]);
const increasing = (xs: number[]) => xs.every((x, t) => t === 0 || x > xs[t - 1]);
const decreasing = (xs: number[]) => xs.every((x, t) => t === 0 || x < xs[t - 1]);

describe('razin-displacement (Razin et al., 2024)', () => {
  const s = scenario('razin-displacement');
  const run = train(s);
  const pw = column(run.probs, 0);

  it('is DPO on one pair among three responses, y_w and y_l sharing a feature', () => {
    expect(s.config.loss.type).toBe('sigmoid');
    expect(s.problem.pairs).toEqual([{ chosen: 0, rejected: 1, p: 1 }]);
    expect(s.problem.refLogits).toHaveLength(3);
    expect(s.spec.features).toBe('shared');
  });

  it('π(y_w) loses more than half, 0.384 → 0.120, while the margin grows at every step at accuracy 1', () => {
    expect(pw[0]).toBeCloseTo(0.384, 3);
    expect(last(pw)).toBeCloseTo(0.12, 3);
    expect(last(pw)).toBeLessThan(pw[0] / 2);
    expect(increasing(column(run.margins, 0))).toBe(true);
    expect(increasing(run.metrics['rewards/margins'])).toBe(true);
    expect(last(run.metrics['rewards/margins'])).toBeCloseTo(2.98, 2);
    expect(run.metrics['rewards/accuracies'].slice(1).every((a) => a === 1)).toBe(true);
    expect(last(run.metrics['rewards/chosen'])).toBeLessThan(0);
  });

  it('the mass goes to y₃, the response in no pair: 0.233 → 0.874, the only response that gains', () => {
    const p3 = column(run.probs, 2);
    expect(p3[0]).toBeCloseTo(0.233, 3);
    expect(last(p3)).toBeCloseTo(0.874, 3);
    expect(increasing(p3)).toBe(true);
    expect(last(run.probs)[1]).toBeLessThan(run.probs[0][1]);
  });

  it('with a tabular policy (no shared feature) the same data raise π(y_w) instead', () => {
    const tabular = findScenario('razin-displacement');
    if (!tabular) throw new Error('no scenario');
    const identity = [0, 1, 2].map((i) => [0, 1, 2].map((j) => (i === j ? 1 : 0)));
    const r = trainToyPolicy(
      { ...tabular.problem, policy: { ...tabular.problem.policy, features: identity } },
      s.config,
    );
    expect(last(r.probs)[0]).toBeGreaterThan(r.probs[0][0]);
  });
});

describe('squeezing (Ren & Sutherland, 2024)', () => {
  const s = scenario('squeezing');
  const run = train(s);
  const p0 = run.probs[0];
  const end = last(run.probs);

  it('a peaked reference and one thumbs-down on its least likely response, KTO with plain SGD', () => {
    expect(s.problem.pairs).toEqual([]);
    expect(s.problem.unpaired).toEqual([{ response: 0, desirable: false }]);
    expect(s.config.optimizer).toBe('sgd');
    expect(p0[0]).toBe(Math.min(...p0));
    expect(p0[1]).toBe(Math.max(...p0));
    expect(p0[0]).toBeCloseTo(0.0186, 4);
    expect(p0[1]).toBeCloseTo(0.617, 3);
  });

  it('the most likely response B gains the most (0.617 → 0.998), far more than A had to give', () => {
    const gains = end.map((p, k) => p - p0[k]);
    expect(end[1]).toBeCloseTo(0.998, 3);
    expect(gains[1]).toBe(Math.max(...gains));
    expect(gains[1]).toBeGreaterThan(10 * p0[0]);
    expect(increasing(column(run.probs, 1))).toBe(true);
  });

  it('not spread evenly: C and D fall from the first step, together 0.365 → 0.00238', () => {
    for (const k of [2, 3]) expect(decreasing(column(run.probs, k)), `π(${k})`).toBe(true);
    expect(p0[2] + p0[3]).toBeCloseTo(0.365, 3);
    expect(end[2] + end[3]).toBeCloseTo(0.00238, 5);
  });

  it('the logit gains of step 1 are proportional to the probabilities (why the likeliest wins)', () => {
    const gain = (k: number) => run.theta[1][k] - run.theta[0][k];
    expect(gain(2) / gain(1)).toBeCloseTo(p0[2] / p0[1], 12);
    expect(gain(3) / gain(1)).toBeCloseTo(p0[3] / p0[1], 12);
  });

  it('with Adam every other logit moves (almost) alike: C and D keep their ratio, no squeezing between them', () => {
    const adam = trainToyPolicy(s.problem, { ...s.config, optimizer: 'adam', learningRate: 0.05 });
    const r = (t: number) => adam.probs[t][2] / adam.probs[t][3];
    // Adam's per-coordinate step is ±lr whatever the gradient's size (up to its ε): equal logit moves.
    expect(r(50)).toBeCloseTo(r(0), 4);
    expect(Math.abs(r(50) / r(0) - 1)).toBeLessThan(1e-5);
  });
});

describe('their explanations follow the state', () => {
  const fieldsOf = (id: 'razin-displacement' | 'squeezing', patch: Partial<AppState> = {}) =>
    pickFields({ ...baseState(id), ...patch }, SCENARIO_FIELDS);

  it('razin-displacement with a tabular policy: no displacement claim', () => {
    const s = fieldsOf('razin-displacement', { features: 'tabular' });
    const f = scenarioFacts('razin-displacement', s);
    expect([f.sharedHolds, f.halfLostHolds]).toEqual([false, false]);
    const text = scenarioExplanation(EN.presets, 'razin-displacement', s);
    expect(text).not.toContain('more than half');
    expect(text).toContain('share no feature');
  });

  it('razin-displacement with two responses: no y₃ to speak of', () => {
    const s = fieldsOf('razin-displacement', { responses: 2, refProbs: [0.5, 0.5], startLogRatios: [0, 0] });
    const f = scenarioFacts('razin-displacement', s);
    expect([f.thirdStart, f.thirdEnd, f.massToThirdHolds]).toEqual([null, null, false]);
    for (const T of [EN, ZH])
      expect(scenarioExplanation(T.presets, 'razin-displacement', s)).not.toContain('y₃');
  });

  it('squeezing with Adam: the proportional-SGD claim is dropped (the numbers stay)', () => {
    const s = fieldsOf('squeezing', { optimizer: 'adam' });
    const text = scenarioExplanation(EN.presets, 'squeezing', s);
    expect(text).not.toContain('plain SGD');
    expect(text).not.toContain('squeezed into B');
  });

  it('squeezing with a flat reference: no "peaked" claim', () => {
    const s = fieldsOf('squeezing', { refProbs: [0.25, 0.25, 0.25, 0.25] });
    expect(scenarioFacts('squeezing', s).peakedHolds).toBe(false);
    expect(scenarioExplanation(EN.presets, 'squeezing', s)).not.toContain('peaked on B');
    expect(scenarioExplanation(ZH.presets, 'squeezing', s)).not.toContain('集中在 B');
  });
});
