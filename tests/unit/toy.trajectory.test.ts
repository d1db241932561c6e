// What a run records besides probs and loss: its shape, TRL's metrics (checked against the public
// batchMetrics / ktoLoss / ktoReferencePoint), KTO's reference point, and the optimiser's first steps.
import { describe, expect, it } from 'vitest';
import {
  batchMetrics,
  ktoLoss,
  ktoReferencePoint,
  logSumExp,
  logit,
  toyObjective,
  trainToyPolicy,
  unpairedFromPairs,
  type PairLossType,
  type ToyProblem,
} from '../../src/math/index.ts';
import { config, identity, tabular } from '../helpers/toyProblems.ts';

const PROBLEM: ToyProblem = {
  policy: {
    baseLogits: [0.5, 0.1, -0.3, 0.2],
    features: [
      [1, 0.2],
      [0.8, -0.5],
      [0.1, 1],
      [-0.6, 0.3],
    ],
  },
  refLogits: [0.5, 0.1, -0.3, 0.2],
  pairs: [
    { chosen: 0, rejected: 1, p: 1 },
    { chosen: 2, rejected: 3, p: 1 },
    { chosen: 1, rejected: 3, p: 1 },
  ],
  unpaired: [
    { response: 0, desirable: true },
    { response: 2, desirable: true, weight: 2 },
    { response: 3, desirable: false },
  ],
};

const refLogp = (() => {
  const lse = logSumExp(PROBLEM.refLogits);
  return PROBLEM.refLogits.map((x) => x - lse);
})();

describe('trajectory shape', () => {
  const steps = 12;
  const run = trainToyPolicy(PROBLEM, config({ type: 'sigmoid', beta: 0.5 }, 'adam', 0.1, steps));

  it('holds steps 0…steps of everything', () => {
    for (const rows of [run.probs, run.logProbs, run.logRatios, run.margins, run.theta])
      expect(rows).toHaveLength(steps + 1);
    for (const column of [run.loss, run.kl, ...Object.values(run.metrics)])
      expect(column).toHaveLength(steps + 1);
    expect(run.theta[0]).toEqual([0, 0]);
    expect(run.margins[0]).toEqual([0, 0, 0]);
    expect(run.z0).toBeNull();
  });

  it('keeps log π, π, ρ, θ and the margins consistent', () => {
    for (let t = 0; t <= steps; t++) {
      run.probs[t].forEach((p, k) => expect(Math.exp(run.logProbs[t][k])).toBeCloseTo(p, 14));
      run.logRatios[t].forEach((r, k) => expect(r).toBeCloseTo(run.logProbs[t][k] - refLogp[k], 14));
      PROBLEM.pairs!.forEach((pair, i) =>
        expect(run.margins[t][i]).toBeCloseTo(
          run.logRatios[t][pair.chosen] - run.logRatios[t][pair.rejected],
          14,
        ),
      );
      // θ reproduces the logits: log π = base + features·θ − logsumexp.
      const logits = PROBLEM.policy.baseLogits.map(
        (b, k) => b + PROBLEM.policy.features[k].reduce((s, f, j) => s + f * run.theta[t][j], 0),
      );
      const lse = logSumExp(logits);
      logits.forEach((x, k) => expect(x - lse).toBeCloseTo(run.logProbs[t][k], 12));
      const kl = run.probs[t].reduce((s, p, k) => s + p * run.logRatios[t][k], 0);
      expect(run.kl[t]).toBeCloseTo(Math.max(0, kl), 14);
    }
    expect(run.kl[0]).toBe(0);
    expect(run.kl[steps]).toBeGreaterThan(0);
  });

  it('is assignable to the API type and serialises its lazily built rows', () => {
    const asApi: { probs: number[][]; loss: number[] } & Record<string, unknown> = run;
    const parsed = JSON.parse(JSON.stringify(asApi)) as Record<string, unknown>;
    expect(parsed.theta).toEqual(run.theta);
    expect(parsed.logProbs).toEqual(run.logProbs);
    expect(Object.keys(parsed)).toEqual(
      expect.arrayContaining([
        'probs',
        'loss',
        'logProbs',
        'logRatios',
        'margins',
        'metrics',
        'kl',
        'z0',
        'theta',
      ]),
    );
  });

  it('steps = 0 gives only the starting point', () => {
    const zero = trainToyPolicy(PROBLEM, config({ type: 'ipo', beta: 0.5 }, 'sgd', 0.1, 0));
    expect(zero.probs).toHaveLength(1);
    expect(zero.loss).toHaveLength(1);
    expect(zero.theta).toEqual([[0, 0]]);
  });
});

/**
 * Noisy, weighted pairs with p and w in simple fractions, so the dataset they stand for is a list of whole
 * pairs: a pair with weight w and preference p is 8w·p copies of (chosen, rejected) and 8w·(1 − p) of the
 * flip.
 */
const NOISY: ToyProblem = {
  ...PROBLEM,
  pairs: [
    { chosen: 0, rejected: 1, p: 0.75 },
    { chosen: 2, rejected: 3, p: 0.5, weight: 2 },
    { chosen: 1, rejected: 3, p: 1 },
    { chosen: 3, rejected: 0, p: 0.25, weight: 0.5 },
  ],
};
const COPIES_PER_WEIGHT = 8;

/** The dataset a problem's pairs stand for, as whole labelled pairs [chosen, rejected]. */
function expandedPairs(problem: ToyProblem): [number, number][] {
  const out: [number, number][] = [];
  const copies = (x: number) => {
    const n = Math.round(COPIES_PER_WEIGHT * x);
    if (Math.abs(n - COPIES_PER_WEIGHT * x) > 1e-12) throw new Error(`${x} is not a whole number of copies`);
    return n;
  };
  for (const { chosen, rejected, p, weight = 1 } of problem.pairs!) {
    for (let j = copies(weight * p); j > 0; j--) out.push([chosen, rejected]);
    for (let j = copies(weight * (1 - p)); j > 0; j--) out.push([rejected, chosen]);
  }
  return out;
}

describe('TRL metrics match batchMetrics over the dataset the weighted, noisy pairs stand for', () => {
  const types: PairLossType[] = ['sigmoid', 'ipo', 'hinge', 'nca_pair', 'discopop'];
  const dataset = expandedPairs(NOISY);

  it('the expanded dataset has 8·Σw whole pairs, a quarter of them flipped', () => {
    expect(dataset).toHaveLength(COPIES_PER_WEIGHT * (1 + 2 + 1 + 0.5));
    expect(dataset.filter(([c]) => c === 1)).toHaveLength(2 + 8);
  });

  it.each(types)('%s', (type) => {
    const steps = 8;
    const beta = 0.4;
    const run = trainToyPolicy(NOISY, config({ type, beta }, 'sgd', 0.5, steps));
    for (let t = 0; t <= steps; t++) {
      const pairs = dataset.map(([c, r]) => ({
        policyChosen: run.logProbs[t][c],
        policyRejected: run.logProbs[t][r],
        refChosen: refLogp[c],
        refRejected: refLogp[r],
      }));
      const want = batchMetrics(type, pairs, { beta });
      // TRL's mean loss over that dataset is the toy's objective too.
      for (const [name, value] of Object.entries(want)) {
        const got = run.metrics[name][t];
        expect(Math.abs(got - value), `${name} at step ${t}`).toBeLessThan(
          1e-12 * Math.max(1, Math.abs(value)),
        );
      }
    }
    expect(run.metrics['rewards/accuracies'][0]).toBe(0);
    expect(run.metrics.kl).toBeUndefined();
  });

  it('deterministic, equal-weight pairs: plain means over the pairs', () => {
    const beta = 0.4;
    const run = trainToyPolicy(PROBLEM, config({ type: 'sigmoid', beta }, 'sgd', 0.5, 5));
    const pairs = PROBLEM.pairs!.map((pair) => ({
      policyChosen: run.logProbs[5][pair.chosen],
      policyRejected: run.logProbs[5][pair.rejected],
      refChosen: refLogp[pair.chosen],
      refRejected: refLogp[pair.rejected],
    }));
    for (const [name, value] of Object.entries(batchMetrics('sigmoid', pairs, { beta })))
      expect(run.metrics[name][5], name).toBeCloseTo(value, 13);
  });

  it('hand-computed weighted means for one pair with p = 0.7, weight 3', () => {
    const beta = 0.5;
    const problem = tabular([0.2, -0.3, 0.1], { pairs: [{ chosen: 0, rejected: 2, p: 0.7, weight: 3 }] });
    const run = trainToyPolicy(problem, config({ type: 'ipo', beta }, 'sgd', 0.1, 6));
    for (let t = 1; t <= 6; t++) {
      const [rc, rr] = [beta * run.logRatios[t][0], beta * run.logRatios[t][2]];
      const [lc, lr] = [run.logProbs[t][0], run.logProbs[t][2]];
      expect(rc).toBeGreaterThan(rr);
      expect(run.metrics['rewards/chosen'][t]).toBeCloseTo(0.7 * rc + 0.3 * rr, 14);
      expect(run.metrics['rewards/rejected'][t]).toBeCloseTo(0.7 * rr + 0.3 * rc, 14);
      expect(run.metrics['rewards/margins'][t]).toBeCloseTo(0.4 * (rc - rr), 14);
      expect(run.metrics['rewards/accuracies'][t]).toBeCloseTo(0.7, 14);
      expect(run.metrics['logps/chosen'][t]).toBeCloseTo(0.7 * lc + 0.3 * lr, 14);
      expect(run.metrics['logps/rejected'][t]).toBeCloseTo(0.7 * lr + 0.3 * lc, 14);
    }
  });
});

describe('label noise in the logs: a pair with p = 0.9', () => {
  const problem = tabular([0, 0], { pairs: [{ chosen: 0, rejected: 1, p: 0.9 }] });

  it('DPO: accuracy 0.9, not 1, from the first update to convergence; margins → 0.8·logit(0.9)', () => {
    const beta = 1;
    const run = trainToyPolicy(problem, config({ type: 'sigmoid', beta }, 'sgd', 0.5, 400));
    const acc = run.metrics['rewards/accuracies'];
    expect(acc[0]).toBe(0);
    acc.slice(1).forEach((a, t) => expect(a, `step ${t + 1}`).toBeCloseTo(0.9, 14));
    // Converged: βh = logit(0.9), and 90% of the labels see +βh, 10% see −βh.
    expect(run.margins[400][0]).toBeCloseTo(logit(0.9) / beta, 8);
    expect(run.metrics['rewards/margins'][400]).toBeCloseTo(0.8 * logit(0.9), 8);
    const [rc, rr] = [beta * run.logRatios[400][0], beta * run.logRatios[400][1]];
    expect(run.metrics['rewards/chosen'][400]).toBeCloseTo(0.9 * rc + 0.1 * rr, 12);
  });

  it('KTO (and APO-zero unpaired) on its unpaired conversion: rewards/margins > 0 after training', () => {
    const unpaired = unpairedFromPairs(problem.pairs!);
    expect(unpaired).toEqual([
      { response: 0, desirable: true, weight: 0.9 },
      { response: 1, desirable: false, weight: 0.9 },
      { response: 1, desirable: true, weight: expect.closeTo(0.1, 15) as number },
      { response: 0, desirable: false, weight: expect.closeTo(0.1, 15) as number },
    ]);
    for (const type of ['kto', 'apo_zero_unpaired'] as const) {
      const beta = 0.5;
      const run = trainToyPolicy({ ...problem, unpaired }, config({ type, beta }, 'sgd', 0.5, 100));
      const t = 100;
      const [rc, rr] = [beta * run.logRatios[t][0], beta * run.logRatios[t][1]];
      expect(rc, type).toBeGreaterThan(rr);
      expect(run.metrics['rewards/chosen'][t], type).toBeCloseTo(0.9 * rc + 0.1 * rr, 14);
      expect(run.metrics['rewards/rejected'][t], type).toBeCloseTo(0.9 * rr + 0.1 * rc, 14);
      expect(run.metrics['rewards/margins'][t], type).toBeCloseTo(0.8 * (rc - rr), 14);
      expect(run.metrics['rewards/margins'][t], type).toBeGreaterThan(0.1);
      run.metrics['rewards/margins'].slice(1).forEach((m) => expect(m, type).toBeGreaterThan(0));
    }
  });
});

describe('KTO', () => {
  const beta = 0.7;
  const lambdaD = 1.3;
  const lambdaU = 0.6;

  function lossAt(run: ReturnType<typeof trainToyPolicy>, t: number, z0: number): number {
    let total = 0;
    let weights = 0;
    for (const u of PROBLEM.unpaired!) {
      const w = u.weight ?? 1;
      const r = ktoLoss(
        'kto',
        { policy: run.logProbs[t][u.response], ref: refLogp[u.response], desirable: u.desirable },
        { beta, z0, desirableWeight: lambdaD, undesirableWeight: lambdaU },
      );
      total += w * r.loss;
      weights += w;
    }
    return total / weights;
  }

  it("z0 = 'kl' (default) is the exact KL of each step, and the loss is the weighted mean of ktoLoss", () => {
    const run = trainToyPolicy(
      PROBLEM,
      config({ type: 'kto', beta, desirableWeight: lambdaD, undesirableWeight: lambdaU }, 'sgd', 0.5, 10),
    );
    expect(run.z0).not.toBeNull();
    run.z0!.forEach((z, t) => {
      expect(z).toBe(run.kl[t]);
      expect(run.metrics.kl[t]).toBe(z);
      expect(run.loss[t]).toBeCloseTo(lossAt(run, t, z), 13);
    });
    expect(run.z0![10]).toBeGreaterThan(0);
    expect(run.metrics['rewards/accuracies']).toBeUndefined();
  });

  it("z0 = 'batch' is TRL's max(0, mean ρ) over the unpaired examples' responses", () => {
    const run = trainToyPolicy(
      PROBLEM,
      config(
        { type: 'kto', beta, z0: 'batch', desirableWeight: lambdaD, undesirableWeight: lambdaU },
        'sgd',
        0.5,
        10,
      ),
    );
    let positive = 0;
    run.z0!.forEach((z, t) => {
      const want = ktoReferencePoint(
        PROBLEM.unpaired!.map((u) => ({ policy: run.logProbs[t][u.response], ref: refLogp[u.response] })),
      );
      expect(z).toBeCloseTo(want, 14);
      if (z > 0) positive++;
      expect(run.loss[t]).toBeCloseTo(lossAt(run, t, z), 13);
    });
    expect(positive).toBeGreaterThan(0);
  });

  it('a fixed z0 stays fixed', () => {
    const run = trainToyPolicy(PROBLEM, config({ type: 'kto', beta, z0: -0.2 }, 'adam', 0.05, 5));
    expect(run.z0).toEqual([-0.2, -0.2, -0.2, -0.2, -0.2, -0.2]);
  });

  it('logs class means of the implicit rewards and log-probs', () => {
    const run = trainToyPolicy(PROBLEM, config({ type: 'kto', beta }, 'sgd', 0.5, 3));
    const t = 3;
    const reward = (y: number) => beta * run.logRatios[t][y];
    // Class means weighted by the examples' weights (response 2 counts twice), as TRL would log them over
    // the dataset the weights stand for.
    expect(run.metrics['rewards/chosen'][t]).toBeCloseTo((reward(0) + 2 * reward(2)) / 3, 14);
    expect(run.metrics['rewards/rejected'][t]).toBeCloseTo(reward(3), 14);
    expect(run.metrics['rewards/margins'][t]).toBeCloseTo((reward(0) + 2 * reward(2)) / 3 - reward(3), 14);
    expect(run.metrics['logps/chosen'][t]).toBeCloseTo((run.logProbs[t][0] + 2 * run.logProbs[t][2]) / 3, 14);
    expect(run.metrics['logps/rejected'][t]).toBeCloseTo(run.logProbs[t][3], 14);
  });

  it('logs NaN for a class without examples, as TRL logs nothing for it', () => {
    const problem = tabular([0.2, -0.1], { unpaired: [{ response: 0, desirable: false }] });
    const run = trainToyPolicy(problem, config({ type: 'kto', beta }, 'sgd', 0.5, 3));
    expect(run.metrics['rewards/chosen'][3]).toBeNaN();
    expect(run.metrics['logps/chosen'][3]).toBeNaN();
    expect(run.metrics['rewards/margins'][3]).toBeNaN();
    expect(run.metrics['rewards/rejected'][3]).toBeCloseTo(beta * run.logRatios[3][0], 14);
  });
});

describe('optimisers', () => {
  const problem = tabular([0.3, -0.1, 0.2], { pairs: [{ chosen: 0, rejected: 2, p: 0.9 }] });
  const lossConfig = { type: 'cdpo' as const, beta: 0.7, labelSmoothing: 0.1 };

  it('SGD: θ₁ = −η·∇', () => {
    const g = toyObjective(problem, config(lossConfig), [0, 0, 0]).gradient;
    const run = trainToyPolicy(problem, config(lossConfig, 'sgd', 0.3, 1));
    run.theta[1].forEach((x, j) => expect(x).toBeCloseTo(-0.3 * g[j], 15));
  });

  it("Adam: PyTorch's bias-corrected first two steps", () => {
    const lr = 0.05;
    const run = trainToyPolicy(problem, config(lossConfig, 'adam', lr, 2));
    const g1 = toyObjective(problem, config(lossConfig), [0, 0, 0]).gradient;
    const g2 = toyObjective(problem, config(lossConfig), run.theta[1]).gradient;
    g1.forEach((g, j) => {
      // Step 1: m̂ = g, v̂ = g², so θ₁ = −η·g/(|g| + ε).
      const t1 = -(lr * g) / (Math.abs(g) + 1e-8);
      expect(run.theta[1][j]).toBeCloseTo(t1, 14);
      const m = 0.9 * 0.1 * g + 0.1 * g2[j];
      const v = 0.999 * 0.001 * g * g + 0.001 * g2[j] * g2[j];
      const t2 = t1 - ((lr / (1 - 0.81)) * m) / (Math.sqrt(v) / Math.sqrt(1 - 0.999 ** 2) + 1e-8);
      expect(run.theta[2][j]).toBeCloseTo(t2, 14);
    });
  });

  it('training lowers the objective', () => {
    for (const optimizer of ['sgd', 'adam'] as const) {
      const run = trainToyPolicy(problem, config(lossConfig, optimizer, 0.05, 50));
      expect(run.loss[50]).toBeLessThan(run.loss[0]);
    }
  });
});

describe('weights and expected losses', () => {
  it('a pair with p is the p-weighted mix of the pair and its flip', () => {
    const ref = [0.2, -0.3, 0.1];
    const mixed = tabular(ref, { pairs: [{ chosen: 0, rejected: 1, p: 0.7 }] });
    const split = tabular(ref, {
      pairs: [
        { chosen: 0, rejected: 1, p: 1, weight: 0.7 },
        { chosen: 1, rejected: 0, p: 1, weight: 0.3 },
      ],
    });
    const c = config({ type: 'apo_down', beta: 0.8 }, 'sgd', 0.5, 20);
    const a = trainToyPolicy(mixed, c);
    const b = trainToyPolicy(split, c);
    a.probs.forEach((row, t) => row.forEach((x, k) => expect(x).toBeCloseTo(b.probs[t][k], 14)));
    a.loss.forEach((x, t) => expect(x).toBeCloseTo(b.loss[t], 14));
    // …and so are TRL's metrics: the pair stands for that dataset.
    for (const [name, column] of Object.entries(a.metrics))
      column.forEach((x, t) => expect(x, `${name} at step ${t}`).toBeCloseTo(b.metrics[name][t], 14));
  });

  it('only the ratio of the weights matters', () => {
    const ref = [0.2, -0.3, 0.1];
    const pairs = (s: number) => [
      { chosen: 0, rejected: 1, p: 1, weight: 2 * s },
      { chosen: 2, rejected: 1, p: 0.6, weight: 0.5 * s },
    ];
    const c = config({ type: 'sigmoid', beta: 0.8 }, 'sgd', 0.5, 10);
    const a = trainToyPolicy(tabular(ref, { pairs: pairs(1) }), c);
    const b = trainToyPolicy(tabular(ref, { pairs: pairs(7) }), c);
    a.loss.forEach((x, t) => expect(x).toBeCloseTo(b.loss[t], 14));
    for (const [name, column] of Object.entries(a.metrics))
      column.forEach((x, t) => expect(x, `${name} at step ${t}`).toBeCloseTo(b.metrics[name][t], 14));
  });

  it('lengths change only the losses that normalise by length', () => {
    const ref = [0.2, -0.3, 0.1];
    const pairs = [{ chosen: 0, rejected: 1, p: 1 }];
    const short = tabular(ref, { pairs });
    const long = tabular(ref, { pairs, lengths: [5, 2, 1] });
    const run = (p: ToyProblem, type: PairLossType) =>
      trainToyPolicy(p, config({ type, beta: 0.5 }, 'sgd', 0.5, 5)).loss[5];
    expect(run(long, 'sigmoid')).toBe(run(short, 'sigmoid'));
    expect(run(long, 'ipo')).not.toBeCloseTo(run(short, 'ipo'), 6);
    expect(run(long, 'sigmoid_norm')).not.toBeCloseTo(run(short, 'sigmoid_norm'), 6);
  });
});

describe('tabular detection', () => {
  it('an identity matrix gives the same run as a permuted-back identity would', () => {
    // A permutation matrix is not the identity (general path) but describes the same model up to renaming θ.
    const ref = [0.4, -0.2, 0.1];
    const pairs = [{ chosen: 0, rejected: 2, p: 0.8 }];
    const perm = [
      [0, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
    ];
    const c = config({ type: 'sigmoid', beta: 0.5 }, 'adam', 0.05, 30);
    const a = trainToyPolicy(
      { policy: { baseLogits: ref, features: identity(3) }, refLogits: ref, pairs },
      c,
    );
    const b = trainToyPolicy({ policy: { baseLogits: ref, features: perm }, refLogits: ref, pairs }, c);
    a.probs.forEach((row, t) => row.forEach((x, k) => expect(x).toBeCloseTo(b.probs[t][k], 14)));
  });
});
