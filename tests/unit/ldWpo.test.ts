// LD-DPO's ld_alpha and WPO's use_weighting (DPOConfig) in the explorer: the math helpers, the toy trainer
// (against pairLoss of the transformed pair / w_c·w_r × pairLoss, gradients against finite differences with
// WPO's weight frozen as torch.no_grad freezes it), the pair views, the TRL code and the link.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ldFactor,
  ldPair,
  pairLoss,
  pairLossPlane,
  toyObjective,
  trainToyPolicy,
  wpoLogWeights,
  type PairInput,
  type PairLossType,
  type ToyProblem,
  type ToyTrainConfig,
} from '../../src/math/index.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import type { AppState } from '../../src/state/appState.ts';
import { parseHash, stateToHash } from '../../src/state/urlCodec.ts';
import { pairInputOf, pairParamsOf, startLogProbsOf, wpoPairWeightOf } from '../../src/derive/mathParams.ts';
import { pairValuesOf } from '../../src/derive/pairValues.ts';
import { computePairCurves } from '../../src/derive/pairCurves.ts';
import { computePlane } from '../../src/derive/plane.ts';
import { lossReadout } from '../../src/derive/readout.ts';
import { trlConfig } from '../../src/derive/trlConfig.ts';
import { expectClose, loadVectors, type Tolerance } from '../helpers/vectors.ts';
import {
  ONE_PAIR_THETA,
  logSoftmax,
  onePairAt,
  onePairConfig,
  onePairProblem,
  policyLogProbs,
} from '../helpers/onePair.ts';

const close = (a: number, b: number, rel = 1e-12) =>
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));

/** One pair over K = 3 tabular responses, y_w 2 tokens and y_l 5 (so LD-DPO changes it). */
const LENGTHS = [2, 5, 1];
const problem = (p = 1): ToyProblem => onePairProblem(LENGTHS, p);
const THETA = [...ONE_PAIR_THETA];
const policyAt = (theta: number[]) => policyLogProbs(problem(), theta);
/** The pair (y_w, y_l) of the problem at θ, and its reverse (the flipped label). */
const pairAt = (theta: number[], flipped = false): Required<PairInput> =>
  onePairAt(problem(), theta, flipped);
/** WPO's w_c·w_r written out: exp(log π(c)/Lc + log π(r)/Lr − 2·log Σ π²). */
function wpoWeightAt(theta: number[]): number {
  const lp = policyAt(theta);
  const sumSq = lp.reduce((a, l) => a + Math.exp(2 * l), 0);
  return Math.exp(lp[0]! / LENGTHS[0]! + lp[1]! / LENGTHS[1]! - 2 * Math.log(sumSq));
}

const cfg = onePairConfig;

function numericGradient(f: (theta: number[]) => number, theta: number[]): number[] {
  const h = 1e-6;
  return theta.map((_, j) => {
    const up = theta.slice();
    const down = theta.slice();
    up[j]! += h;
    down[j]! -= h;
    return (f(up) - f(down)) / (2 * h);
  });
}

const TYPES: PairLossType[] = ['sigmoid', 'ipo', 'hinge', 'nca_pair', 'apo_down', 'sigmoid_norm', 'discopop'];

describe('the math helpers', () => {
  it('ldFactor is (m + α(L − m))/L, exactly 1 at α = 1 and for the shorter side', () => {
    expect(ldFactor(1, 5, 2)).toBe(1);
    expect(ldFactor(0.3, 2, 5)).toBe(1);
    close(ldFactor(0, 5, 2), 2 / 5);
    close(ldFactor(0.3, 5, 2), (2 + 0.3 * 3) / 5);
    // Linear in α between m/L and 1.
    close(ldFactor(0.5, 7, 3), (ldFactor(0, 7, 3) + ldFactor(1, 7, 3)) / 2);
  });

  it('ldPair scales both log-probs of a side by its factor; α outside [0, 1] is a RangeError naming ldAlpha', () => {
    const p = pairAt(THETA);
    const { pair, factorChosen, factorRejected } = ldPair(p, 0.4);
    expect(factorChosen).toBe(1);
    close(factorRejected, (2 + 0.4 * 3) / 5);
    expect(pair.policyRejected).toBe(factorRejected * p.policyRejected);
    expect(pair.refRejected).toBe(factorRejected * p.refRejected);
    expect(pair.policyChosen).toBe(p.policyChosen);
    expect(() => ldPair(p, 1.5)).toThrow(/ldAlpha/);
    expect(() => ldPair(p, Number.NaN)).toThrow(RangeError);
  });

  it('wpoLogWeights is log π/L − log Σ π², finite for log-probs down to −1e5', () => {
    const lp = [-1e-45, -1e5, -3];
    const w = wpoLogWeights(lp, [1, 4, 2]);
    close(w[1]!, -1e5 / 4 - Math.log(Math.exp(-2e-45) + Math.exp(-6)));
    expect(w.every(Number.isFinite)).toBe(true);
  });
});

describe('the toy trainer', () => {
  it.each([0, 0.3, 0.8])(
    'LD-DPO (α = %s): the objective is pairLoss of the scaled pair, exact gradient',
    (a) => {
      for (const type of TYPES) {
        const loss = { type, beta: 0.7, ldAlpha: a };
        const got = toyObjective(problem(), cfg(loss), THETA);
        close(got.loss, pairLoss(type, ldPair(pairAt(THETA), a).pair, loss).loss);
        const numeric = numericGradient((t) => toyObjective(problem(), cfg(loss), t).loss, THETA);
        got.gradient.forEach((g, j) => expect(Math.abs(g - numeric[j]!)).toBeLessThan(1e-7));
      }
    },
  );

  it('LD-DPO on a noisy pair: both orders use the same factors (m is symmetric)', () => {
    const loss = { type: 'sigmoid' as const, beta: 0.5, ldAlpha: 0.2, fDivergence: 'js_divergence' as const };
    const got = toyObjective(problem(0.75), cfg(loss), THETA).loss;
    const want =
      0.75 * pairLoss('sigmoid', ldPair(pairAt(THETA), 0.2).pair, loss).loss +
      0.25 * pairLoss('sigmoid', ldPair(pairAt(THETA, true), 0.2).pair, loss).loss;
    close(got, want);
  });

  it('α = 1 gives exactly the old numbers, and LD leaves sft and the SFT term alone', () => {
    for (const type of TYPES) {
      const base = { type, beta: 0.7 };
      expect(toyObjective(problem(0.8), cfg({ ...base, ldAlpha: 1 }), THETA)).toEqual(
        toyObjective(problem(0.8), cfg(base), THETA),
      );
    }
    expect(toyObjective(problem(), cfg({ type: 'sft', beta: 1, ldAlpha: 0 }), THETA)).toEqual(
      toyObjective(problem(), cfg({ type: 'sft', beta: 1 }), THETA),
    );
    const withTerm = toyObjective(
      problem(),
      cfg({ type: 'sigmoid', beta: 1, ldAlpha: 0, sftWeight: 0.5 }),
      THETA,
    );
    const pair = pairAt(THETA);
    close(
      withTerm.loss,
      pairLoss('sigmoid', ldPair(pair, 0).pair, { beta: 1 }).loss + (0.5 * -pair.policyChosen) / 2,
    );
  });

  it('WPO: the objective is w_c·w_r × pairLoss; the gradient holds the weight constant (torch.no_grad)', () => {
    for (const type of TYPES) {
      const loss = { type, beta: 0.7, wpoWeighting: true };
      const got = toyObjective(problem(), cfg(loss), THETA);
      const weight = wpoWeightAt(THETA);
      close(got.loss, weight * pairLoss(type, pairAt(THETA), loss).loss);
      // Finite differences of the loss with the weight frozen at THETA.
      const frozen = numericGradient((t) => weight * pairLoss(type, pairAt(t), loss).loss, THETA);
      got.gradient.forEach((g, j) => expect(Math.abs(g - frozen[j]!)).toBeLessThan(1e-8));
      // …which is not the gradient of the weighted loss itself (the weight does not push).
      const full = numericGradient((t) => toyObjective(problem(), cfg(loss), t).loss, THETA);
      expect(got.gradient.some((g, j) => Math.abs(g - full[j]!) > 1e-5)).toBe(true);
    }
  });

  it('WPO weights the SFT term too, and combines with LD-DPO', () => {
    const loss = { type: 'sigmoid' as const, beta: 0.4, wpoWeighting: true, sftWeight: 0.5, ldAlpha: 0.5 };
    const got = toyObjective(problem(), cfg(loss), THETA);
    const weight = wpoWeightAt(THETA);
    const f = (t: number[]) => {
      const pair = pairAt(t);
      return (
        weight * (pairLoss('sigmoid', ldPair(pair, 0.5).pair, loss).loss + (0.5 * -pair.policyChosen) / 2)
      );
    };
    close(got.loss, f(THETA));
    const frozen = numericGradient(f, THETA);
    got.gradient.forEach((g, j) => expect(Math.abs(g - frozen[j]!)).toBeLessThan(1e-8));
  });

  it('logs TRL’s rewards and logps from the LD-weighted log-probs', () => {
    const run = trainToyPolicy(problem(), { ...cfg({ type: 'sigmoid', beta: 0.5, ldAlpha: 0.2 }), steps: 2 });
    const lp = run.logProbs[1]!;
    const fl = ldFactor(0.2, 5, 2);
    close(run.metrics['rewards/rejected']![1]!, 0.5 * fl * run.logRatios[1]![1]!);
    close(run.metrics['logps/rejected']![1]!, fl * lp[1]!);
    close(run.metrics['rewards/chosen']![1]!, 0.5 * run.logRatios[1]![0]!);
  });
});

const state = (patch: Partial<AppState> = {}): AppState => ({
  ...DEFAULT_STATE,
  startLogRatios: [0.4, -0.3, 0.1],
  chosenLength: 3,
  rejectedLength: 8,
  ...patch,
});

describe('the pair views', () => {
  it('the readout’s values: pairLoss of the scaled pair, pushes times their factors, all times WPO’s weight', () => {
    const s = state({ ldAlpha: 0.25, wpoWeighting: true });
    const v = pairValuesOf('sigmoid', s);
    const { pair, factorChosen, factorRejected } = ldPair(pairInputOf(s), 0.25);
    const r = pairLoss('sigmoid', pair, pairParamsOf('sigmoid', s));
    const lp = startLogProbsOf(s);
    const lengths = [3, 8, 1];
    const sumSq = lp.reduce((a, l) => a + Math.exp(2 * l), 0);
    const weight = Math.exp(lp[0]! / lengths[0]! + lp[1]! / lengths[1]! - 2 * Math.log(sumSq));
    close(wpoPairWeightOf('sigmoid', s), weight);
    close(v.loss, weight * r.loss);
    close(v.dChosen, weight * factorChosen * r.dPolicyChosen);
    close(v.dRejected, weight * factorRejected * r.dPolicyRejected);
    // TRL's rewards come from the weighted log-probs; WPO does not touch them.
    close(v.rewardRejected, r.rewardRejected);
    expect(pairValuesOf('kto', s)).toEqual(pairValuesOf('kto', state()));
    expect(pairValuesOf('sigmoid', state({ ldAlpha: 1 }))).toEqual(pairValuesOf('sigmoid', state()));
  });

  it('the readout notes LD-DPO’s factors and WPO’s weight, and ends in the value shown', () => {
    const s = state({ ldAlpha: 0.5, wpoWeighting: true });
    const r = lossReadout('sigmoid', s);
    if (!r.ok) throw new Error('no readout');
    expect(r.cells.loss.value).toBe(pairValuesOf('sigmoid', s).loss);
    const kinds = r.cells.loss.notes.map((n) => n.kind);
    expect(kinds).toContain('ldAlpha');
    expect(kinds).toContain('wpo');
    const plain = lossReadout('sigmoid', state());
    if (!plain.ok) throw new Error('no readout');
    expect(plain.cells.loss.notes.map((n) => n.kind)).not.toContain('ldAlpha');
  });

  it('each curve reads the scaled pair along the unscaled margin, times the weight, its dot on it', () => {
    const s = state({ losses: ['sigmoid', 'ipo'], ldAlpha: 0.3, wpoWeighting: true });
    const curves = computePairCurves(s);
    const center = pairInputOf(s);
    const h0 = center.policyChosen - center.refChosen - (center.policyRejected - center.refRejected);
    const weight = wpoPairWeightOf('sigmoid', s);
    for (const c of curves) {
      expect(c.optimum).toBeNull();
      close(c.current.loss, pairValuesOf(c.id, s).loss);
      for (const j of [0, 123, 399]) {
        const half = (c.curve.margin[j]! - h0) / 2;
        // The same log-ratios as the curve's point, at a reference low enough that log π stays ≤ 0.
        const moved = {
          ...center,
          refChosen: -50,
          policyChosen: -50 + (center.policyChosen - center.refChosen + half),
          refRejected: -50,
          policyRejected: -50 + (center.policyRejected - center.refRejected - half),
        };
        const want = pairLoss(c.id as PairLossType, ldPair(moved, 0.3).pair, pairParamsOf(c.id, s)).loss;
        close(c.curve.loss[j]!, weight * want, 1e-10);
      }
    }
  });

  it('the plane is the loss on the scaled axes times the weight', () => {
    const s = state({ ldAlpha: 0, wpoWeighting: true });
    const plane = computePlane('sigmoid', s, undefined);
    const { factorChosen, factorRejected } = ldPair(pairInputOf(s), 0);
    const want = pairLossPlane(
      'sigmoid',
      pairParamsOf('sigmoid', s),
      plane.chosenLogRatio.map((x) => factorChosen * x),
      plane.rejectedLogRatio.map((y) => factorRejected * y),
    );
    const weight = wpoPairWeightOf('sigmoid', s);
    for (const i of [0, 30, 60]) for (const j of [5, 40]) close(plane.loss[i]![j]!, weight * want[i]![j]!);
  });
});

describe('the TRL code and the link', () => {
  it('writes ld_alpha when it is not 1 and use_weighting when on, where they change the loss', () => {
    const s = state({ losses: ['sigmoid', 'sft', 'kto'], ldAlpha: 0.5, wpoWeighting: true });
    const [dpo, sft, kto] = trlConfig(s).calls.map((c) => new Map(c.args));
    expect(dpo!.get('ld_alpha')).toBe('0.5');
    expect(dpo!.get('use_weighting')).toBe('True');
    // sft reads the logits (no ld_alpha), but TRL weights it; KTOTrainer has neither.
    expect(sft!.has('ld_alpha')).toBe(false);
    expect(sft!.get('use_weighting')).toBe('True');
    expect(kto!.has('ld_alpha') || kto!.has('use_weighting')).toBe(false);
    const plain = new Map(trlConfig(state()).calls[0]!.args);
    expect(plain.has('ld_alpha') || plain.has('use_weighting')).toBe(false);
  });

  it('round-trips ld= and wpo=1 through the link; out-of-range values are clamped or noted', () => {
    const s = { ...DEFAULT_STATE, ldAlpha: 0.35, wpoWeighting: true };
    const hash = stateToHash(s);
    expect(hash).toContain('ld=0.35');
    expect(hash).toContain('wpo=1');
    const back = parseHash(hash);
    expect(back.notices).toEqual([]);
    expect([back.state.ldAlpha, back.state.wpoWeighting]).toEqual([0.35, true]);
    expect(stateToHash(DEFAULT_STATE)).not.toMatch(/(^|&)(ld|wpo)=/);
    expect(parseHash('ld=2').state.ldAlpha).toBe(1);
    expect(parseHash('ld=-1').state.ldAlpha).toBe(0);
    expect(parseHash('wpo=0').state.wpoWeighting).toBe(false);
  });
});

interface LdWpoCase {
  tolerance?: Tolerance;
  problem: ToyProblem;
  config: ToyTrainConfig;
  theta: number[];
  expected: { loss: number; gradient: number[] };
}

describe('reference vectors (tests/vectors/ld_wpo.json, 60-digit mpmath)', () => {
  const file = loadVectors<LdWpoCase>('ld_wpo.json');
  it('has cases for both knobs, alone and together, with the SFT term', () => {
    expect(file.cases.some((c) => (c.config.loss.ldAlpha ?? 1) !== 1 && !c.config.loss.wpoWeighting)).toBe(
      true,
    );
    expect(file.cases.some((c) => (c.config.loss.ldAlpha ?? 1) === 1 && c.config.loss.wpoWeighting)).toBe(
      true,
    );
    expect(file.cases.some((c) => c.config.loss.ldAlpha !== undefined && c.config.loss.sftWeight)).toBe(true);
  });
  it.each(file.cases.map((c, i) => [i, c] as const))('case %i: toyObjective’s loss and gradient', (i, c) => {
    const tol = c.tolerance ?? file.defaultTolerance;
    const got = toyObjective(c.problem, c.config, c.theta);
    expectClose(got.loss, c.expected.loss, tol, `case ${i} loss`);
    got.gradient.forEach((g, j) => expectClose(g, c.expected.gradient[j]!, tol, `case ${i} gradient[${j}]`));
  });
});

describe('properties', () => {
  const unit = fc.double({ min: 0, max: 1, noNaN: true });
  const length = fc.integer({ min: 1, max: 4096 });
  it('ldFactor lies in [m/L, 1], grows with α, and is 1 for the shorter side or equal lengths', () => {
    fc.assert(
      fc.property(unit, unit, length, length, (a, b, L, other) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const m = Math.min(L, other);
        expect(ldFactor(lo, L, other)).toBeLessThanOrEqual(ldFactor(hi, L, other));
        expect(ldFactor(lo, L, other)).toBeGreaterThanOrEqual(m / L - 1e-15);
        expect(ldFactor(hi, L, other)).toBeLessThanOrEqual(1);
        if (L <= other) expect(ldFactor(lo, L, other)).toBe(1);
      }),
    );
  });

  it('the toy under any α and lengths is pairLoss of the LD pair; WPO scales it by a positive weight', () => {
    const thetaArb = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(unit, length, length, thetaArb, (a, lw, ll, theta) => {
        const pb: ToyProblem = { ...problem(), lengths: [lw, ll, 1] };
        const loss = { type: 'sigmoid' as const, beta: 0.3 };
        const plain = toyObjective(pb, cfg({ ...loss, ldAlpha: a }), theta).loss;
        const lp = policyAt(theta);
        const ref = logSoftmax(problem().refLogits);
        const pair = {
          policyChosen: lp[0]!,
          policyRejected: lp[1]!,
          refChosen: ref[0]!,
          refRejected: ref[1]!,
          chosenLength: lw,
          rejectedLength: ll,
        };
        close(plain, pairLoss('sigmoid', ldPair(pair, a).pair, loss).loss, 1e-11);
        const weighted = toyObjective(pb, cfg({ ...loss, ldAlpha: a, wpoWeighting: true }), theta).loss;
        const weight = Math.exp(wpoLogWeights(lp, [lw, ll, 1])[0]! + wpoLogWeights(lp, [lw, ll, 1])[1]!);
        close(weighted, weight * plain, 1e-11);
        expect(weight).toBeGreaterThan(0);
      }),
      { numRuns: 50 },
    );
  });
});

describe('extreme inputs', () => {
  it('gives no NaN: WPO’s weight lies in [0, K⁴], LD’s factors in [0, 1], whatever the log-probs', () => {
    for (const theta of [
      [-400, 400, 0],
      [400, -400, 0],
      [0, 0, 800],
    ])
      for (const type of TYPES) {
        const got = toyObjective(
          problem(0.6),
          cfg({ type, beta: 1000, ldAlpha: 0, wpoWeighting: true, sftWeight: 1 }),
          theta,
        );
        expect(Number.isNaN(got.loss), `${type} ${theta.join(',')}`).toBe(false);
        for (const g of got.gradient) expect(Number.isNaN(g)).toBe(false);
      }
    const w = wpoLogWeights([-1e5, -1e-40, -1e5], [1, 1, 1]);
    expect(w[1]).toBeCloseTo(0, 12);
    // log Σ π² is 2·(−1e−40) here, so the unlikely response's log-weight is its log-prob.
    close(w[0]!, -1e5);
  });
});
