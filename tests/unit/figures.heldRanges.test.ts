// Ranges held during a drag (HeldRanges, figures/types.ts): a builder given the ranges its plot showed so far
// keeps covering them, and says what it draws against those ranges (notes, legend), never its own.
import { describe, expect, it } from 'vitest';
import { axisName, figureRanges, withHeld } from '../../src/figures/layout.ts';
import {
  LIGHT_THEME,
  gradientFigure,
  lossFigure,
  trainingMetricsFigure,
  type LossCurveInput,
} from '../../src/figures/index.ts';
import { EN_FIGURES as EN } from '../../src/i18n/en/figures.ts';
import { rangeHold } from '../../src/components/views/rangeHold.ts';
import type { Figure, HeldRanges } from '../../src/figures/types.ts';
import { curveInput, syntheticRun } from '../helpers/figureData.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { pairCurvesCovering, pairCurvesOf } from '../../src/derive/pairCurvesMemo.ts';

const beta = 0.1;
const opts = { beta, theme: LIGHT_THEME, strings: EN };
const notes = (f: Figure) => (f.layout.annotations ?? []).map((a) => String(a.text));

/** The DPO curve with its dot at a step whose loss is `loss` (far above the curve's own window). */
function dotAt(loss: number): LossCurveInput {
  const c = curveInput('sigmoid', { beta });
  return { ...c, atStep: { ...c.current, loss, step: 10, divergedAt: null } };
}

describe('withHeld, figureRanges, axisName', () => {
  it('widens a range to cover the held one, and ignores a missing or non-finite one', () => {
    expect(withHeld([0, 1], [-2, 0.5])).toEqual([-2, 1]);
    expect(withHeld([0, 1], [0.2, 3])).toEqual([0, 3]);
    expect(withHeld([0, 1], undefined)).toEqual([0, 1]);
    expect(withHeld([0, 1], [NaN, 5])).toEqual([0, 1]);
  });

  it('reads every fixed axis range of a figure by its layout name', () => {
    const f = lossFigure([curveInput('sigmoid', { beta })], opts);
    const r = figureRanges(f);
    expect(Object.keys(r).sort()).toEqual(['xaxis', 'yaxis']);
    expect(r.yaxis).toEqual(f.layout.yaxis?.range);
    expect(axisName('y')).toBe('yaxis');
    expect(axisName('y12')).toBe('yaxis12');
  });
});

describe('a held y range in the loss and gradient views', () => {
  it('covers the held range, and a dot inside it gets no "off the scale" note', () => {
    const own = lossFigure([dotAt(100)], opts);
    expect(notes(own).some((t) => t.includes('off the scale'))).toBe(true);
    const held = lossFigure([dotAt(100)], { ...opts, held: { yaxis: [-1, 150] } });
    const [lo, hi] = held.layout.yaxis?.range as [number, number];
    expect(lo).toBeLessThanOrEqual(-1);
    expect(hi).toBeGreaterThanOrEqual(150);
    expect(notes(held).some((t) => t.includes('off the scale'))).toBe(false);
  });

  it('never narrows: a held range inside the figure’s own changes nothing', () => {
    const own = lossFigure([curveInput('sigmoid', { beta })], opts);
    const held = lossFigure([curveInput('sigmoid', { beta })], { ...opts, held: { yaxis: [0, 0.1] } });
    expect(held.layout.yaxis?.range).toEqual(own.layout.yaxis?.range);
  });

  it('keeps the gradient view symmetric about 0 and leaves its x axis to the curves', () => {
    const own = gradientFigure([curveInput('sigmoid', { beta })], opts);
    const f = gradientFigure([curveInput('sigmoid', { beta })], {
      ...opts,
      held: { yaxis: [-0.5, 7], xaxis: [-1e4, 1e4] },
    });
    const [lo, hi] = f.layout.yaxis?.range as [number, number];
    expect(hi).toBeGreaterThanOrEqual(7);
    expect(lo).toBe(-hi);
    expect(f.layout.xaxis?.range).toEqual(own.layout.xaxis?.range);
  });
});

describe('held ranges in the TRL metrics panels', () => {
  const runs = [syntheticRun('sigmoid', 50, [1, -1, 0])];
  const metricsOpts = { theme: LIGHT_THEME, strings: EN, metrics: ['loss', 'rewards/margins'] };

  it('each panel covers its own held range and no other panel’s', () => {
    const own = trainingMetricsFigure(runs, metricsOpts);
    const ownRanges = figureRanges(own);
    const second = Object.keys(ownRanges)
      .filter((k) => k.startsWith('yaxis'))
      .sort()[1] as string;
    const f = trainingMetricsFigure(runs, { ...metricsOpts, held: { [second]: [-40, 40] } });
    const r = figureRanges(f);
    expect(r[second]?.[0]).toBeLessThanOrEqual(-40);
    expect(r[second]?.[1]).toBeGreaterThanOrEqual(40);
    for (const [k, v] of Object.entries(ownRanges)) if (k !== second) expect(r[k]).toEqual(v);
  });
});

describe('rangeHold (one per plot)', () => {
  it('hands the last figure’s ranges to the builder while adjusting, nothing otherwise', () => {
    const seen: (HeldRanges | undefined)[] = [];
    let top = 1;
    const build = (held?: HeldRanges): Figure => {
      seen.push(held);
      const hi = Math.max(top, held?.yaxis?.[1] ?? -Infinity);
      return { data: [], layout: { yaxis: { range: [0, hi] } }, summary: '' };
    };
    const hold = rangeHold();
    hold.build(build, false);
    top = 5;
    expect(hold.build(build, true).layout.yaxis?.range).toEqual([0, 5]);
    top = 2;
    // Still adjusting: the axis stays at 5 although the data went back down.
    expect(hold.build(build, true).layout.yaxis?.range).toEqual([0, 5]);
    // Released: the figure's own range again.
    expect(hold.build(build, false).layout.yaxis?.range).toEqual([0, 2]);
    expect(seen).toEqual([undefined, { yaxis: [0, 1] }, { yaxis: [0, 5] }, undefined]);
  });
});

describe('a held margin axis (the curves are drawn across it)', () => {
  const state = { ...DEFAULT_STATE, beta: 0.1 };

  it('widens the grid to the held half-width, and leaves curves already as wide alone', () => {
    const own = pairCurvesOf(state);
    const ownHalf = own[0]!.curve.margin.at(-1)!;
    expect(pairCurvesCovering(state, ownHalf / 2)).toBe(own);
    const wide = pairCurvesCovering(state, ownHalf * 5);
    expect(wide[0]!.curve.margin[0]).toBeCloseTo(-ownHalf * 5, 9);
    expect(wide[0]!.curve.margin.at(-1)).toBeCloseTo(ownHalf * 5, 9);
    // Same pair, same losses: the dot and the optimum do not depend on the axis.
    expect(wide.map((c) => [c.id, c.current, c.optimum])).toEqual(
      own.map((c) => [c.id, c.current, c.optimum]),
    );
    expect(pairCurvesCovering(state, ownHalf * 5)).toBe(wide);
    const f = lossFigure(wide, { ...opts, held: { xaxis: [-ownHalf * 5, ownHalf * 5] } });
    expect(f.layout.xaxis?.range).toEqual([-ownHalf * 5, ownHalf * 5]);
  });
});
