// β and reference sweeps: closed forms where they exist (checked against long training runs, which also
// checks the K-response derivation in closedForm.ts), training to convergence elsewhere (converge.ts; more in
// toy.sweepConvergence.test.ts).
import { describe, expect, it } from 'vitest';
import {
  betaSweep,
  logGrid,
  probabilityGrid,
  referenceSweep,
  trainToyPolicy,
  twoResponseOptimum,
  type ToyProblem,
  type ToyTrainConfig,
} from '../../src/math/index.ts';
import { trainToConvergence } from '../../src/math/toy/converge.ts';
import { config, identity, tabular } from '../helpers/toyProblems.ts';

describe('grids', () => {
  it('logGrid: 40 points from 1e-3 to 10 with a constant ratio', () => {
    const g = logGrid();
    expect(g).toHaveLength(40);
    expect(g[0]).toBe(1e-3);
    expect(g[39]).toBe(10);
    const ratio = g[1] / g[0];
    for (let i = 1; i < 40; i++) expect(g[i] / g[i - 1]).toBeCloseTo(ratio, 12);
  });

  it('probabilityGrid: symmetric in logit around ½', () => {
    const g = probabilityGrid(0.01, 9);
    expect(g[0]).toBeCloseTo(0.01, 15);
    expect(g[8]).toBeCloseTo(0.99, 15);
    expect(g[4]).toBeCloseTo(0.5, 15);
    for (let i = 0; i < 9; i++) expect(g[i] + g[8 - i]).toBeCloseTo(1, 14);
  });
});

/** K = 4, base ≠ ref, one pair: the closed form's general case. */
const K4: ToyProblem = {
  policy: { baseLogits: [0.3, -0.2, 0.5, 0.1], features: identity(4) },
  refLogits: [0.1, 0.2, 0.4, -0.3],
  lengths: [2, 2, 1, 3],
  pairs: [{ chosen: 0, rejected: 1, p: 0.75 }],
};

describe('betaSweep closed forms equal the limit of training', () => {
  const losses: ToyTrainConfig['loss'][] = [
    { type: 'sigmoid', beta: 1 },
    { type: 'cdpo', beta: 1, labelSmoothing: 0.1 },
    { type: 'robust', beta: 1, labelSmoothing: 0.1 },
    { type: 'ipo', beta: 1, ipoNormalization: 'sum' },
    // Equal lengths (2 and 2): the per-token margin is h/2 and the gradient stays balanced.
    { type: 'ipo', beta: 1, ipoNormalization: 'token' },
    { type: 'sigmoid_norm', beta: 1 },
    { type: 'exo_pair', beta: 1, labelSmoothing: 0.1 },
  ];
  for (const loss of losses) {
    it(`${loss.type}${loss.ipoNormalization ? ` (${loss.ipoNormalization})` : ''}`, () => {
      const betas = [0.5, 2];
      const sweep = betaSweep(K4, config(loss, 'sgd', 0.5, 300), betas);
      expect(sweep.x).toEqual(betas);
      expect(sweep.closedForm).toEqual([true, true]);
      betas.forEach((beta, i) => {
        const steps = 20000;
        // A step size inside each loss's stable range: IPO's curvature in h is 2 whatever β is.
        const lr = loss.type === 'ipo' ? 0.1 : 0.5 / (beta * beta);
        const run = trainToyPolicy(K4, config({ ...loss, beta }, 'sgd', lr, steps));
        sweep.probs[i].forEach((p, k) => expect(Math.abs(p - run.probs[steps][k])).toBeLessThan(1e-8));
      });
      // Responses outside the pair keep their base logits relative to each other.
      const [p2, p3] = [sweep.probs[0][2], sweep.probs[0][3]];
      expect(Math.log(p2 / p3)).toBeCloseTo(0.5 - 0.1, 12);
    });
  }

  it('two responses, uniform reference: twoResponseOptimum', () => {
    const problem = tabular([0, 0], { pairs: [{ chosen: 0, rejected: 1, p: 0.8 }] });
    const betas = logGrid(0.01, 10, 12);
    for (const type of ['sigmoid', 'ipo'] as const) {
      const sweep = betaSweep(problem, config({ type, beta: 1 }), betas);
      sweep.probs.forEach((row, i) => {
        expect(sweep.closedForm[i]).toBe(true);
        expect(row[0]).toBeCloseTo(twoResponseOptimum(type, 0.8, betas[i]), 14);
        expect(row[0] + row[1]).toBeCloseTo(1, 14);
      });
    }
  });
});

describe('betaSweep trains to the end where there is no closed form', () => {
  // Until issue 10 these points were config.steps (60) Adam steps and the test checked exactly that; that
  // was the bug: unfinished training drawn as where training ends. Now each point is the end of training
  // (converge.ts), whatever the learning rate and step count, with a status saying whether there is one.
  const cases: [string, ToyProblem, ToyTrainConfig['loss'], string][] = [
    [
      'DPO with p = 1',
      { ...K4, pairs: [{ chosen: 0, rejected: 1, p: 1 }] },
      { type: 'sigmoid', beta: 1 },
      'unbounded',
    ],
    [
      'KTO',
      {
        ...K4,
        unpaired: [
          { response: 0, desirable: true },
          { response: 1, desirable: false },
        ],
      },
      { type: 'kto', beta: 1 },
      'unbounded',
    ],
    // Hinge with p = 0.75 ends at its kink βh = 1: the minimum, but not a point where the gradient vanishes.
    ['hinge', K4, { type: 'hinge', beta: 1 }, 'kink'],
    [
      'IPO per token with unequal lengths',
      { ...K4, lengths: [1, 3, 1, 1] },
      { type: 'ipo', beta: 1 },
      'converged',
    ],
    [
      'two pairs',
      { ...K4, pairs: [...K4.pairs!, { chosen: 2, rejected: 3, p: 0.6 }] },
      { type: 'sigmoid', beta: 1 },
      'converged',
    ],
    [
      'shared features',
      {
        ...K4,
        policy: {
          baseLogits: K4.policy.baseLogits,
          features: [
            [1, 0],
            [0.5, 1],
            [0, 1],
            [1, 1],
          ],
        },
      },
      { type: 'sigmoid', beta: 1 },
      'converged',
    ],
    [
      'robust DPO with p ≥ 1 − ε',
      { ...K4, pairs: [{ chosen: 0, rejected: 1, p: 0.95 }] },
      { type: 'robust', beta: 1, labelSmoothing: 0.1 },
      'unbounded',
    ],
  ];
  it.each(cases)('%s', (_name, problem, loss, status) => {
    const betas = [0.1, 1, 3];
    const cfg = config(loss, 'adam', 0.05, 60);
    const sweep = betaSweep(problem, cfg, betas);
    expect(sweep.closedForm).toEqual([false, false, false]);
    expect(sweep.status).toEqual([status, status, status]);
    expect(sweep.converged).toEqual(betas.map(() => status === 'converged'));
    betas.forEach((beta, i) => {
      const end = trainToConvergence(problem, { ...loss, beta }, { optimizer: 'adam' });
      expect(sweep.probs[i]).toEqual(end.probs);
      // Where there is an end, long training with small gradient-descent steps gets there too (with 'sgd'
      // the sweep follows gradient descent's path where the minimum leaves the policy open).
      if (status === 'converged') {
        const sgd = betaSweep(problem, { ...cfg, optimizer: 'sgd' }, [beta]);
        const steps = 40_000;
        // A step inside each loss’s stable range, as above.
        const learningRate = loss.type === 'ipo' ? 0.01 : 0.5 / (beta * beta);
        const run = trainToyPolicy(problem, {
          loss: { ...loss, beta },
          optimizer: 'sgd',
          learningRate,
          steps,
        });
        // Where the path decides the end (IPO per token, unequal lengths: the normaliser turns the gradient),
        // a step of η ends within O(η) of the small-step limit the sweep computes.
        const tolerance = loss.type === 'ipo' ? 0.02 * learningRate : 1e-6;
        sgd.probs[0].forEach((p, k) => expect(Math.abs(p - run.probs[steps][k])).toBeLessThan(tolerance));
      }
    });
  });

  it('defaults to the 40-point grid', () => {
    const sweep = betaSweep(K4, config({ type: 'sigmoid', beta: 1 }));
    expect(sweep.x).toEqual(logGrid());
    expect(sweep.probs).toHaveLength(40);
    expect(sweep.closedForm).toHaveLength(40);
    expect(sweep.converged).toHaveLength(40);
    expect(sweep.status).toHaveLength(40);
  });
});

describe('referenceSweep', () => {
  it('two responses: logit π*(y_w) = logit π_ref(y_w) + h*', () => {
    const problem = tabular([0, 0], { pairs: [{ chosen: 0, rejected: 1, p: 0.7 }] });
    const refProbs = [0.05, 0.3, 0.5, 0.9];
    for (const type of ['sigmoid', 'ipo'] as const) {
      const sweep = referenceSweep(problem, config({ type, beta: 0.5 }), { refProbs });
      expect(sweep.x).toEqual(refProbs);
      sweep.probs.forEach((row, i) => {
        expect(sweep.closedForm[i]).toBe(true);
        expect(row[0]).toBeCloseTo(twoResponseOptimum(type, 0.7, 0.5, refProbs[i]), 13);
      });
    }
  });

  function moved(problem: ToyProblem, y: number, q: number, shiftPolicy: boolean): ToyProblem {
    const others = problem.refLogits.filter((_, k) => k !== y);
    const target = Math.log(q / (1 - q)) + Math.log(others.reduce((s, x) => s + Math.exp(x), 0));
    const shift = target - problem.refLogits[y];
    const refLogits = problem.refLogits.map((x, k) => (k === y ? target : x));
    const baseLogits = problem.policy.baseLogits.map((x, k) => (k === y && shiftPolicy ? x + shift : x));
    return { ...problem, refLogits, policy: { ...problem.policy, baseLogits } };
  }

  for (const shiftPolicy of [true, false]) {
    // Was: equal to 40 SGD steps on the moved problem (the same bug as above); now the end of training.
    it(`trained points equal training to the end on the moved problem (shiftPolicy ${shiftPolicy})`, () => {
      const problem: ToyProblem = {
        ...K4,
        unpaired: [
          { response: 2, desirable: true },
          { response: 1, desirable: false },
        ],
      };
      const cfg = config({ type: 'kto', beta: 0.5 }, 'sgd', 0.5, 40);
      const refProbs = [0.1, 0.6];
      // The default response is the first pair's chosen one, response 0.
      const sweep = referenceSweep(problem, cfg, { refProbs, shiftPolicy });
      expect(sweep.closedForm).toEqual([false, false]);
      refProbs.forEach((q, i) => {
        const m = moved(problem, 0, q, shiftPolicy);
        const end = trainToConvergence(m, cfg.loss, { optimizer: 'sgd' });
        expect(sweep.status[i]).toBe(end.status);
        sweep.probs[i].forEach((p, k) => expect(p).toBeCloseTo(end.probs[k], 12));
      });
    });
  }

  it('the swept response really has the asked reference probability', () => {
    // Was checked with 0 training steps (the start is the reference); the sweep no longer stops early, so
    // through the closed form instead: y = 2 beats y = 1 with p = 0.7, and at the end
    // π(2)/π(1) = (πref(2)/πref(1))·e^(h*), h* = logit(0.7)/β, with πref(1) rescaled by (1 − q)/Σ_{k≠2} πref(k).
    const problem: ToyProblem = { ...K4, pairs: [{ chosen: 2, rejected: 1, p: 0.7 }] };
    const sameStart = { ...problem, policy: { ...problem.policy, baseLogits: problem.refLogits.slice() } };
    const beta = 1.5;
    const sweep = referenceSweep(sameStart, config({ type: 'sigmoid', beta }), { refProbs: [0.2, 0.7] });
    expect(sweep.closedForm).toEqual([true, true]);
    const ref = problem.refLogits.map(Math.exp);
    const others = ref[0] + ref[1] + ref[3];
    [0.2, 0.7].forEach((q, i) => {
      const refRejected = ((1 - q) * ref[1]) / others;
      const expected = Math.log(q / refRejected) + Math.log(0.7 / 0.3) / beta;
      expect(Math.log(sweep.probs[i][2] / sweep.probs[i][1])).toBeCloseTo(expected, 12);
    });
  });
});
