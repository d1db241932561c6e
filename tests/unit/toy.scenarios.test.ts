// The trainer's behaviour each scenario's explanation relies on, checked on the scenario's own problem (the
// explanation itself is an i18n template over facts computed from the state: tests/unit/scenarioFacts.test.ts).
import { describe, expect, it } from 'vitest';
import {
  BRADLEY_TERRY_REF,
  BRADLEY_TERRY_REWARDS,
  DEFAULT_SCENARIO_ID,
  IPO_PAPER_D1,
  IPO_PAPER_TOLERANCE,
  TOY_SCENARIOS,
  dpoOptimalMargin,
  findScenario,
  ipoOptimalMargin,
  logit,
  rlhfOptimum,
  sigmoid,
  trainToyPolicy,
  type ToyLossType,
  type ToyScenario,
} from '../../src/math/index.ts';
import { identity } from '../helpers/toyProblems.ts';

function scenario(id: string): ToyScenario {
  const s = findScenario(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

/** Train a scenario with one of its display losses (the config's other settings kept). */
function train(
  s: ToyScenario,
  type: ToyLossType = s.config.loss.type,
  overrides: Partial<ToyScenario['config']> = {},
) {
  return trainToyPolicy(s.problem, { ...s.config, ...overrides, loss: { ...s.config.loss, type } });
}

const last = <T>(xs: T[]) => xs[xs.length - 1];
const column = (rows: number[][], k: number) => rows.map((r) => r[k]);

function expectIncreasing(xs: number[], label: string) {
  for (let t = 1; t < xs.length; t++) expect(xs[t], `${label} at step ${t}`).toBeGreaterThan(xs[t - 1]);
}
function expectDecreasing(xs: number[], label: string) {
  for (let t = 1; t < xs.length; t++) expect(xs[t], `${label} at step ${t}`).toBeLessThan(xs[t - 1]);
}

describe('the scenario list', () => {
  it('has unique ids, a default, and well-formed entries', () => {
    const ids = TOY_SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(DEFAULT_SCENARIO_ID);
    expect(TOY_SCENARIOS.length).toBeGreaterThanOrEqual(7);
    for (const s of TOY_SCENARIOS) {
      expect(s.displayLosses[0]).toBe(s.config.loss.type);
      if (s.compareBetas) expect(s.compareBetas[0]).toBe(s.config.loss.beta);
    }
  });

  it('every display loss of every scenario trains to finite numbers', () => {
    for (const s of TOY_SCENARIOS)
      for (const type of s.displayLosses) {
        const run = train(s, type);
        expect(run.probs).toHaveLength(s.config.steps + 1);
        run.loss.forEach((x) => expect(Number.isFinite(x), `${s.id} ${type}`).toBe(true));
      }
  });
});

describe('start: the policy is the reference at step 0', () => {
  const s = scenario('start');

  it('DPO loss ln 2 whatever β, accuracy 0 (strict >), rewards 0', () => {
    for (const beta of [0.001, 0.1, 1, 10]) {
      const run = trainToyPolicy(s.problem, { ...s.config, loss: { type: 'sigmoid', beta } });
      expect(run.loss[0]).toBeCloseTo(Math.LN2, 15);
      expect(run.metrics['rewards/accuracies'][0]).toBe(0);
      expect(run.metrics['rewards/chosen'][0]).toBe(0);
      expect(run.metrics['rewards/rejected'][0]).toBe(0);
      expect(run.margins[0]).toEqual([0]);
      expect(run.kl[0]).toBe(0);
    }
  });

  it('after one update the margin is positive and the accuracy jumps to 0.9, not 1: p = 0.9', () => {
    expect(s.problem.pairs).toEqual([{ chosen: 0, rejected: 1, p: 0.9 }]);
    const run = train(s);
    expect(run.margins[1][0]).toBeGreaterThan(0);
    const acc = run.metrics['rewards/accuracies'];
    expect(acc[1]).toBeCloseTo(0.9, 14);
    // It stays there: the margin never turns back, and the flipped tenth of the labels always counts wrong.
    run.margins.slice(1).forEach(([h]) => expect(h).toBeGreaterThan(0));
    acc.slice(1).forEach((a) => expect(a).toBeCloseTo(0.9, 14));
  });

  it('KTO, a display loss, trains on the converted pair and logs a positive rewards/margins', () => {
    const run = train(s, 'kto');
    expect(run.metrics['rewards/margins'][0]).toBe(0);
    run.metrics['rewards/margins'].slice(1).forEach((m) => expect(m).toBeGreaterThan(0));
    expect(last(run.metrics['rewards/chosen'])).toBeGreaterThan(last(run.metrics['rewards/rejected']));
  });
});

describe('deterministic: DPO never stops, IPO does', () => {
  const s = scenario('deterministic');
  const beta = s.config.loss.beta;

  it('DPO: the margin grows at every step, far past IPO’s target, and π(B) heads to 0', () => {
    const run = train(s, 'sigmoid');
    const h = column(run.margins, 0);
    expectIncreasing(h, 'DPO margin');
    expect(last(h)).toBeGreaterThan(3 / (2 * beta));
    expect(last(h) - h[h.length - 11]).toBeGreaterThan(0.01);
    expect(last(run.probs)[1]).toBeLessThan(1e-6);
    const longer = train(s, 'sigmoid', { steps: 3 * s.config.steps });
    expect(last(longer.margins)[0]).toBeGreaterThan(last(h) + 5);
  });

  it('IPO: the margin stops at 1/(2β) = 5', () => {
    expect(1 / (2 * beta)).toBe(5);
    const run = train(s, 'ipo');
    // Settled: the last 50 steps stay within 1e-4 of the target.
    run.margins.slice(-50).forEach(([h]) => expect(Math.abs(h - 5)).toBeLessThan(1e-4));
    const longer = train(s, 'ipo', { steps: 3 * s.config.steps });
    expect(Math.abs(last(longer.margins)[0] - 5)).toBeLessThan(1e-6);
  });
});

describe('ipo-d1: the IPO paper’s D1 (Azar et al. 2023, §5.4) and the numbers of its Figure', () => {
  const s = scenario('ipo-d1');
  const withTau = (tau: number, type: ToyLossType) =>
    trainToyPolicy(s.problem, { ...s.config, loss: { type, beta: tau } });

  it('is D1: three responses, a ≻ b, b ≻ c, a ≻ c each certain, a uniform reference, Adam at lr 0.01', () => {
    expect(s.problem.pairs).toEqual([
      { chosen: 0, rejected: 1, p: 1 },
      { chosen: 0, rejected: 2, p: 1 },
      { chosen: 1, rejected: 2, p: 1 },
    ]);
    expect(new Set(s.problem.refLogits).size).toBe(1);
    expect(s.problem.policy.features).toEqual(identity(3));
    expect([s.config.optimizer, s.config.learningRate]).toEqual(['adam', 0.01]);
  });

  it.each(IPO_PAPER_D1)(
    'IPO at τ = $tau stops at θa − θb = θb − θc = 1/(3τ), π the paper’s',
    ({ tau, probs }) => {
      const run = withTau(tau, 'ipo');
      const theta = last(run.theta);
      expect(Math.abs(theta[0] - theta[1] - 1 / (3 * tau))).toBeLessThan(1e-6);
      expect(Math.abs(theta[1] - theta[2] - 1 / (3 * tau))).toBeLessThan(1e-6);
      const pi = last(run.probs);
      // π ∝ (e^(2/(3τ)), e^(1/(3τ)), 1), the fixed point; within one unit of the paper's third decimal.
      const e = Math.exp(1 / (3 * tau));
      const exact = [e * e, e, 1].map((x) => x / (e * e + e + 1));
      pi.forEach((p, k) => expect(Math.abs(p - exact[k])).toBeLessThan(1e-6));
      pi.forEach((p, k) =>
        expect(Math.abs(p - probs[k]), `π[${k}]`).toBeLessThanOrEqual(IPO_PAPER_TOLERANCE),
      );
    },
  );

  it('rounded to three decimals the toy prints the paper’s numbers, but for π(b) at τ = 0.1 (0.034, printed 0.035)', () => {
    const rounded = IPO_PAPER_D1.map(({ tau }) => last(withTau(tau, 'ipo').probs).map((p) => p.toFixed(3)));
    expect(rounded).toEqual([
      ['0.964', '0.034', '0.001'],
      ['0.563', '0.289', '0.148'],
      ['0.448', '0.321', '0.230'],
    ]);
  });

  it.each([0.1, 0.5, 1])(
    'DPO at τ = %s has no fixed point: both gaps grow at every step, π → (1, 0, 0)',
    (tau) => {
      const run = withTau(tau, 'sigmoid');
      expectIncreasing(
        run.theta.map((th) => th[0] - th[1]),
        'θa − θb',
      );
      expectIncreasing(
        run.theta.map((th) => th[1] - th[2]),
        'θb − θc',
      );
      expectIncreasing(column(run.probs, 0), 'π(a)');
      // After 2000 steps π(a) > 0.98 even at τ = 1 (IPO's is 0.448 there), and it is still rising.
      expect(last(run.probs)[0]).toBeGreaterThan(0.98);
      expect(last(run.probs)[0]).toBeGreaterThan(last(withTau(tau, 'ipo').probs)[0]);
    },
  );
});

describe('noisy: both losses settle', () => {
  const s = scenario('noisy');
  it('DPO: βh = logit(0.8) ≈ 1.39 and π(A) = 0.8', () => {
    expect(s.config.loss.beta).toBe(1);
    const run = train(s, 'sigmoid');
    expect(dpoOptimalMargin(0.8, 1)).toBeCloseTo(1.39, 2);
    expect(Math.abs(last(run.margins)[0] - logit(0.8))).toBeLessThan(1e-8);
    expect(last(run.probs)[0]).toBeCloseTo(0.8, 9);
  });
  it('IPO: h = 0.3 and π(A) = σ(0.3) ≈ 0.57', () => {
    const run = train(s, 'ipo');
    expect(ipoOptimalMargin(0.8, 1)).toBeCloseTo(0.3, 15);
    expect(Math.abs(last(run.margins)[0] - 0.3)).toBeLessThan(1e-8);
    expect(last(run.probs)[0]).toBeCloseTo(sigmoid(0.3), 9);
    expect(sigmoid(0.3)).toBeCloseTo(0.57, 2);
  });
});

describe('label-noise: cDPO vs robust DPO', () => {
  const s = scenario('label-noise');
  it('p = 0.82 is a true 0.9 with 10% of labels flipped', () => {
    expect(s.problem.pairs![0].p).toBeCloseTo(0.9 * 0.9 + 0.1 * 0.1, 15);
    expect(s.config.loss.labelSmoothing).toBe(0.1);
  });
  it.each([
    ['sigmoid', 0.82],
    ['cdpo', 0.756],
    ['robust', 0.9],
  ] as const)('%s ends at π(A) = %f', (type, want) => {
    expect(Math.abs(last(train(s, type).probs)[0] - want)).toBeLessThan(1e-6);
  });
});

describe('likelihood-displacement', () => {
  const s = scenario('likelihood-displacement');

  it('after a brief rise π(A) falls from 0.36 to about 0.10 while the margin grows and accuracy is 1', () => {
    const run = train(s, 'sigmoid');
    const pa = column(run.probs, 0);
    expectIncreasing(column(run.margins, 0), 'margin');
    expect(pa[0]).toBeCloseTo(0.36, 2);
    const peak = pa.indexOf(Math.max(...pa));
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(20);
    expectDecreasing(pa.slice(peak), 'π(A) after its peak');
    expect(Math.abs(last(pa) - 0.1)).toBeLessThan(0.01);
    expect(run.metrics['rewards/accuracies'].slice(1).every((a) => a === 1)).toBe(true);
  });

  it('the mass goes to C and D', () => {
    const run = train(s, 'sigmoid');
    expectIncreasing(column(run.probs, 2), 'π(C)');
    expectIncreasing(column(run.probs, 3), 'π(D)');
    expect(last(run.probs)[1]).toBeLessThan(run.probs[0][1]);
  });

  it('TRL logs: rewards/chosen turns negative while rewards/margins keeps rising', () => {
    const run = train(s, 'sigmoid');
    expectIncreasing(run.metrics['rewards/margins'], 'rewards/margins');
    expect(last(run.metrics['rewards/chosen'])).toBeLessThan(-0.5);
  });

  it('B leans on the shared feature twice as hard as A, so ⟨f_w, f_l⟩ > ‖f_w‖²', () => {
    const [a, b] = s.problem.policy.features;
    const dot = a.reduce((acc, x, i) => acc + x * b[i], 0);
    const norm2 = a.reduce((acc, x) => acc + x * x, 0);
    expect(dot).toBeGreaterThan(norm2);
  });

  it('IPO stops at its target margin 1/(2β) = 0.5 and leaves π(A) where it began', () => {
    const run = train(s, 'ipo');
    expect(last(run.margins)[0]).toBeCloseTo(0.5, 3);
    expect(Math.abs(last(run.probs)[0] - run.probs[0][0])).toBeLessThan(0.005);
  });

  it('with a tabular policy the same data raise π(A) instead', () => {
    const tabular = { ...s.problem, policy: { ...s.problem.policy, features: identity(4) } };
    const run = trainToyPolicy(tabular, s.config);
    expectIncreasing(column(run.probs, 0), 'π(A), tabular');
  });
});

describe('kto-undesirable-only', () => {
  const s = scenario('kto-undesirable-only');
  const run = train(s);

  it('has a single undesirable example and nothing else', () => {
    expect(s.problem.pairs ?? []).toEqual([]);
    expect(s.problem.unpaired).toEqual([{ response: 0, desirable: false }]);
  });

  it('pushes π(A) towards 0 while the loss keeps falling without reaching an optimum', () => {
    expectDecreasing(column(run.probs, 0), 'π(A)');
    expect(last(run.probs)[0]).toBeLessThan(1e-3);
    expectDecreasing(run.loss, 'loss');
    expect(last(run.loss)).toBeGreaterThan(0.1);
    expect(run.loss[run.loss.length - 2] - last(run.loss)).toBeGreaterThan(1e-5);
  });

  it('B, the most likely other answer, gains most; C and D rise, then fall below their start', () => {
    expect(run.probs[0][1]).toBe(Math.max(...run.probs[0].slice(1)));
    expectIncreasing(column(run.probs, 1), 'π(B)');
    for (const k of [2, 3]) {
      const p = column(run.probs, k);
      expect(p[1]).toBeGreaterThan(p[0]);
      expect(Math.max(...p)).toBeGreaterThan(p[0]);
      expect(last(p)).toBeLessThan(p[0]);
    }
  });

  it('the logit gains of step 1 are proportional to the probabilities (plain SGD)', () => {
    const gain = (k: number) => run.theta[1][k];
    expect(gain(2) / gain(1)).toBeCloseTo(run.probs[0][2] / run.probs[0][1], 12);
    expect(gain(3) / gain(1)).toBeCloseTo(run.probs[0][3] / run.probs[0][1], 12);
  });
});

describe('beta-strength', () => {
  const s = scenario('beta-strength');
  const [weak, strong] = s.compareBetas!;
  const runs = [weak, strong].map((beta) =>
    trainToyPolicy(s.problem, { ...s.config, loss: { ...s.config.loss, beta } }),
  );

  it('compares β = 0.1 with β = 1', () => {
    expect([weak, strong]).toEqual([0.1, 1]);
  });

  it('each settles where βh = logit(0.8): margins 13.9 and 1.39', () => {
    expect(Math.abs(last(runs[0].margins)[0] - logit(0.8) / weak)).toBeLessThan(1e-3);
    expect(Math.abs(last(runs[1].margins)[0] - logit(0.8) / strong)).toBeLessThan(1e-6);
    expect(logit(0.8) / weak).toBeCloseTo(13.9, 1);
    expect(logit(0.8) / strong).toBeCloseTo(1.39, 2);
  });

  it('π(A) ≈ 0.998 with the weak β and ≈ 0.44 with the strong one; the weak run drifts further (KL)', () => {
    expect(last(runs[0].probs)[0]).toBeCloseTo(0.998, 3);
    expect(last(runs[1].probs)[0]).toBeCloseTo(0.444, 3);
    expect(last(runs[0].kl)).toBeGreaterThan(5 * last(runs[1].kl));
  });
});

describe('bradley-terry: DPO finds the RLHF optimum', () => {
  const s = scenario('bradley-terry');
  it('labels every pair with σ(r_i − r_j)', () => {
    expect(s.problem.pairs).toHaveLength(6);
    for (const pair of s.problem.pairs!)
      expect(pair.p).toBeCloseTo(
        sigmoid(BRADLEY_TERRY_REWARDS[pair.chosen] - BRADLEY_TERRY_REWARDS[pair.rejected]),
        15,
      );
  });
  it('converges to π_ref·exp(r/β)', () => {
    const run = train(s);
    const star = rlhfOptimum(BRADLEY_TERRY_REF, BRADLEY_TERRY_REWARDS, s.config.loss.beta);
    last(run.probs).forEach((p, k) => expect(Math.abs(p - star[k])).toBeLessThan(1e-9));
  });
});
