// The loss and gradient views as a user drives them (from the app state through the derive layer): β is
// visible on a margin axis that does not rescale with it, IPO's push changes sign at its target, legends
// list only drawn lines, and each loss keeps its colour.
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../src/state/appState.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { computePairCurves } from '../../src/derive/pairCurves.ts';
import { LOSS_IDS, type LossId } from '../../src/math/index.ts';
import {
  DARK_THEME,
  LIGHT_THEME,
  PROJECTOR_THEME,
  gradientFigure,
  lossFigure,
  lossStyleOf,
  type Figure,
} from '../../src/figures/index.ts';
import { EN_FIGURES as EN } from '../../src/i18n/en/figures.ts';
import { traceNamed, traces } from '../helpers/figureData.ts';

const state = (patch: Partial<AppState>): AppState => ({ ...DEFAULT_STATE, ...patch });
const figures = (s: AppState, theme = LIGHT_THEME) => {
  const curves = computePairCurves(s);
  const o = { beta: s.beta, theme, strings: EN, preferenceProb: s.preferenceProb };
  return { curves, loss: lossFigure(curves, o), gradient: gradientFigure(curves, o) };
};
const yRange = (f: Figure) => f.layout.yaxis?.range as [number, number];

describe('β is visible in the loss and gradient views', () => {
  it('keeps the x range and grid while the DPO loss curve changes from β = 0.1 to β = 1', () => {
    const a = figures(state({ beta: 0.1, losses: ['sigmoid', 'kto'] }));
    const b = figures(state({ beta: 1, losses: ['sigmoid', 'kto'] }));
    expect(a.loss.layout.xaxis?.range).toEqual(b.loss.layout.xaxis?.range);
    expect(a.gradient.layout.xaxis?.range).toEqual(b.gradient.layout.xaxis?.range);
    const ya = traceNamed(a.loss, 'DPO');
    const yb = traceNamed(b.loss, 'DPO');
    expect(Array.from(ya.x ?? [])).toEqual(Array.from(yb.x ?? []));
    // At h = −20: softplus(2) ≈ 2.13 against softplus(20) ≈ 20.
    const diff = Array.from(ya.y ?? []).map((v, i) => Math.abs(v - (yb.y?.[i] ?? NaN)));
    expect(Math.max(...diff)).toBeGreaterThan(10);
    // The push too: σ(−βh) at h = 10 is 0.27 at β = 0.1 and 4.5e-5 at β = 1.
    const ga = traceNamed(a.gradient, EN.trace.pushBoth('DPO')).y ?? [];
    const gb = traceNamed(b.gradient, EN.trace.pushBoth('DPO')).y ?? [];
    const i10 = Array.from(ya.x ?? []).findIndex((x) => x >= 10);
    expect(ga[i10] - gb[i10]).toBeGreaterThan(0.2);
  });

  it('changes the axes on few steps of a β drag (a frame with unchanged axes is patched, not redrawn)', () => {
    for (const losses of [
      ['sigmoid', 'kto'],
      ['sigmoid', 'ipo', 'kto'],
    ] as LossId[][]) {
      const changes = { x: 0, loss: 0, gradient: 0 };
      let prev: { x: string; loss: string; gradient: string } | null = null;
      let steps = 0;
      for (let beta = 0.05; beta <= 2; beta *= 1.02, steps++) {
        const f = figures(state({ beta, losses }));
        const now = {
          x: JSON.stringify(f.loss.layout.xaxis?.range),
          loss: JSON.stringify(yRange(f.loss)),
          gradient: JSON.stringify(yRange(f.gradient)),
        };
        if (prev) for (const k of ['x', 'loss', 'gradient'] as const) if (now[k] !== prev[k]) changes[k]++;
        prev = now;
      }
      // 187 steps from β = 0.05 to 2: DPO's loss at the left end grows with β until |βh| ≤ 5 clips it.
      expect(changes.x).toBeLessThanOrEqual(4);
      expect(changes.gradient).toBeLessThanOrEqual(2);
      // Ranges round to tenths of the span's 1-2-5 ceiling (quantisedRange): 9 of the 187 steps today.
      expect(changes.loss).toBeLessThanOrEqual(steps * 0.07);
    }
  });
});

describe('IPO’s push changes sign at its target, on screen', () => {
  for (const [name, patch] of [
    ['token-normalised, 10 + 10 tokens', {}],
    ['summed over tokens', { ipoNormalization: 'sum' }],
    ['1 token each', { chosenLength: 1, rejectedLength: 1 }],
  ] as const) {
    for (const beta of [0.1, 1]) {
      it(`${name}, β = ${beta}: both signs, crossing 0 inside the range at its optimum within a grid step`, () => {
        const s = state({
          ...(patch as Partial<AppState>),
          beta,
          losses: ['sigmoid', 'ipo', 'kto'],
          preferenceProb: 1,
        });
        const { curves, gradient } = figures(s);
        const ipo = curves.find((c) => c.id === 'ipo')!;
        const target = ipo.optimum!;
        const x = Array.from(ipo.curve.margin);
        const step = x[1] - x[0];
        expect(target).toBeGreaterThan(x[0]);
        expect(target).toBeLessThan(x[x.length - 1]);
        const [lo, hi] = yRange(gradient);
        expect(lo).toBe(-hi);
        const t = traces(gradient).find(
          (d) => d.legendgroup === 'ipo' && d.mode === 'lines' && d.showlegend,
        )!;
        const y = Array.from(t.y ?? []);
        expect(y.some((v) => v > 0)).toBe(true);
        expect(y.some((v) => v < 0)).toBe(true);
        const cross = y.findIndex((v, i) => i > 0 && y[i - 1] > 0 && v <= 0);
        // The line drawn between the two grid points crosses the visible band: the sign change is on screen.
        expect(y[cross - 1]).toBeGreaterThan(0);
        expect(Math.min(y[cross - 1], hi)).toBeGreaterThan(Math.max(y[cross], lo));
        expect(Math.abs(x[cross] - target)).toBeLessThanOrEqual(step);
        // Marked by a dotted line and a label at h*.
        const label = EN.note.pushTurns(
          'IPO',
          x[cross - 1] + ((x[cross] - x[cross - 1]) * y[cross - 1]) / (y[cross - 1] - y[cross]),
        );
        expect(traceNamed(gradient, label).x?.[0]).toBeCloseTo(target, 6);
        expect(gradient.layout.annotations?.some((a) => a.text === label && a.xref === 'x')).toBe(true);
      });
    }
  }
});

describe('legends list what is visible', () => {
  const cases: Partial<AppState>[] = [
    {},
    { beta: 1 },
    { beta: 0.01 },
    { beta: 5, losses: ['sigmoid', 'ipo', 'kto', 'nca_pair', 'sppo_hard'] },
    { losses: ['ipo'] },
    { losses: [...LOSS_IDS] },
  ];
  for (const patch of cases) {
    it(`no legend entry for a line wholly off the scale or NaN (a line crossing the plot is on it): ${JSON.stringify(patch)}`, () => {
      const f = figures(state(patch));
      for (const fig of [f.loss, f.gradient]) {
        const [lo, hi] = yRange(fig);
        const legend = traces(fig).filter((t) => t.showlegend !== false);
        for (const t of legend) {
          const y = Array.from(t.y ?? []);
          // Drawn within the band: a point inside it, or a segment crossing it from below to above.
          const crosses = y.some(
            (v, i) => i > 0 && ((y[i - 1]! < lo && v > hi) || (y[i - 1]! > hi && v < lo)),
          );
          expect(y.some((v) => Number.isFinite(v) && v >= lo && v <= hi) || crosses, String(t.name)).toBe(
            true,
          );
        }
        // And no two entries of one loss are the same line drawn twice.
        const seen = new Map<string, string>();
        for (const t of legend) {
          const key = `${t.legendgroup}:${Array.from(t.y ?? []).join(',')}`;
          expect(seen.get(key), `${t.name} repeats ${seen.get(key)}`).toBeUndefined();
          seen.set(key, String(t.name));
        }
      }
    });
  }

  it('the default gradient view lists DPO once, not a hidden second line', () => {
    const { gradient } = figures(state({}));
    const names = traces(gradient)
      .filter((t) => t.showlegend !== false)
      .map((t) => t.name);
    expect(names).toContain(EN.trace.pushBoth('DPO'));
    expect(names).not.toContain(EN.trace.pushRejected('DPO'));
  });
});

describe('a loss keeps one colour in both views, whatever its position', () => {
  const orders: LossId[][] = [
    ['sigmoid', 'ipo', 'kto'],
    ['kto'],
    ['kto', 'sigmoid'],
    ['ipo', 'nca_pair', 'sigmoid', 'hinge'],
  ];
  for (const theme of [LIGHT_THEME, DARK_THEME, PROJECTOR_THEME]) {
    it(`equals lossStyle’s colour for its id (${theme.palette[0]})`, () => {
      for (const losses of orders) {
        const f = figures(state({ losses }), theme);
        for (const id of losses) {
          const colour = lossStyleOf(id, theme).color;
          for (const fig of [f.loss, f.gradient]) {
            const own = traces(fig).filter((t) => t.legendgroup === id);
            expect(own.length).toBeGreaterThan(0);
            for (const t of own)
              expect(t.line?.color ?? t.marker?.color, `${id} in ${String(t.name)}`).toBe(colour);
          }
        }
      }
    });
  }
});
