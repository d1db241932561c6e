// diagnoseTrainerLog (src/logs/diagnose.ts): every rule on synthetic logs where it holds and where it must
// not fire. The logs are built with the trainers' formulas and seeded noise (scripts/trlLogFixtures.ts).
import { describe, expect, it } from 'vitest';
import { diagnoseTrainerLog, readTrainerLog, type Finding, type FindingId } from '../../src/logs/index.ts';
import {
  dpoRows,
  ktoRows,
  startAtReference,
  trainerStateText,
  type DpoShape,
  type Row,
} from '../../scripts/trlLogFixtures.ts';

const lin = (a: number, b: number) => (t: number) => a + (b - a) * t;
const softplus = (x: number) => (x > 30 ? x : Math.log1p(Math.exp(x)));

function findings(rows: Row[]): Finding[] {
  return diagnoseTrainerLog(readTrainerLog(trainerStateText(rows)));
}
const ids = (rows: Row[]) => findings(rows).map((f) => f.id);
const one = (rows: Row[], id: FindingId) => findings(rows).find((f) => f.id === id);
const dpo = (s: Partial<DpoShape>) => dpoRows({ rows: 60, chosen: lin(0, 0.3), margins: lin(0, 1.5), ...s });

describe('start-at-ln2', () => {
  it('holds when the first loss is ln 2 and every reward 0, over the rows where it stays so', () => {
    const f = one(startAtReference(dpo({}), 3), 'start-at-ln2');
    expect(f?.steps).toEqual([10, 30]);
    expect(f?.values.loss).toBe(0.6931);
    expect(f?.values.accuracy).toBe(0);
    expect(Math.abs(f?.values.deviation ?? 1)).toBeLessThan(1e-4);
  });

  it('does not fire when the loss starts elsewhere or rewards are not ~0', () => {
    const off = startAtReference(dpo({}));
    off[0].loss = 0.6951; // 2e-3 from ln 2
    expect(ids(off)).not.toContain('start-at-ln2');
    const rewarded = startAtReference(dpo({}));
    rewarded[0]['rewards/chosen'] = 0.05;
    expect(ids(rewarded)).not.toContain('start-at-ln2');
    // IPO's loss at the start is (1/(2β))², not ln 2.
    expect(ids(dpo({ loss: (m) => (m - 5) ** 2 }))).not.toContain('start-at-ln2');
  });
});

describe('chosen-reward-falls', () => {
  it('holds while rewards/chosen falls and margins grow (likelihood displacement)', () => {
    const f = one(dpo({ chosen: lin(0, -1.5), margins: lin(0, 3), noise: 0.1 }), 'chosen-reward-falls');
    expect(f).toBeDefined();
    expect(f?.steps[0]).toBeLessThanOrEqual(100);
    expect(f?.steps[1]).toBeGreaterThanOrEqual(500);
    expect(f?.values.chosenTo).toBeLessThan(-1);
    expect((f?.values.marginsTo ?? 0) - (f?.values.marginsFrom ?? 0)).toBeGreaterThan(2);
  });

  it('holds on the part of a run where it happens, not after the chosen reward recovers', () => {
    const dip = (t: number) => (t < 0.5 ? -2 * t : -1 + 2 * (t - 0.5));
    const f = one(dpo({ rows: 100, chosen: dip, margins: lin(0, 3), noise: 0.1 }), 'chosen-reward-falls');
    expect(f?.steps[1]).toBeGreaterThan(400);
    expect(f?.steps[1]).toBeLessThan(600);
  });

  it('rarely fires on noise: flat chosen rewards with noise as large as the fall it looks for', () => {
    // The rule takes the largest fall anywhere in the run; the thresholds keep noise alone under 1 % of
    // runs (measured: 6 of 1,000 seeds). Allow 3 of 200 here.
    let fired = 0;
    for (let seed = 1; seed <= 200; seed++)
      if (ids(dpo({ chosen: () => 0, margins: lin(0, 2), noise: 0.3, seed })).includes('chosen-reward-falls'))
        fired++;
    expect(fired).toBeLessThanOrEqual(3);
  });

  it('does not fire when margins fall too, or when chosen rewards rise', () => {
    // Both fall: a collapse, not displacement.
    expect(ids(dpo({ chosen: lin(0, -1), margins: lin(0, -1) }))).not.toContain('chosen-reward-falls');
    expect(ids(dpo({ chosen: lin(0, 1), margins: lin(0, 2) }))).not.toContain('chosen-reward-falls');
  });

  it('judges rewards, not logps: falling logps/chosen with rising chosen rewards does not fire', () => {
    const rows = dpo({ chosen: lin(0, 0.5), margins: lin(0, 2) });
    rows.forEach((r, i) => {
      if ('logps/chosen' in r) r['logps/chosen'] = -100 - 2 * i;
    });
    expect(ids(rows)).not.toContain('chosen-reward-falls');
  });
});

describe('margin-runaway', () => {
  it('holds when the loss goes to ~0 and margins keep growing', () => {
    const f = one(dpo({ chosen: lin(0, 1), margins: lin(0, 30) }), 'margin-runaway');
    expect(f).toBeDefined();
    // DPO's loss −log σ(m) < 0.01 once m > 4.6: a sixth of the way to 30.
    expect(f?.steps[0]).toBeGreaterThan(50);
    expect(f?.steps[0]).toBeLessThan(200);
    expect(f?.steps[1]).toBe(600);
    expect(f?.values.marginsTo).toBeGreaterThan(25);
    expect(f?.values.lossTo).toBeLessThan(0.01);
  });

  it('does not fire when margins level off or the loss stays above ~0', () => {
    // IPO converges to its target margin 1/(2β) = 5: loss (m − 5)² → 0 but the margin stops.
    const ipo = (t: number) => 5 * (1 - Math.exp(-8 * t));
    expect(ids(dpo({ margins: ipo, loss: (m) => (m - 5) ** 2 / 100 }))).not.toContain('margin-runaway');
    expect(ids(dpo({ margins: lin(0, 2) }))).not.toContain('margin-runaway');
  });
});

describe('accuracy-granularity', () => {
  it('reports the number of pairs behind a logged accuracy: 1, 2, 4', () => {
    for (const pairs of [1, 2, 4]) {
      const f = one(dpo({ every: 1, pairs, seed: pairs }), 'accuracy-granularity');
      expect(f?.values.batch).toBe(pairs);
      expect(f?.steps).toEqual([1, 60]);
    }
  });

  it('does not fire on fine accuracies (a batch of 64, or averaged over logging steps) or one value only', () => {
    expect(ids(dpo({ pairs: 64 }))).not.toContain('accuracy-granularity');
    expect(ids(dpo({}))).not.toContain('accuracy-granularity');
    const allOne = dpo({});
    for (const r of allOne) if ('rewards/accuracies' in r) r['rewards/accuracies'] = 1;
    expect(ids(allOne)).not.toContain('accuracy-granularity');
  });

  it('takes float32 values (0.48750001192092896 is 39/80, not a small batch)', () => {
    const rows = dpo({ pairs: 80 });
    for (const r of rows)
      if (typeof r['rewards/accuracies'] === 'number')
        r['rewards/accuracies'] = Math.fround(r['rewards/accuracies']);
    expect(ids(rows)).not.toContain('accuracy-granularity');
    const two = dpo({ pairs: 2, seed: 9 });
    for (const r of two)
      if (typeof r['rewards/accuracies'] === 'number')
        r['rewards/accuracies'] = Math.fround(r['rewards/accuracies']);
    expect(one(two, 'accuracy-granularity')?.values.batch).toBe(2);
  });
});

describe('kto-kl-zero', () => {
  it('holds when most kl values are 0, over the steps where they are', () => {
    const f = one(
      ktoRows(40, (t) => (t < 0.25 ? 0.02 : 0)),
      'kto-kl-zero',
    );
    expect(f?.values.fraction).toBeCloseTo(0.75, 1);
    expect(f?.steps[1]).toBe(200);
    expect(f?.steps[0]).toBeGreaterThan(5);
  });

  it('does not fire when kl is positive, nor on a DPO log', () => {
    expect(ids(ktoRows(40, (t, u) => 0.01 + 0.05 * t * u()))).not.toContain('kto-kl-zero');
    expect(ids(ktoRows(40, (t) => (t < 0.7 ? 0.02 : 0)))).not.toContain('kto-kl-zero');
    expect(ids(dpo({}))).not.toContain('kto-kl-zero');
  });
});

describe('diverged', () => {
  it('holds from the first NaN loss', () => {
    const rows = dpo({ loss: (m) => (m > 1 ? NaN : softplus(-m)), noise: 0 });
    const f = one(rows, 'diverged');
    expect(f?.cause).toBe('nan-loss');
    const firstNaN = rows.find((r) => Number.isNaN(r.loss))?.step;
    expect(f?.steps).toEqual([firstNaN, 600]);
  });

  it('holds when the loss or grad_norm explodes, not on a single spike', () => {
    const exploding = one(dpo({ loss: (m) => softplus(-m) + (m > 1 ? 50 * (m - 1) : 0) }), 'diverged');
    expect(exploding?.cause).toBe('loss-explodes');
    const grad = one(dpo({ gradNorm: (t) => (t > 0.7 ? 1e4 : 5) }), 'diverged');
    expect(grad?.cause).toBe('grad-norm-explodes');
    expect(grad?.steps[0]).toBeGreaterThan(400);
    const spike = dpo({});
    spike[30].loss = 40;
    spike[31].grad_norm = 1e5;
    expect(ids(spike)).not.toContain('diverged');
  });

  it('an isolated infinite grad_norm (a step fp16 skipped) is no divergence; lasting ones are', () => {
    const once = dpo({});
    once[10].grad_norm = Infinity;
    expect(ids(once)).not.toContain('diverged');
    const lasting = dpo({ gradNorm: (t) => (t > 0.9 ? NaN : 5) });
    expect(one(lasting, 'diverged')?.cause).toBe('nan-grad-norm');
  });

  it('does not fire on a healthy run, nor on a NaN eval loss alone', () => {
    const rows = dpo({ evalEvery: 10 });
    const ev = rows.find((r) => 'eval_loss' in r);
    if (ev) ev.eval_loss = NaN;
    expect(ids(rows)).not.toContain('diverged');
  });
});

describe('every finding', () => {
  it('has steps [first, last] among the log’s train steps, first ≤ last, and finite numbers', () => {
    const logs = [
      startAtReference(dpo({ chosen: lin(0, -1.5), margins: lin(0, 30), every: 1, pairs: 2 })),
      ktoRows(40, () => 0),
      dpo({ loss: () => NaN }),
    ];
    for (const rows of logs) {
      const log = readTrainerLog(trainerStateText(rows));
      const found = diagnoseTrainerLog(log);
      expect(found.length).toBeGreaterThan(0);
      for (const f of found) {
        expect(log.train.step).toContain(f.steps[0]);
        expect(log.train.step).toContain(f.steps[1]);
        expect(f.steps[0]).toBeLessThanOrEqual(f.steps[1]);
        for (const v of Object.values(f.values)) expect(Number.isFinite(v) || Number.isNaN(v)).toBe(true);
      }
    }
  });
});
