import { describe, expect, it } from 'vitest';
import {
  csvField,
  exportFileName,
  exportTraces,
  figureToCsv,
  figureToJson,
  plainText,
} from '../../src/figures/export.ts';
import type { Figure } from '../../src/figures/types.ts';
import {
  LIGHT_THEME,
  planeFigure,
  simplexFigure,
  trainingFigure,
  trainingMetricsFigure,
} from '../../src/figures/index.ts';
import { EN_FIGURES as EN } from '../../src/i18n/en/figures.ts';
import { planeGrid, syntheticRun } from '../helpers/figureData.ts';
import { parseCsv } from '../helpers/csv.ts';

function fig(data: Figure['data'], layout: Figure['layout'] = {}): Figure {
  return { data, layout, summary: '' };
}

/** A grid whose rows are typed arrays (Plotly accepts them; its types do not say so). */
function typedRows(...rows: number[][]): number[][] {
  return rows.map((r) => new Float64Array(r)) as unknown as number[][];
}

describe('csvField', () => {
  it('quotes commas, quotes, line breaks and edge spaces, and doubles inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('π(y_w), β = 0.1')).toBe('"π(y_w), β = 0.1"');
  });

  it('writes numbers in their shortest round-trip form and gaps as empty cells', () => {
    expect(csvField(0.1)).toBe('0.1');
    expect(csvField(-2.5e-7)).toBe('-2.5e-7');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });
});

describe('figureToCsv', () => {
  it('writes long format trace,x,y with quoted names, one row per point', () => {
    const csv = figureToCsv(
      fig([
        { type: 'scatter', name: 'DPO, β = 0.1', x: [0, 1], y: [0.5, 0.25] },
        { type: 'scatter', name: 'the "robust" one', x: [2], y: [3] },
      ]),
    );
    expect(csv).toBe('trace,x,y\n"DPO, β = 0.1",0,0.5\n"DPO, β = 0.1",1,0.25\n"the ""robust"" one",2,3\n');
    expect(parseCsv(csv)).toEqual([
      ['trace', 'x', 'y'],
      ['DPO, β = 0.1', '0', '0.5'],
      ['DPO, β = 0.1', '1', '0.25'],
      ['the "robust" one', '2', '3'],
    ]);
  });

  it('reads typed arrays and writes NaN, ±Infinity and null as empty cells', () => {
    const csv = figureToCsv(
      fig([
        {
          type: 'scatter',
          name: 'typed',
          x: new Float64Array([0, 1, 2, 3]),
          y: new Float32Array([0.5, NaN, Infinity, -Infinity]),
        },
        { type: 'scatter', name: 'gap', x: [0, 1], y: [null, 2] },
      ]),
    );
    expect(parseCsv(csv)).toEqual([
      ['trace', 'x', 'y'],
      ['typed', '0', '0.5'],
      ['typed', '1', ''],
      ['typed', '2', ''],
      ['typed', '3', ''],
      ['gap', '0', ''],
      ['gap', '1', '2'],
    ]);
  });

  it('pads a short column with empty cells rather than dropping points', () => {
    expect(figureToCsv(fig([{ type: 'scatter', name: 's', x: [1, 2, 3], y: [4] }]))).toBe(
      'trace,x,y\ns,1,4\ns,2,\ns,3,\n',
    );
  });

  it('flattens a contour z grid row by row, each value with its own x and y, beside plain scatter rows', () => {
    const csv = figureToCsv(
      fig([
        {
          type: 'contour',
          name: 'loss',
          x: [10, 20, 30],
          y: [-1, 1],
          z: [
            [1, 2, 3],
            [4, NaN, 6],
          ],
        },
        { type: 'scatter', name: 'path', x: [0], y: [0] },
      ]),
    );
    expect(parseCsv(csv)).toEqual([
      ['trace', 'x', 'y', 'z'],
      ['loss', '10', '-1', '1'],
      ['loss', '20', '-1', '2'],
      ['loss', '30', '-1', '3'],
      ['loss', '10', '1', '4'],
      ['loss', '20', '1', ''],
      ['loss', '30', '1', '6'],
      ['path', '0', '0', ''],
    ]);
  });

  it('flattens a contour whose grid rows are typed arrays, and uses indices when x and y are missing', () => {
    const csv = figureToCsv(fig([{ type: 'contour', name: 'z', z: typedRows([5, 6]) }]));
    expect(csv).toBe('trace,x,y,z\nz,0,0,5\nz,1,0,6\n');
  });

  it('writes a, b, c for a ternary plot', () => {
    const csv = figureToCsv(
      fig([
        {
          type: 'scatterternary',
          name: 'path',
          a: new Float64Array([0.3, 0.5]),
          b: [0.45, 0.3],
          c: [0.25, 0.2],
        },
      ]),
    );
    expect(csv).toBe('trace,a,b,c\npath,0.3,0.45,0.25\npath,0.5,0.3,0.2\n');
  });

  it('drops Plotly rich-text tags from names and names an unnamed trace by its position', () => {
    const csv = figureToCsv(
      fig([
        { type: 'scatter', name: 'π<sub>ref</sub><br>(y<sub>w</sub>)', x: [0], y: [0] },
        { type: 'scatter', x: [1], y: [1] },
      ]),
    );
    expect(parseCsv(csv).slice(1)).toEqual([
      ['πref (yw)', '0', '0'],
      ['trace 2', '1', '1'],
    ]);
  });

  it('adds the subplot title as a panel column when a figure has several panels', () => {
    const runs = [syntheticRun('sigmoid', 4, [1, -1, 0]), syntheticRun('ipo', 4, [0.5, -0.5, 0])];
    const training = trainingFigure(runs, { theme: LIGHT_THEME, strings: EN, responses: 3 });
    const rows = parseCsv(figureToCsv(training));
    expect(rows[0]).toEqual(['panel', 'trace', 'x', 'y']);
    // 2 runs × 3 responses × 5 steps.
    expect(rows).toHaveLength(1 + 2 * 3 * 5);
    const panels = new Set(rows.slice(1).map((r) => r[0]));
    expect(panels).toEqual(new Set([EN.lossLabel('sigmoid'), EN.lossLabel('ipo')]));
    const ipoChosen = rows.filter(
      (r) => r[0] === EN.lossLabel('ipo') && r[1] === plainText(EN.responseLabel(0)),
    );
    expect(ipoChosen.map((r) => Number(r[3]))).toEqual(runs[1].probs.map((p) => p[0]));
  });

  it('names the panel by its y axis when the panels have no titles of their own (one metric each)', () => {
    const runs = [syntheticRun('sigmoid', 2, [1, -1, 0]), syntheticRun('ipo', 2, [0.5, -0.5, 0])];
    const metrics = trainingMetricsFigure(runs, {
      theme: LIGHT_THEME,
      strings: EN,
      metrics: ['loss', 'rewards/margins'],
    });
    const rows = parseCsv(figureToCsv(metrics));
    expect(rows[0]).toEqual(['panel', 'trace', 'x', 'y']);
    expect(rows.filter((r) => r[0] === 'rewards/margins' && r[1] === EN.lossLabel('ipo'))).toHaveLength(3);
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(['loss', 'rewards/margins']));
  });

  it('exports the real plane and simplex figures with every column they plot', () => {
    const xs = [-1, 0, 1];
    const ys = [-2, 2];
    const plane = planeFigure(planeGrid('sigmoid', { beta: 1 }, xs, ys), [], {
      theme: LIGHT_THEME,
      strings: EN,
    });
    const contour = exportTraces(plane).find((t) => t.type === 'contour')!;
    expect(contour.columns.x).toEqual([-1, 0, 1, -1, 0, 1]);
    expect(contour.columns.y).toEqual([-2, -2, -2, 2, 2, 2]);
    expect(contour.columns.z).toHaveLength(6);

    const run = syntheticRun('sigmoid', 3, [1, -1, 0]);
    const simplex = simplexFigure([run], {
      theme: LIGHT_THEME,
      strings: EN,
      reference: [1 / 3, 1 / 3, 1 / 3],
      rlhfOptimum: null,
    });
    const header = parseCsv(figureToCsv(simplex))[0];
    expect(header).toEqual(['trace', 'a', 'b', 'c']);
  });

  it('writes only a header for a figure without traces', () => {
    expect(figureToCsv(fig([]))).toBe('trace\n');
  });
});

describe('figureToJson', () => {
  it('is {title, traces:[{name, type, x, y}]} with plain arrays and NaN as null', () => {
    const json = JSON.parse(
      figureToJson(
        fig(
          [{ type: 'scatter', name: 'DPO', x: new Float64Array([0, 1]), y: new Float64Array([0.5, NaN]) }],
          { xaxis: { title: { text: 'margin h' } }, yaxis: { title: { text: 'loss' } } },
        ),
        'Loss against the margin',
      ),
    );
    expect(json).toEqual({
      title: 'Loss against the margin',
      traces: [
        { name: 'DPO', type: 'scatter', xLabel: 'margin h', yLabel: 'loss', x: [0, 1], y: [0.5, null] },
      ],
    });
  });

  it('keeps a contour z as a grid of rows with its x and y, and ternary traces as a, b, c', () => {
    const json = JSON.parse(
      figureToJson(
        fig([
          { type: 'contour', name: 'loss', x: [0, 1], y: [5], z: typedRows([1, Infinity]) },
          { type: 'scatterternary', name: 'path', a: [0.2], b: [0.3], c: [0.5] },
        ]),
        'T',
      ),
    );
    expect(json.traces[0]).toMatchObject({
      name: 'loss',
      type: 'contour',
      x: [0, 1],
      y: [5],
      z: [[1, null]],
    });
    expect(json.traces[1]).toEqual({ name: 'path', type: 'scatterternary', a: [0.2], b: [0.3], c: [0.5] });
  });

  it('falls back to the layout title and carries the panel of a subplot', () => {
    const runs = [syntheticRun('sigmoid', 2, [1, -1]), syntheticRun('ipo', 2, [1, -1])];
    const training = trainingFigure(runs, { theme: LIGHT_THEME, strings: EN, responses: 2 });
    const json = JSON.parse(figureToJson(training));
    expect(json.title).toBe('');
    expect(json.traces.map((t: { panel: string }) => t.panel)).toEqual([
      EN.lossLabel('sigmoid'),
      EN.lossLabel('sigmoid'),
      EN.lossLabel('ipo'),
      EN.lossLabel('ipo'),
    ]);
    expect(JSON.parse(figureToJson(fig([], { title: { text: '<b>Bold</b> title' } }))).title).toBe(
      'Bold title',
    );
  });
});

describe('exportFileName', () => {
  it('is dpo-explorer-<view>.<ext> with safe characters only', () => {
    expect(exportFileName('loss', 'png')).toBe('dpo-explorer-loss.png');
    expect(exportFileName('sweeps-ref', 'csv')).toBe('dpo-explorer-sweeps-ref.csv');
    expect(exportFileName('Weird id/..', 'json')).toBe('dpo-explorer-weird-id.json');
    expect(exportFileName('', 'svg')).toBe('dpo-explorer.svg');
  });
});
