// Thumbs-down data (issue 10): the loss, gradient and readout numbers describe the one undesirable example on
// A that the toy trains on, from each KTO-style loss's own run at the cursor; the figures have no y_w / y_l
// traces; pair losses, which cannot train on these data, get no numbers; the TRL code is a KTOConfig with a
// dataset of one example labelled False.
import { describe, expect, it } from 'vitest';
import type { Data } from 'plotly.js';
import type { AppState } from '../../src/state/appState.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import { parseHash } from '../../src/state/urlCodec.ts';
import { computeTrainingRuns } from '../../src/derive/toy.ts';
import { refLogProbsOf } from '../../src/derive/mathParams.ts';
import { thumbsColumnsAt, thumbsCurvesAt, thumbsPointAt } from '../../src/derive/thumbsDown.ts';
import { thumbsGradientFigure, thumbsLossFigure, thumbsPlaneFigure } from '../../src/figures/thumbsFigure.ts';
import { lossFigure } from '../../src/figures/lossFigure.ts';
import { computePairCurves } from '../../src/derive/pairCurves.ts';
import { trlSnippet } from '../../src/components/export/trlSnippetText.ts';
import { PLOT_THEMES } from '../../src/figures/themes.ts';
import { EN } from '../../src/i18n/en/index.ts';
import { ZH } from '../../src/i18n/zh/index.ts';
import { klFromReferenceOfProbs } from '../helpers/thumbsHelpers.ts';

const theme = PLOT_THEMES.light;
const preset = parseHash('#v=2&preset=kto-undesirable-only').state;
const state = (patch: Partial<AppState> = {}): AppState => applyPatch(preset, patch);
type Loose = { name?: string; mode?: string; x?: ArrayLike<number>; y?: ArrayLike<number> };
const traces = (data: Data[]) => data as Loose[];

describe('the thumbs-down preset', () => {
  it('is thumbs-down data with KTO shown', () => {
    expect(preset.dataset).toBe('thumbs-down');
    expect(preset.losses).toContain('kto');
  });
});

describe('thumbsPointAt: the one undesirable example of each run at step t', () => {
  const s = state({ losses: ['kto', 'apo_zero_unpaired', 'sigmoid'] });
  const { runs, untrainable } = computeTrainingRuns(s);
  it('pair losses have no run; KTO-style losses do', () => {
    expect(untrainable).toEqual(['sigmoid']);
    expect(runs.map((r) => r.id)).toEqual(['kto', 'apo_zero_unpaired']);
  });

  for (const run of runs) {
    const id = run.id as 'kto' | 'apo_zero_unpaired';
    it(`${id}: the loss at every step is the run's own objective, the reward and logp TRL's metrics`, () => {
      for (const t of [0, 1, 10, s.steps]) {
        const p = thumbsPointAt(id, s, run, t);
        expect(p.step).toBe(t);
        expect(p.loss).toBeCloseTo(run.loss[t], 10);
        expect(p.rewardRejected).toBeCloseTo(run.metrics['rewards/rejected'][t], 10);
        expect(p.logp).toBeCloseTo(run.metrics['logps/rejected'][t], 10);
        expect(p.z0).toBe(run.metrics.kl[t]);
        // log π(A) of the run: ρ_A + log π_ref(A).
        expect(p.logp).toBeCloseTo(Math.log(run.probs[t][0]), 10);
        expect(p.rho).toBeCloseTo(Math.log(run.probs[t][0]) - refLogProbsOf(s)[0], 10);
      }
    });

    it(`${id}: the push on log π(A) is downward and π(A) falls, as training says`, () => {
      for (const t of [0, 50, s.steps]) expect(thumbsPointAt(id, s, run, t).dLogp).toBeGreaterThan(0);
      expect(run.probs[s.steps][0]).toBeLessThan(run.probs[0][0]);
    });
  }

  it("z0 in 'kl' mode is KL(π‖π_ref) of the run's policy at that step, clamped at 0", () => {
    const run = runs[0];
    for (const t of [0, 100]) {
      const kl = klFromReferenceOfProbs(run.probs[t], s.refProbs);
      expect(thumbsPointAt('kto', s, run, t).z0).toBeCloseTo(Math.max(0, kl), 10);
    }
  });
});

describe('thumbsCurvesAt and the figures', () => {
  const s = state({ losses: ['kto', 'sigmoid'] });
  const { runs } = computeTrainingRuns(s);
  const opts = { theme, figures: EN.figures, strings: EN.thumbs };

  it('curves run through their dot: the curve at the dot’s ρ_A equals the dot (z0 of that step)', () => {
    for (const t of [0, 37, s.steps]) {
      const { curves, pairLosses } = thumbsCurvesAt(s, runs, t);
      expect(pairLosses).toEqual(['sigmoid']);
      expect(curves.map((c) => c.id)).toEqual(['kto']);
      const c = curves[0];
      const rho = c.curve.rho;
      expect(rho[0]).toBeLessThanOrEqual(Math.min(...runs[0].chosenLogRatio));
      expect(rho[rho.length - 1]).toBeGreaterThanOrEqual(Math.max(...runs[0].chosenLogRatio));
      // Linear interpolation of the curve at the dot's ρ_A.
      let i = 1;
      while (rho[i] < c.at.rho) i++;
      const w = (c.at.rho - rho[i - 1]) / (rho[i] - rho[i - 1]);
      const interp = c.curve.loss[i - 1] + w * (c.curve.loss[i] - c.curve.loss[i - 1]);
      expect(interp).toBeCloseTo(c.at.loss, 4);
    }
  });

  it('the axes hold still while the cursor moves', () => {
    const a = thumbsLossFigure(thumbsCurvesAt(s, runs, 0), opts).layout.xaxis?.range;
    const b = thumbsLossFigure(thumbsCurvesAt(s, runs, s.steps), opts).layout.xaxis?.range;
    expect(a).toEqual(b);
  });

  for (const [lang, table] of [
    ['en', EN],
    ['zh', ZH],
  ] as const) {
    it(`${lang}: no trace, axis or summary names y_w, y_l, a margin or p`, () => {
      const o = { theme, figures: table.figures, strings: table.thumbs };
      for (const f of [
        thumbsLossFigure(thumbsCurvesAt(s, runs, 50), o),
        thumbsGradientFigure(thumbsCurvesAt(s, runs, 50), o),
      ]) {
        const text = JSON.stringify([
          traces(f.data).map((d) => d.name),
          f.layout.xaxis?.title,
          f.layout.yaxis?.title,
          f.summary,
        ]);
        expect(text).not.toMatch(/y_w|y_l|ρw|ρl|\bp\b|margin|间隔/);
        expect(text).toMatch(/ρ_A/);
      }
    });
  }

  it('the pair loss view, by contrast, draws y_w / y_l (so the check above can fail)', () => {
    const pair = lossFigure(computePairCurves(applyPatch(DEFAULT_STATE, {})), {
      theme,
      strings: EN.figures,
      beta: 0.1,
    });
    expect(JSON.stringify(pair.layout.xaxis?.title)).toMatch(/h|ρw/);
  });

  it('the gradient dot is the run’s ∂loss/∂log π(A) at t: positive (π(A) pushed down)', () => {
    const f = thumbsGradientFigure(thumbsCurvesAt(s, runs, 120), opts);
    const dot = traces(f.data).find((d) => d.mode === 'markers');
    expect(dot?.name).toMatch(/120/);
    expect(dot?.y?.[0]).toBeGreaterThan(0);
    expect(dot?.x?.[0]).toBeCloseTo(runs[0].chosenLogRatio[120], 12);
    expect(f.layout.annotations?.some((a) => /DPO/.test(String(a.text)))).toBe(true);
    expect(f.summary).toContain(EN.thumbs.pairLossesNote('DPO'));
  });

  it('with only pair losses: a note that they cannot train, no curve', () => {
    const only = state({ losses: ['sigmoid', 'ipo'] });
    const r = computeTrainingRuns(only).runs;
    const f = thumbsLossFigure(thumbsCurvesAt(only, r, 0), opts);
    expect(f.data).toHaveLength(0);
    expect(String(f.layout.annotations?.[0]?.text)).toBe(EN.thumbs.noKto);
  });

  it('the plane is a note calling no response chosen', () => {
    const f = thumbsPlaneFigure({ theme, strings: EN.thumbs });
    expect(f.data).toHaveLength(0);
    expect(String(f.layout.annotations?.[0]?.text)).not.toMatch(/chosen|y_w/);
  });
});

describe('thumbsColumnsAt: the readout', () => {
  it('a KTO column holds the example at t; a pair loss column has nothing', () => {
    const s = state({ losses: ['sigmoid', 'kto'] });
    const { runs } = computeTrainingRuns(s);
    const [dpo, kto] = thumbsColumnsAt(s, runs, 200);
    expect(dpo.kind).toBe('pair');
    expect(kto.kind === 'kto' && kto.at.step).toBe(200);
    expect(kto.kind === 'kto' && kto.at.loss).toBeCloseTo(runs[0].loss[200], 10);
  });
});

describe('the TRL code under thumbs-down data', () => {
  it('a KTOConfig with both weights and a dataset of one example labelled False; pair losses only as comments', () => {
    const s = state({ losses: ['sigmoid', 'kto'], undesirableWeight: 1.5 });
    const { code } = trlSnippet(s, EN.trl, (id) => EN.losses[id].label, EN.thumbs.trl);
    expect(code).toMatch(/from trl import KTOConfig/);
    expect(code).toMatch(/training_args = KTOConfig\(/);
    expect(code).toMatch(/desirable_weight=1\.0/);
    expect(code).toMatch(/undesirable_weight=1\.5/);
    expect(code.match(/"label": False/g)).toHaveLength(1);
    expect(code).not.toMatch(/"label": True|DPOConfig\(|y_w|y_l|preference/);
  });

  it('pair data are unchanged: no dataset lines', () => {
    const { code } = trlSnippet(
      applyPatch(DEFAULT_STATE, {}),
      EN.trl,
      (id) => EN.losses[id].label,
      EN.thumbs.trl,
    );
    expect(code).not.toMatch(/Dataset|label/);
  });
});
