// Long step series are thinned for drawing (src/figures/decimate.ts): first and last points, each bucket's
// extremes and the ends of every gap are kept, so the drawn line covers what the full one does.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decimatedIndices,
  decimatedPathIndices,
  decimatedSteps,
  MAX_DRAWN_POINTS,
} from '../../src/figures/decimate.ts';
import { LIGHT_THEME, trainingFigure, trainingMetricsFigure } from '../../src/figures/index.ts';
import { EN_FIGURES as EN } from '../../src/i18n/en/figures.ts';
import { syntheticRun, traces } from '../helpers/figureData.ts';

/** A noisy series with spikes: a sine plus deterministic pseudo-random jitter. */
function wiggly(n: number, seed = 1): number[] {
  let s = seed;
  return Array.from({ length: n }, (_, i) => {
    s = (s * 16807) % 2147483647;
    return Math.sin(i / 37) + (s / 2147483647 - 0.5) * 0.2 + (i % 333 === 0 ? 3 : 0);
  });
}

const max = (ys: ArrayLike<number>) => Math.max(...Array.from(ys).filter(Number.isFinite));
const min = (ys: ArrayLike<number>) => Math.min(...Array.from(ys).filter(Number.isFinite));

describe('decimatedIndices', () => {
  it('keeps a short series whole', () => {
    expect(decimatedIndices([3, 1, 2])).toEqual([0, 1, 2]);
    const y = wiggly(MAX_DRAWN_POINTS);
    expect(decimatedIndices(y)).toHaveLength(MAX_DRAWN_POINTS);
    expect(decimatedSteps(y).y).toBe(y);
  });

  it('keeps at most about the budget, ascending, with the first and last point', () => {
    for (const n of [501, 2001, 10_000]) {
      const idx = decimatedIndices(wiggly(n));
      expect(idx.length).toBeLessThanOrEqual(MAX_DRAWN_POINTS + 4);
      expect(idx.length).toBeGreaterThan(MAX_DRAWN_POINTS / 2);
      expect(idx[0]).toBe(0);
      expect(idx.at(-1)).toBe(n - 1);
      for (let j = 1; j < idx.length; j++) expect(idx[j]).toBeGreaterThan(idx[j - 1]);
    }
  });

  it('keeps every bucket’s highest and lowest point, so no peak or dip is lost', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 600, maxLength: 3000 }),
        (y) => {
          const { x, y: drawn } = decimatedSteps(y);
          expect(max(drawn)).toBe(max(y));
          expect(min(drawn)).toBe(min(y));
          Array.from(x).forEach((i, j) => expect(drawn[j]).toBe(y[i]));
          // Each bucket's own highest and lowest point is drawn (not only the whole series').
          const size = Math.ceil(y.length / Math.floor(MAX_DRAWN_POINTS / 4));
          const kept = new Set(Array.from(x));
          for (let start = 0; start < y.length; start += size) {
            const bucket = y.slice(start, start + size);
            expect(kept.has(start + bucket.indexOf(max(bucket)))).toBe(true);
            expect(kept.has(start + bucket.indexOf(min(bucket)))).toBe(true);
          }
          expect(kept.has(0) && kept.has(y.length - 1)).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('keeps both ends of every gap (non-finite values), so a gap is drawn where it is', () => {
    const y = wiggly(2001);
    for (let i = 700; i < 900; i++) y[i] = NaN;
    y[1500] = Infinity;
    const idx = new Set(decimatedIndices(y));
    for (const i of [699, 700, 899, 900, 1499, 1500, 1501]) expect(idx.has(i)).toBe(true);
  });

  it('a path keeps each coordinate’s extremes and ends', () => {
    const a = wiggly(2001, 3);
    const b = wiggly(2001, 7).map((v) => -v);
    const idx = decimatedPathIndices([a, b]);
    expect(idx.length).toBeLessThanOrEqual(MAX_DRAWN_POINTS + 8);
    const kept = new Set(idx);
    for (const ys of [a, b]) {
      expect(kept.has(ys.indexOf(max(ys)))).toBe(true);
      expect(kept.has(ys.indexOf(min(ys)))).toBe(true);
    }
    expect(idx[0]).toBe(0);
    expect(idx.at(-1)).toBe(2000);
  });
});

describe('the training plots of a long run', () => {
  const steps = 2000;
  const run = syntheticRun('sigmoid', steps, [1, -1, 0.5, 0]);

  it('draw each response thinned, with the run’s first and last probabilities and its extremes', () => {
    const fig = trainingFigure([run], { theme: LIGHT_THEME, strings: EN, responses: 4 });
    for (const [k, t] of traces(fig).entries()) {
      const full = run.probs.map((p) => p[k]);
      expect(t.x!.length).toBeLessThanOrEqual(MAX_DRAWN_POINTS + 4);
      expect(t.x![0]).toBe(0);
      expect(t.x![t.x!.length - 1]).toBe(steps);
      expect(t.y![0]).toBe(full[0]);
      expect(t.y![t.y!.length - 1]).toBe(full[steps]);
      expect(max(t.y as ArrayLike<number>)).toBe(max(full));
      expect(min(t.y as ArrayLike<number>)).toBe(min(full));
    }
  });

  it('are whole for the data exports (maxDrawnPoints: Infinity): every step, every value', () => {
    const probs = trainingFigure([run], {
      theme: LIGHT_THEME,
      strings: EN,
      responses: 4,
      maxDrawnPoints: Infinity,
    });
    for (const [k, t] of traces(probs).entries()) {
      expect(Array.from(t.x!)).toEqual(Array.from({ length: steps + 1 }, (_, i) => i));
      expect(Array.from(t.y!)).toEqual(run.probs.map((p) => p[k]));
    }
    const metrics = trainingMetricsFigure([run], {
      theme: LIGHT_THEME,
      strings: EN,
      metrics: ['loss'],
      maxDrawnPoints: Infinity,
    });
    const loss = traces(metrics).find((d) => (d.x?.length ?? 0) > 2)!;
    expect(Array.from(loss.y!)).toEqual(Array.from(run.loss));
  });

  it('draw each metric thinned the same way', () => {
    const fig = trainingMetricsFigure([run], {
      theme: LIGHT_THEME,
      strings: EN,
      metrics: ['loss', 'rewards/margins'],
    });
    for (const t of traces(fig).filter((d) => (d.x?.length ?? 0) > 2)) {
      const full = t.yaxis === 'y2' ? run.metrics['rewards/margins'] : run.loss;
      expect(t.x!.length).toBeLessThanOrEqual(MAX_DRAWN_POINTS + 4);
      expect(t.y![0]).toBe(full[0]);
      expect(t.y![t.y!.length - 1]).toBe(full[steps]);
      expect(max(t.y as ArrayLike<number>)).toBe(max(full));
      expect(min(t.y as ArrayLike<number>)).toBe(min(full));
    }
  });
});
