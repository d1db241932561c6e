// Sweeps show where training really ends (issue 10, item 3): every point is trained to convergence with a
// stated criterion (src/math/toy/converge.ts), whatever the user's learning rate and step count, and a point
// that does not converge says so.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BRADLEY_TERRY_REF,
  BRADLEY_TERRY_REWARDS,
  LOSS_IDS,
  PAIR_LOSS_TYPES,
  betaSweep,
  findScenario,
  logGrid,
  referenceSweep,
  rlhfOptimum,
  sharedFeatures,
  toyObjective,
  trainToyPolicy,
  twoResponseOptimum,
  type LossId,
  type ToyLossConfig,
  type ToyProblem,
  type ToyTrainConfig,
} from '../../src/math/index.ts';
import {
  CONVERGENCE_CRITERION,
  assembleHessian,
  createConvergeScratch,
  trainToConvergence,
  type ConvergenceResult,
} from '../../src/math/toy/converge.ts';
import { MARGIN_ONLY_LOSSES } from '../../src/math/toy/marginLine.ts';
import { symmetricEigen } from '../../src/math/toy/eigen.ts';
import { closedFormProbs } from '../../src/math/toy/closedForm.ts';
import { prepareConfig, prepareProblem } from '../../src/math/toy/prepare.ts';
import { evaluateObjective } from '../../src/math/toy/objective.ts';
import { PAIR_KERNELS, type LossAndGrad } from '../../src/math/pairKernels.ts';
import { kernelParams } from '../../src/math/pairLoss.ts';
import { config, identity, tabular } from '../helpers/toyProblems.ts';

const G_TOL = CONVERGENCE_CRITERION.gradientTolerance;

function maxAbsDiff(a: readonly number[], b: readonly number[]): number {
  expect(a).toHaveLength(b.length);
  return Math.max(...a.map((v, k) => Math.abs(v - b[k])));
}

/** max_j |∂objective/∂θ_j| at θ, computed afresh from the public API. */
function gradientNorm(problem: ToyProblem, loss: ToyLossConfig, theta: readonly number[]): number {
  const { gradient } = toyObjective(problem, config(loss), theta);
  return Math.max(...gradient.map(Math.abs));
}

/** The summed margin h = log π(w)/π(l) − log πref(w)/πref(l) of a policy. */
function marginOf(probs: readonly number[], refLogits: readonly number[], w: number, l: number): number {
  return Math.log(probs[w] / probs[l]) - (refLogits[w] - refLogits[l]);
}

const bt = findScenario('bradley-terry')!;

describe('the β sweep agrees with π* = π_ref·exp(r/β)/Z for the Bradley–Terry data', () => {
  it('at 25 β values log-spaced in [1e-3, 10]: every probability within 1e-3 (six pairs: no closed form)', () => {
    const betas = logGrid(1e-3, 10, 25);
    const sweep = betaSweep(bt.problem, bt.config, betas);
    // The scenario's own config: SGD with lr 1 for 300 steps, which the sweep does not use.
    expect(bt.config).toMatchObject({ optimizer: 'sgd', learningRate: 1, steps: 300 });
    expect(sweep.x).toEqual(betas);
    expect(sweep.closedForm.every((c) => !c)).toBe(true);
    expect(sweep.status).toEqual(betas.map(() => 'converged'));
    expect(sweep.converged.every(Boolean)).toBe(true);
    expect(sweep.diverged.some(Boolean)).toBe(false);
    expect(sweep.criterion).toEqual(CONVERGENCE_CRITERION);
    let worst = 0;
    betas.forEach((beta, i) => {
      const optimum = rlhfOptimum(BRADLEY_TERRY_REF, BRADLEY_TERRY_REWARDS, beta);
      const err = maxAbsDiff(sweep.probs[i], optimum);
      expect(err, `β = ${beta}`).toBeLessThanOrEqual(1e-3);
      worst = Math.max(worst, err);
    });
    // In fact to rounding.
    expect(worst).toBeLessThan(1e-12);
  });

  it('the same with Adam, with shared features, and on the app’s 40-point grid', () => {
    const betas = logGrid(1e-3, 10, 40);
    const shared: ToyProblem = {
      ...bt.problem,
      policy: { ...bt.problem.policy, features: sharedFeatures(4, 0.8) },
    };
    for (const [problem, optimizer] of [
      [bt.problem, 'adam'],
      [shared, 'sgd'],
      [shared, 'adam'],
    ] as const) {
      const sweep = betaSweep(problem, { ...bt.config, optimizer }, betas);
      expect(sweep.converged.every(Boolean)).toBe(true);
      betas.forEach((beta, i) => {
        const err = maxAbsDiff(sweep.probs[i], rlhfOptimum(BRADLEY_TERRY_REF, BRADLEY_TERRY_REWARDS, beta));
        expect(err, `${optimizer} β = ${beta}`).toBeLessThan(1e-9);
      });
    }
  });

  it('the reference sweep moves π* with π_ref(y_w)', () => {
    const beta = 0.5;
    const refProbs = [0.02, 0.2, 0.5, 0.9];
    const cfg = { ...bt.config, loss: { type: 'sigmoid' as const, beta } };
    const sweep = referenceSweep(bt.problem, cfg, { response: 0, refProbs });
    expect(sweep.converged.every(Boolean)).toBe(true);
    const others = Math.log(BRADLEY_TERRY_REF.slice(1).reduce((s, x) => s + Math.exp(x), 0));
    refProbs.forEach((q, i) => {
      const ref = [Math.log(q / (1 - q)) + others, ...BRADLEY_TERRY_REF.slice(1)];
      expect(maxAbsDiff(sweep.probs[i], rlhfOptimum(ref, BRADLEY_TERRY_REWARDS, beta))).toBeLessThan(1e-12);
    });
  });

  it('was the bug: 300 SGD steps at lr 1 are not the end (π(A) = 0.2 at β = 0.001 where π*(A) = 1)', () => {
    const run = trainToyPolicy(bt.problem, { ...bt.config, loss: { type: 'sigmoid', beta: 1e-3 } });
    expect(run.probs[300][0]).toBeLessThan(0.25);
    const sweep = betaSweep(bt.problem, bt.config, [1e-3]);
    expect(sweep.probs[0][0]).toBeCloseTo(1, 12);
  });
});

describe('one noisy pair, shared features: training ends where the expected-loss gradient is 0', () => {
  const problem: ToyProblem = {
    policy: { baseLogits: [1, 1, 0.3, -0.3], features: sharedFeatures(4, 0.8) },
    refLogits: [1, 1, 0.3, -0.3],
    pairs: [{ chosen: 0, rejected: 1, p: 0.9 }],
  };
  const losses: ToyLossConfig[] = [
    { type: 'sigmoid', beta: 1 },
    { type: 'cdpo', beta: 0.3, labelSmoothing: 0.1 },
    { type: 'robust', beta: 2, labelSmoothing: 0.05 },
    { type: 'ipo', beta: 0.5 },
    { type: 'exo_pair', beta: 1, labelSmoothing: 0.2 },
    { type: 'discopop', beta: 1 },
  ];

  for (const loss of losses)
    it(`${loss.type}: the gradient vanishes there, and that is where SGD and Adam really end`, () => {
      for (const optimizer of ['sgd', 'adam'] as const) {
        const end = trainToConvergence(problem, loss, { optimizer });
        expect(end.status).toBe('converged');
        expect(end.method).toBe('margin-line');
        expect(gradientNorm(problem, loss, end.theta!)).toBeLessThanOrEqual(G_TOL);
        // A long run with a small step lands on the same policy (not only the same margin: gradient descent
        // moves θ along a, Adam along sign(a), and with shared features those differ).
        // (DiscoPOP is 1/τ = 20 times as curved near h = 0: a larger step circles there.)
        const sgdLr = (loss.type === 'discopop' ? 0.05 : 0.5) / Math.max(1, loss.beta * loss.beta);
        const lr = optimizer === 'sgd' ? sgdLr : 0.01;
        const run = trainToyPolicy(problem, { loss, optimizer, learningRate: lr, steps: 20_000 });
        expect(maxAbsDiff(end.probs, run.probs[20_000]), optimizer).toBeLessThan(1e-6);
      }
    });

  it('the two optimisers reach the same margin with different π(y_w)', () => {
    const loss: ToyLossConfig = { type: 'sigmoid', beta: 1 };
    const sgd = trainToConvergence(problem, loss, { optimizer: 'sgd' });
    const adam = trainToConvergence(problem, loss, { optimizer: 'adam' });
    expect(marginOf(sgd.probs, problem.refLogits, 0, 1)).toBeCloseTo(Math.log(9), 10);
    expect(marginOf(adam.probs, problem.refLogits, 0, 1)).toBeCloseTo(Math.log(9), 10);
    expect(Math.abs(sgd.probs[0] - adam.probs[0])).toBeGreaterThan(0.05);
  });

  it('Newton from θ = 0 finds the same end as gradient descent (its steps stay on the line of a)', () => {
    for (const loss of losses) {
      const line = trainToConvergence(problem, loss);
      const newton = trainToConvergence(problem, loss, { newtonOnly: true });
      expect(newton.status, loss.type).toBe('converged');
      expect(maxAbsDiff(newton.probs, line.probs), loss.type).toBeLessThan(1e-9);
    }
  });

  it('a per-token margin with unequal lengths: the end follows gradient descent’s curved path', () => {
    // The normaliser no longer cancels from h̄ = ρw/Lw − ρl/Ll, so the minimum (h̄ = h̄*) leaves a family of
    // policies and the path decides which one training reaches.
    const uneven: ToyProblem = {
      policy: { baseLogits: [0.3, -0.2, 0.5, 0.1], features: identity(4) },
      refLogits: [0.1, 0.2, 0.4, -0.3],
      lengths: [2, 5, 1, 1],
      pairs: [{ chosen: 0, rejected: 1, p: 0.8 }],
    };
    const loss: ToyLossConfig = { type: 'sigmoid_norm', beta: 1 };
    const end = trainToConvergence(uneven, loss);
    expect(end.status).toBe('converged');
    expect(end.method).toBe('margin-line');
    expect(gradientNorm(uneven, loss, end.theta!)).toBeLessThanOrEqual(G_TOL);
    // Gradient descent with step η ends within O(η) of it.
    const steps = 100_000;
    const gaps = [0.1, 0.01].map((learningRate) => {
      const run = trainToyPolicy(uneven, { loss, optimizer: 'sgd', learningRate, steps });
      return maxAbsDiff(end.probs, run.probs[steps]);
    });
    expect(gaps[1]).toBeLessThan(1e-5);
    expect(gaps[1]).toBeLessThan(gaps[0]);
    // Newton reaches the same margin elsewhere: not where training ends.
    const newton = trainToConvergence(uneven, loss, { newtonOnly: true });
    expect(newton.status).toBe('converged');
    expect(Math.abs(newton.probs[0] - end.probs[0])).toBeGreaterThan(0.05);
  });

  it('a noisy pair among others (Newton): the gradient vanishes at the end', () => {
    const several: ToyProblem = {
      ...problem,
      pairs: [
        { chosen: 0, rejected: 1, p: 0.9 },
        { chosen: 2, rejected: 3, p: 0.7, weight: 2 },
        { chosen: 3, rejected: 0, p: 0.4 },
      ],
    };
    for (const beta of [1e-3, 0.1, 1, 10]) {
      const loss: ToyLossConfig = { type: 'sigmoid', beta };
      const end = trainToConvergence(several, loss);
      expect(end.method).toBe('newton');
      expect(end.status).toBe('converged');
      expect(gradientNorm(several, loss, end.theta!)).toBeLessThanOrEqual(G_TOL);
    }
  });
});

describe('IPO sweep points agree with the IPO closed form', () => {
  const betas = logGrid(1e-3, 10, 20);

  it('tabular, two responses: π*(y_w) = σ(logit π_ref(y_w) + (2p − 1)/(2β))', () => {
    const problem = tabular([0.4, -0.2], { pairs: [{ chosen: 0, rejected: 1, p: 0.7 }] });
    const sweep = betaSweep(problem, config({ type: 'ipo', beta: 1 }), betas);
    expect(sweep.closedForm.every(Boolean)).toBe(true);
    betas.forEach((beta, i) => {
      const refChosen = 1 / (1 + Math.exp(-0.6));
      expect(sweep.probs[i][0]).toBeCloseTo(twoResponseOptimum('ipo', 0.7, beta, refChosen), 12);
    });
  });

  it('Newton, which does not know the closed form, lands on h̄* = (2p − 1)/(2β) (summed and per token)', () => {
    const refLogits = [0.3, -0.1, 0.5, 0];
    const problem = tabular(refLogits, {
      lengths: [3, 3, 1, 2],
      pairs: [{ chosen: 0, rejected: 1, p: 0.8 }],
    });
    for (const ipoNormalization of ['sum', 'token'] as const)
      for (const beta of betas) {
        const end = trainToConvergence(
          problem,
          { type: 'ipo', beta, ipoNormalization },
          { newtonOnly: true },
        );
        expect(end.status).toBe('converged');
        const perToken = ipoNormalization === 'token' ? 3 : 1;
        // From θ (tabular: logits = ref + θ): at small β, π(y_l) underflows to 0.
        const h = end.theta![0] - end.theta![1];
        expect(Math.abs(h / perToken - 0.6 / (2 * beta)), `${ipoNormalization} β = ${beta}`).toBeLessThan(
          1e-9 * Math.max(1, 1 / beta),
        );
        // And on the same policy as the closed form.
        const exact = trainToConvergence(problem, { type: 'ipo', beta, ipoNormalization });
        expect(exact.method).toBe('closed-form');
        expect(maxAbsDiff(end.probs, exact.probs)).toBeLessThan(1e-9);
      }
  });

  it('the sweep’s closed-form points are closedForm.ts’s', () => {
    const problem = tabular([0.1, 0.2, 0.4, -0.3], {
      lengths: [2, 2, 1, 3],
      pairs: [{ chosen: 0, rejected: 1, p: 0.75 }],
    });
    for (const type of ['sigmoid', 'ipo', 'cdpo', 'sigmoid_norm'] as const) {
      const cfg = config({ type, beta: 1, labelSmoothing: type === 'cdpo' ? 0.1 : undefined });
      const sweep = betaSweep(problem, cfg, betas);
      betas.forEach((beta, i) => {
        expect(sweep.closedForm[i]).toBe(true);
        const pb = prepareProblem(problem);
        const exact = closedFormProbs(pb, prepareConfig({ ...cfg, loss: { ...cfg.loss, beta } }));
        expect(maxAbsDiff(sweep.probs[i], exact!)).toBeLessThan(1e-14);
      });
    }
  });
});

describe('an optimum at infinity is reported as such, not as an end', () => {
  const betas = logGrid(1e-3, 10, 12);

  it('DPO with p = 1 (the "Always preferred" scenario): unbounded at every β, drawn at its limit π(y_w) = 1', () => {
    const sc = findScenario('deterministic')!;
    const sweep = betaSweep(sc.problem, sc.config, betas);
    expect(sweep.status).toEqual(betas.map(() => 'unbounded'));
    expect(sweep.converged.some(Boolean)).toBe(false);
    expect(sweep.closedForm.some(Boolean)).toBe(false);
    expect(sweep.diverged.some(Boolean)).toBe(false);
    for (const row of sweep.probs) expect(row).toEqual([1, 0]);
    // IPO on the same data does end.
    const ipo = betaSweep(sc.problem, { ...sc.config, loss: { type: 'ipo', beta: 0.1 } }, betas);
    expect(ipo.converged.every(Boolean)).toBe(true);
  });

  it('Newton sees it too, and so does a p = 1 pair among others', () => {
    const problem = tabular([0, 0.5, 0.3, 0.2], { pairs: [{ chosen: 0, rejected: 1, p: 1 }] });
    const two = tabular([0, 0.5, 0.3, 0.2], {
      pairs: [
        { chosen: 0, rejected: 1, p: 1 },
        { chosen: 2, rejected: 3, p: 0.7 },
      ],
    });
    for (const beta of betas) {
      const end = trainToConvergence(problem, { type: 'sigmoid', beta }, { newtonOnly: true });
      expect(end.status, `β = ${beta}`).toBe('unbounded');
      expect(end.converged).toBe(false);
      expect(end.limit).toEqual([1, 0, 0, 0]);
      const both = trainToConvergence(two, { type: 'sigmoid', beta });
      expect(both.status, `two pairs, β = ${beta}`).toBe('unbounded');
      // y_w's logit climbs for ever (and y_l's falls), so in the limit y_w takes everything, while the
      // other pair rests at its optimum: βh = logit(0.7).
      expect(both.limit).toEqual([1, 0, 0, 0]);
      expect(beta * (both.theta![2] - both.theta![3])).toBeCloseTo(Math.log(0.7 / 0.3), 6);
    }
  });

  it('likelihood displacement with p = 1: the margin grows for ever and π(y_w) tends to 0', () => {
    const sc = findScenario('likelihood-displacement')!;
    const sweep = betaSweep(sc.problem, sc.config, betas);
    expect(sweep.status).toEqual(betas.map(() => 'unbounded'));
    for (const row of sweep.probs) {
      expect(row[0]).toBe(0);
      expect(row[1]).toBe(0);
      expect(row[2] + row[3]).toBeCloseTo(1, 14);
    }
  });

  it('robust DPO with p ≥ 1 − ε (unbounded below) and KTO on thumbs-down data', () => {
    const robust = tabular([0, 0.5, 0.3], {
      pairs: [
        { chosen: 0, rejected: 1, p: 0.95 },
        { chosen: 0, rejected: 2, p: 0.6 },
      ],
    });
    const r = trainToConvergence(robust, { type: 'robust', beta: 1, labelSmoothing: 0.1 });
    expect(r.status).toBe('unbounded');
    const kto = findScenario('kto-undesirable-only')!;
    const sweep = betaSweep(kto.problem, kto.config, betas);
    expect(sweep.status).toEqual(betas.map(() => 'unbounded'));
    for (const row of sweep.probs) expect(row[0]).toBe(0);
  });
});

describe('whatever the learning rate', () => {
  it('the sweep does not read config.learningRate, config.steps or diverge with them', () => {
    const problem = tabular([0, 0.5, 0.3], {
      pairs: [
        { chosen: 0, rejected: 1, p: 0.8 },
        { chosen: 1, rejected: 2, p: 0.6 },
      ],
    });
    for (const type of ['sigmoid', 'ipo', 'sppo_hard', 'nca_pair'] as const) {
      const a = betaSweep(problem, config({ type, beta: 1 }, 'sgd', 10, 5));
      const b = betaSweep(problem, config({ type, beta: 1 }, 'sgd', 1e-4, 2000));
      expect(a.probs).toEqual(b.probs);
      expect(a.diverged.some(Boolean)).toBe(false);
    }
  });
});

// ---- properties ---------------------------------------------------------------------------------------

const logitArb = fc.double({ min: -2, max: 2, noNaN: true });

/** A random valid problem: K responses, tabular or random features, pairs and unpaired examples. */
const problemArb = fc
  .record({ K: fc.integer({ min: 2, max: 5 }), d: fc.integer({ min: 1, max: 6 }), tab: fc.boolean() })
  .chain(({ K, d, tab }) =>
    fc.record({
      base: fc.array(logitArb, { minLength: K, maxLength: K }),
      ref: fc.array(logitArb, { minLength: K, maxLength: K }),
      features: tab
        ? fc.constant(identity(K))
        : fc.array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d, maxLength: d }), {
            minLength: K,
            maxLength: K,
          }),
      lengths: fc.option(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: K, maxLength: K }), {
        nil: undefined,
      }),
      pairs: fc.array(
        fc.record({
          chosen: fc.integer({ min: 0, max: K - 1 }),
          shift: fc.integer({ min: 1, max: K - 1 }),
          p: fc.oneof(fc.constantFrom(0, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })),
          weight: fc.double({ min: 0.1, max: 2, noNaN: true }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      unpaired: fc.array(
        fc.record({ response: fc.integer({ min: 0, max: K - 1 }), desirable: fc.boolean() }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  )
  .map(({ base, ref, features, lengths, pairs, unpaired }): ToyProblem => ({
    policy: { baseLogits: base, features },
    refLogits: ref,
    lengths,
    pairs: pairs.map(({ chosen, shift, p, weight }) => ({
      chosen,
      rejected: (chosen + shift) % base.length,
      p,
      weight,
    })),
    unpaired,
  }));

const lossArb = fc
  .record({
    type: fc.constantFrom<LossId>(...LOSS_IDS),
    beta: fc.double({ min: Math.log(1e-3), max: Math.log(10), noNaN: true }).map(Math.exp),
    eps: fc.double({ min: 0.01, max: 0.4, noNaN: true }),
    ipoNormalization: fc.constantFrom<'token' | 'sum'>('token', 'sum'),
    z0: fc.constantFrom<ToyLossConfig['z0']>('kl', 'batch', 0.2),
  })
  .map(({ type, beta, eps, ipoNormalization, z0 }): ToyLossConfig => {
    const loss: ToyLossConfig = { type, beta };
    if (type === 'cdpo' || type === 'robust' || type === 'exo_pair') loss.labelSmoothing = eps;
    if (type === 'ipo') loss.ipoNormalization = ipoNormalization;
    if (type === 'kto') loss.z0 = z0;
    return loss;
  });

function checkEnd(end: ConvergenceResult, problem: ToyProblem, loss: ToyLossConfig): void {
  const K = problem.refLogits.length;
  expect(end.probs).toHaveLength(K);
  for (const v of end.probs) {
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
  }
  expect(Math.abs(end.probs.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-9);
  expect(end.converged).toBe(end.status === 'converged');
  if (end.converged) {
    expect(end.theta).not.toBeNull();
    expect(end.theta!.every(Number.isFinite)).toBe(true);
    expect(end.gradientNorm).toBeLessThanOrEqual(G_TOL);
    // Measured again from the public API.
    expect(gradientNorm(problem, loss, end.theta!)).toBeLessThanOrEqual(G_TOL);
  }
  if (end.status === 'unbounded') expect(end.limit).toEqual(end.probs);
  expect(end.status).not.toBe('diverged');
}

describe('properties', () => {
  it('for random valid problems and β in [1e-3, 10]: every converged point has its gradient within the criterion, no NaN', () => {
    fc.assert(
      fc.property(
        problemArb,
        lossArb,
        fc.constantFrom<'sgd' | 'adam'>('sgd', 'adam'),
        (problem, loss, optimizer) => {
          checkEnd(trainToConvergence(problem, loss, { optimizer }), problem, loss);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('the same through betaSweep and referenceSweep (every point a valid end)', () => {
    fc.assert(
      fc.property(problemArb, lossArb, (problem, loss) => {
        const cfg: ToyTrainConfig = config(loss, 'adam', 0.05, 10);
        const sweep = betaSweep(problem, cfg, logGrid(1e-3, 10, 5));
        sweep.x.forEach((beta, i) => {
          expect(sweep.converged[i]).toBe(sweep.status[i] === 'converged');
          expect(sweep.probs[i].every(Number.isFinite)).toBe(true);
          expect(Math.abs(sweep.probs[i].reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-9);
          const end = trainToConvergence(problem, { ...loss, beta }, { optimizer: 'adam' });
          expect(sweep.probs[i]).toEqual(end.probs);
        });
        const ref = referenceSweep(problem, cfg, { refProbs: [0.1, 0.6] });
        for (const row of ref.probs) expect(row.every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

// ---- the pieces -----------------------------------------------------------------------------------------

describe('pieces of the Newton iteration', () => {
  it('the Hessian equals central differences of the exact gradient, for every loss', () => {
    const problem: ToyProblem = {
      policy: { baseLogits: [0.2, -0.3, 0.5, 0], features: sharedFeatures(4, 0.6) },
      refLogits: [0.1, 0.4, -0.2, 0],
      lengths: [2, 3, 1, 2],
      pairs: [
        { chosen: 0, rejected: 1, p: 0.8 },
        { chosen: 2, rejected: 1, p: 0.3, weight: 2 },
      ],
      unpaired: [
        { response: 0, desirable: true },
        { response: 3, desirable: false },
      ],
    };
    const theta = [0.3, -0.7, 0.4, 0.1, -0.2];
    for (const type of LOSS_IDS) {
      const loss: ToyLossConfig = { type, beta: 1.3, labelSmoothing: type === 'exo_pair' ? 0.1 : undefined };
      if (type === 'hinge') continue; // piecewise linear: no curvature off its kinks, nothing to compare
      const pb = prepareProblem(problem);
      const cfg = prepareConfig(config(loss));
      const sc = createConvergeScratch(pb);
      sc.ws.theta.set(theta);
      evaluateObjective(pb, cfg, sc.ws, sc.state);
      assembleHessian(pb, cfg, sc, sc.state.z0);
      const d = theta.length;
      for (let j = 0; j < d; j++) {
        const e = 1e-6;
        const up = theta.slice();
        const down = theta.slice();
        up[j] += e;
        down[j] -= e;
        // KTO: z0 held at its value at θ, as the Hessian holds it.
        const gUp = toyObjective(problem, config(loss), up, { z0: sc.state.z0 }).gradient;
        const gDown = toyObjective(problem, config(loss), down, { z0: sc.state.z0 }).gradient;
        for (let i = 0; i < d; i++) {
          const fd = (gUp[i] - gDown[i]) / (2 * e);
          expect(Math.abs(sc.hTheta[i * d + j] - fd), `${type} [${i}][${j}]`).toBeLessThan(
            1e-6 * (1 + Math.abs(fd)),
          );
        }
      }
    }
  });

  it('symmetricEigen: A = Q·diag(λ)·Qᵀ with Q orthonormal', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 7 })
          .chain((d) =>
            fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: d * d, maxLength: d * d }),
          ),
        (raw) => {
          const d = Math.round(Math.sqrt(raw.length));
          const a = new Float64Array(d * d);
          for (let i = 0; i < d; i++)
            for (let j = 0; j < d; j++) a[i * d + j] = raw[i * d + j] + raw[j * d + i];
          const copy = Float64Array.from(a);
          const values = new Float64Array(d);
          const q = new Float64Array(d * d);
          symmetricEigen(copy, d, values, q);
          const scale = 1 + Math.max(...Array.from(a, Math.abs));
          for (let i = 0; i < d; i++)
            for (let j = 0; j < d; j++) {
              let rec = 0;
              let dot = 0;
              for (let k = 0; k < d; k++) {
                rec += q[i * d + k] * values[k] * q[j * d + k];
                dot += q[k * d + i] * q[k * d + j];
              }
              expect(Math.abs(rec - a[i * d + j])).toBeLessThan(1e-12 * scale);
              expect(Math.abs(dot - (i === j ? 1 : 0))).toBeLessThan(1e-12);
            }
        },
      ),
    );
  });

  it('MARGIN_ONLY_LOSSES are exactly the pair losses with ∂L/∂ρw = −∂L/∂ρl (equal lengths)', () => {
    const out: LossAndGrad = { loss: 0, dw: 0, dl: 0 };
    const points = [
      [-0.7, 0.4],
      [1.3, -2.1],
      [0.2, 0.9],
    ];
    for (const type of PAIR_LOSS_TYPES) {
      const params = kernelParams(type, { beta: 0.8, labelSmoothing: type === 'exo_pair' ? 0.1 : 0.05 });
      params.invLw = 0.5;
      params.invLl = 0.5;
      const balanced = points.every(([rw, rl]) => {
        PAIR_KERNELS[type](rw, rl, params, out);
        return Math.abs(out.dw + out.dl) <= 1e-12 * (1 + Math.abs(out.dw));
      });
      expect(balanced, type).toBe(MARGIN_ONLY_LOSSES.has(type));
    }
  });
});
