// TR-DPO in the app (sync=, mixup=): the link, "Use in TRL", the runs the views draw (π_ref per step, the pair
// at step t against step t's reference), the figures that draw the moving reference, the plane of the SFT term
// at the cursor's step, the packed runs of the worker path, and the scenario.
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../src/math/toy/scenarios.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import type { AppState } from '../../src/state/appState.ts';
import { baseState, parseHash, stateToHash } from '../../src/state/urlCodec.ts';
import { fitCompare } from '../../src/state/compareChoice.ts';
import { presetPatch } from '../../src/state/presets.ts';
import { computeTrainingRuns, toyConfigOf } from '../../src/derive/toy.ts';
import { pairAtStep } from '../../src/derive/atStep.ts';
import { computePlane, planeFollowsStep } from '../../src/derive/plane.ts';
import { simplexOf } from '../../src/derive/simplex.ts';
import { compareRowsOf, compareRunsOf, compareStateOf } from '../../src/derive/compare.ts';
import { packRuns, unpackRuns } from '../../src/derive/packedRuns.ts';
import { trlConfig } from '../../src/derive/trlConfig.ts';
import { trainingFigure } from '../../src/figures/trainingFigure.ts';
import { simplexFigure } from '../../src/figures/simplexFigure.ts';
import { LIGHT_THEME } from '../../src/figures/themes.ts';
import { EN } from '../../src/i18n/en/index.ts';

const state = (patch: Partial<AppState> = {}): AppState => ({
  ...DEFAULT_STATE,
  losses: ['sigmoid', 'kto', 'simpo'],
  steps: 60,
  ...patch,
});
const synced = (patch: Partial<AppState> = {}) => state({ refSyncSteps: 7, refMixupAlpha: 0.6, ...patch });
const theme = LIGHT_THEME;

describe('TR-DPO: link and TRL code', () => {
  it('round-trips sync= and mixup= through the link; off by default and writes nothing then', () => {
    expect(stateToHash(state())).not.toMatch(/sync=|mixup=/);
    const hash = stateToHash(synced({ refMixupAlpha: 0.25 }));
    expect(hash).toContain('sync=7');
    expect(hash).toContain('mixup=0.25');
    const back = parseHash(hash);
    expect(back.notices).toEqual([]);
    expect([back.state.refSyncSteps, back.state.refMixupAlpha]).toEqual([7, 0.25]);
    // Out of range: clamped with a notice; not a whole number: rounded.
    expect(parseHash('mixup=2').state.refMixupAlpha).toBe(1);
    expect(parseHash('sync=-3').state.refSyncSteps).toBe(0);
    expect(parseHash('sync=2.6').state.refSyncSteps).toBe(3);
    expect(fitCompare('sync:0')?.choice).toEqual({ key: 'sync', value: 0 });
    expect(fitCompare('sync:nope')).toBeNull();
  });

  it('"Use in TRL" writes TRL’s three fields in DPOConfig and KTOConfig, none for SimPO or with sync off', () => {
    const [dpo, kto, simpo] = trlConfig(synced()).calls.map((c) => new Map(c.args));
    for (const args of [dpo!, kto!]) {
      expect(args.get('sync_ref_model')).toBe('True');
      expect(args.get('ref_model_mixup_alpha')).toBe('0.6');
      expect(args.get('ref_model_sync_steps')).toBe('7');
    }
    expect(simpo!.has('sync_ref_model')).toBe(false);
    expect(trlConfig(synced()).notes.some((n) => n.kind === 'refSync')).toBe(true);
    const off = trlConfig(state());
    expect(
      off.calls.some((c) => c.args.some(([k]) => k.startsWith('sync_ref') || k.startsWith('ref_model'))),
    ).toBe(false);
    expect(off.notes.some((n) => n.kind === 'refSync')).toBe(false);
  });
});

describe('TR-DPO: the runs the views draw', () => {
  it('passes refSync to the toy for DPO and KTO only, and each run carries π_ref per step', () => {
    const s = synced();
    expect(toyConfigOf(s, 'sigmoid').refSync).toEqual({ mixupAlpha: 0.6, syncSteps: 7 });
    expect(toyConfigOf(s, 'kto').refSync).toEqual({ mixupAlpha: 0.6, syncSteps: 7 });
    expect(toyConfigOf(s, 'simpo').refSync).toBeUndefined();
    expect(toyConfigOf(state(), 'sigmoid').refSync).toBeUndefined();
    const { runs } = computeTrainingRuns(s);
    const [dpo, kto, simpo] = runs;
    expect(simpo!.refProbs).toBeUndefined();
    for (const run of [dpo!, kto!]) {
      const refs = run.refProbs!;
      expect(refs).toHaveLength(61);
      expect(refs[0]).toEqual(s.refProbs.map((p) => Math.exp(Math.log(p))));
      // The reference moves at steps 7, 14, …, and only there.
      for (let t = 1; t <= 60; t++) expect(refs[t]!.some((p, k) => p !== refs[t - 1]![k])).toBe(t % 7 === 0);
      for (const row of refs) expect(row.reduce((a, p) => a + p, 0)).toBeCloseTo(1, 12);
    }
    // With α = 0 the reference does not move: no trace, and the same runs as sync off.
    const still = computeTrainingRuns(synced({ refMixupAlpha: 0 })).runs;
    expect(still.every((r) => r.refProbs === undefined)).toBe(true);
    expect(still.map((r) => r.probs)).toEqual(computeTrainingRuns(state()).runs.map((r) => r.probs));
  });

  it('the pair at step t is against step t’s reference, and its log-ratios are the run’s', () => {
    const s = synced();
    const dpo = computeTrainingRuns(s).runs[0]!;
    for (const t of [0, 6, 7, 30, 60]) {
      const pair = pairAtStep(s, dpo, t);
      const ref = t === 0 ? s.refProbs : dpo.refProbs![t]!;
      expect(pair.refChosen).toBeCloseTo(Math.log(ref[0]!), 14);
      expect(pair.refRejected).toBeCloseTo(Math.log(ref[1]!), 14);
      expect(pair.policyChosen).toBeCloseTo(Math.log(dpo.probs[t]![0]!), 12);
      expect(pair.policyRejected).toBeCloseTo(Math.log(dpo.probs[t]![1]!), 12);
    }
  });

  it('the worker path carries π_ref per step (packed and unpacked equal)', () => {
    const runs = computeTrainingRuns(synced());
    const { packed } = packRuns(runs);
    expect(unpackRuns(packed)).toEqual(runs);
  });
});

describe('TR-DPO: the figures', () => {
  it('the training view draws π_ref long-dashed in each response’s colour, following the cursor’s data', () => {
    const s = synced();
    const { runs } = computeTrainingRuns(s);
    const fig = trainingFigure(runs, { theme, strings: EN.figures, responses: 3, step: 20 });
    const refTraces = fig.data.filter((d) => String(d.name).includes('π_ref'));
    // DPO and KTO move their references (3 responses each); SimPO has none.
    expect(refTraces).toHaveLength(6);
    const first = refTraces[0] as { y: ArrayLike<number>; line: { dash: string } };
    expect(first.line.dash).toBe('longdash');
    expect(Array.from(first.y)[0]).toBeCloseTo(s.refProbs[0]!, 14);
    expect(Array.from(first.y)[60]).toBe(runs[0]!.refProbs![60]![0]);
    const fixed = trainingFigure(computeTrainingRuns(state()).runs, {
      theme,
      strings: EN.figures,
      responses: 3,
    });
    expect(fixed.data.some((d) => String(d.name).includes('π_ref'))).toBe(false);
  });

  it('the simplex draws π_ref’s path and its place at the cursor’s step, and no ★ for the start reference', () => {
    const s = synced({ losses: ['sigmoid'] });
    const { runs } = computeTrainingRuns(s);
    const data = simplexOf(s, runs);
    expect(data.movingReference).toBe(true);
    expect(data.rlhfOptimum).toBeNull();
    expect(
      simplexOf(state({ losses: ['sigmoid'] }), computeTrainingRuns(state({ losses: ['sigmoid'] })).runs),
    ).toMatchObject({ movingReference: false });
    for (const step of [5, 21, 60]) {
      const fig = simplexFigure(data.runs, {
        theme,
        strings: EN.figures,
        reference: data.reference,
        rlhfOptimum: data.rlhfOptimum,
        step,
      });
      const marker = fig.data.find((d) => String(d.name).includes(EN.figures.movingReference.marker)) as {
        a: number[];
        b: number[];
      };
      expect(marker.a[0]).toBe(runs[0]!.refProbs![step]![0]);
      expect(marker.b[0]).toBe(runs[0]!.refProbs![step]![1]);
      expect(fig.data.some((d) => String(d.name).includes(EN.figures.movingReference.path))).toBe(true);
    }
  });

  it('the plane of an SFT term is the cursor step’s (it reads π_ref(y_w)); plain DPO’s does not move', () => {
    const s = synced({ losses: ['sigmoid'], sftWeight: 0.5 });
    const { runs } = computeTrainingRuns(s);
    expect(planeFollowsStep('sigmoid', s, runs)).toBe(true);
    expect(planeFollowsStep('sigmoid', { ...s, sftWeight: 0 }, runs)).toBe(false);
    const at = (t: number) => computePlane('sigmoid', s, runs[0], t).loss;
    expect(at(0)).toEqual(computePlane('sigmoid', s, runs[0]).loss);
    expect(at(30)).not.toEqual(at(0));
    // Step 30's plane is step 0's formula with step 30's π_ref(y_w): the SFT term −(ρw + log π_ref(y_w))/Lw.
    const grid = computePlane('sigmoid', s, runs[0], 30);
    const plain = computePlane('sigmoid', { ...s, sftWeight: 0 }, runs[0], 30).loss;
    const refW = Math.log(runs[0]!.refProbs![30]![0]!);
    const i = 10;
    const j = grid.chosenLogRatio.findIndex((x) => x + refW < -0.1);
    expect(j).toBeGreaterThanOrEqual(0);
    const x = grid.chosenLogRatio[j]!;
    expect(grid.loss[i]![j]).toBeCloseTo(plain[i]![j]! + 0.5 * -(x + refW), 12);
  });

  it('the table of both runs gives KL to the start reference and to the step’s own', () => {
    const s = synced({ losses: ['sigmoid'], compare: 'sync:0' });
    const other = compareStateOf(s);
    expect(other?.refSyncSteps).toBe(0);
    const main = computeTrainingRuns(s).runs;
    const fixed = compareRunsOf(other!).runs;
    const [row] = compareRowsOf('sync', main, fixed, { main: s.refProbs, other: s.refProbs }, 30);
    const p = main[0]!.probs[30]!;
    const kl = (q: readonly number[]) => p.reduce((a, x, k) => a + x * Math.log(x / q[k]!), 0);
    expect(row!.main.kl).toBeCloseTo(kl(s.refProbs), 12);
    expect(row!.main.klCurrent).toBeCloseTo(kl(main[0]!.refProbs![30]!), 12);
    expect(row!.other.klCurrent).toBeNull();
  });
});

describe('TR-DPO: the scenario', () => {
  it('loads the sync and the fixed-reference comparison; every other scenario loads a fixed reference', () => {
    const patch = presetPatch(findScenario('tr-dpo')!);
    expect([patch.refSyncSteps, patch.refMixupAlpha, patch.compare]).toEqual([10, 0.6, 'sync:0']);
    const other = presetPatch(findScenario('sft-term')!);
    expect(other.refSyncSteps).toBe(0);
    expect(baseState('tr-dpo').refSyncSteps).toBe(10);
  });
});
