// Issue 8: training that diverges is detected (math/toy/divergence.ts), per run and per sweep point, and a
// run that stays finite and in bounds never is.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  betaSweep,
  buildToyProblem,
  detectDivergence,
  DIVERGED_LOG_PROB,
  DIVERGED_LOSS,
  divergenceLossBound,
  drawnSteps,
  logGrid,
  referenceSweep,
  TOY_SCENARIOS,
  trainToyPolicy,
  trustedSteps,
  type DivergenceInput,
  type ToyDivergence,
} from '../../src/math/index.ts';
import { baseState, cloneState, parseHash } from '../../src/state/urlCodec.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import type { AppState } from '../../src/state/appState.ts';
import { computeTrainingRuns, toyConfigOf, toySpecOf } from '../../src/derive/toy.ts';
import { computeSweeps } from '../../src/derive/sweeps.ts';
import { divergedRuns } from '../../src/derive/divergence.ts';
import { stateArb } from '../helpers/stateArbitraries.ts';

const fromLink = (hash: string): AppState => {
  const { state, notices } = parseHash(hash);
  expect(notices).toEqual([]);
  return state;
};
const state = (patch: Partial<AppState>): AppState => applyPatch(cloneState(DEFAULT_STATE), patch);

/** A trajectory of `n` steps with the given loss and log-probabilities (θ = 0). */
function run(loss: number[], logProbs?: number[][]): DivergenceInput {
  return {
    loss,
    logProbs: logProbs ?? loss.map(() => [Math.log(0.5), Math.log(0.5)]),
    theta: loss.map(() => [0, 0]),
  };
}

describe('detectDivergence on the issue’s links', () => {
  it('#v=2&loss=sigmoid,ipo&opt=sgd&lr=10: IPO diverges at step 2 and turns NaN after step 96; DPO does not', () => {
    const s = fromLink('#v=2&loss=sigmoid,ipo&opt=sgd&lr=10');
    const { runs } = computeTrainingRuns(s);
    const [dpo, ipo] = runs;
    expect(dpo.divergence).toBeNull();
    expect(ipo.divergence).toEqual({ step: 2, reason: 'loss', lastFiniteStep: 96 });
    // What the detector saw: the loss past 10⁶ at step 2, the first NaN at step 97.
    expect(ipo.loss[1]).toBeLessThan(DIVERGED_LOSS);
    expect(ipo.loss[2]).toBeGreaterThan(DIVERGED_LOSS);
    expect(ipo.probs.slice(0, 97).flat().every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(ipo.loss[97])).toBe(false);
    expect(divergedRuns(runs)).toEqual([{ id: 'ipo', step: 2, lastTrustedStep: 1 }]);
  });

  it('#…&lr=1: the IPO loss grows to 10¹⁹² without turning NaN, and still counts as diverged', () => {
    const { runs } = computeTrainingRuns(fromLink('#v=2&loss=sigmoid,ipo&opt=sgd&lr=1'));
    const ipo = runs[1];
    expect(ipo.loss.at(-1)).toBeGreaterThan(1e190);
    expect(ipo.divergence).toEqual({ step: 6, reason: 'loss', lastFiniteStep: 200 });
    expect(runs[0].divergence).toBeNull();
  });

  it('names every loss that diverged when several train at once (IPO and SPPO)', () => {
    const { runs } = computeTrainingRuns(fromLink('#v=2&loss=sigmoid,ipo,sppo_hard&opt=sgd&lr=10'));
    expect(divergedRuns(runs).map((r) => r.id)).toEqual(['ipo', 'sppo_hard']);
  });

  it('the default state and every scenario do not diverge', () => {
    for (const s of [state({}), ...TOY_SCENARIOS.map((sc) => baseState(sc.id))]) {
      const { runs } = computeTrainingRuns(s);
      expect(runs.map((r) => r.divergence)).toEqual(runs.map(() => null));
    }
    const sweeps = computeSweeps(state({ steps: 60 }));
    for (const w of [...sweeps.beta, ...sweeps.ref]) expect(w.status).not.toContain('diverged');
  });
});

describe('detectDivergence', () => {
  it('reports the first step past the loss bound, and the last finite step before a NaN', () => {
    expect(detectDivergence(run([1, 2, 3]))).toBeNull();
    expect(detectDivergence(run([1, 10, 2e6, 4e9, NaN, NaN]))).toEqual({
      step: 2,
      reason: 'loss',
      lastFiniteStep: 3,
    });
    expect(detectDivergence(run([1, Infinity, 2]))).toEqual({
      step: 1,
      reason: 'non-finite',
      lastFiniteStep: 0,
    });
    expect(detectDivergence(run([NaN]))).toEqual({ step: 0, reason: 'non-finite', lastFiniteStep: -1 });
    expect(detectDivergence(run([]))).toBeNull();
  });

  it('scales the loss bound with a large starting loss (IPO at β = 0.001 starts at 2.5·10⁵)', () => {
    expect(divergenceLossBound(0.69)).toBe(DIVERGED_LOSS);
    expect(divergenceLossBound(2.5e5)).toBe(2.5e7);
    expect(detectDivergence(run([2.5e5, 3e6, 1e5]))).toBeNull();
    expect(detectDivergence(run([2.5e5, 3e7]))?.step).toBe(1);
  });

  it('counts a log-probability below the floor, or a non-finite one or parameter, as diverged', () => {
    const lp = (v: number) => [v, 0];
    expect(detectDivergence(run([1, 1], [lp(-800), lp(-5e5)]))).toBeNull();
    expect(detectDivergence(run([1, 1], [lp(-1), lp(DIVERGED_LOG_PROB * 2)]))?.reason).toBe('log-prob');
    expect(detectDivergence(run([1, 1], [lp(-1), lp(-Infinity)]))?.reason).toBe('non-finite');
    const withTheta: DivergenceInput = { ...run([1, 1]), theta: [[0], [NaN]] };
    expect(detectDivergence(withTheta)).toEqual({ step: 1, reason: 'non-finite', lastFiniteStep: 0 });
  });

  it('property: a run whose numbers are finite and in bounds never reports divergence', () => {
    const finiteRun = fc.integer({ min: 1, max: 30 }).chain((n) =>
      fc.record({
        loss: fc.array(fc.double({ min: -DIVERGED_LOSS, max: DIVERGED_LOSS, noNaN: true }), {
          minLength: n,
          maxLength: n,
        }),
        logProbs: fc.array(
          fc.array(fc.double({ min: DIVERGED_LOG_PROB, max: 0, noNaN: true }), {
            minLength: 1,
            maxLength: 4,
          }),
          { minLength: n, maxLength: n },
        ),
        theta: fc.array(fc.array(fc.double({ min: -1e300, max: 1e300, noNaN: true }), { maxLength: 4 }), {
          minLength: n,
          maxLength: n,
        }),
      }),
    );
    fc.assert(fc.property(finiteRun, (r) => detectDivergence(r) === null));
  });

  it('property: the first NaN in an otherwise finite run is found, with the step before it as the last finite one', () => {
    const arb = fc
      .integer({ min: 1, max: 30 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.double({ min: -1e5, max: 1e5, noNaN: true }), { minLength: n, maxLength: n }),
          fc.integer({ min: 0, max: n - 1 }),
        ),
      );
    fc.assert(
      fc.property(arb, ([loss, t]) => {
        const broken = loss.map((v, i) => (i >= t ? NaN : v));
        const d = detectDivergence(run(broken));
        return d !== null && d.step === t && d.reason === 'non-finite' && d.lastFiniteStep === t - 1;
      }),
    );
  });

  it('property: with Adam, whose steps are bounded by the learning rate, no valid state diverges', () => {
    fc.assert(
      fc.property(stateArb, (s0) => {
        // Reverse KL: under another f-divergence the loss itself can grow without bound while Adam's steps
        // stay bounded (forward KL's e^(−ρ) far from the reference), which is a real divergence of the loss.
        // No WPO: its weights w_c·w_r follow the policy (up to K⁴), so its weighted loss may grow tenfold
        // while training is sound, and the loss test (divergence.ts) would flag that.
        const s = {
          ...s0,
          optimizer: 'adam' as const,
          steps: Math.min(s0.steps, 60),
          fDivergence: 'reverse_kl' as const,
          wpoWeighting: false,
        };
        for (const r of computeTrainingRuns(s).runs) expect(r.divergence, r.id).toBeNull();
      }),
      { numRuns: 25 },
    );
  });

  it('leaves alone the long honest runs that push a probability far below underflow', () => {
    // DPO at β = 0.001 with Adam at lr = 10 pushes log π(y_l) to about −7000 (π underflows to 0 at −745);
    // robust DPO at p = 1, unbounded below, goes to −5·10⁴ with SGD at lr = 10.
    for (const patch of [
      { losses: ['sigmoid'], beta: 0.001, optimizer: 'adam', features: 'shared' },
      { losses: ['robust'], beta: 10, optimizer: 'sgd' },
    ] as const) {
      const s = state({
        ...patch,
        losses: [...patch.losses],
        learningRate: 10,
        steps: 2000,
        preferenceProb: 1,
      });
      const { runs } = computeTrainingRuns(s);
      expect(runs[0].divergence).toBeNull();
    }
  });
});

describe('drawnSteps and trustedSteps', () => {
  const d = (step: number, lastFiniteStep: number): ToyDivergence => ({
    step,
    reason: 'loss',
    lastFiniteStep,
  });
  it('draw through the diverged step but not past the last finite one; trust only the steps before it', () => {
    expect(drawnSteps(null, 201)).toBe(201);
    expect(trustedSteps(undefined, 201)).toBe(201);
    expect(drawnSteps(d(2, 96), 201)).toBe(3);
    expect(trustedSteps(d(2, 96), 201)).toBe(2);
    expect(drawnSteps({ step: 5, reason: 'non-finite', lastFiniteStep: 4 }, 201)).toBe(5);
    expect(drawnSteps({ step: 0, reason: 'non-finite', lastFiniteStep: -1 }, 201)).toBe(1);
    expect(trustedSteps(d(0, 200), 201)).toBe(1);
  });
});

describe('sweep points', () => {
  // Until issue 10 a sweep point was a run of the user's config (here SGD at lr 1 or 10 for 60 steps),
  // which diverged wherever that step was too large, and these tests checked that the sweep flagged exactly
  // those runs. A sweep point is now trained to its end with step sizes of its own (src/math/toy/converge.ts):
  // a learning rate that makes training diverge no longer makes the sweep diverge.
  it('do not diverge where the user’s learning rate makes training diverge', () => {
    const s = fromLink('#v=2&loss=ipo,sppo_hard&opt=sgd&lr=1&steps=60');
    const problem = buildToyProblem(toySpecOf(s));
    const betas = logGrid(1e-3, 10, 8);
    const sppo = toyConfigOf(s, 'sppo_hard');
    const trained = betas.map((beta) => trainToyPolicy(problem, { ...sppo, loss: { ...sppo.loss, beta } }));
    expect(trained.some((t) => detectDivergence(t) !== null)).toBe(true);
    for (const id of ['ipo', 'sppo_hard'] as const) {
      const sweep = betaSweep(problem, toyConfigOf(s, id), betas);
      expect(sweep.diverged).toEqual(betas.map(() => false));
      for (const status of sweep.status) expect(['converged', 'unbounded']).toContain(status);
    }
    expect(referenceSweep(problem, sppo).diverged.some(Boolean)).toBe(false);
  });

  it('have no diverged sweep point, whatever the learning rate', () => {
    const { beta, ref } = computeSweeps(fromLink('#v=2&loss=ipo,sppo_hard&opt=sgd&lr=10&steps=60'));
    for (const w of [...beta, ...ref]) expect(w.status).not.toContain('diverged');
  });
});
