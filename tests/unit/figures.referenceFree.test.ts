// SimPO and ORPO (no reference model) in the views and the readout: their curves through the pair, the
// plane's gap where log πθ would be above 0, and the words that say they have no reference.
import { describe, expect, it } from 'vitest';
import { referenceFreeCurve, referenceFreeLoss, type ReferenceFreeLossType } from '../../src/math/index.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import type { AppState } from '../../src/state/appState.ts';
import { computePairCurves, currentMargin } from '../../src/derive/pairCurves.ts';
import { computePlane } from '../../src/derive/plane.ts';
import { lossReadout } from '../../src/derive/readout.ts';
import { pairInputOf, referenceFreeParamsOf } from '../../src/derive/mathParams.ts';
import { LIGHT_THEME, gradientFigure, lossFigure, trainingMetricsFigure } from '../../src/figures/index.ts';
import { computeTrainingRuns } from '../../src/derive/toy.ts';
import { planeFigure } from '../../src/figures/planeFigure.ts';
import { EN_FIGURES as EN } from '../../src/i18n/en/figures.ts';
import { formatNumber } from '../../src/math/numberFormat.ts';
import { ZH_FIGURES as ZH } from '../../src/i18n/zh/figures.ts';

const FREE: readonly ReferenceFreeLossType[] = ['simpo', 'orpo'];

function state(patch: Partial<AppState> = {}): AppState {
  return {
    ...DEFAULT_STATE,
    losses: ['sigmoid', 'simpo', 'orpo'],
    chosenLength: 3,
    rejectedLength: 5,
    startLogRatios: [0.4, -0.3, 0],
    ...patch,
  } as AppState;
}

function annotationTexts(fig: ReturnType<typeof lossFigure>): string[] {
  return (fig.layout.annotations ?? []).map((a) => String(a.text));
}

describe('the reference-free curves (loss and gradient views)', () => {
  const s = state();
  const curves = computePairCurves(s);
  const h0 = currentMargin(s);
  const pair = pairInputOf(s);

  it('pass through the pair: at h0 the loss and gradients are referenceFreeLoss of the pair', () => {
    for (const id of FREE) {
      const params = referenceFreeParamsOf(id, s);
      const at = referenceFreeCurve(id, params, new Float64Array([h0]), pair);
      const exact = referenceFreeLoss(id, pair, params);
      expect(at.loss[0]).toBe(exact.loss);
      expect(at.dChosen[0]).toBe(exact.dPolicyChosen);
      expect(at.dRejected[0]).toBe(exact.dPolicyRejected);
      const c = curves.find((x) => x.id === id);
      expect(c?.current.loss).toBe(exact.loss);
      expect(c?.optimum).toBeNull();
    }
  });

  it('move only log πθ(y_l) down to the right and log πθ(y_w) down to the left: finite, slopes as the gradients say', () => {
    for (const id of FREE) {
      const c = curves.find((x) => x.id === id);
      if (!c) throw new Error(id);
      const { margin, loss, dChosen, dRejected } = c.curve;
      for (let i = 0; i < margin.length; i++) expect(Number.isFinite(loss[i]), `${id} ${i}`).toBe(true);
      // dL/dh is ∂L/∂log π(y_w) left of the pair (y_w moves with h) and −∂L/∂log π(y_l) right of it.
      for (let i = 1; i < margin.length - 1; i++) {
        if (margin[i - 1] < h0 && margin[i + 1] > h0) continue;
        const slope = (loss[i + 1] - loss[i - 1]) / (margin[i + 1] - margin[i - 1]);
        const exact = margin[i] < h0 ? dChosen[i] : -dRejected[i];
        const curvature = Math.abs(
          (margin[i] < h0 ? dChosen[i + 1] - dChosen[i - 1] : dRejected[i + 1] - dRejected[i - 1]) / 2,
        );
        expect(Math.abs(slope - exact), `${id} at ${margin[i]}`).toBeLessThanOrEqual(curvature + 1e-9);
      }
    }
  });

  it('say in a note and in the text alternative that SimPO and ORPO have no reference model', () => {
    const opts = { beta: s.beta, theme: LIGHT_THEME, strings: EN };
    for (const fig of [lossFigure(curves, opts), gradientFigure(curves, opts)]) {
      expect(annotationTexts(fig)).toContain(EN.note.noReference('SimPO, ORPO'));
      expect(fig.summary).toContain(EN.note.noReferenceExplained('SimPO, ORPO'));
    }
    const zh = lossFigure(curves, { ...opts, strings: ZH });
    // Chinese lists names with 、.
    expect(zh.summary).toContain(ZH.note.noReferenceExplained('SimPO、ORPO'));
    // DPO alone: no such note.
    const dpo = lossFigure(
      curves.filter((c) => c.id === 'sigmoid'),
      opts,
    );
    expect(annotationTexts(dpo).some((t) => t.includes('no reference'))).toBe(false);
    expect(dpo.summary).not.toContain(EN.note.noReferenceExplained('SimPO'));
  });
});

describe('the plane of a reference-free loss', () => {
  it('leaves a gap exactly where log πθ = log π_ref + ρ would be above 0, and says why', () => {
    const s = state();
    const grid = computePlane('orpo', s, undefined);
    const pair = pairInputOf(s);
    let gaps = 0;
    grid.loss.forEach((row, i) =>
      row.forEach((v, j) => {
        const lw = pair.refChosen + grid.chosenLogRatio[j];
        const ll = pair.refRejected + grid.rejectedLogRatio[i];
        if (lw > 0 || ll > 0) {
          gaps++;
          expect(v).toBeNaN();
        } else {
          const exact = referenceFreeLoss(
            'orpo',
            { policyChosen: lw, policyRejected: ll, chosenLength: 3, rejectedLength: 5 },
            referenceFreeParamsOf('orpo', s),
          ).loss;
          expect(v).toBe(exact);
        }
      }),
    );
    // β = 0.1 spans ±30 nats: much of the plane has log π > 0.
    expect(gaps).toBeGreaterThan(0);
    const fig = planeFigure(grid, [], { theme: LIGHT_THEME, strings: EN });
    expect((fig.layout.annotations ?? []).map((a) => a.text)).toContain(EN.note.noReferencePlane('ORPO'));
    expect(fig.summary).toContain(EN.note.noReferencePlane('ORPO'));
  });
});

describe('the readout of a reference-free loss', () => {
  it('shows TRL’s rewards as β × the mean log-prob per token, with no log-ratio, and says there is no reference', () => {
    const s = state({ beta: 2, simpoGamma: 0.7, cpoAlpha: 0.3 });
    const pair = pairInputOf(s);
    for (const id of FREE) {
      const r = lossReadout(id, s);
      if (!r.ok) throw new Error(r.problem.message);
      const chosen = r.cells['rewards/chosen'];
      expect(chosen.value).toBe(referenceFreeLoss(id, pair, referenceFreeParamsOf(id, s)).rewardChosen);
      expect(chosen.value).toBeCloseTo((2 * pair.policyChosen) / 3, 14);
      for (const key of [
        'rewards/chosen',
        'rewards/rejected',
        'rewards/margins',
        'rewards/accuracies',
      ] as const) {
        // Neither ρ nor π_ref appears in a reference-free loss's formulas.
        expect(r.cells[key].formula.text, `${id} ${key}`).not.toMatch(/ρ|πref/);
        expect(r.cells[key].formula.text).toMatch(/μ/);
      }
      for (const key of ['loss', 'dChosen', 'dRejected'] as const)
        expect(r.cells[key].formula.text, `${id} ${key}`).not.toMatch(/ρ|πref/);
      expect(r.cells.loss.notes).toContainEqual({ kind: 'noReference' });
      expect(chosen.notes).toContainEqual({ kind: 'rewardsNoReference' });
      // The substituted formula ends in the math module's own value.
      expect(r.cells.loss.substituted.text.endsWith(`= ${formatNumber(r.cells.loss.value ?? NaN)}`)).toBe(
        true,
      );
    }
    const simpo = lossReadout('simpo', s);
    if (!simpo.ok) throw new Error('simpo');
    expect(simpo.cells.loss.formula.text).toContain('α');
    expect(simpo.cells.loss.formula.text).toContain('γ');
  });
});

describe('the metrics view with SimPO / ORPO runs', () => {
  it('says in its text alternative that their logps/* and rewards/* are per-token means, no reference', () => {
    const s = state({ steps: 20 });
    const runs = computeTrainingRuns(s).runs;
    const opts = { theme: LIGHT_THEME, strings: EN, metrics: ['rewards/chosen', 'logps/chosen'] };
    const fig = trainingMetricsFigure(runs, opts);
    expect(fig.summary).toContain(EN.note.metricsNoReference('SimPO, ORPO'));
    // Their logged rewards/chosen is β × the per-token mean log-prob: ≤ 0 at every step.
    for (const id of FREE) {
      const run = runs.find((r) => r.id === id);
      expect(run?.metrics['rewards/chosen'].every((r) => r <= 0)).toBe(true);
      expect(run?.metrics['nll_loss']).toHaveLength(21);
    }
    const dpoOnly = trainingMetricsFigure(
      runs.filter((r) => r.id === 'sigmoid'),
      opts,
    );
    expect(dpoOnly.summary).not.toContain(EN.note.metricsNoReference('SimPO, ORPO'));
  });
});
