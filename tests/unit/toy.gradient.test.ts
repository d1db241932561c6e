// The trainer's gradient (toyObjective) against central finite differences of the objective itself.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PAIR_LOSS_TYPES,
  referenceFreeLoss,
  toyObjective,
  type ToyProblem,
  type ToyTrainConfig,
} from '../../src/math/index.ts';

const SHARED: ToyProblem = {
  policy: {
    baseLogits: [0.2, -0.5, 0.1, 0.7],
    features: [
      [1, 0.3, -0.2],
      [0.9, 0.5, 0.1],
      [-0.4, 1, 0.6],
      [0.2, -0.3, 1.1],
    ],
  },
  refLogits: [0.4, -0.2, 0.3, 0.1],
  lengths: [3, 5, 2, 4],
  pairs: [
    { chosen: 0, rejected: 1, p: 0.8 },
    { chosen: 2, rejected: 1, p: 1, weight: 0.5 },
    { chosen: 3, rejected: 0, p: 0.35, weight: 2 },
  ],
  unpaired: [
    { response: 0, desirable: true },
    { response: 1, desirable: false, weight: 2 },
    { response: 3, desirable: true, weight: 0.5 },
  ],
};

function cfg(loss: ToyTrainConfig['loss']): ToyTrainConfig {
  return { loss, optimizer: 'sgd', learningRate: 0.1, steps: 1 };
}

/** Central differences with z0 frozen at its value at θ (the trainer holds it constant). */
function numericGradient(problem: ToyProblem, config: ToyTrainConfig, theta: number[], z0: number): number[] {
  const h = 1e-6;
  return theta.map((_, j) => {
    const up = theta.slice();
    const down = theta.slice();
    up[j] += h;
    down[j] -= h;
    const f = (t: number[]) => toyObjective(problem, config, t, { z0 }).loss;
    return (f(up) - f(down)) / (2 * h);
  });
}

function expectGradientMatches(problem: ToyProblem, config: ToyTrainConfig, theta: number[]): void {
  const exact = toyObjective(problem, config, theta);
  const numeric = numericGradient(problem, config, theta, exact.z0);
  // Central differences with step 1e-6 are good to ~1e-10 relative in the gradient, but rounding in the
  // two loss values adds ~1e-16·|loss|/1e-6 absolute: allow for both.
  const tol = 2e-6 * Math.max(...exact.gradient.map(Math.abs)) + 1e-8 * Math.max(1, Math.abs(exact.loss));
  exact.gradient.forEach((g, j) =>
    expect(Math.abs(g - numeric[j]), `∂/∂θ${j}: ${g} vs ${numeric[j]}`).toBeLessThanOrEqual(tol),
  );
}

const THETAS = [
  [0, 0, 0],
  [0.3, -0.7, 0.4],
  [-1.2, 0.5, 0.9],
];

describe('∂objective/∂θ agrees with finite differences (shared features, lengths, p < 1, weights)', () => {
  for (const type of PAIR_LOSS_TYPES) {
    it(type, () => {
      for (const beta of [0.1, 0.7]) {
        const loss: ToyTrainConfig['loss'] = {
          type,
          beta,
          labelSmoothing: type === 'exo_pair' ? 0.05 : 0.2,
          ipoNormalization: 'token',
        };
        for (const theta of THETAS) expectGradientMatches(SHARED, cfg(loss), theta);
      }
    });
  }

  it('ipo with summed margins', () => {
    for (const theta of THETAS)
      expectGradientMatches(SHARED, cfg({ type: 'ipo', beta: 0.3, ipoNormalization: 'sum' }), theta);
  });

  for (const z0 of ['kl', 'batch', 0.25] as const) {
    it(`kto, z0 = ${z0} (held constant)`, () => {
      for (const theta of THETAS)
        expectGradientMatches(
          SHARED,
          cfg({ type: 'kto', beta: 0.8, z0, desirableWeight: 1.5, undesirableWeight: 0.7 }),
          theta,
        );
    });
  }

  it('kto with a fixed z0 needs no freezing: the plain objective has the same gradient', () => {
    const config = cfg({ type: 'kto', beta: 0.8, z0: 0.25 });
    const theta = [0.3, -0.7, 0.4];
    const exact = toyObjective(SHARED, config, theta);
    const h = 1e-6;
    const up = toyObjective(SHARED, config, [theta[0] + h, theta[1], theta[2]]).loss;
    const down = toyObjective(SHARED, config, [theta[0] - h, theta[1], theta[2]]).loss;
    expect(exact.z0).toBe(0.25);
    expect(Math.abs(exact.gradient[0] - (up - down) / (2 * h))).toBeLessThan(1e-8);
  });

  it("kto with z0 = 'kl' really differs from the fully differentiated objective (z0 is not back-propagated)", () => {
    const config = cfg({ type: 'kto', beta: 0.8 });
    const theta = [0.3, -0.7, 0.4];
    const exact = toyObjective(SHARED, config, theta);
    const h = 1e-6;
    const total = (t: number[]) => toyObjective(SHARED, config, t).loss;
    const moving = theta.map((_, j) => {
      const up = theta.slice();
      const down = theta.slice();
      up[j] += h;
      down[j] -= h;
      return (total(up) - total(down)) / (2 * h);
    });
    expect(exact.z0).toBeGreaterThan(0);
    expect(Math.max(...moving.map((g, j) => Math.abs(g - exact.gradient[j])))).toBeGreaterThan(1e-4);
  });

  it('a tabular policy gives the same gradient as its explicit identity features would (fast path)', () => {
    const tab: ToyProblem = {
      ...SHARED,
      policy: {
        baseLogits: SHARED.policy.baseLogits,
        features: [
          [1, 0, 0, 0],
          [0, 1, 0, 0],
          [0, 0, 1, 0],
          [0, 0, 0, 1],
        ],
      },
    };
    // Almost-identity features take the general path; the gradient must be continuous across the switch.
    const near: ToyProblem = {
      ...tab,
      policy: {
        ...tab.policy,
        features: tab.policy.features.map((r, i) => r.map((x, j) => x + (i === 0 && j === 1 ? 1e-12 : 0))),
      },
    };
    const theta = [0.2, -0.1, 0.4, -0.3];
    const config = cfg({ type: 'sigmoid', beta: 0.5 });
    const a = toyObjective(tab, config, theta).gradient;
    const b = toyObjective(near, config, theta).gradient;
    a.forEach((g, j) => expect(Math.abs(g - b[j])).toBeLessThan(1e-10));
    expectGradientMatches(tab, config, theta);
  });
});

describe('random problems (fast-check)', () => {
  it('sigmoid, ipo and kto gradients match finite differences', () => {
    const K = 3;
    const d = 2;
    const logit = fc.double({ min: -2, max: 2, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(logit, { minLength: K, maxLength: K }),
        fc.array(logit, { minLength: K, maxLength: K }),
        fc.array(fc.array(logit, { minLength: d, maxLength: d }), { minLength: K, maxLength: K }),
        fc.array(logit, { minLength: d, maxLength: d }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        fc.constantFrom('sigmoid', 'ipo', 'kto') as fc.Arbitrary<'sigmoid' | 'ipo' | 'kto'>,
        (base, ref, features, theta, p, beta, type) => {
          const problem: ToyProblem = {
            policy: { baseLogits: base, features },
            refLogits: ref,
            lengths: [1, 2, 3],
            pairs: [
              { chosen: 0, rejected: 1, p },
              { chosen: 2, rejected: 0, p: 1 - p / 2 },
            ],
            unpaired: [
              { response: 0, desirable: true },
              { response: 2, desirable: false },
            ],
          };
          expectGradientMatches(problem, cfg({ type, beta }), theta);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('SimPO and ORPO (no reference): ∂objective/∂θ agrees with finite differences', () => {
  const cases: [string, ToyTrainConfig['loss']][] = [
    ['simpo, defaults', { type: 'simpo', beta: 2 }],
    [
      'simpo, γ, cpo_alpha, ε',
      { type: 'simpo', beta: 0.7, simpoGamma: 1.3, cpoAlpha: 0.4, labelSmoothing: 0.2 },
    ],
    ['simpo, cpo_alpha 0', { type: 'simpo', beta: 1.5, simpoGamma: -0.5, cpoAlpha: 0 }],
    ['orpo', { type: 'orpo', beta: 0.1 }],
    ['orpo, large λ', { type: 'orpo', beta: 3 }],
  ];
  for (const [name, loss] of cases)
    it(name, () => {
      for (const theta of THETAS) expectGradientMatches(SHARED, cfg(loss), theta);
    });

  it('the objective is the weighted referenceFreeLoss of the pairs on log π and the lengths (no reference read)', () => {
    const theta = [0.3, -0.7, 0.4];
    for (const type of ['simpo', 'orpo'] as const) {
      const loss = { type, beta: 0.9, simpoGamma: 0.3, cpoAlpha: 0.5 };
      const a = toyObjective(SHARED, cfg(loss), theta);
      // Another reference changes nothing: these losses have none.
      const b = toyObjective({ ...SHARED, refLogits: [3, -1, 0, 2] }, cfg(loss), theta);
      expect(b.loss).toBe(a.loss);
      expect(b.gradient).toEqual(a.gradient);
      // By hand: log π from the logits, then the pairs' weighted losses.
      const logits = SHARED.policy.baseLogits.map(
        (x, k) => x + SHARED.policy.features[k].reduce((s, f, j) => s + f * theta[j], 0),
      );
      const m = Math.max(...logits);
      const lse = m + Math.log(logits.reduce((s, x) => s + Math.exp(x - m), 0));
      const logp = logits.map((x) => x - lse);
      const L = SHARED.lengths ?? [];
      const pairs = SHARED.pairs ?? [];
      const total = pairs.reduce((s, q) => s + (q.weight ?? 1), 0);
      let expected = 0;
      for (const q of pairs) {
        const one = (c: number, r: number) =>
          referenceFreeLoss(
            type,
            { policyChosen: logp[c], policyRejected: logp[r], chosenLength: L[c], rejectedLength: L[r] },
            loss,
          ).loss;
        const w = (q.weight ?? 1) / total;
        expected += w * (q.p * one(q.chosen, q.rejected) + (1 - q.p) * one(q.rejected, q.chosen));
      }
      expect(Math.abs(a.loss - expected)).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected)));
    }
  });

  it('random problems (fast-check)', () => {
    const logit = fc.double({ min: -2, max: 2, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(logit, { minLength: 3, maxLength: 3 }),
        fc.array(fc.array(logit, { minLength: 2, maxLength: 2 }), { minLength: 3, maxLength: 3 }),
        fc.array(logit, { minLength: 2, maxLength: 2 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.constantFrom('simpo', 'orpo') as fc.Arbitrary<'simpo' | 'orpo'>,
        (base, features, theta, p, beta, type) => {
          const problem: ToyProblem = {
            policy: { baseLogits: base, features },
            refLogits: [0, 0, 0],
            lengths: [1, 2, 3],
            pairs: [
              { chosen: 0, rejected: 1, p },
              { chosen: 2, rejected: 0, p: 1 - p / 2 },
            ],
          };
          expectGradientMatches(problem, cfg({ type, beta }), theta);
        },
      ),
      { numRuns: 40 },
    );
  });
});
