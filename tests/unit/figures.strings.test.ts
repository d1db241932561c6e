import { describe, expect, it } from 'vitest';
import { CONVERGENCE_CRITERION, LOSS_IDS, type ConvergenceStatus } from '../../src/math/index.ts';
import {
  LIGHT_THEME,
  PROJECTOR_THEME,
  gradientFigure,
  lossFigure,
  planeFigure,
  simplexFigure,
  sweepFigure,
  trainingFigure,
  trainingMetricsFigure,
  type Figure,
  type FigureStrings,
} from '../../src/figures/index.ts';
import { EN_FIGURES as EN } from '../../src/i18n/en/figures.ts';
import { formatCompact, formatFixed, formatTuple } from '../../src/math/numberFormat.ts';
import {
  bracketed,
  curveInput,
  linspace,
  planeGrid,
  strayText,
  syntheticRun,
  visibleTexts,
} from '../helpers/figureData.ts';

describe('formatFixed', () => {
  it('writes fixed decimals with the true minus sign', () => {
    expect(formatFixed(0.5983)).toBe('0.598');
    expect(formatFixed(2, 2)).toBe('2.00');
    expect(formatFixed(-1.25, 2)).toBe('−1.25');
    expect(formatFixed(-1.25, 2)).not.toContain('-');
    expect(formatFixed(1234.5678, 1)).toBe('1234.6');
    expect(formatFixed(7, 0)).toBe('7');
  });

  it('switches to exponent notation for tiny and huge numbers', () => {
    expect(formatFixed(-1.2e-4)).toBe('−1.2e-4');
    expect(formatFixed(3.4e-7, 2)).toBe('3.4e-7');
    expect(formatFixed(123456)).toBe('1.2e5');
    expect(formatFixed(0.0012)).toBe('0.001');
    expect(formatFixed(0.05, 2)).toBe('0.05');
  });

  it('writes zero without a sign, infinities as ∞ and NaN as a dash', () => {
    expect(formatFixed(0)).toBe('0.000');
    expect(formatFixed(-0, 2)).toBe('0.00');
    expect(formatFixed(Infinity)).toBe('∞');
    expect(formatFixed(-Infinity)).toBe('−∞');
    expect(formatFixed(NaN)).toBe('—');
  });

  it('writes compact values for sentences: significant digits, no trailing zeros', () => {
    expect(formatCompact(0.1)).toBe('0.1');
    expect(formatCompact(10)).toBe('10');
    expect(formatCompact(0.64412)).toBe('0.644');
    expect(formatCompact(16)).toBe('16');
    expect(formatCompact(4225.2)).toBe('4225');
    expect(formatCompact(-2.5)).toBe('−2.5');
    expect(formatCompact(0.001)).toBe('0.001');
    expect(formatCompact(9.5e-7)).toBe('9.5e-7');
    expect(formatCompact(0)).toBe('0');
    expect(formatCompact(-Infinity)).toBe('−∞');
  });

  it('formats tuples', () => {
    expect(formatTuple([0.25, -0.5, 1 / 3])).toBe('(0.25, −0.50, 0.33)');
  });
});

describe('English figure strings', () => {
  it('name every loss, all differently', () => {
    const labels = LOSS_IDS.map((id) => EN.lossLabel(id));
    expect(new Set(labels).size).toBe(LOSS_IDS.length);
    expect(labels.every((l) => l.length > 0)).toBe(true);
    expect(EN.lossLabel('sigmoid')).toBe('DPO');
    expect(EN.lossLabel('sigmoid_norm')).toBe('Length-normalised DPO');
    expect(EN.lossLabel('apo_zero_unpaired')).toBe('APO-zero (unpaired)');
    expect(EN.lossLabel('sppo_hard')).toBe('SPPO (hard)');
  });

  it('name the responses', () => {
    expect(EN.responseLabel(0)).toBe('y_w (chosen)');
    expect(EN.responseLabel(1)).toBe('y_l (rejected)');
    expect(EN.responseLabel(2)).toBe('y₃');
    expect(EN.responseLabel(10)).toBe('y₁₁');
  });

  it('give axis titles with their meaning and units', () => {
    expect(EN.axis.margin).toBe('margin h = ρw − ρl (nats)');
    expect(EN.axis.sweep('beta')).toBe('β (log scale)');
    expect(EN.axis.lossColourbar(true)).toContain('log');
  });

  it('write notes with the numbers', () => {
    expect(EN.note.noFiniteOptimum('DPO', 1, 1)).toBe('DPO: no finite optimum (p = 1.00), h → +∞');
    expect(EN.note.noFiniteOptimum('Robust DPO', -1, null)).toBe('Robust DPO: no finite optimum, h → −∞');
    expect(EN.note.simplexNeedsThree(4)).toContain('4');
  });
});

/** Every figure, built with the given strings. */
function allFigures(s: FigureStrings): Figure[] {
  const beta = 0.1;
  const curves = [
    curveInput('sigmoid', { beta }, 1),
    curveInput('ipo', { beta }),
    curveInput('kto', { beta }),
  ];
  curves[1] = { ...curves[1], optimum: 1e4 };
  const runs = [syntheticRun('sigmoid', 8, [1, -1, 0]), syntheticRun('kto', 8, [0.5, -0.5, 0])];
  const xs = linspace(-3, 3, 7);
  const sweep = {
    id: 'sigmoid' as const,
    x: [0.01, 0.1, 1],
    chosen: [0.9, 0.8, 0.6],
    rejected: [0.1, 0.2, 0.4],
    closedForm: [true, false, false],
    converged: [true, true, false],
    status: ['converged', 'converged', 'unbounded'] as ConvergenceStatus[],
    criterion: CONVERGENCE_CRITERION,
  };
  const theme = PROJECTOR_THEME;
  return [
    lossFigure(curves, { beta, theme, strings: s, preferenceProb: 1 }),
    lossFigure([], { beta, theme, strings: s }),
    gradientFigure(curves, { beta, theme, strings: s }),
    trainingFigure(runs, { theme, strings: s, responses: 3 }),
    trainingMetricsFigure(runs, {
      theme,
      strings: s,
      metrics: ['rewards/margins', 'rewards/accuracies', 'loss'],
    }),
    sweepFigure([sweep], { theme, strings: s, axis: 'beta', current: 0.1 }),
    sweepFigure([sweep], { theme, strings: s, axis: 'ref', current: 0.5 }),
    planeFigure(planeGrid('sigmoid', { beta }, xs, xs), runs, {
      theme,
      strings: s,
      current: { chosenLogRatio: 0, rejectedLogRatio: 0 },
    }),
    planeFigure(
      planeGrid(
        'ipo',
        { beta },
        xs.map((x) => 30 * x),
        xs,
      ),
      runs,
      { theme: LIGHT_THEME, strings: s },
    ),
    simplexFigure(runs, { theme, strings: s, reference: [0.3, 0.3, 0.4], rlhfOptimum: [0.5, 0.2, 0.3] }),
    simplexFigure(runs, { theme, strings: s, reference: [0.5, 0.5], rlhfOptimum: null }),
  ];
}

describe('figure text comes only from the strings module', () => {
  it('every name, hover template, title, note and summary is built from FigureStrings', () => {
    const figures = allFigures(bracketed(EN));
    let checked = 0;
    for (const fig of figures) {
      for (const text of visibleTexts(fig)) {
        expect(strayText(text), text).toBe('');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(80);
  });

  it('the English figures show English names', () => {
    const [loss] = allFigures(EN);
    expect(loss.data.map((d) => d.name)).toContain('DPO');
    expect(loss.summary.startsWith('At the current margin')).toBe(true);
  });
});
