// planFramePatch on the figures the views really build: a figure that only moves points, cursor lines or
// notes of the drawn one is a patch naming exactly what moved; anything else a full draw must show (a new
// range, trace, style, colour, legend entry, contour or drawn text) is null. The browser test
// (tests/browser/framePatch.test.ts) checks that a patch draws the same picture as Plotly.
import { describe, expect, it } from 'vitest';
import type { Annotation, Data, Layout, Shape } from 'plotly.js';
import { planFramePatch, sameValue, tracePositions, type FramePatch } from '../../src/figures/framePatch.ts';
import {
  LIGHT_THEME,
  gradientFigure,
  lossFigure,
  planeFigure,
  simplexFigure,
  trainingFigure,
  trainingMetricsFigure,
  type Figure,
} from '../../src/figures/index.ts';
import { computePairCurves } from '../../src/derive/pairCurves.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import type { AppState } from '../../src/state/appState.ts';
import type { LossId } from '../../src/math/index.ts';
import { EN_FIGURES as EN } from '../../src/i18n/en/figures.ts';
import { planeGrid, syntheticRun } from '../helpers/figureData.ts';

const theme = LIGHT_THEME;
type Loose = Record<string, unknown>;

/** The loss and gradient figures of the default page's losses at β (as the views build them). */
function pairFigures(beta: number, losses: LossId[] = ['sigmoid', 'ipo', 'kto']) {
  const s: AppState = { ...DEFAULT_STATE, beta, losses };
  const curves = computePairCurves(s);
  const o = { beta, theme, strings: EN, preferenceProb: s.preferenceProb };
  return { loss: lossFigure(curves, o), gradient: gradientFigure(curves, o) };
}

/** The indices of the traces whose positions differ, computed here independently of the module. */
function movedTraces(a: Figure, b: Figure): number[] {
  const out: number[] = [];
  b.data.forEach((t, i) => {
    const pa = tracePositions(a.data[i] as Data).arrays;
    const pb = tracePositions(t).arrays;
    if (JSON.stringify(pa) !== JSON.stringify(pb)) out.push(i);
  });
  return out;
}

/** A deep copy of a figure whose traces and layout can be edited without touching the original. */
function edited(fig: Figure, edit: (data: Loose[], layout: Loose) => void): Figure {
  const data = fig.data.map((t) => structuredClone(t)) as Loose[];
  const layout = structuredClone(fig.layout) as Loose;
  edit(data, layout);
  return { ...fig, data: data as Data[], layout: layout as Partial<Layout> };
}

const notes = (f: Figure) => (f.layout.annotations ?? []) as Partial<Annotation>[];
const EMPTY: FramePatch = { traces: [], shapes: [], notes: [], ranges: {} };

describe('an identical figure', () => {
  const runs = [syntheticRun('sigmoid', 30, [1, -1, 0]), syntheticRun('ipo', 30, [0.4, -0.5, 0])];
  const reference = [0.3, 0.45, 0.25];
  const xs = Array.from({ length: 15 }, (_, i) => -3 + (6 * i) / 14);
  const figures: [string, () => Figure][] = [
    ['loss', () => pairFigures(0.5).loss],
    ['gradient', () => pairFigures(0.5).gradient],
    ['training', () => trainingFigure(runs, { theme, strings: EN, responses: 3, step: 7 })],
    [
      'metrics',
      () =>
        trainingMetricsFigure(runs, { theme, strings: EN, metrics: ['loss', 'rewards/margins'], step: 7 }),
    ],
    ['simplex', () => simplexFigure(runs, { theme, strings: EN, reference, rlhfOptimum: null, step: 7 })],
    [
      'plane',
      () => planeFigure(planeGrid('sigmoid', { beta: 1 }, xs, xs), runs, { theme, strings: EN, step: 7 }),
    ],
  ];
  for (const [name, build] of figures) {
    it(`${name}: built twice (new arrays, same numbers) is an empty patch`, () => {
      const a = build();
      const b = build();
      expect(b).not.toBe(a);
      expect(planFramePatch(a, b)).toEqual(EMPTY);
      expect(planFramePatch(a, a)).toEqual(EMPTY);
    });
  }
});

describe('a moved time cursor', () => {
  const runs = [syntheticRun('sigmoid', 40, [1, -1, 0]), syntheticRun('ipo', 40, [0.3, -0.6, 0])];

  it('training and metrics: only the cursor lines move, to the new step', () => {
    const a = trainingFigure(runs, { theme, strings: EN, responses: 3, step: 5 });
    const b = trainingFigure(runs, { theme, strings: EN, responses: 3, step: 23 });
    expect(planFramePatch(a, b)).toEqual({
      traces: [],
      shapes: [
        { index: 0, x: 23 },
        { index: 1, x: 23 },
      ],
      notes: [],
      ranges: {},
    });
    const metrics = ['loss', 'rewards/margins', 'rewards/accuracies'];
    const m = (step: number) => trainingMetricsFigure(runs, { theme, strings: EN, metrics, step });
    expect(planFramePatch(m(0), m(40))).toEqual({
      traces: [],
      shapes: [0, 1, 2].map((index) => ({ index, x: 40 })),
      notes: [],
      ranges: {},
    });
  });

  it('a cursor appearing or disappearing is not a move', () => {
    const on = trainingFigure(runs, { theme, strings: EN, responses: 3, step: 5 });
    const off = trainingFigure(runs, { theme, strings: EN, responses: 3 });
    expect(planFramePatch(off, on)).toBeNull();
    expect(planFramePatch(on, off)).toBeNull();
  });

  it('simplex: only the step markers move (renamed, not in the legend), the paths stay', () => {
    const o = { theme, strings: EN, reference: [0.3, 0.45, 0.25], rlhfOptimum: [0.5, 0.2, 0.3] };
    const a = simplexFigure(runs, { ...o, step: 3 });
    const b = simplexFigure(runs, { ...o, step: 31 });
    const patch = planFramePatch(a, b);
    // The two step markers come just before the reference ring and the ★ (drawn over them).
    const n = b.data.length;
    expect((b.data[n - 1] as Loose).name).toBe(EN.trace.rlhfOptimum);
    expect((b.data[n - 2] as Loose).name).toBe(EN.trace.reference);
    expect(patch).toEqual({ traces: [n - 4, n - 3], shapes: [], notes: [], ranges: {} });
    expect(movedTraces(a, b)).toEqual([n - 4, n - 3]);
    for (const i of patch!.traces) {
      expect((b.data[i] as Loose).type).toBe('scatterternary');
      expect((b.data[i] as Loose).name).not.toBe((a.data[i] as Loose).name);
    }
  });

  it('plane: only the step marker moves; the contour is untouched', () => {
    const xs = Array.from({ length: 15 }, (_, i) => -3 + (6 * i) / 14);
    const grid = planeGrid('sigmoid', { beta: 1 }, xs, xs);
    const a = planeFigure(grid, runs, { theme, strings: EN, step: 2 });
    const b = planeFigure(grid, runs, { theme, strings: EN, step: 20 });
    expect(planFramePatch(a, b)).toEqual({ traces: [b.data.length - 1], shapes: [], notes: [], ranges: {} });
  });
});

describe('a changed β', () => {
  it('loss view, same ranges: every changed trace and nothing else', () => {
    const a = pairFigures(0.5).loss;
    const b = pairFigures(0.52).loss;
    // The premise: the axes did not move (else it is no patch, below).
    expect(b.layout.xaxis?.range).toEqual(a.layout.xaxis?.range);
    expect(b.layout.yaxis?.range).toEqual(a.layout.yaxis?.range);
    const patch = planFramePatch(a, b);
    expect(patch).not.toBeNull();
    expect(patch!.traces).toEqual(movedTraces(a, b));
    expect(patch!.traces.length).toBeGreaterThan(2);
    expect(patch!.shapes).toEqual([]);
    expect(patch!.notes).toEqual([]);
  });

  it('gradient view: the moved traces and IPO’s sign-change note (its text and x)', () => {
    const a = pairFigures(1).gradient;
    const b = pairFigures(1.05).gradient;
    const patch = planFramePatch(a, b);
    expect(patch).not.toBeNull();
    expect(patch!.traces).toEqual(movedTraces(a, b));
    const turn = notes(b).findIndex((n) => typeof n.text === 'string' && n.text.includes('changes sign'));
    expect(turn).toBeGreaterThanOrEqual(0);
    const note = patch!.notes.find((n) => n.index === turn);
    expect(note?.changes).toEqual({ text: notes(b)[turn].text, x: notes(b)[turn].x });
    expect(note?.changes.text).not.toBe(notes(a)[turn].text);
    // Every changed note is listed, each with exactly its changed keys.
    const changed = notes(b)
      .map((n, i) => (sameValue(n, notes(a)[i]) ? -1 : i))
      .filter((i) => i >= 0);
    expect(patch!.notes.map((n) => n.index)).toEqual(changed);
  });

  it('a changed axis range is planned as that range alone (a relayout), anything else about an axis is not', () => {
    const a = pairFigures(0.1).loss;
    const b = pairFigures(1).loss;
    expect(sameValue(a.layout.yaxis?.range, b.layout.yaxis?.range)).toBe(false);
    const across = planFramePatch(a, b);
    if (across !== null) expect(across.ranges.yaxis).toEqual(b.layout.yaxis?.range);
    const runs = [syntheticRun('sigmoid', 20, [1, -1, 0])];
    const wider = [syntheticRun('sigmoid', 20, [3, -3, 0])];
    const metrics = ['rewards/margins'];
    const m1 = trainingMetricsFigure(runs, { theme, strings: EN, metrics, step: 4 });
    const m2 = trainingMetricsFigure(wider, { theme, strings: EN, metrics, step: 4 });
    const grown = planFramePatch(m1, m2);
    expect(grown).not.toBeNull();
    expect(grown!.ranges.yaxis).toEqual(m2.layout.yaxis?.range);
    expect(grown!.traces.length).toBeGreaterThan(0);
    // Only the range edited: exactly that range, nothing else.
    const g = pairFigures(0.5).loss;
    const moved = edited(g, (_, layout) => {
      (layout.yaxis as { range: number[] }).range[1] += 0.5;
    });
    expect(planFramePatch(g, moved)).toEqual({
      traces: [],
      shapes: [],
      notes: [],
      ranges: { yaxis: moved.layout.yaxis?.range },
    });
    // Another axis setting (its title, autorange, a non-finite range) is a full draw.
    for (const edit of [
      (ax: Loose) => (ax.title = { text: 'other' }),
      (ax: Loose) => (ax.autorange = true),
      (ax: Loose) => ((ax.range as number[])[1] = NaN),
    ]) {
      expect(
        planFramePatch(
          g,
          edited(g, (_, layout) => edit(layout.yaxis as Loose)),
        ),
      ).toBeNull();
    }
  });

  it('a trace added or removed (IPO’s push splitting into two lines) is a full draw', () => {
    const { gradient: a } = pairFigures(0.5, ['sigmoid']);
    const { gradient: b } = pairFigures(0.5, ['sigmoid', 'kto']);
    expect(planFramePatch(a, b)).toBeNull();
    expect(planFramePatch(b, a)).toBeNull();
    const extra = edited(a, (data) => data.push({ ...data[0] }));
    expect(planFramePatch(a, extra)).toBeNull();
  });
});

describe('what only a full draw shows', () => {
  const base = pairFigures(0.5).loss;
  const line = base.data.findIndex((t) => (t as Loose).mode === 'lines' && (t as Loose).showlegend);

  it('the premise: these edits start from a trace in the legend', () => {
    expect(line).toBeGreaterThanOrEqual(0);
  });

  it('a changed style or colour', () => {
    const colour = edited(base, (d) => ((d[line].line as Loose).color = '#123456'));
    const width = edited(base, (d) => ((d[line].line as Loose).width = 7));
    const dash = edited(base, (d) => ((d[line].line as Loose).dash = 'dot'));
    const marker = edited(base, (d) => {
      const m = d.findIndex((t) => t.mode === 'markers');
      (d[m].marker as Loose).size = 40;
    });
    for (const f of [colour, width, dash, marker]) expect(planFramePatch(base, f)).toBeNull();
  });

  it('a changed legend name, but not a hidden trace’s name', () => {
    expect(
      planFramePatch(
        base,
        edited(base, (d) => (d[line].name = 'renamed')),
      ),
    ).toBeNull();
    const hidden = base.data.findIndex((t) => (t as Loose).showlegend === false);
    expect(hidden).toBeGreaterThanOrEqual(0);
    expect(
      planFramePatch(
        base,
        edited(base, (d) => (d[hidden].name = 'renamed')),
      ),
    ).toEqual(EMPTY);
  });

  it('a trace shown or hidden in the legend', () => {
    expect(
      planFramePatch(
        base,
        edited(base, (d) => (d[line].showlegend = false)),
      ),
    ).toBeNull();
  });

  it('hover-only keys change freely, and a moved point beside them is still a move', () => {
    const f = edited(base, (d) => {
      d[line].hovertemplate = 'other';
      d[line].customdata = [1, 2, 3];
    });
    expect(planFramePatch(base, f)).toEqual(EMPTY);
    const g = edited(base, (d) => {
      (d[line].y as number[])[3] = 123;
      d[line].hovertemplate = 'other';
    });
    expect(planFramePatch(base, g)).toEqual({ traces: [line], shapes: [], notes: [], ranges: {} });
  });

  it('a text-mode trace’s text, but not an undrawn text', () => {
    const withText = edited(base, (d) => {
      d[line].mode = 'lines+text';
      d[line].text = ['a'];
    });
    expect(
      planFramePatch(
        withText,
        edited(withText, (d) => (d[line].text = ['b'])),
      ),
    ).toBeNull();
    const plain = edited(base, (d) => (d[line].text = ['a']));
    expect(
      planFramePatch(
        plain,
        edited(plain, (d) => (d[line].text = ['b'])),
      ),
    ).toEqual(EMPTY);
  });

  it('moved points of a trace drawn otherwise than as a polyline with markers', () => {
    // The patch writes the line path and the markers' places: text, a fill, a curved or stepped line,
    // bridged gaps and error bars would stay at the old points.
    const kinds: [string, (t: Loose) => void][] = [
      ['drawn text', (t) => ((t.mode = 'lines+text'), (t.text = 'a'))],
      ['a fill', (t) => (t.fill = 'tozeroy')],
      ['a spline', (t) => (t.line = { ...(t.line as Loose), shape: 'spline' })],
      ['a step', (t) => (t.line = { ...(t.line as Loose), shape: 'hv' })],
      ['bridged gaps', (t) => (t.connectgaps = true)],
      ['error bars', (t) => (t.error_y = { type: 'constant', value: 0.1 })],
    ];
    for (const [kind, make] of kinds) {
      const a = edited(base, (d) => make(d[line]!));
      const b = edited(a, (d) => ((d[line].y as number[])[3] = 123));
      expect(planFramePatch(a, b), kind).toBeNull();
      // Unchanged, it is still nothing to do.
      expect(
        planFramePatch(
          a,
          edited(a, () => {}),
        ),
        kind,
      ).toEqual(EMPTY);
    }
    // The plain ones: a linear line, no fill, gaps left open.
    const plain = edited(base, (d) => {
      d[line].fill = 'none';
      d[line].line = { ...(d[line].line as Loose), shape: 'linear' };
      d[line].connectgaps = false;
    });
    const moved = edited(plain, (d) => ((d[line].y as number[])[3] = 123));
    expect(planFramePatch(plain, moved)).toEqual({ traces: [line], shapes: [], notes: [], ranges: {} });
  });

  it('a contour’s z (or any of its data) on the plane', () => {
    const runs = [syntheticRun('sigmoid', 10, [1, -1, 0])];
    const xs = Array.from({ length: 11 }, (_, i) => -2 + (4 * i) / 10);
    const a = planeFigure(planeGrid('sigmoid', { beta: 1 }, xs, xs), runs, { theme, strings: EN, step: 3 });
    const b = planeFigure(planeGrid('sigmoid', { beta: 1.2 }, xs, xs), runs, { theme, strings: EN, step: 3 });
    expect((a.data[0] as Loose).type).toBe('contour');
    expect(planFramePatch(a, b)).toBeNull();
    // Only z edited, everything else equal: still a full draw (a contour cannot be moved in place).
    const z = edited(a, (d) => ((d[0].z as number[][])[0]![0] = 99));
    expect(planFramePatch(a, z)).toBeNull();
  });

  it('a trace whose type changed', () => {
    const f = edited(base, (d) => (d[line].type = 'scattergl'));
    expect(planFramePatch(base, f)).toBeNull();
  });

  it('a note changed other than in text or position, added or removed', () => {
    const a = pairFigures(1).gradient;
    expect(notes(a).length).toBeGreaterThan(0);
    const font = edited(a, (_, l) => (((l.annotations as Loose[])[0]!.font as Loose).color = '#ff0000'));
    expect(planFramePatch(a, font)).toBeNull();
    const anchor = edited(a, (_, l) => ((l.annotations as Loose[])[0]!.xanchor = 'center'));
    expect(planFramePatch(a, anchor)).toBeNull();
    const added = edited(a, (_, l) => (l.annotations as Loose[]).push({ text: 'new' }));
    expect(planFramePatch(a, added)).toBeNull();
    expect(planFramePatch(added, a)).toBeNull();
    const textNotString = edited(a, (_, l) => ((l.annotations as Loose[])[0]!.text = 5));
    expect(planFramePatch(a, textNotString)).toBeNull();
    const moved = edited(a, (_, l) => ((l.annotations as Loose[])[0]!.y = 0.25));
    expect(planFramePatch(a, moved)?.notes).toEqual([{ index: 0, changes: { y: 0.25 } }]);
  });

  it('a shape changed otherwise than its x, or a non-vertical line moved', () => {
    const runs = [syntheticRun('sigmoid', 20, [1, -1, 0])];
    const a = trainingFigure(runs, { theme, strings: EN, responses: 3, step: 4 });
    const shape = (f: Figure) => (f.layout.shapes as Partial<Shape>[])[0] as Loose;
    const colour = edited(a, (_, l) => (((l.shapes as Loose[])[0]!.line as Loose).color = '#ff0000'));
    expect(shape(colour)).not.toEqual(shape(a));
    expect(planFramePatch(a, colour)).toBeNull();
    const slanted = edited(a, (_, l) => ((l.shapes as Loose[])[0]!.x1 = 9));
    expect(planFramePatch(a, slanted)).toBeNull();
    const notFinite = edited(a, (_, l) => {
      const s = (l.shapes as Loose[])[0]!;
      s.x0 = s.x1 = Infinity;
    });
    expect(planFramePatch(a, notFinite)).toBeNull();
    const height = edited(a, (_, l) => ((l.shapes as Loose[])[0]!.y1 = 0.5));
    expect(planFramePatch(a, height)).toBeNull();
  });

  it('any other layout key (a title, the height, the legend)', () => {
    expect(
      planFramePatch(
        base,
        edited(base, (_, l) => (l.height = 999)),
      ),
    ).toBeNull();
    expect(
      planFramePatch(
        base,
        edited(base, (_, l) => (l.showlegend = !l.showlegend)),
      ),
    ).toBeNull();
    const title = edited(base, (_, l) => ((l.xaxis as Loose).title = { text: 'other' }));
    expect(planFramePatch(base, title)).toBeNull();
  });
});

describe('sameValue', () => {
  it('NaN equals NaN; 0 and −0 are equal; numbers and strings are not', () => {
    expect(sameValue(NaN, NaN)).toBe(true);
    expect(sameValue([1, NaN], [1, NaN])).toBe(true);
    expect(sameValue(NaN, 0)).toBe(false);
    expect(sameValue(0, -0)).toBe(true);
    expect(sameValue(1, '1')).toBe(false);
    expect(sameValue(null, undefined)).toBe(false);
    expect(sameValue(null, null)).toBe(true);
    expect(sameValue(null, {})).toBe(false);
  });

  it('typed arrays equal arrays of the same numbers, of either kind and length', () => {
    expect(sameValue(new Float64Array([1, 2, NaN]), [1, 2, NaN])).toBe(true);
    expect(sameValue([1, 2], new Float32Array([1, 2]))).toBe(true);
    expect(sameValue(new Float64Array([0.1]), new Float32Array([0.1]))).toBe(false);
    expect(sameValue(new Float64Array([1, 2]), [1, 2, 3])).toBe(false);
    expect(sameValue(new Float64Array([1, 2]), { 0: 1, 1: 2, length: 2 })).toBe(false);
    expect(sameValue([], {})).toBe(false);
  });

  it('objects: key order ignored, an undefined key equals an absent one, a null key does not', () => {
    expect(sameValue({ a: 1, b: [2] }, { b: [2], a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameValue({ a: 1, b: null }, { a: 1 })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameValue({ a: { b: { c: NaN } } }, { a: { b: { c: NaN } } })).toBe(true);
    expect(sameValue({ a: { b: { c: 1 } } }, { a: { b: { c: 2 } } })).toBe(false);
  });
});
