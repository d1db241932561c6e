// The compared run is derived from the state: the main state with one setting changed, trained behind its
// own memo (the main run is never retrained for it), and both runs' ends measured against their references.
import { describe, expect, it } from 'vitest';
import {
  compareCurvesOf,
  compareOf,
  compareRowsOf,
  compareRunsOf,
  compareStateOf,
  decodeCompare,
  klFromRef,
  affectsPairCurves,
} from '../../src/derive/compare.ts';
import { trainingRunsOf, computeTrainingRuns } from '../../src/derive/toy.ts';
import { pairCurvesOf } from '../../src/derive/pairCurvesMemo.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { parseHash } from '../../src/state/urlCodec.ts';
import type { AppState } from '../../src/state/appState.ts';

const base = (patch: Partial<AppState>) => applyPatch(DEFAULT_STATE, { steps: 40, ...patch });

describe('compareStateOf', () => {
  it('changes exactly the compared setting', () => {
    const s = base({ compare: 'beta:1' });
    expect(compareStateOf(s)).toEqual({ ...s, beta: 1 });
    expect(compareStateOf(base({ compare: 'lr:0.1' }))?.learningRate).toBe(0.1);
    expect(compareStateOf(base({ compare: 'p:0.6' }))?.preferenceProb).toBe(0.6);
    expect(compareStateOf(base({ compare: 'features:shared' }))?.features).toBe('shared');
    expect(compareStateOf(base({ compare: 'optimizer:sgd' }))?.optimizer).toBe('sgd');
    expect(compareStateOf(base({ compare: 'ref:0.5,0.25,0.25' }))?.refProbs).toEqual([0.5, 0.25, 0.25]);
  });

  it('vs=loss compares the first loss shown with the other loss', () => {
    const s = base({ losses: ['sigmoid', 'kto'], compare: 'loss:ipo' });
    expect(compareStateOf(s)?.losses).toEqual(['ipo']);
    expect(compareOf(s)).toMatchObject({ status: 'on', main: { key: 'loss', value: 'sigmoid' } });
  });

  it('is null without a choice, and says "same" for a value equal to the main one', () => {
    expect(compareStateOf(base({}))).toBeNull();
    const same = base({ beta: 1, compare: 'beta:1' });
    expect(compareStateOf(same)).toBeNull();
    expect(compareOf(same).status).toBe('same');
    expect(compareOf(base({ compare: 'loss:sigmoid' })).status).toBe('same');
  });

  it('reads back exactly what the state layer wrote', () => {
    expect(decodeCompare('beta:1', 3)).toEqual({ key: 'beta', value: 1 });
    expect(decodeCompare('ref:0.5,0.5', 3)).toBeNull();
    expect(decodeCompare('loss:nope', 3)).toBeNull();
    expect(decodeCompare('nonsense', 3)).toBeNull();
  });
});

describe('the compared run’s training', () => {
  it('is the main state’s training with the one setting changed', () => {
    const s = base({ compare: 'beta:1' });
    const other = compareRunsOf(compareStateOf(s)!);
    expect(other).toEqual(computeTrainingRuns({ ...s, beta: 1 }));
    expect(other.runs.map((r) => r.id)).toEqual(s.losses);
    expect(other.runs[0].probs).not.toEqual(trainingRunsOf(s).runs[0].probs);
  });

  it('does not retrain the main run, and is not retrained by a drag of the compared setting', () => {
    const s = base({ compare: 'beta:1' });
    const main = trainingRunsOf(s);
    const other = compareRunsOf(compareStateOf(s)!);
    expect(trainingRunsOf(s)).toBe(main);
    // Dragging β of the main run: the second run's β stays 1, so its runs are the same object.
    const dragged = applyPatch(s, { beta: 0.2 });
    expect(compareRunsOf(compareStateOf(dragged)!)).toBe(other);
    expect(trainingRunsOf(dragged)).not.toBe(main);
    // A setting both share retrains it.
    const both = applyPatch(s, { learningRate: 0.1 });
    expect(compareRunsOf(compareStateOf(both)!)).not.toBe(other);
  });

  it('has its own curves where the setting changes them, and none differ where it does not', () => {
    const s = base({ compare: 'beta:1' });
    const other = compareStateOf(s)!;
    expect(affectsPairCurves(s, other)).toBe(true);
    expect(compareCurvesOf(other)).toEqual(pairCurvesOf({ ...s, beta: 1 }));
    const lr = base({ compare: 'lr:0.1' });
    expect(affectsPairCurves(lr, compareStateOf(lr)!)).toBe(false);
  });
});

describe('both runs’ ends', () => {
  it('KL from the reference is Σ π log(π/π_ref), 0 at the reference', () => {
    expect(klFromRef([0.3, 0.45, 0.25], [0.3, 0.45, 0.25])).toBe(0);
    expect(klFromRef([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(0.5 * Math.log(2) + 0.5 * Math.log(2 / 3), 14);
  });

  it('the β scenario: the weak β ends farther from the reference than the strong one', () => {
    const s = parseHash('#v=2&preset=beta-strength').state;
    expect(s.compare).toBe('beta:1');
    const other = compareStateOf(s)!;
    const rows = compareRowsOf('beta', trainingRunsOf(s).runs, compareRunsOf(other).runs, {
      main: s.refProbs,
      other: other.refProbs,
    });
    expect(rows).toHaveLength(1);
    const [{ main, other: o }] = rows;
    expect(main.id).toBe('sigmoid');
    const last = trainingRunsOf(s).runs[0].probs.at(-1)!;
    expect(main.kl).toBeCloseTo(klFromRef(last, s.refProbs), 14);
    expect(main.chosen).toBe(last[0]);
    expect(main.kl).toBeGreaterThan(o.kl);
    expect(o.kl).toBeGreaterThan(0);
  });

  it('vs=loss pairs the first loss shown with the other loss', () => {
    const s = base({ losses: ['sigmoid', 'kto'], compare: 'loss:ipo' });
    const other = compareStateOf(s)!;
    const rows = compareRowsOf('loss', trainingRunsOf(s).runs, compareRunsOf(other).runs, {
      main: s.refProbs,
      other: other.refProbs,
    });
    expect(rows.map((r) => [r.main.id, r.other.id])).toEqual([['sigmoid', 'ipo']]);
  });
});
