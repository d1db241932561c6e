import { describe, expect, it } from 'vitest';
import { dpoOptimalMargin, ipoOptimalMargin, sigmoid } from '../../src/math/index.ts';
import {
  LIGHT_THEME,
  DARK_THEME,
  LOSS_Y_WINDOW,
  QUADRATIC_LOSSES,
  gradientFigure,
  lossFigure,
  lossStyleOf,
  type LossCurveInput,
} from '../../src/figures/index.ts';
import { EN_FIGURES as EN } from '../../src/i18n/en/figures.ts';
import { formatCompact, formatFixed } from '../../src/math/numberFormat.ts';
import { PAIR_MARGIN, curveInput, expectAllFinite, traceNamed, traces } from '../helpers/figureData.ts';

const beta = 0.1;
const params = { beta };
const opts = { beta, theme: LIGHT_THEME, strings: EN };

describe('lossFigure', () => {
  const curves: LossCurveInput[] = [
    curveInput('sigmoid', params),
    curveInput('ipo', params),
    curveInput('kto', params),
  ];
  const fig = lossFigure(curves, opts);

  it('draws one curve per loss named by the strings, over the whole margin grid', () => {
    for (const c of curves) {
      const t = traceNamed(fig, EN.lossLabel(c.id));
      expect(t.mode).toBe('lines');
      expect(t.x).toBe(c.curve.margin);
      expect(t.y).toBe(c.curve.loss);
      expect(t.x?.length).toBe(400);
    }
    expect(fig.layout.xaxis?.range).toEqual([-20 / beta, 20 / beta]);
    expect(fig.layout.xaxis?.title?.text).toBe(EN.axis.margin);
    expect(fig.layout.yaxis?.title?.text).toBe(EN.axis.loss);
  });

  it('has curves, finite optima and current markers: 3 + 2 + 3 traces', () => {
    // KTO has no closed-form optimum (null).
    expect(traces(fig)).toHaveLength(8);
    expect(traces(fig).filter((t) => t.mode === 'markers')).toHaveLength(3);
  });

  it('marks the current pair on every curve at (h, loss)', () => {
    for (const c of curves) {
      const m = traceNamed(fig, EN.trace.currentOf(EN.lossLabel(c.id)));
      expect(m.x).toEqual([PAIR_MARGIN]);
      expect(m.y).toEqual([c.current.loss]);
      expect(m.marker?.color).toBe(traceNamed(fig, EN.lossLabel(c.id)).line?.color);
    }
    // DPO at h = 1, β = 0.1: −log σ(0.1).
    const dpo = traceNamed(fig, EN.trace.currentOf('DPO'));
    expect(dpo.y?.[0]).toBeCloseTo(Math.log1p(Math.exp(-0.1)), 12);
  });

  it('draws the closed-form optimum as a dotted vertical line at h*', () => {
    const dpo = traceNamed(fig, EN.trace.optimum('DPO'));
    const h = dpoOptimalMargin(0.9, beta);
    expect(dpo.x).toEqual([h, h]);
    expect(dpo.line?.dash).toBe(LIGHT_THEME.referenceDash);
    expect(dpo.y).toEqual(fig.layout.yaxis?.range);
    const ipo = traceNamed(fig, EN.trace.optimum('IPO'));
    expect(ipo.x?.[0]).toBeCloseTo(ipoOptimalMargin(0.9, beta), 12);
  });

  it('fits the y range to the bounded losses over |βh| ≤ 5 and notes IPO, whose square is off the scale', () => {
    const [lo, hi] = fig.layout.yaxis?.range as [number, number];
    expect(fig.layout.yaxis?.autorange).toBe(false);
    expect(lo).toBeLessThanOrEqual(0);
    // DPO at βh = −5: softplus(5) ≈ 5.007 sets the top; IPO's current loss (1 − 5)² = 16 does not.
    expect(hi).toBeGreaterThan(5.007);
    expect(hi).toBeLessThan(6);
    expect(LOSS_Y_WINDOW).toBe(5);
    expect(QUADRATIC_LOSSES.has('ipo')).toBe(true);
    expect(fig.layout.annotations?.map((a) => a.text)).toEqual([EN.note.offScale('IPO', 16)]);
    expect(EN.note.offScale('IPO', 16)).toContain('16');
    for (const c of curves.filter((c) => c.id !== 'ipo')) expect(c.current.loss).toBeLessThan(hi);
  });

  it('fits a quadratic loss shown alone between 0 and its values at h = 0 and at the current pair', () => {
    const alone = lossFigure([curveInput('ipo', params)], opts);
    const [lo, hi] = alone.layout.yaxis?.range as [number, number];
    // IPO at h = 0: (1/(2β))² = 25, interpolated between the grid points at ±0.5.
    expect(hi).toBeGreaterThan(25);
    expect(hi).toBeLessThan(35);
    expect(lo).toBeLessThan(0);
    expect(alone.layout.annotations).toEqual([]);
  });

  it('lets robust DPO go below zero', () => {
    const robust = lossFigure([curveInput('robust', { beta, labelSmoothing: 0.2 }, 0.5)], opts);
    const [lo] = robust.layout.yaxis?.range as [number, number];
    // At βh = 5: −ε·5/(1 − 2ε) ≈ −1.67.
    expect(lo).toBeLessThan(-1.6);
  });

  it('notes an infinite optimum instead of drawing it, with the wording from the strings', () => {
    const f = lossFigure([curveInput('sigmoid', params, 1)], { ...opts, preferenceProb: 1 });
    expect(traces(f).some((t) => t.name === EN.trace.optimum('DPO'))).toBe(false);
    expect(f.layout.annotations?.map((a) => a.text)).toEqual([EN.note.noFiniteOptimum('DPO', 1, 1)]);
    expect(f.layout.annotations?.[0].text).toContain('p = 1');
    expect(f.summary).toContain('no finite optimum');
  });

  it('notes a finite optimum that lies off the plot', () => {
    const c = { ...curveInput('sigmoid', params), optimum: 1e4 };
    const f = lossFigure([c], opts);
    expect(f.layout.annotations?.[0].text).toBe(EN.note.optimumOffPlot('DPO', 1e4));
  });

  it('colours each loss by its id, not by its position in the chosen list', () => {
    const swapped = lossFigure([curves[1], curves[0]], opts);
    expect(traceNamed(swapped, 'IPO').line?.color).toBe(lossStyleOf('ipo', LIGHT_THEME).color);
    expect(traceNamed(swapped, 'DPO').line?.color).toBe(lossStyleOf('sigmoid', LIGHT_THEME).color);
    expect(traceNamed(swapped, 'IPO').line?.color).toBe(traceNamed(fig, 'IPO').line?.color);
  });

  it('summarises the current numbers', () => {
    expect(fig.summary).toContain(`h = ${formatFixed(PAIR_MARGIN, 2)}`);
    expect(fig.summary).toContain(formatCompact(curves[0].current.loss));
    expect(fig.summary).toContain(`σ(−βh) is ${formatCompact(sigmoid(-beta * PAIR_MARGIN))}`);
    expect(fig.summary).toContain("IPO's loss is 16 ");
    expect(fig.summary).toContain(formatFixed(dpoOptimalMargin(0.9, beta), 2));
    expect(fig.summary).toContain('IPO');
  });

  it('uses the theme and keeps zoom across updates', () => {
    const dark = lossFigure(curves, { ...opts, theme: DARK_THEME });
    expect(dark.layout.paper_bgcolor).toBe(DARK_THEME.paper);
    expect(dark.layout.xaxis?.gridcolor).toBe(DARK_THEME.grid);
    expect(traceNamed(dark, 'DPO').line?.color).toBe(DARK_THEME.palette[0]);
    expect(fig.layout.uirevision).toBe(lossFigure(curves, opts).layout.uirevision);
  });

  it('contains no NaN or infinity in any trace', () => {
    expect(expectAllFinite(fig)).toEqual([]);
  });

  it('returns an empty figure with a message when no loss is chosen', () => {
    const empty = lossFigure([], opts);
    expect(empty.data).toEqual([]);
    expect(empty.summary).toBe(EN.summary.empty);
    expect(empty.layout.annotations?.[0].text).toBe(EN.note.noData);
  });
});

describe('gradientFigure', () => {
  const curves = [curveInput('sigmoid', params), curveInput('nca_pair', params)];
  const fig = gradientFigure(curves, opts);

  it('draws the push on y_w (solid) and on y_l (dashed) per loss, one line when they are equal, plus one marker trace per loss', () => {
    // DPO (a loss of h alone) pushes both equally: one line; NCA two, and the line where its push on
    // y_w changes sign.
    expect(traces(fig)).toHaveLength(6);
    const both = traceNamed(fig, EN.trace.pushBoth('DPO'));
    expect(both.line?.dash).toBe('solid');
    expect(both.y?.length).toBe(400);
    const up = traceNamed(fig, EN.trace.pushChosen('NCA'));
    const down = traceNamed(fig, EN.trace.pushRejected('NCA'));
    expect(up.line?.dash).toBe('solid');
    expect(down.line?.dash).toBe('dash');
    expect(up.y?.length).toBe(400);
    expect(down.y?.length).toBe(400);
    expect(fig.layout.yaxis?.title?.text).toBe(EN.axis.push);
  });

  it('divides by β: the DPO push is the gradient weight σ(−βh) on both responses; the y range is symmetric', () => {
    const both = traceNamed(fig, EN.trace.pushBoth('DPO'));
    const x = curves[0].curve.margin;
    for (const i of [0, 100, 200, 399]) expect(both.y?.[i]).toBeCloseTo(sigmoid(-beta * x[i]), 12);
    const [lo, hi] = fig.layout.yaxis?.range as [number, number];
    expect(lo).toBe(-hi);
    expect(hi).toBeGreaterThanOrEqual(1);
  });

  it('marks both pushes of the current pair at h', () => {
    const m = traceNamed(fig, EN.trace.currentOf('DPO'));
    expect(m.x).toEqual([PAIR_MARGIN, PAIR_MARGIN]);
    expect(m.y?.[0]).toBeCloseTo(sigmoid(-beta * PAIR_MARGIN), 12);
    expect(m.y?.[1]).toBeCloseTo(sigmoid(-beta * PAIR_MARGIN), 12);
    // NCA is not a function of h alone: its two pushes differ.
    const nca = traceNamed(fig, EN.trace.currentOf('NCA'));
    expect(nca.y?.[0]).toBeCloseTo(-curves[1].current.dChosen / beta, 12);
    expect(nca.y?.[1]).toBeCloseTo(curves[1].current.dRejected / beta, 12);
    expect(nca.y?.[0]).not.toBeCloseTo(nca.y?.[1] ?? 0, 6);
  });

  it('summarises the pushes and says they are divided by β', () => {
    const w = formatCompact(sigmoid(-beta * PAIR_MARGIN));
    expect(fig.summary).toContain(`DPO pushes log π(y_w) up by ${w} and log π(y_l) down by ${w}`);
    expect(fig.summary).toContain('divided by β = 0.1:');
  });

  it('keeps the DPO scale when IPO is shown too, and notes IPO’s current push off the scale', () => {
    const withIpo = gradientFigure([...curves, curveInput('ipo', params)], opts);
    expect(withIpo.layout.yaxis?.range).toEqual(fig.layout.yaxis?.range);
    // IPO: −∂L/∂lw ÷ β = −2(h − 1/(2β))/β = 80 at h = 1.
    const corner = withIpo.layout.annotations?.filter((a) => a.xref === 'paper').map((a) => a.text);
    expect(corner).toEqual([EN.note.offScale('IPO', 80)]);
    // Its push changes sign at h* = 1/(2β) = 5: marked by a line and labelled.
    const turn = EN.note.pushTurns('IPO', 5);
    expect(withIpo.layout.annotations?.some((a) => a.xref === 'x' && a.text === turn)).toBe(true);
    expect(traceNamed(withIpo, turn).x?.[0]).toBeCloseTo(5, 9);
    expect(traceNamed(withIpo, EN.trace.currentOf('IPO')).y?.[0]).toBeCloseTo(80, 9);
  });

  it('contains no NaN', () => {
    expect(expectAllFinite(fig)).toEqual([]);
    expect(gradientFigure([], opts).data).toEqual([]);
  });
});
