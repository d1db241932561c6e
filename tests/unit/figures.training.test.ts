import { describe, expect, it } from 'vitest';
import {
  LIGHT_THEME,
  PROJECTOR_THEME,
  TRL_METRICS,
  trainingFigure,
  trainingMetricsFigure,
} from '../../src/figures/index.ts';
import { EN_FIGURES as EN } from '../../src/i18n/en/figures.ts';
import { formatCompact, formatFixed } from '../../src/math/numberFormat.ts';
import type { LayoutAxis } from 'plotly.js';
import { expectAllFinite, syntheticRun, traceNamed, traces } from '../helpers/figureData.ts';

const theme = LIGHT_THEME;
const steps = 20;
const dpo = syntheticRun('sigmoid', steps, [1, -1, 0]);
const ipo = syntheticRun('ipo', steps, [0.5, -0.5, 0]);

function axis(layout: object, key: string): Partial<LayoutAxis> {
  return (layout as Record<string, Partial<LayoutAxis>>)[key];
}

describe('trainingFigure', () => {
  const fig = trainingFigure([dpo, ipo], { theme, strings: EN, responses: 3 });

  it('draws every response of every run, one subplot per loss', () => {
    expect(traces(fig)).toHaveLength(6);
    const first = traces(fig).slice(0, 3);
    const second = traces(fig).slice(3);
    expect(first.map((t) => t.xaxis)).toEqual(['x', 'x', 'x']);
    expect(second.map((t) => t.yaxis)).toEqual(['y2', 'y2', 'y2']);
    expect(first.map((t) => t.name)).toEqual([EN.responseLabel(0), EN.responseLabel(1), EN.responseLabel(2)]);
    for (const t of traces(fig)) {
      expect(t.x?.length).toBe(steps + 1);
      expect(t.y?.length).toBe(steps + 1);
    }
    expect(first[0].y?.[steps]).toBeCloseTo(dpo.probs[steps][0], 15);
    expect(second[1].y?.[0]).toBeCloseTo(ipo.probs[0][1], 15);
  });

  it('colours y_w, y_l and the others with the theme colours; the legend lists the responses once', () => {
    const [w, l, o] = traces(fig);
    expect(w.line?.color).toBe(theme.chosen);
    expect(l.line?.color).toBe(theme.rejected);
    expect(o.line?.color).toBe(theme.other);
    expect(w.line?.dash).toBe('solid');
    expect(l.line?.dash).toBe('dash');
    expect(
      traces(fig)
        .filter((t) => t.showlegend)
        .map((t) => t.name),
    ).toEqual(['y_w (chosen)', 'y_l (rejected)', 'y₃']);
  });

  it('lays the subplots side by side with the loss names as titles and fixed ranges', () => {
    const x1 = axis(fig.layout, 'xaxis');
    const x2 = axis(fig.layout, 'xaxis2');
    expect(x1.domain?.[1]).toBeLessThan(x2.domain?.[0] ?? 0);
    expect(axis(fig.layout, 'yaxis2').anchor).toBe('x2');
    expect(axis(fig.layout, 'yaxis').range).toEqual([-0.02, 1.02]);
    expect(x1.range).toEqual([0, steps]);
    expect(x1.title?.text).toBe(EN.axis.step);
    expect(axis(fig.layout, 'yaxis').title?.text).toBe(EN.axis.probability);
    expect(fig.layout.annotations?.map((a) => a.text)).toEqual(['DPO', 'IPO']);
    expect(fig.layout.height).toBeGreaterThan(0);
  });

  it('wraps beyond four losses: five runs make two rows of three and two', () => {
    const ids = ['sigmoid', 'ipo', 'hinge', 'cdpo', 'kto'] as const;
    const five = trainingFigure(
      ids.map((id) => syntheticRun(id, 5, [1, -1])),
      { theme: PROJECTOR_THEME, strings: EN, responses: 2 },
    );
    expect(traces(five)).toHaveLength(10);
    const tops = [1, 2, 3, 4, 5].map((i) => axis(five.layout, i === 1 ? 'yaxis' : `yaxis${i}`).domain?.[1]);
    expect(tops[0]).toBe(tops[2]);
    expect(tops[3]).toBe(tops[4]);
    expect(tops[3]).toBeLessThan(tops[0] ?? 0);
    const lefts = [1, 4].map((i) => axis(five.layout, i === 1 ? 'xaxis' : `xaxis${i}`).domain?.[0]);
    expect(lefts).toEqual([0, 0]);
    // The subplot above the empty slot carries the x title too; the first row's left cell does not.
    expect(axis(five.layout, 'xaxis3').title?.text).toBe(EN.axis.step);
    expect(axis(five.layout, 'xaxis').title?.text).toBe('');
    expect(five.layout.height).toBeGreaterThan(
      trainingFigure([dpo], { theme: PROJECTOR_THEME, strings: EN, responses: 3 }).layout.height ?? 0,
    );
  });

  it('summarises where π(y_w) and π(y_l) went', () => {
    expect(fig.summary).toContain(`After ${steps} steps`);
    expect(fig.summary).toContain(
      `from ${formatFixed(dpo.probs[0][0], 2)} to ${formatFixed(dpo.probs[steps][0], 2)}`,
    );
    expect(fig.summary).not.toContain('likelihood displacement');
  });

  it('flags likelihood displacement: π(y_w) falls while the margin grows', () => {
    // y₃ takes the mass: both y_w and y_l fall, y_l faster.
    const displaced = syntheticRun('ipo', 10, [-1, -3, 2]);
    const f = trainingFigure([displaced], { theme, strings: EN, responses: 3 });
    expect(displaced.probs[10][0]).toBeLessThan(displaced.probs[0][0]);
    expect(f.summary).toContain('likelihood displacement');
  });

  it('does not call a fall too small for the texts to show (under 0.005) displacement', () => {
    // y_w barely moves (0.3333 → ~0.331) while y_l falls and y₃ rises: the caption says π(y_w) neither rose
    // nor fell, and the text alternative must agree.
    const barely = syntheticRun('ipo', 10, [0, -0.15, 0.15]);
    const drop = barely.probs[0][0] - barely.probs[10][0];
    expect(drop).toBeGreaterThan(0);
    expect(drop).toBeLessThan(0.005);
    const f = trainingFigure([barely], { theme, strings: EN, responses: 3 });
    expect(f.summary).not.toContain('likelihood displacement');
  });

  it('contains no NaN; no runs give an empty figure', () => {
    expect(expectAllFinite(fig)).toEqual([]);
    const empty = trainingFigure([], { theme, strings: EN, responses: 3 });
    expect(empty.data).toEqual([]);
    expect(empty.summary).toBe(EN.summary.empty);
  });
});

describe('trainingMetricsFigure', () => {
  const kto = syntheticRun('kto', steps, [1, -1, 0]);
  const metrics = ['rewards/margins', 'rewards/accuracies', 'loss'];
  const fig = trainingMetricsFigure([dpo, kto], { theme, strings: EN, metrics });

  it('draws one subplot per metric titled with the TRL name, one trace per loss that logs it', () => {
    // KTO logs no rewards/accuracies.
    expect(traces(fig)).toHaveLength(5);
    expect(['yaxis', 'yaxis2', 'yaxis3'].map((k) => axis(fig.layout, k).title?.text)).toEqual(metrics);
    const acc = traces(fig).filter((t) => t.yaxis === 'y2');
    expect(acc.map((t) => t.name)).toEqual(['DPO']);
    const margins = traces(fig).filter((t) => t.yaxis === 'y');
    expect(margins.map((t) => t.name)).toEqual(['DPO', 'KTO']);
    expect(margins[0].y).toBe(dpo.metrics['rewards/margins']);
    expect(margins[1].x?.length).toBe(steps + 1);
  });

  it('has one colour per loss and one legend entry per loss', () => {
    const dpoTraces = traces(fig).filter((t) => t.name === 'DPO');
    expect(new Set(dpoTraces.map((t) => t.line?.color)).size).toBe(1);
    expect(traces(fig).find((t) => t.name === 'KTO')?.line?.color).not.toBe(dpoTraces[0].line?.color);
    expect(
      traces(fig)
        .filter((t) => t.showlegend)
        .map((t) => t.name),
    ).toEqual(['DPO', 'KTO']);
  });

  it('fixes each y range around its metric', () => {
    const [lo, hi] = axis(fig.layout, 'yaxis2').range as [number, number];
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(1);
    const loss = axis(fig.layout, 'yaxis3').range as [number, number];
    expect(loss[1]).toBeGreaterThanOrEqual(Math.max(...dpo.loss, ...kto.loss));
  });

  it('summarises the final values', () => {
    const last = dpo.metrics['rewards/margins'][steps];
    expect(fig.summary).toContain(`rewards/margins ${formatCompact(last)}`);
    expect(fig.summary).toContain('KTO');
  });

  it('knows TRL’s metric names; no NaN; empty input gives an empty figure', () => {
    expect(TRL_METRICS).toContain('rewards/accuracies');
    expect(TRL_METRICS).toContain('logps/rejected');
    expect(expectAllFinite(fig)).toEqual([]);
    expect(trainingMetricsFigure([dpo], { theme, strings: EN, metrics: [] }).data).toEqual([]);
    expect(traceNamed(fig, 'KTO').legendgroup).toBe('kto');
  });
});
