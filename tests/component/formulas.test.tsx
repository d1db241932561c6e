// The popover formulas must be the formulas the math module computes: each substituted plain-text formula,
// evaluated as arithmetic, has to give the value shown next to it (a wrong sign or factor would not), and
// every TeX string has to parse in KaTeX.
import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { LOSS_IDS } from '../../src/math/index.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { lossReadout, READOUT_ROWS, type ReadoutInputs } from '../../src/derive/readout.ts';

const SUP: Record<string, string> = {
  '⁻': '-',
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};
const sig = (x: number) => 1 / (1 + Math.exp(-x));
const logsig = (x: number) => Math.log(sig(x));

/** Turns one plain-text formula side ("−log σ(0.1·2)") into a number. */
function evaluate(expr: string): number {
  const js = expr
    .replace(/×10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g, (_, p: string) => `e${[...p].map((c) => SUP[c]).join('')}`)
    .replace(/−/g, '-')
    .replace(/·/g, '*')
    .replace(/½/g, '0.5')
    .replace(/1\[([^\]]+)\]/g, '(($1) ? 1 : 0)')
    .replace(/log σ\(/g, 'logsig(')
    .replace(/σ\(/g, 'sig(')
    .replace(/log\(/g, 'Math.log(')
    .replace(/log ([\d.]+(?:e-?\d+)?)/g, 'Math.log($1)')
    .replace(/max\(/g, 'Math.max(')
    .replace(/e\^\(/g, 'Math.exp(')
    .replace(/\[/g, '(')
    .replace(/\]/g, ')')
    .replace(/²/g, '**2');
  return new Function('sig', 'logsig', `return (${js});`)(sig, logsig) as number;
}

const base: ReadoutInputs = { ...DEFAULT_STATE };
const STATES: [string, ReadoutInputs][] = [
  ['default', base],
  ['policy behind the reference', { ...base, startLogRatios: [-2, 2, 0], beta: 0.5, labelSmoothing: 0.2 }],
  [
    'IPO summed, long y_l, fixed z0',
    { ...base, ipoNormalization: 'sum', rejectedLength: 25, z0Mode: 'fixed', z0: 0.5, desirableWeight: 1.2 },
  ],
  ['large β', { ...base, beta: 2, discopopTau: 0.5, undesirableWeight: 0.8 }],
];

describe('readout formulas', () => {
  for (const [name, state] of STATES) {
    it(`evaluate to the math module's values (${name})`, () => {
      let checked = 0;
      for (const id of LOSS_IDS) {
        const r = lossReadout(id, state);
        if (!r.ok) throw new Error(`${id} failed`);
        for (const row of READOUT_ROWS) {
          const cell = r.cells[row];
          if (cell.value === null) continue;
          for (const line of cell.substituted.text.split('\n')) {
            const parts = line.split(' = ');
            expect(parts, `${id} ${row}: ${line}`).toHaveLength(3);
            const shown = evaluate(parts[2]);
            const got = evaluate(parts[1]);
            expect(Math.abs(got - shown), `${id} ${row}: ${line}`).toBeLessThanOrEqual(
              5e-3 * Math.abs(shown) + 2e-4,
            );
          }
          const last = cell.substituted.text.split('\n').at(-1) ?? '';
          const expected = cell.value;
          expect(Math.abs(evaluate(last.split(' = ')[1]) - expected), `${id} ${row}`).toBeLessThanOrEqual(
            5e-3 * Math.abs(expected) + 2e-4,
          );
          checked++;
        }
      }
      expect(checked).toBe(LOSS_IDS.length * READOUT_ROWS.length - 2);
    });
  }

  it('are all valid TeX, constant and substituted', () => {
    for (const [, state] of STATES) {
      for (const id of LOSS_IDS) {
        const r = lossReadout(id, state);
        if (!r.ok) continue;
        for (const row of READOUT_ROWS) {
          for (const f of [r.cells[row].formula, r.cells[row].substituted]) {
            expect(
              () => katex.renderToString(f.tex, { throwOnError: true, trust: false }),
              f.tex,
            ).not.toThrow();
          }
        }
      }
    }
  });

  it('keep the constant formula free of numbers from the state', () => {
    const a = lossReadout('sigmoid', base);
    const b = lossReadout('sigmoid', { ...base, beta: 3.21, startLogRatios: [-7.77, 0, 0] });
    if (!a.ok || !b.ok) throw new Error('unexpected');
    expect(b.cells.loss.formula).toEqual(a.cells.loss.formula);
    expect(b.cells.loss.formula.tex).not.toMatch(/3\.21|7\.77/);
  });
});
