// TR-DPO's moving reference in the toy trainer (ToyTrainConfig.refSync, TRL's sync_ref_model): held against a
// direct re-implementation of TRL's loop (update, then at global_step % S == 0 mix the reference), and the
// limits where it must equal the fixed-reference run exactly.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { trainToyPolicy, type ToyProblem, type ToyTrainConfig } from '../../src/math/index.ts';
import { logSoftmax, onePairProblem, policyLogProbs } from '../helpers/onePair.ts';

const softplus = (x: number) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * DPO (sigmoid) with SGD on the one-pair tabular problem, written out from scratch: the loss
 * p·softplus(−βh) + (1−p)·softplus(βh) with h = ρ_w − ρ_l against the current reference, its gradient through
 * the softmax, and after update t with t % S == 0, ref ← logsoftmax((1−α)·ref + α·log π_θt).
 */
function directRun(problem: ToyProblem, beta: number, lr: number, steps: number, alpha: number, S: number) {
  const p = problem.pairs![0]!.p;
  let theta = problem.policy.baseLogits.map(() => 0);
  let ref = logSoftmax(problem.refLogits);
  const out: { logp: number[]; ref: number[]; loss: number }[] = [];
  for (let t = 0; ; t++) {
    const lp = policyLogProbs(problem, theta);
    const h = lp[0]! - ref[0]! - (lp[1]! - ref[1]!);
    out.push({ logp: lp, ref: [...ref], loss: p * softplus(-beta * h) + (1 - p) * softplus(beta * h) });
    if (t === steps) break;
    const dh = beta * (-p * sigmoid(-beta * h) + (1 - p) * sigmoid(beta * h));
    const gLogp = lp.map((_, k) => (k === 0 ? dh : k === 1 ? -dh : 0));
    const total = gLogp.reduce((a, g) => a + g, 0);
    theta = theta.map((th, k) => th - lr * (gLogp[k]! - Math.exp(lp[k]!) * total));
    if ((t + 1) % S === 0) {
      const now = policyLogProbs(problem, theta);
      ref = logSoftmax(ref.map((r, k) => (1 - alpha) * r + alpha * now[k]!));
    }
  }
  return out;
}

const problem = onePairProblem([1, 1, 1], 0.9);
const config = (steps: number, refSync?: ToyTrainConfig['refSync']): ToyTrainConfig => ({
  loss: { type: 'sigmoid', beta: 0.5 },
  optimizer: 'sgd',
  learningRate: 0.5,
  steps,
  ...(refSync ? { refSync } : {}),
});

describe('toy trainer: TR-DPO moving reference', () => {
  it('matches a direct re-implementation of TRL’s loop (α, S arbitrary)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 7 }),
        (alpha, S) => {
          const steps = 25;
          const traj = trainToyPolicy(problem, config(steps, { mixupAlpha: alpha, syncSteps: S }));
          const direct = directRun(problem, 0.5, 0.5, steps, alpha, S);
          expect(traj.refLogProbs).not.toBeNull();
          for (let t = 0; t <= steps; t++) {
            const d = direct[t]!;
            for (let k = 0; k < 3; k++) {
              expect(traj.logProbs[t]![k]).toBeCloseTo(d.logp[k]!, 12);
              expect(traj.refLogProbs![t]![k]).toBeCloseTo(d.ref[k]!, 12);
              expect(traj.logRatios[t]![k]).toBeCloseTo(d.logp[k]! - d.ref[k]!, 12);
            }
            expect(traj.loss[t]).toBeCloseTo(d.loss, 12);
            const h = d.logp[0]! - d.ref[0]! - (d.logp[1]! - d.ref[1]!);
            expect(traj.margins[t]![0]).toBeCloseTo(h, 12);
            const kl = d.logp.reduce((a, l, k) => a + Math.exp(l) * (l - d.ref[k]!), 0);
            expect(traj.kl[t]).toBeCloseTo(Math.max(0, kl), 12);
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('the reference changes exactly at the synced steps, and step t shows the synced one', () => {
    const traj = trainToyPolicy(problem, config(12, { mixupAlpha: 0.6, syncSteps: 4 }));
    const refs = traj.refLogProbs!;
    for (let t = 1; t <= 12; t++) {
      const moved = refs[t]!.some((r, k) => r !== refs[t - 1]![k]);
      expect(moved).toBe(t % 4 === 0);
    }
    expect(refs[0]).toEqual(Array.from(logSoftmax(problem.refLogits)));
  });

  it('α = 1, S = 1: the step-t reference is π_θt itself, so every log-ratio after step 0 is 0', () => {
    const traj = trainToyPolicy(problem, config(10, { mixupAlpha: 1, syncSteps: 1 }));
    for (let t = 1; t <= 10; t++) {
      expect(traj.refLogProbs![t]).toEqual(traj.logProbs[t]);
      expect(traj.logRatios[t]!.every((r) => r === 0)).toBe(true);
      expect(traj.kl[t]).toBe(0);
    }
    // …and so DPO's gradient at every later step is its gradient at h = 0: the policy keeps moving.
    expect(traj.probs[10]![0]! - traj.probs[1]![0]!).toBeGreaterThan(0.01);
  });

  it('α = 0, or S beyond the run, is exactly the fixed-reference run (SGD and Adam, DPO and KTO)', () => {
    for (const optimizer of ['sgd', 'adam'] as const)
      for (const type of ['sigmoid', 'kto'] as const) {
        const pb: ToyProblem = {
          ...problem,
          unpaired: [
            { response: 0, desirable: true },
            { response: 1, desirable: false },
          ],
        };
        const base: ToyTrainConfig = { loss: { type, beta: 0.3 }, optimizer, learningRate: 0.2, steps: 15 };
        const fixed = trainToyPolicy(pb, base);
        expect(fixed.refLogProbs).toBeNull();
        const off = trainToyPolicy(pb, { ...base, refSync: { mixupAlpha: 0, syncSteps: 1 } });
        expect(off.probs).toEqual(fixed.probs);
        expect(off.metrics).toEqual(fixed.metrics);
        const late = trainToyPolicy(pb, { ...base, refSync: { mixupAlpha: 0.6, syncSteps: 16 } });
        expect(late.probs).toEqual(fixed.probs);
        expect(late.logRatios).toEqual(fixed.logRatios);
        expect(late.kl).toEqual(fixed.kl);
        expect(late.metrics).toEqual(fixed.metrics);
      }
  });

  it("KTO's z0 (exact KL) reads the moving reference", () => {
    const pb: ToyProblem = {
      ...problem,
      unpaired: [
        { response: 0, desirable: true },
        { response: 1, desirable: false },
      ],
    };
    const traj = trainToyPolicy(pb, {
      loss: { type: 'kto', beta: 0.3 },
      optimizer: 'adam',
      learningRate: 0.1,
      steps: 20,
      refSync: { mixupAlpha: 0.5, syncSteps: 3 },
    });
    for (let t = 0; t <= 20; t++) {
      const kl = traj.logProbs[t]!.reduce((a, l, k) => a + Math.exp(l) * (l - traj.refLogProbs![t]![k]!), 0);
      expect(traj.z0![t]).toBeCloseTo(Math.max(0, kl), 12);
      expect(traj.metrics.kl![t]).toBe(traj.z0![t]);
    }
  });

  it('reference-free losses have no reference: refSync is ignored', () => {
    const base: ToyTrainConfig = {
      loss: { type: 'simpo', beta: 2 },
      optimizer: 'sgd',
      learningRate: 0.1,
      steps: 8,
    };
    const fixed = trainToyPolicy(problem, base);
    const synced = trainToyPolicy(problem, { ...base, refSync: { mixupAlpha: 1, syncSteps: 1 } });
    expect(synced.refLogProbs).toBeNull();
    expect(synced.probs).toEqual(fixed.probs);
  });

  it('invalid refSync throws a RangeError naming the field', () => {
    const bad: [unknown, RegExp][] = [
      [{ mixupAlpha: 1.5, syncSteps: 2 }, /^refSync\.mixupAlpha/],
      [{ mixupAlpha: -0.1, syncSteps: 2 }, /^refSync\.mixupAlpha/],
      [{ mixupAlpha: NaN, syncSteps: 2 }, /^refSync\.mixupAlpha/],
      [{ mixupAlpha: 0.5, syncSteps: 0 }, /^refSync\.syncSteps/],
      [{ mixupAlpha: 0.5, syncSteps: 2.5 }, /^refSync\.syncSteps/],
      [{ mixupAlpha: 0.5 }, /^refSync\.syncSteps/],
      [5, /^refSync/],
    ];
    for (const [refSync, field] of bad) {
      const c = { ...config(3), refSync } as unknown as ToyTrainConfig;
      expect(() => trainToyPolicy(problem, c)).toThrow(RangeError);
      expect(() => trainToyPolicy(problem, c)).toThrow(field);
    }
  });

  it('never mutates the problem it is given (sweeps share it)', () => {
    const pb = onePairProblem([1, 1, 1], 0.9);
    const before = JSON.stringify(pb);
    const a = trainToyPolicy(pb, config(10, { mixupAlpha: 0.9, syncSteps: 1 }));
    const b = trainToyPolicy(pb, config(10, { mixupAlpha: 0.9, syncSteps: 1 }));
    expect(JSON.stringify(pb)).toBe(before);
    expect(b.refLogProbs).toEqual(a.refLogProbs);
  });
});
