// Long runs against the closed forms of CONVENTIONS.md §6.
import { describe, expect, it } from 'vitest';
import {
  cdpoOptimalMargin,
  dpoOptimalMargin,
  ipoOptimalMargin,
  rlhfOptimum,
  robustOptimalMargin,
  sigmoid,
  trainToyPolicy,
  twoResponseOptimum,
  type ToyPair,
  type ToyTrainConfig,
} from '../../src/math/index.ts';
import { config, tabular } from '../helpers/toyProblems.ts';

const REF = [0.3, -0.4];

function finalMargin(p: number, loss: ToyTrainConfig['loss'], steps = 3000): number {
  // lr = 1/β² keeps SGD's step on h (curvature ≤ β²/4 for the logistic losses, 2 for IPO's expected
  // square when β ≥ 1) well inside the stable range, and converges fast.
  const beta = loss.beta;
  const lr = loss.type === 'ipo' ? 0.1 : 1 / (beta * beta);
  const run = trainToyPolicy(
    tabular(REF, { pairs: [{ chosen: 0, rejected: 1, p }] }),
    config(loss, 'sgd', lr, steps),
  );
  return run.margins[steps][0];
}

describe('tabular two-response optima, p < 1', () => {
  const ps = [0.3, 0.6, 0.8, 0.95];
  const betas = [0.5, 1, 2];
  for (const p of ps)
    for (const beta of betas) {
      it(`DPO p=${p} β=${beta}: βh = logit(p)`, () => {
        expect(Math.abs(finalMargin(p, { type: 'sigmoid', beta }) - dpoOptimalMargin(p, beta))).toBeLessThan(
          1e-6,
        );
      });
      it(`cDPO p=${p} β=${beta} ε=0.1`, () => {
        const h = finalMargin(p, { type: 'cdpo', beta, labelSmoothing: 0.1 });
        expect(Math.abs(h - cdpoOptimalMargin(p, beta, 0.1))).toBeLessThan(1e-6);
      });
      // Robust DPO has an interior optimum only for ε < p < 1 − ε.
      if (p > 0.1 && p < 0.9)
        it(`robust p=${p} β=${beta} ε=0.1`, () => {
          const h = finalMargin(p, { type: 'robust', beta, labelSmoothing: 0.1 });
          expect(Math.abs(h - robustOptimalMargin(p, beta, 0.1))).toBeLessThan(1e-6);
        });
      it(`IPO p=${p} β=${beta} (sum and token normalisation agree at length 1)`, () => {
        for (const ipoNormalization of ['sum', 'token'] as const) {
          const h = finalMargin(p, { type: 'ipo', beta, ipoNormalization });
          expect(Math.abs(h - ipoOptimalMargin(p, beta))).toBeLessThan(1e-6);
        }
      });
    }

  it('robust DPO with p ≥ 1 − ε has no optimum: the margin runs away and the loss goes negative', () => {
    const steps = 3000;
    const run = trainToyPolicy(
      tabular(REF, { pairs: [{ chosen: 0, rejected: 1, p: 0.95 }] }),
      config({ type: 'robust', beta: 1, labelSmoothing: 0.1 }, 'sgd', 1, steps),
    );
    expect(robustOptimalMargin(0.95, 1, 0.1)).toBe(Infinity);
    for (let t = 1; t <= steps; t++) expect(run.margins[t][0]).toBeGreaterThan(run.margins[t - 1][0]);
    expect(run.margins[steps][0]).toBeGreaterThan(20);
    expect(run.loss[steps]).toBeLessThan(0);
  });

  it('IPO token normalisation reaches its target on the per-token margin', () => {
    const beta = 0.5;
    const problem = tabular([0, 0, 0], { lengths: [4, 2, 1], pairs: [{ chosen: 0, rejected: 1, p: 0.7 }] });
    const run = trainToyPolicy(problem, config({ type: 'ipo', beta }, 'sgd', 0.5, 4000));
    const rho = run.logRatios[4000];
    expect(Math.abs(rho[0] / 4 - rho[1] / 2 - ipoOptimalMargin(0.7, beta))).toBeLessThan(1e-6);
  });

  it('uniform reference: π*(y_w) = σ(logit(p)/β) for DPO and σ((p − ½)/β) for IPO', () => {
    for (const [type, lr] of [
      ['sigmoid', 1],
      ['ipo', 0.1],
    ] as const) {
      const run = trainToyPolicy(
        tabular([0, 0], { pairs: [{ chosen: 0, rejected: 1, p: 0.7 }] }),
        config({ type, beta: 1, ipoNormalization: 'sum' }, 'sgd', lr, 3000),
      );
      expect(run.probs[3000][0]).toBeCloseTo(twoResponseOptimum(type, 0.7, 1), 9);
    }
  });

  it('Adam reaches the DPO optimum too', () => {
    const run = trainToyPolicy(
      tabular(REF, { pairs: [{ chosen: 0, rejected: 1, p: 0.8 }] }),
      config({ type: 'sigmoid', beta: 1 }, 'adam', 0.02, 3000),
    );
    expect(Math.abs(run.margins[3000][0] - dpoOptimalMargin(0.8, 1))).toBeLessThan(1e-6);
  });
});

describe('deterministic preferences (p = 1)', () => {
  for (const optimizer of ['sgd', 'adam'] as const) {
    it(`DPO's margin grows at every step and passes any bound (${optimizer})`, () => {
      const steps = 20000;
      const lr = optimizer === 'sgd' ? 1 : 0.05;
      const run = trainToyPolicy(
        tabular(REF, { pairs: [{ chosen: 0, rejected: 1, p: 1 }] }),
        config({ type: 'sigmoid', beta: 1 }, optimizer, lr, steps),
      );
      const h = run.margins.map((m) => m[0]);
      for (let t = 1; t <= steps; t++) expect(h[t]).toBeGreaterThan(h[t - 1]);
      // Bounds reached in turn: the margin keeps passing larger values, it does not level off.
      for (const bound of [2, 4, 8]) expect(h.findIndex((x) => x > bound)).toBeGreaterThan(0);
      expect(h[steps]).toBeGreaterThan(8);
      // Still moving at the end: the last thousand steps add a visible amount.
      expect(h[steps] - h[steps - 1000]).toBeGreaterThan(0.01);
    });
  }

  it('IPO stops at its target 1/(2β) instead', () => {
    const run = trainToyPolicy(
      tabular(REF, { pairs: [{ chosen: 0, rejected: 1, p: 1 }] }),
      config({ type: 'ipo', beta: 0.5, ipoNormalization: 'sum' }, 'sgd', 0.1, 2000),
    );
    expect(Math.abs(run.margins[2000][0] - 1)).toBeLessThan(1e-9);
  });
});

describe('RLHF optimum from Bradley–Terry preferences', () => {
  function bradleyTerry(rewards: number[]): ToyPair[] {
    const pairs: ToyPair[] = [];
    for (let i = 0; i < rewards.length; i++)
      for (let j = 0; j < rewards.length; j++)
        if (i < j) pairs.push({ chosen: i, rejected: j, p: sigmoid(rewards[i] - rewards[j]) });
    return pairs;
  }

  const cases = [
    { ref: [0, 0.5, 0.3, 0.2], rewards: [1, 0.5, 0, -1], beta: 1 },
    { ref: [-1, 0.2, 0.7, 0, 0.4], rewards: [0.3, -0.8, 1.2, 0, 0.5], beta: 0.5 },
    { ref: [2, -1, 0], rewards: [-0.5, 1.5, 0.2], beta: 2 },
  ];
  it.each(cases)('DPO converges to π_ref·exp(r/β) (β = $beta)', ({ ref, rewards, beta }) => {
    const steps = 5000;
    const run = trainToyPolicy(
      tabular(ref, { pairs: bradleyTerry(rewards) }),
      config({ type: 'sigmoid', beta }, 'sgd', 1 / (beta * beta), steps),
    );
    const star = rlhfOptimum(ref, rewards, beta);
    run.probs[steps].forEach((p, k) => expect(Math.abs(p - star[k])).toBeLessThan(1e-9));
    // And the policy really moved: the optimum is not the reference.
    expect(Math.max(...star.map((p, k) => Math.abs(p - run.probs[0][k])))).toBeGreaterThan(0.05);
  });

  it('also through shared features that span every direction', () => {
    const ref = [0, 0.5, 0.3, 0.2];
    const rewards = [1, 0.5, 0, -1];
    const features = [
      [1, 0.5, 0],
      [0.2, 1, 0.3],
      [0, 0.4, 1],
      [0.6, 0, 0.2],
    ];
    const steps = 6000;
    const run = trainToyPolicy(
      { policy: { baseLogits: ref.slice(), features }, refLogits: ref, pairs: bradleyTerry(rewards) },
      config({ type: 'sigmoid', beta: 1 }, 'adam', 0.05, steps),
    );
    const star = rlhfOptimum(ref, rewards, 1);
    run.probs[steps].forEach((p, k) => expect(Math.abs(p - star[k])).toBeLessThan(1e-6));
  });
});
