// What the views get from the state: pair curves, toy training runs and their RLHF optimum, the plane grid
// and the sweeps.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AppState } from '../../src/state/appState.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { cloneState } from '../../src/state/urlCodec.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import { CURVE_POINTS, computePairCurves, currentMargin } from '../../src/derive/pairCurves.ts';
import { pairCurvesOf } from '../../src/derive/pairCurvesMemo.ts';
import { PLANE_POINTS, computePlane } from '../../src/derive/plane.ts';
import { SWEEP_POINTS, computeSweeps } from '../../src/derive/sweeps.ts';
import { computeTrainingRuns, toyRlhfOptimum, trainingRunsOf } from '../../src/derive/toy.ts';
import {
  LOSS_IDS,
  isPairLoss,
  isReferenceFreeLoss,
  isKtoLoss,
  pairLossInfo,
  logGrid,
  logit,
  rlhfOptimum,
  trustedSteps,
  type LossId,
} from '../../src/math/index.ts';
import {
  numberArb,
  paramOf,
  refProbsArb,
  rewardsArb,
  startArb,
  stateArb,
} from '../helpers/stateArbitraries.ts';
import { pairInputOf, sftWeightOf } from '../../src/derive/mathParams.ts';
import type { NumberParam } from '../../src/state/urlParams.ts';

const state = (patch: Partial<AppState>): AppState => applyPatch(cloneState(DEFAULT_STATE), patch);
const range = (field: keyof AppState) => paramOf(field) as NumberParam;
const close = (a: number, b: number, tol: number) =>
  Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

/** The indices of the non-finite entries (one expect per array, not per number: expect is slow). */
const nonFinite = (arr: ArrayLike<number>) =>
  Array.from(arr).flatMap((v, i) => (Number.isFinite(v) ? [] : [i]));

const PAIR_LOSSES = LOSS_IDS.filter((id) => !isKtoLoss(id));

/**
 * Whether a curve or plane of loss `id` may have a gap where y_w's log π would be `lw`: a loss of log π
 * itself (sft) or one with an SFT term beside it has no value where log π(y_w) > 0 (no policy gets there).
 */
const gapAt = (id: (typeof LOSS_IDS)[number], s: AppState, lw: number): boolean =>
  lw > 0 && isPairLoss(id) && (pairLossInfo(id).reads === 'logProbs' || sftWeightOf(id, s) !== 0);
const KTO_LOSSES = LOSS_IDS.filter((id) => isKtoLoss(id));

describe('computePairCurves', () => {
  it('gives one finite 400-point curve per loss, with the current margin inside the grid', () => {
    fc.assert(
      fc.property(stateArb, (s0) => {
        const s = { ...s0, losses: [...LOSS_IDS] };
        const curves = computePairCurves(s);
        expect(curves.map((c) => c.id)).toEqual(s.losses);
        const h0 = currentMargin(s);
        for (const c of curves) {
          const { margin, loss, dChosen, dRejected } = c.curve;
          for (const arr of [margin, loss, dChosen, dRejected]) {
            expect(arr).toHaveLength(CURVE_POINTS);
            expect(nonFinite(arr), c.id).toEqual([]);
          }
          expect(margin.every((m, i) => i === 0 || m > margin[i - 1])).toBe(true);
          expect(margin[0]).toBeLessThanOrEqual(h0);
          expect(margin[CURVE_POINTS - 1]).toBeGreaterThanOrEqual(h0);
          expect(c.current.margin).toBe(h0);
          for (const v of [c.current.loss, c.current.dChosen, c.current.dRejected])
            expect(Number.isFinite(v), c.id).toBe(true);
          if (isKtoLoss(c.id)) expect(c.optimum).toBeNull();
          else if (c.optimum !== null) expect(Number.isNaN(c.optimum)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the token-normalised IPO optimum, moved along the curve, has h̄ = (2p − 1)/(2β)', () => {
    const arb = fc.record({
      beta: numberArb(range('beta')),
      p: numberArb(range('preferenceProb')),
      refProbs: refProbsArb(3),
      start: startArb(3),
      lenw: numberArb(range('chosenLength')),
      lenl: numberArb(range('rejectedLength')),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const s = state({
          losses: ['ipo', 'sigmoid_norm'],
          ipoNormalization: 'token',
          beta: a.beta,
          preferenceProb: a.p,
          responses: 3,
          refProbs: a.refProbs,
          startLogRatios: a.start,
          chosenLength: a.lenw,
          rejectedLength: a.lenl,
        });
        const [ipo, norm] = computePairCurves(s);
        const pair = pairInputOf(s);
        const cw = pair.policyChosen - pair.refChosen;
        const cl = pair.policyRejected - pair.refRejected;
        const h0 = cw - cl;
        // The curve moves ρw up and ρl down by half the change of h.
        const hBar = (h: number) =>
          (cw + (h - h0) / 2) / s.chosenLength - (cl - (h - h0) / 2) / s.rejectedLength;
        expect(ipo.optimum).not.toBeNull();
        const target = (2 * s.preferenceProb - 1) / (2 * s.beta);
        const scale = Math.abs(cw) + Math.abs(cl) + Math.abs(target);
        expect(Math.abs(hBar(ipo.optimum ?? NaN) - target)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));
        if (s.preferenceProb > 0 && s.preferenceProb < 1) {
          const dpo = logit(s.preferenceProb) / s.beta;
          expect(Math.abs(hBar(norm.optimum ?? NaN) - dpo)).toBeLessThanOrEqual(
            1e-9 * Math.max(1, scale + Math.abs(dpo)),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('summed IPO and DPO give their optimum in h directly, and DPO at p = 1 has none finite', () => {
    const s = state({
      losses: ['ipo', 'sigmoid', 'kto'],
      ipoNormalization: 'sum',
      beta: 0.5,
      preferenceProb: 0.8,
    });
    const [ipo, dpo, kto] = computePairCurves(s);
    expect(ipo.optimum).toBeCloseTo(0.6 / 1, 12);
    expect(dpo.optimum).toBeCloseTo(logit(0.8) / 0.5, 12);
    expect(kto.optimum).toBeNull();
    const sure = computePairCurves({ ...s, preferenceProb: 1 });
    expect(sure[1].optimum).toBe(Infinity);
  });

  it('pairCurvesOf returns the same object for the same fields', () => {
    const s = state({ losses: ['sigmoid', 'kto'] });
    const a = pairCurvesOf(s);
    const dark: AppState = { ...s, theme: 'dark' };
    expect(pairCurvesOf(dark)).toBe(a);
    expect(pairCurvesOf({ ...s, beta: 0.2 })).not.toBe(a);
  });
});

describe('computeTrainingRuns', () => {
  const losses: LossId[] = ['sigmoid', 'ipo', 'kto', 'apo_zero_unpaired', 'hinge'];

  it('trains one run per loss on pair and ranking data', () => {
    for (const dataset of ['pair', 'ranking'] as const) {
      const s = state({ losses, dataset, steps: 40, responses: 4 });
      const { runs, untrainable } = computeTrainingRuns(s);
      expect(runs.map((r) => r.id)).toEqual(losses);
      expect(untrainable).toEqual([]);
      const refLogp = s.refProbs.map(Math.log);
      for (const r of runs) {
        expect(r.probs).toHaveLength(s.steps + 1);
        expect(r.loss).toHaveLength(s.steps + 1);
        expect(r.chosenLogRatio).toHaveLength(s.steps + 1);
        r.probs.forEach((p, t) => {
          expect(p).toHaveLength(4);
          expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
          expect(r.chosenLogRatio[t]).toBeCloseTo(Math.log(p[0]) - refLogp[0], 9);
          expect(r.rejectedLogRatio[t]).toBeCloseTo(Math.log(p[1]) - refLogp[1], 9);
        });
        // Training starts at the reference.
        r.probs[0].forEach((q, k) => expect(q).toBeCloseTo(s.refProbs[k], 12));
      }
    }
  });

  it('lists the pair losses as untrainable on thumbs-down data and trains the unpaired ones', () => {
    const s = state({ losses, dataset: 'thumbs-down', steps: 40 });
    const { runs, untrainable } = computeTrainingRuns(s);
    expect(runs.map((r) => r.id)).toEqual(['kto', 'apo_zero_unpaired']);
    expect(untrainable).toEqual(['sigmoid', 'ipo', 'hinge']);
    // KTO pushes the thumbs-down response A down.
    const kto = runs[0];
    expect(kto.probs.at(-1)?.[0]).toBeLessThan(kto.probs[0][0]);
  });

  it('trains every loss on every valid state without producing non-finite numbers', () => {
    fc.assert(
      fc.property(stateArb, (s0) => {
        const s = { ...s0, losses: [...LOSS_IDS], steps: Math.min(s0.steps, 15) };
        const { runs, untrainable } = computeTrainingRuns(s);
        expect(runs.length + untrainable.length).toBe(LOSS_IDS.length);
        if (s.dataset === 'thumbs-down') expect(untrainable).toEqual(PAIR_LOSSES);
        else expect(untrainable).toEqual([]);
        for (const r of runs) expect(nonFinite(r.probs.flat()), r.id).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('trainingRunsOf memoises on the toy fields only', () => {
    const s = state({ losses: ['sigmoid'], steps: 10 });
    const a = trainingRunsOf(s);
    const other: AppState = { ...s, theme: 'dark', preset: 'start' };
    expect(trainingRunsOf(other)).toBe(a);
    expect(trainingRunsOf({ ...s, steps: 11 })).not.toBe(a);
  });
});

describe('toyRlhfOptimum', () => {
  it('is a distribution; for a ranking it is rlhfOptimum of the reference and rewards', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((k) => fc.tuple(refProbsArb(k), rewardsArb(k))),
        numberArb(range('beta')),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        ([refProbs, rewards], beta, p) => {
          const ranking = state({ refProbs, rewards, beta, dataset: 'ranking' });
          const pi = toyRlhfOptimum(ranking);
          expect(pi).toEqual(rlhfOptimum(refProbs.map(Math.log), rewards, beta));
          // (The state keeps p as its parameter rounds it.)
          const pairState = state({ refProbs, beta, dataset: 'pair', preferenceProb: p });
          const pair = toyRlhfOptimum(pairState);
          for (const dist of [pi, pair]) {
            expect(dist).not.toBeNull();
            expect(dist).toHaveLength(refProbs.length);
            for (const q of dist ?? []) expect(q).toBeGreaterThanOrEqual(0);
            expect((dist ?? []).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
          }
          // The pair's rewards ±½·logit(p) give DPO's optimal margin logit(p)/β between y_w and y_l.
          // (Unless one of them is so small that it is a subnormal number, with few digits left.)
          const [w, l] = pair ?? [NaN, NaN];
          if (w > 1e-300 && l > 1e-300) {
            const h = Math.log(w / refProbs[0]) - Math.log(l / refProbs[1]);
            expect(close(h, logit(pairState.preferenceProb) / beta, 1e-9)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is null for p = 0 or 1 and for thumbs-down data', () => {
    expect(toyRlhfOptimum(state({ dataset: 'pair', preferenceProb: 1 }))).toBeNull();
    expect(toyRlhfOptimum(state({ dataset: 'pair', preferenceProb: 0 }))).toBeNull();
    expect(toyRlhfOptimum(state({ dataset: 'thumbs-down' }))).toBeNull();
  });

  it('is where tabular DPO with SGD converges on one noisy pair', () => {
    const s = state({
      losses: ['sigmoid'],
      dataset: 'pair',
      preferenceProb: 0.8,
      beta: 1,
      optimizer: 'sgd',
      learningRate: 1,
      steps: 2000,
      refProbs: [0.3, 0.45, 0.25],
    });
    const pi = toyRlhfOptimum(s) ?? [];
    const last = computeTrainingRuns(s).runs[0].probs.at(-1) ?? [];
    last.forEach((q, k) => expect(q).toBeCloseTo(pi[k], 6));
  });
});

describe('computePlane', () => {
  it('is a finite 61×61 grid holding the pair and the training path (up to where it diverged)', () => {
    const arb = fc.record({
      s: stateArb,
      id: fc.constantFrom(...LOSS_IDS),
    });
    fc.assert(
      fc.property(arb, ({ s: s0, id }) => {
        const s = { ...s0, losses: [id], steps: Math.min(s0.steps, 60) };
        const run = computeTrainingRuns(s).runs[0];
        for (const r of [run, undefined]) {
          const plane = computePlane(id, s, r);
          expect(plane.id).toBe(id);
          expect(plane.chosenLogRatio).toHaveLength(PLANE_POINTS);
          expect(plane.rejectedLogRatio).toHaveLength(PLANE_POINTS);
          expect(plane.loss).toHaveLength(PLANE_POINTS);
          const xs = plane.chosenLogRatio;
          const ys = plane.rejectedLogRatio;
          const pair = pairInputOf(s);
          plane.loss.forEach((row, i) => {
            expect(row).toHaveLength(PLANE_POINTS);
            // SimPO / ORPO read log πθ = log π_ref + ρ, and sft (or a loss with the SFT term) reads log π(y_w):
            // cells where that would be above 0 are no policy (NaN, a gap), every other cell is finite.
            const gap = row.map((_, j) =>
              isReferenceFreeLoss(id)
                ? pair.refChosen + xs[j] > 0 || pair.refRejected + ys[i] > 0
                : gapAt(id, s, pair.refChosen + xs[j]),
            );
            expect(
              row.flatMap((v, j) => (Number.isFinite(v) === !gap[j] ? [] : [j])),
              id,
            ).toEqual([]);
          });
          const inside = (x: number, y: number) =>
            x >= xs[0] && x <= xs[PLANE_POINTS - 1] && y >= ys[0] && y <= ys[PLANE_POINTS - 1];
          expect(inside(pair.policyChosen - pair.refChosen, pair.policyRejected - pair.refRejected)).toBe(
            true,
          );
          // A diverged run's path counts up to the step where it diverged (later it runs off to ±10³⁰⁰).
          const shown = r ? trustedSteps(r.divergence, r.chosenLogRatio.length) : 0;
          if (r)
            expect(r.chosenLogRatio.slice(0, shown).every((x, t) => inside(x, r.rejectedLogRatio[t]))).toBe(
              true,
            );
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('computeSweeps', () => {
  it('gives 40-point β and reference sweeps per trainable loss, with a closed-form flag per point', () => {
    const s = state({ losses: ['sigmoid', 'kto'], steps: 30, dataset: 'pair', preferenceProb: 0.8 });
    const { beta, ref } = computeSweeps(s);
    expect(beta.map((b) => b.id)).toEqual(['sigmoid', 'kto']);
    expect(ref.map((b) => b.id)).toEqual(['sigmoid', 'kto']);
    for (const sweep of [...beta, ...ref]) {
      for (const arr of [sweep.x, sweep.chosen, sweep.rejected, sweep.closedForm])
        expect(arr).toHaveLength(SWEEP_POINTS);
      for (const f of sweep.closedForm) expect(typeof f).toBe('boolean');
      for (const v of [...sweep.chosen, ...sweep.rejected]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
    expect(beta[0].x).toEqual(logGrid(1e-3, 10, SWEEP_POINTS));
    // Tabular DPO on one noisy pair has a closed form everywhere; KTO never does.
    expect(beta[0].closedForm.every(Boolean)).toBe(true);
    expect(ref[0].closedForm.every(Boolean)).toBe(true);
    expect(beta[1].closedForm.some(Boolean)).toBe(false);
    // The reference sweep moves π_ref(y_w) from 0.01 to 0.99.
    expect(ref[0].x[0]).toBeCloseTo(0.01, 12);
    expect(ref[0].x[SWEEP_POINTS - 1]).toBeCloseTo(0.99, 12);
    // DPO's closed form: log π(y_w)/π(y_l) = log π_ref(y_w)/π_ref(y_l) + logit(p)/β (for β where π(y_l)
    // has not underflowed to 0).
    beta[0].x.forEach((b, i) => {
      if (b < 0.01) return;
      const ratio = Math.log(beta[0].chosen[i] / beta[0].rejected[i]);
      expect(ratio).toBeCloseTo(Math.log(s.refProbs[0] / s.refProbs[1]) + logit(0.8) / b, 6);
    });
  });

  it('has no closed form with shared features, and skips pair losses on thumbs-down data', () => {
    const shared = computeSweeps(state({ losses: ['sigmoid'], steps: 10, features: 'shared' }));
    expect(shared.beta[0].closedForm.some(Boolean)).toBe(false);
    const down = computeSweeps(
      state({ losses: ['sigmoid', ...KTO_LOSSES], steps: 10, dataset: 'thumbs-down' }),
    );
    expect(down.beta.map((b) => b.id)).toEqual(KTO_LOSSES);
    expect(down.ref.map((b) => b.id)).toEqual(KTO_LOSSES);
  });
});
