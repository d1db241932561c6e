// TRL's trainer-wide knobs in the app (issue 12): the f-divergence (f_divergence_type) and an SFT term beside
// each pair loss (loss_type=[<loss>, "sft"], loss_weights=[1, w]). Everything that shows the model computes
// with them — the toy trainer, the readout, the curves, the plane, the TRL code, the URL — and agrees with the
// math API (pairLoss, batchLoss).
import { describe, expect, it } from 'vitest';
import {
  batchLoss,
  F_DIVERGENCES,
  pairLoss,
  pairLossPlane,
  toyObjective,
  trainToyPolicy,
  type FDivergence,
  type ToyProblem,
  type ToyTrainConfig,
} from '../../src/math/index.ts';
import { findScenario } from '../../src/math/toy/scenarios.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import type { AppState } from '../../src/state/appState.ts';
import { parseHash, stateToHash } from '../../src/state/urlCodec.ts';
import { fitCompare } from '../../src/state/compareChoice.ts';
import { pairInputOf, pairParamsOf } from '../../src/derive/mathParams.ts';
import { pairValuesOf } from '../../src/derive/pairValues.ts';
import { computePairCurves } from '../../src/derive/pairCurves.ts';
import { computePlane } from '../../src/derive/plane.ts';
import { lossReadout } from '../../src/derive/readout.ts';
import { trlConfig } from '../../src/derive/trlConfig.ts';
import { withSftTerm } from '../../src/i18n/withSftTerm.ts';
import { ONE_PAIR_THETA, onePairAt, onePairConfig, onePairProblem } from '../helpers/onePair.ts';
import { EN } from '../../src/i18n/en/index.ts';
import { ZH } from '../../src/i18n/zh/index.ts';

const state = (patch: Partial<AppState> = {}): AppState => ({
  ...DEFAULT_STATE,
  // A policy away from the reference, so log-ratios and scores are not all 0.
  startLogRatios: [0.4, -0.3, 0.1],
  ...patch,
});

const close = (a: number, b: number, rel = 1e-12) =>
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));

const ONE_PAIR = onePairProblem([2, 3, 1]);
const THETA = [...ONE_PAIR_THETA];
const pairAt = (theta: number[]) => onePairAt(ONE_PAIR, theta);

function numericGradient(problem: ToyProblem, config: ToyTrainConfig, theta: number[]): number[] {
  const h = 1e-6;
  return theta.map((_, j) => {
    const up = theta.slice();
    const down = theta.slice();
    up[j] += h;
    down[j] -= h;
    return (toyObjective(problem, config, up).loss - toyObjective(problem, config, down).loss) / (2 * h);
  });
}

const cfg = onePairConfig;

describe('the toy trainer', () => {
  it.each(F_DIVERGENCES)('trains on the f-divergence (%s) exactly as pairLoss computes it', (d) => {
    for (const type of ['sigmoid', 'ipo', 'nca_pair', 'apo_down', 'sigmoid_norm'] as const) {
      const loss = { type, beta: 0.7, fDivergence: d, fAlphaDivergenceCoef: 0.3 };
      const got = toyObjective(ONE_PAIR, cfg(loss), THETA);
      close(got.loss, pairLoss(type, pairAt(THETA), loss).loss);
      const numeric = numericGradient(ONE_PAIR, cfg(loss), THETA);
      got.gradient.forEach((g, j) => expect(Math.abs(g - numeric[j])).toBeLessThan(1e-7));
    }
  });

  it('adds the SFT term as TRL’s loss list does (batchLoss on the pair), with its exact gradient', () => {
    for (const w of [0.2, 1.5]) {
      const loss = {
        type: 'sigmoid' as const,
        beta: 0.4,
        sftWeight: w,
        fDivergence: 'js_divergence' as FDivergence,
      };
      const got = toyObjective(ONE_PAIR, cfg(loss), THETA);
      const want = batchLoss(
        [
          { type: 'sigmoid', weight: 1 },
          { type: 'sft', weight: w },
        ],
        [pairAt(THETA)],
        loss,
      );
      close(got.loss, want.loss);
      const numeric = numericGradient(ONE_PAIR, cfg(loss), THETA);
      got.gradient.forEach((g, j) => expect(Math.abs(g - numeric[j])).toBeLessThan(1e-7));
    }
  });

  it('weights the SFT term by tokens over noisy pairs: y_l is the chosen one with probability 1 − p', () => {
    const noisy: ToyProblem = { ...ONE_PAIR, pairs: [{ chosen: 0, rejected: 1, p: 0.75 }] };
    const w = 0.5;
    const plain = toyObjective(noisy, cfg({ type: 'sigmoid', beta: 0.4 }), THETA).loss;
    const got = toyObjective(noisy, cfg({ type: 'sigmoid', beta: 0.4, sftWeight: w }), THETA);
    const pair = pairAt(THETA);
    const sft = -(0.75 * pair.policyChosen + 0.25 * pair.policyRejected) / (0.75 * 2 + 0.25 * 3);
    close(got.loss, plain + w * sft);
    const numeric = numericGradient(noisy, cfg({ type: 'sigmoid', beta: 0.4, sftWeight: w }), THETA);
    got.gradient.forEach((g, j) => expect(Math.abs(g - numeric[j])).toBeLessThan(1e-7));
  });

  it('an SFT term keeps the displaced chosen answer from falling (the sft-term scenario’s runs)', () => {
    const s = findScenario('sft-term');
    if (!s) throw new Error('no sft-term scenario');
    const chosen = (w: number) =>
      trainToyPolicy(s.problem, { ...s.config, loss: { ...s.config.loss, sftWeight: w } }).probs.map(
        (p) => p[0],
      );
    const withTerm = chosen(0.5);
    const without = chosen(0);
    expect(withTerm.at(-1)!).toBeGreaterThan(withTerm[0]!);
    expect(Math.abs(withTerm.at(-1)! - 0.7465)).toBeLessThan(5e-4);
    expect(without.at(-1)!).toBeLessThan(without[0]! / 3);
  });
});

describe('what the views and the readout compute', () => {
  it('the readout’s values are batchLoss of the loss and the SFT term; rewards stay β·ρ', () => {
    const s = state({ sftWeight: 0.5, fDivergence: 'forward_kl' });
    const v = pairValuesOf('sigmoid', s);
    const pair = pairInputOf(s);
    const want = batchLoss(
      [
        { type: 'sigmoid', weight: 1 },
        { type: 'sft', weight: 0.5 },
      ],
      [pair],
      pairParamsOf('sigmoid', s),
    );
    close(v.loss, want.loss);
    close(v.dChosen, want.dPolicyChosen[0]!);
    close(v.dRejected, want.dPolicyRejected[0]!);
    close(v.rewardChosen, s.beta * (pair.policyChosen - pair.refChosen));
    // KTO has no loss list: the SFT term never reaches it.
    expect(pairValuesOf('kto', s)).toEqual(pairValuesOf('kto', { ...s, sftWeight: 0 }));
  });

  it('each curve is the loss plus w × sft’s curve, its dot on it, and it has no closed-form optimum line', () => {
    const plain = computePairCurves(state());
    const mixed = computePairCurves(state({ sftWeight: 2 }));
    const sft = computePairCurves(state({ losses: ['sft'] }))[0]!;
    mixed.forEach((c, i) => {
      const p = plain[i]!;
      if (c.id === 'kto') return expect(c.curve.loss).toEqual(p.curve.loss);
      let gaps = 0;
      c.curve.loss.forEach((y, j) => {
        // Where y_w's log π would pass 0 sft's curve has a gap, and so has the total.
        if (Number.isNaN(sft.curve.loss[j]!)) return void (gaps++, expect(y).toBeNaN());
        close(y, p.curve.loss[j]! + 2 * sft.curve.loss[j]!, 1e-11);
      });
      expect(gaps).toBeLessThan(c.curve.loss.length);
      expect(c.optimum).toBeNull();
      close(c.current.loss, pairValuesOf(c.id, state({ sftWeight: 2 })).loss);
    });
    expect(plain.find((c) => c.id === 'sigmoid')?.optimum).not.toBeNull();
    // Under an f-divergence the closed forms (in ρ) do not hold either.
    expect(
      computePairCurves(state({ fDivergence: 'js_divergence' })).find((c) => c.id === 'sigmoid')?.optimum,
    ).toBeNull();
  });

  it('the plane shows the same total: the f-divergence’s loss, plus w·(−log π(y_w)/Lw)', () => {
    const s = state({ fDivergence: 'js_divergence', sftWeight: 0.5, chosenLength: 2 });
    const plane = computePlane('sigmoid', s, undefined);
    const params = pairParamsOf('sigmoid', s);
    const scored = pairLossPlane('sigmoid', params, plane.chosenLogRatio, plane.rejectedLogRatio, {
      chosen: 2,
      rejected: 1,
    });
    const refW = pairInputOf(s).refChosen;
    for (const i of [0, 17, 60])
      for (const j of [3, 30, 59]) {
        const rw = plane.chosenLogRatio[j]!;
        if (rw + refW > 0) expect(plane.loss[i]![j]!).toBeNaN();
        else close(plane.loss[i]![j]!, scored[i]![j]! + 0.5 * (-(rw + refW) / 2), 1e-11);
      }
    // The plane's f-divergence is pairLoss's (where log π ≤ 0 makes the pair valid).
    const rw = plane.chosenLogRatio[30]!;
    const rl = plane.rejectedLogRatio[30]!;
    const at = pairLoss(
      'sigmoid',
      { policyChosen: -1, policyRejected: -2, refChosen: -1 - rw, refRejected: -2 - rl, chosenLength: 2 },
      params,
    ).loss;
    close(scored[30]![30]!, at, 1e-11);
  });

  it('the readout’s formula reads the scores and the SFT term, and its numbers end in the value shown', () => {
    const s = state({ fDivergence: 'forward_kl', sftWeight: 0.5 });
    const r = lossReadout('sigmoid', s);
    if (!r.ok) throw new Error('no readout');
    const text = r.cells.loss.substituted.text;
    expect(text).toContain('s_w = −e^(−');
    expect(text).toContain('+ 0.5·(−');
    expect(r.cells.dChosen.formula.text).toContain('s′(ρw)');
    expect(r.cells.dChosen.formula.text).toContain('− w/Lw');
    expect(r.cells.loss.value).toBe(pairValuesOf('sigmoid', s).loss);
    // The rewards stay on the log-ratios.
    expect(r.cells['rewards/chosen'].substituted.text).not.toContain('s_w');
  });
});

describe('the TRL code, the link and the names', () => {
  it('writes the loss list with its weights and the f-divergence where they change the loss', () => {
    const s = state({
      losses: ['sigmoid', 'apo_zero', 'kto'],
      sftWeight: 0.25,
      fDivergence: 'alpha_divergence',
      fAlphaDivergenceCoef: 0.3,
    });
    const [dpo, apo, kto] = trlConfig(s).calls;
    const args = (c: typeof dpo) => new Map(c!.args);
    expect(args(dpo).get('loss_type')).toBe('["sigmoid", "sft"]');
    expect(args(dpo).get('loss_weights')).toBe('[1.0, 0.25]');
    expect(args(dpo).get('f_divergence_type')).toBe('"alpha_divergence"');
    expect(args(dpo).get('f_alpha_divergence_coef')).toBe('0.3');
    // apo_zero ignores the divergence (TRL reads its log-ratios), and KTOTrainer has neither knob.
    expect(args(apo).has('f_divergence_type')).toBe(false);
    expect(args(kto).get('loss_type')).toBe('"kto"');
    expect(args(kto).has('loss_weights')).toBe(false);
    const plain = trlConfig(state()).calls[0]!;
    expect(new Map(plain.args).get('loss_type')).toBe('"sigmoid"');
    expect(plain.args.some(([k]) => k === 'loss_weights' || k === 'f_divergence_type')).toBe(false);
  });

  it('round-trips through the link, and compares with and without the term', () => {
    const s = {
      ...DEFAULT_STATE,
      sftWeight: 0.5,
      fDivergence: 'js_divergence' as const,
      fAlphaDivergenceCoef: 0.3,
    };
    const hash = stateToHash(s);
    expect(hash).toContain('sft=0.5');
    expect(hash).toContain('fdiv=js_divergence');
    const back = parseHash(hash);
    expect(back.notices).toEqual([]);
    expect([back.state.sftWeight, back.state.fDivergence, back.state.fAlphaDivergenceCoef]).toEqual([
      0.5,
      'js_divergence',
      0.3,
    ]);
    expect(parseHash('fdiv=chi2').notices.map((n) => n.key)).toEqual(['fdiv']);
    expect(parseHash('sft=-1').state.sftWeight).toBe(0);
    expect(fitCompare('sft:0')?.choice).toEqual({ key: 'sft', value: 0 });
    expect(fitCompare('fdiv:forward_kl')?.choice).toEqual({ key: 'fdiv', value: 'forward_kl' });
    expect(fitCompare('fdiv:nope')).toBeNull();
  });

  it('names each loss with its SFT term in both languages, and leaves KTO and SFT alone', () => {
    for (const table of [EN, ZH]) {
      const t = withSftTerm(table, 0.5);
      expect(t.losses.sigmoid.label).toContain('0.5');
      expect(t.losses.sigmoid.label).toContain('SFT');
      expect(t.figures.lossLabel('ipo')).toBe(t.losses.ipo.label);
      expect(t.losses.kto).toBe(table.losses.kto);
      expect(t.losses.sft).toBe(table.losses.sft);
      expect(withSftTerm(table, 0)).toBe(table);
      expect(withSftTerm(table, 0.5)).toBe(t);
    }
  });
});
