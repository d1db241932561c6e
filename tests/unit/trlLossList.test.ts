// TRL's weighted loss list in the app (issue 12): further terms beside every pair loss (state extraTerms, URL
// `plus=`) reach the toy trainer, the readout, the curves, the plane, the TRL code and the names, and all of
// them compute the same total as the math API (batchLoss, pairLoss).
import { describe, expect, it } from 'vitest';
import {
  batchLoss,
  buildToyProblem,
  pairLoss,
  pairLossPlane,
  toyObjective,
  type ExtraTerm,
} from '../../src/math/index.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import type { AppState } from '../../src/state/appState.ts';
import { parseHash, stateToHash } from '../../src/state/urlCodec.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import { pairInputOf, pairParamsOf, toyLossOf } from '../../src/derive/mathParams.ts';
import { pairValuesOf } from '../../src/derive/pairValues.ts';
import { computePairCurves } from '../../src/derive/pairCurves.ts';
import { computePlane } from '../../src/derive/plane.ts';
import { lossReadout } from '../../src/derive/readout.ts';
import { trlConfig } from '../../src/derive/trlConfig.ts';
import { toySpecOf } from '../../src/derive/toy.ts';
import { withSftTerm } from '../../src/i18n/withSftTerm.ts';
import { EN } from '../../src/i18n/en/index.ts';
import { ZH } from '../../src/i18n/zh/index.ts';

const MPO: ExtraTerm[] = [{ type: 'bco_pair', weight: 0.2 }];

const state = (patch: Partial<AppState> = {}): AppState => ({
  ...DEFAULT_STATE,
  // A policy away from the reference, so log-ratios are not all 0.
  startLogRatios: [0.4, -0.3, 0.1],
  ...patch,
});

const close = (a: number, b: number, rel = 1e-12) =>
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));

describe('the link', () => {
  it('round-trips the list as plus=<type>:<weight>,… with no notices', () => {
    const s = { ...DEFAULT_STATE, extraTerms: [...MPO, { type: 'ipo' as const, weight: 0.5 }], sftWeight: 1 };
    const hash = stateToHash(s);
    expect(hash).toContain('plus=bco_pair:0.2,ipo:0.5');
    const back = parseHash(hash);
    expect(back.notices).toEqual([]);
    expect(back.state.extraTerms).toEqual(s.extraTerms);
    // The default (no terms) writes no key.
    expect(stateToHash(DEFAULT_STATE)).not.toContain('plus=');
  });

  it('drops unknown, unlisted and repeated types and bad weights, naming each, and clamps weights', () => {
    const { state: s, notices } = parseHash(
      'plus=kto:1,aot:1,sft:1,cdpo:1,simpo:1,BCO_PAIR:0.2,bco_pair:0.3,ipo:abc,ipo,hinge:99,<script>:1,,nca_pair:0.1234567',
    );
    expect(s.extraTerms).toEqual([
      { type: 'bco_pair', weight: 0.2 },
      { type: 'hinge', weight: 10 },
      { type: 'nca_pair', weight: 0.123457 },
    ]);
    const dropped = notices.filter((n) => n.key === 'plus' && n.kind === 'bad-value').map((n) => n.given);
    expect(dropped).toEqual([
      'kto:1',
      'aot:1',
      'sft:1',
      'cdpo:1',
      'simpo:1',
      'bco_pair:0.3',
      'ipo:abc',
      'ipo',
      '<script>:1',
    ]);
    expect(notices.some((n) => n.key === 'plus' && n.kind === 'clamped')).toBe(true);
  });

  it('raises ε to EXO’s smallest when EXO is listed, as when it is shown', () => {
    const { state: s, notices } = parseHash('eps=0&plus=exo_pair:1');
    expect(s.labelSmoothing).toBeGreaterThan(0);
    expect(notices.some((n) => n.key === 'eps')).toBe(true);
    expect(
      applyPatch(state({ labelSmoothing: 0 }), { extraTerms: [{ type: 'exo_pair', weight: 1 }] })
        .labelSmoothing,
    ).toBeGreaterThan(0);
  });

  it('a patch with anything the rule refuses is refused whole', () => {
    const s = state({ extraTerms: MPO });
    for (const bad of [
      [{ type: 'kto', weight: 1 }],
      [{ type: 'ipo', weight: NaN }],
      'ipo:1',
      [MPO[0], MPO[0]],
    ])
      expect(applyPatch(s, { extraTerms: bad as ExtraTerm[] }).extraTerms).toEqual(MPO);
    expect(applyPatch(s, { extraTerms: [] }).extraTerms).toEqual([]);
  });
});

describe('what the trainer, the views and the readout compute', () => {
  const s = state({ extraTerms: [...MPO, { type: 'ipo', weight: 0.5 }], sftWeight: 1, chosenLength: 2 });
  const terms = [
    { type: 'sigmoid' as const, weight: 1 },
    ...s.extraTerms,
    { type: 'sft' as const, weight: 1 },
  ];

  it('the toy trains every pair loss with the list (KTO and SimPO without), its objective TRL’s total', () => {
    expect(toyLossOf('sigmoid', s).extraTerms).toEqual(s.extraTerms);
    expect(toyLossOf('kto', s).extraTerms).toEqual([]);
    expect(toyLossOf('simpo', s).extraTerms).toEqual([]);
    expect(toyLossOf('sft', s).extraTerms).toEqual([]);
    // At the start policy, with a deterministic pair, the toy's objective is batchLoss on the start pair.
    const det = { ...s, preferenceProb: 1 };
    const problem = buildToyProblem(toySpecOf(det));
    const theta = problem.policy.features[0]!.map(() => 0);
    const config = {
      loss: toyLossOf('sigmoid', det),
      optimizer: 'sgd' as const,
      learningRate: 0.1,
      steps: 1,
    };
    const got = toyObjective(problem, config, theta);
    close(got.loss, batchLoss(terms, [pairInputOf(det)], pairParamsOf('sigmoid', det)).loss);
  });

  it('the readout’s values are batchLoss of the list; its formula adds L₊ = Σ wᵢ·Lᵢ, ending in its value', () => {
    const v = pairValuesOf('sigmoid', s);
    const pair = pairInputOf(s);
    const params = pairParamsOf('sigmoid', s);
    const want = batchLoss(terms, [pair], params);
    close(v.loss, want.loss);
    close(v.dChosen, want.dPolicyChosen[0]!);
    close(v.dRejected, want.dPolicyRejected[0]!);
    const extra = 0.2 * pairLoss('bco_pair', pair, params).loss + 0.5 * pairLoss('ipo', pair, params).loss;
    close(v.extra!.loss, extra);
    // The rewards are TRL's β·ρ whatever the list.
    expect(v.rewardChosen).toBe(pairValuesOf('sigmoid', state({ chosenLength: 2 })).rewardChosen);
    const r = lossReadout('sigmoid', s);
    if (!r.ok) throw new Error('no readout');
    expect(r.cells.loss.formula.text).toContain('+ L₊');
    expect(r.cells.loss.formula.text).toContain('L₊ = 0.2·L[bco_pair] + 0.5·L[ipo]');
    expect(r.cells.loss.formula.tex).toContain(String.raw`L_{\texttt{bco\_pair}}`);
    expect(r.cells.dChosen.formula.text).toContain('+ ∂w L₊');
    expect(r.cells.loss.value).toBe(v.loss);
    // KTO has no list.
    expect(pairValuesOf('kto', s)).toEqual(pairValuesOf('kto', { ...s, extraTerms: [] }));
  });

  it('each curve is the loss plus Σ wᵢ × each term’s curve, its dot on it, with no closed-form optimum', () => {
    const base = state({ losses: ['sigmoid', 'kto'] });
    const listed = { ...base, extraTerms: MPO };
    const [plain, plainKto] = computePairCurves(base);
    const [mixed, mixedKto] = computePairCurves(listed);
    const bco = computePairCurves({ ...base, losses: ['bco_pair'] })[0]!;
    mixed!.curve.loss.forEach((y, j) => close(y, plain!.curve.loss[j]! + 0.2 * bco.curve.loss[j]!, 1e-11));
    mixed!.curve.dChosen.forEach((y, j) =>
      close(y, plain!.curve.dChosen[j]! + 0.2 * bco.curve.dChosen[j]!, 1e-11),
    );
    expect(mixed!.optimum).toBeNull();
    expect(plain!.optimum).not.toBeNull();
    expect(mixed!.modified).toBe(true);
    close(mixed!.current.loss, pairValuesOf('sigmoid', listed).loss);
    expect(mixedKto!.curve.loss).toEqual(plainKto!.curve.loss);
  });

  it('the plane shows the same total', () => {
    const listed = state({ extraTerms: MPO, fDivergence: 'js_divergence' });
    const plane = computePlane('sigmoid', listed, undefined);
    const params = pairParamsOf('sigmoid', listed);
    const lengths = { chosen: 1, rejected: 1 };
    const main = pairLossPlane('sigmoid', params, plane.chosenLogRatio, plane.rejectedLogRatio, lengths);
    const bco = pairLossPlane('bco_pair', params, plane.chosenLogRatio, plane.rejectedLogRatio, lengths);
    for (const i of [0, 17, 60])
      for (const j of [3, 30, 59]) close(plane.loss[i]![j]!, main[i]![j]! + 0.2 * bco[i]![j]!, 1e-12);
  });
});

describe('the TRL code and the names', () => {
  it('writes loss_type and loss_weights exactly as DPOConfig takes them, with every listed loss’s fields', () => {
    const s = state({
      losses: ['sigmoid', 'kto'],
      extraTerms: [...MPO, { type: 'robust', weight: 0.5 }],
      sftWeight: 1,
      fDivergence: 'js_divergence',
    });
    const [dpo, kto] = trlConfig(s).calls;
    const args = new Map(dpo!.args);
    expect(args.get('loss_type')).toBe('["sigmoid", "bco_pair", "robust", "sft"]');
    expect(args.get('loss_weights')).toBe('[1.0, 0.2, 0.5, 1.0]');
    expect(args.get('label_smoothing')).toBe('0.1');
    expect(args.get('f_divergence_type')).toBe('"js_divergence"');
    expect(new Map(kto!.args).get('loss_type')).toBe('"kto"');
    // The list's own notes: IPO listed brings its per-token note.
    const withIpo = trlConfig(state({ losses: ['sigmoid'], extraTerms: [{ type: 'ipo', weight: 1 }] }));
    expect(withIpo.notes).toContainEqual({ kind: 'ipoToken' });
    // apo_zero ignores the divergence; listed beside it, a loss that reads it brings f_divergence_type.
    const apo = trlConfig(state({ losses: ['apo_zero'], fDivergence: 'forward_kl', extraTerms: MPO }))
      .calls[0]!;
    expect(new Map(apo.args).get('f_divergence_type')).toBe('"forward_kl"');
    expect(
      new Map(trlConfig(state({ losses: ['apo_zero'], fDivergence: 'forward_kl' })).calls[0]!.args).has(
        'f_divergence_type',
      ),
    ).toBe(false);
  });

  it('names a run “DPO + 0.2·BCO + 1·SFT” in both languages, and leaves KTO and SFT alone', () => {
    const en = withSftTerm(EN, 1, MPO);
    expect(en.losses.sigmoid.label).toBe('DPO + 0.2·BCO + 1·SFT');
    expect(en.figures.lossLabel('sigmoid')).toBe(en.losses.sigmoid.label);
    expect(withSftTerm(EN, 0, MPO).losses.ipo.label).toBe('IPO + 0.2·BCO');
    const zh = withSftTerm(ZH, 1, MPO);
    expect(zh.losses.sigmoid.label).toBe(`DPO（+ 0.2·${ZH.losses.bco_pair.label} + 1·SFT）`);
    for (const t of [en, zh]) {
      expect(t.losses.kto).toBe((t === en ? EN : ZH).losses.kto);
      expect(t.losses.sft).toBe((t === en ? EN : ZH).losses.sft);
    }
    // The same list gives the same table; no list gives the table itself; the SFT term alone keeps its words.
    expect(withSftTerm(EN, 1, [...MPO])).toBe(en);
    expect(withSftTerm(EN, 0, [])).toBe(EN);
    expect(withSftTerm(EN, 0.5).losses.sigmoid.label).toBe(EN.controls.sftWeight.termName('DPO', '0.5'));
  });
});
