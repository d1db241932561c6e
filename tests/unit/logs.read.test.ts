// The training-log reader (src/logs, CONVENTIONS §10): real public logs from ../shared/fixtures/trl-logs
// (read where they are, never copied), synthetic logs of every other shape (scripts/trlLogFixtures.ts), the
// errors, and random text.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_LOG_CHARS,
  TrainerLogError,
  diagnoseTrainerLog,
  movingMean,
  readTrainerLog,
  type LogSeries,
  type TrainerLog,
} from '../../src/logs/index.ts';
import {
  dpoRows,
  fixtureFiles,
  grpoRows,
  ktoRows,
  ppoRows,
  referenceFreeRows,
  slashPrefixed,
  summaryRow,
  trainerStateText,
  type Row,
} from '../../scripts/trlLogFixtures.ts';

const SHARED = new URL('../../../shared/fixtures/trl-logs/', import.meta.url);
const real = (name: string) => readFileSync(new URL(name, SHARED), 'utf8');
const lin = (a: number, b: number) => (t: number) => a + (b - a) * t;

/** The error readTrainerLog throws for `text` (fails the test when it throws none or another kind of thing). */
function errorOf(text: string): TrainerLogError {
  try {
    readTrainerLog(text);
  } catch (e) {
    expect(e).toBeInstanceOf(TrainerLogError);
    return e as TrainerLogError;
  }
  throw new Error('readTrainerLog did not throw');
}

/** Every series of a LogSeries has the length of its steps, and the steps increase strictly. */
function expectWellFormed(s: LogSeries): void {
  for (const [k, v] of Object.entries(s.series)) expect(v.length, k).toBe(s.step.length);
  for (let i = 1; i < s.step.length; i++) expect(s.step[i]).toBeGreaterThan(s.step[i - 1]);
}

function expectLog(log: TrainerLog): void {
  expectWellFormed(log.train);
  expectWellFormed(log.eval);
}

describe('real logs (../shared/fixtures/trl-logs)', () => {
  it('dpo_trl07: TRL 0.7 DPO, 100 train rows and 10 eval rows, old schema, summed log-probs, no β', () => {
    const text = real('dpo_trl07.json');
    const raw = JSON.parse(text.replace(/\bNaN\b/g, 'null')) as { log_history: Row[] };
    const log = readTrainerLog(text);
    expectLog(log);
    expect(log.trainer).toBe('dpo');
    expect(log.train.step).toEqual(Array.from({ length: 100 }, (_, i) => 10 * (i + 1)));
    expect(log.eval.step).toEqual(Array.from({ length: 10 }, (_, i) => 100 * (i + 1)));
    // Old schema: no grad_norm at all.
    expect(log.train.series.grad_norm).toBeUndefined();
    // Values are the file's, row by row, with the eval_ prefix removed.
    const trainRows = raw.log_history.filter((r) => 'loss' in r);
    expect(log.train.series['rewards/chosen'][0]).toBe(trainRows[0]['rewards/chosen']);
    expect(log.train.series.loss).toEqual(trainRows.map((r) => r.loss));
    expect(log.eval.series.loss[0]).toBe(raw.log_history.find((r) => 'eval_loss' in r)?.eval_loss);
    expect(Object.keys(log.eval.series).every((k) => !k.startsWith('eval'))).toBe(true);
    // The file's bare NaN: rewards/margins at step 390 (train) and eval_loss at step 600.
    expect(log.train.series['rewards/margins'][log.train.step.indexOf(390)]).toBeNaN();
    expect(log.eval.series.loss[log.eval.step.indexOf(600)]).toBeNaN();
    // logps/chosen ≈ −190 per sequence: summed over tokens; DPO's log does not show β.
    expect(log.logpUnit).toBe('summed');
    expect(log.beta).toBeNull();
  });

  it('dpo_trl07 shows a start at ln 2 and chosen rewards falling while margins grow; nothing else', () => {
    const log = readTrainerLog(real('dpo_trl07.json'));
    const found = diagnoseTrainerLog(log);
    expect(found.map((f) => f.id)).toEqual(['start-at-ln2', 'chosen-reward-falls']);
    // Step 10 logs loss 0.6934 and rewards of ~1e-3; step 20 logs 0.6919, already more than 1e-3 from ln 2.
    expect(found[0].steps).toEqual([10, 10]);
    expect(found[0].values.loss).toBe(0.6934);
    // rewards/chosen drifts from ~0 (steps 10–50) to about −0.5 … −1 (steps 300–370) while margins grow
    // from ~0.05 to ~0.4; it recovers toward 0 at the end, so the fall ends in the middle of the run.
    const [from, to] = found[1].steps;
    expect(from).toBeLessThanOrEqual(100);
    expect(to).toBeGreaterThanOrEqual(250);
    expect(to).toBeLessThanOrEqual(500);
    expect(found[1].values.chosenTo).toBeLessThan(-0.3);
    expect(found[1].values.marginsTo - found[1].values.marginsFrom).toBeGreaterThan(0.2);
  });

  it('orpo_llamafactory: LLaMA-Factory ORPO, 33 rows (summary row dropped), per-token means, β = 0.1', () => {
    const log = readTrainerLog(real('orpo_llamafactory.json'));
    expectLog(log);
    expect(log.trainer).toBe('orpo');
    expect(log.source).toBe('llamafactory');
    expect(log.train.step).toHaveLength(33);
    expect(log.train.step[32]).toBe(330);
    expect(log.eval.step).toEqual([]);
    expect(log.train.series.train_runtime).toBeUndefined();
    expect(log.train.series.odds_ratio_loss[0]).toBeCloseTo(10.1307, 4);
    expect(log.logpUnit).toBe('mean');
    expect(log.inferred.logpUnit).toBe('trainer');
    expect(log.beta).toBe(0.1);
    expect(log.inferred.beta).toBe('reward-ratio');
    // Loss falls from 1.05 to 0.13 (not ln 2, not ~0), chosen rewards rise (−0.098 → −0.007), accuracies
    // are multiples of 1/80 (a batch of 80 pairs per logged value), no NaN: nothing to report.
    expect(diagnoseTrainerLog(log)).toEqual([]);
  });

  it('grpo_negative and sft_only are refused, naming what they are', () => {
    const grpo = errorOf(real('grpo_negative.json'));
    expect(grpo.kind).toBe('not-preference');
    expect(grpo.found).toBe('grpo');
    expect(grpo.message).toMatch(/GRPO/);
    const sft = errorOf(real('sft_only.json'));
    expect(sft.kind).toBe('not-preference');
    expect(sft.found).toBe('sft');
    expect(sft.message).toMatch(/SFT|supervised/);
  });
});

describe('synthetic shapes', () => {
  it('KTO: kl with rewards/*, no rewards/accuracies', () => {
    const log = readTrainerLog(trainerStateText(ktoRows(20, () => 0.02)));
    expect(log.trainer).toBe('kto');
    expect(log.train.step).toHaveLength(20);
    expect(log.beta).toBeNull();
  });

  it('train/ and eval/ prefixed keys are split and stripped', () => {
    const rows = slashPrefixed(dpoRows({ rows: 30, chosen: lin(0, 0.3), margins: lin(0, 1), evalEvery: 10 }));
    expect(Object.keys(rows[0])).toContain('train/rewards/chosen');
    const log = readTrainerLog(trainerStateText(rows));
    expectLog(log);
    expect(log.trainer).toBe('dpo');
    expect(log.train.step).toHaveLength(30);
    expect(log.eval.step).toEqual([100, 200, 300]);
    expect(Object.keys(log.train.series)).toContain('rewards/chosen');
    expect(Object.keys(log.eval.series)).toContain('rewards/margins');
    expect(Object.keys(log.train.series).some((k) => k.startsWith('train/'))).toBe(false);
    // The summary row (train/train_runtime once stripped) is no training row.
    expect(log.train.series.train_runtime).toBeUndefined();
  });

  it('reads bare NaN, Infinity and -Infinity as numbers, and leaves strings that contain them alone', () => {
    const rows = dpoRows({ rows: 8, chosen: lin(0, 0.1), margins: lin(0, 0.2) });
    rows[2].loss = NaN;
    rows[3].grad_norm = Infinity;
    rows[4]['rewards/margins'] = -Infinity;
    const text = trainerStateText(rows, { best_model_checkpoint: 'out/NaN-Infinity-run', note: 'x "NaN" y' });
    expect(text).toMatch(/"loss": NaN/);
    expect(text).toMatch(/"grad_norm": Infinity/);
    expect(text).toMatch(/: -Infinity/);
    const log = readTrainerLog(text);
    expect(log.train.series.loss[2]).toBeNaN();
    expect(log.train.series.grad_norm[3]).toBe(Infinity);
    expect(log.train.series['rewards/margins'][4]).toBe(-Infinity);
    expect(log.train.series.loss[1]).toBe(rows[1].loss);
  });

  it('a key missing from a row is NaN there', () => {
    const rows = dpoRows({ rows: 6, chosen: lin(0, 0.1), margins: lin(0, 0.2) });
    delete rows[1].grad_norm;
    const log = readTrainerLog(trainerStateText(rows));
    expect(log.train.series.grad_norm[1]).toBeNaN();
    expect(log.train.series.grad_norm[0]).toBe(rows[0].grad_norm);
  });

  it('resumed checkpoints: a repeated step keeps the last row, steps stay sorted', () => {
    const first = dpoRows({ rows: 20, chosen: lin(0, 0.2), margins: lin(0, 1), seed: 5 });
    const second = dpoRows({ rows: 20, chosen: lin(0, 0.2), margins: lin(0, 1), seed: 6 });
    // Run 1 logged steps 10–120, was resumed from step 80 and logged 90–200 again with other numbers.
    const rows = [...first.slice(0, 12), ...second.slice(8)];
    const log = readTrainerLog(trainerStateText(rows));
    expectLog(log);
    expect(log.train.step).toEqual(Array.from({ length: 20 }, (_, i) => 10 * (i + 1)));
    const at = (s: number) => log.train.series.loss[log.train.step.indexOf(s)];
    expect(at(100)).toBe(second[9].loss);
    expect(at(80)).toBe(first[7].loss);
  });

  it('ORPO with TRL names, CPO and SimPO: recognised, β read off rewards = β·logps', () => {
    const orpo = readTrainerLog(trainerStateText(referenceFreeRows('orpo-trl', 0.25, lin(-1.4, -0.6))));
    expect([orpo.trainer, orpo.source, orpo.logpUnit, orpo.beta]).toEqual(['orpo', 'trl', 'mean', 0.25]);
    const simpo = readTrainerLog(trainerStateText(referenceFreeRows('cpo', 2, lin(-1.1, -0.9))));
    expect([simpo.trainer, simpo.logpUnit, simpo.beta]).toEqual(['cpo', 'mean', 2]);
    expect(simpo.inferred.logpUnit).toBe('reward-ratio');
    // TRL's CPO with the sigmoid loss sums log-probs: rewards are still β·logps, the size says summed.
    const cpo = readTrainerLog(trainerStateText(referenceFreeRows('cpo', 0.1, lin(-180, -150))));
    expect([cpo.trainer, cpo.logpUnit, cpo.beta]).toEqual(['cpo', 'summed', 0.1]);
    // LLaMA-Factory's SimPO logs DPO's names; rewards = β·logps on every row say it has no reference.
    const lf = readTrainerLog(
      trainerStateText(referenceFreeRows('simpo-llamafactory', 2.5, lin(-1.3, -0.8))),
    );
    expect([lf.trainer, lf.logpUnit, lf.beta]).toEqual(['cpo', 'mean', 2.5]);
  });

  it('an old DPO log with rpo_alpha (nll_loss, rewards with a reference) stays DPO', () => {
    const rows = dpoRows({ rows: 20, chosen: lin(0, 0.2), margins: lin(0, 1) });
    for (const r of rows) if ('loss' in r) r.nll_loss = 1.2;
    expect(readTrainerLog(trainerStateText(rows)).trainer).toBe('dpo');
  });

  it('DPO: β is not in the log; per-token means by size, unknown in between', () => {
    const mean = readTrainerLog(
      trainerStateText(dpoRows({ rows: 20, chosen: lin(0, 0.2), margins: lin(0, 1), summed: false })),
    );
    expect([mean.trainer, mean.beta, mean.logpUnit, mean.inferred.logpUnit]).toEqual([
      'dpo',
      null,
      'mean',
      'magnitude',
    ]);
    const rows = dpoRows({ rows: 20, chosen: lin(0, 0.2), margins: lin(0, 1) });
    for (const r of rows)
      if ('logps/chosen' in r) Object.assign(r, { 'logps/chosen': -14, 'logps/rejected': -15 });
    expect(readTrainerLog(trainerStateText(rows)).logpUnit).toBe('unknown');
  });

  it('reads a 12 MB log (time printed, not asserted)', () => {
    const rows = dpoRows({ rows: 30_000, every: 1, chosen: lin(0, -1), margins: lin(0, 4), evalEvery: 500 });
    const nanRow = rows.find((r) => r.step === 1000 && 'loss' in r);
    if (nanRow) nanRow.loss = NaN;
    const text = trainerStateText(rows);
    expect(text.length).toBeGreaterThan(12e6);
    const t0 = performance.now();
    const log = readTrainerLog(text);
    const t1 = performance.now();
    const found = diagnoseTrainerLog(log);
    const t2 = performance.now();
    console.log(
      `12 MB log: ${(text.length / 1e6).toFixed(1)} M chars, read ${(t1 - t0).toFixed(0)} ms, diagnosed ${(t2 - t1).toFixed(0)} ms`,
    );
    expect(log.train.step).toHaveLength(30_000);
    expect(log.eval.step).toHaveLength(60);
    expect(log.train.series.loss[log.train.step.indexOf(1000)]).toBeNaN();
    expect(found.map((f) => f.id)).toContain('diverged');
  });
});

describe('errors', () => {
  it('a truncated file is not-json', () => {
    const text = real('dpo_trl07.json');
    const e = errorOf(text.slice(0, Math.floor(text.length / 2)));
    expect(e.kind).toBe('not-json');
    expect(e.message.length).toBeGreaterThan(20);
  });

  it('200 MB is too-large, refused before any parsing', () => {
    // Not JSON at all: were it parsed first, the error would be not-json.
    const huge = 'x'.repeat(200 * 1024 * 1024);
    const e = errorOf(huge);
    expect(e.kind).toBe('too-large');
    expect(e.message).toMatch(/100 MB/);
    expect(errorOf('x'.repeat(MAX_LOG_CHARS)).kind).toBe('not-json');
  });

  it('empty text, an empty log_history, and a log of summary rows only are empty', () => {
    expect(errorOf('').kind).toBe('empty');
    expect(errorOf('  \n').kind).toBe('empty');
    expect(errorOf('{"log_history": []}').kind).toBe('empty');
    expect(errorOf(trainerStateText([summaryRow(100, 0.5)])).kind).toBe('empty');
  });

  it('JSON without a log_history is no-log-history', () => {
    expect(errorOf('{"global_step": 10}').kind).toBe('no-log-history');
    expect(errorOf('[1, 2, 3]').kind).toBe('no-log-history');
    expect(errorOf('42').kind).toBe('no-log-history');
    expect(errorOf('{"log_history": {"step": 1}}').kind).toBe('no-log-history');
  });

  it('a bare log_history array (pasted alone) is read', () => {
    const rows = dpoRows({ rows: 10, chosen: lin(0, 0.1), margins: lin(0, 0.3) });
    expect(readTrainerLog(JSON.stringify(rows)).train.step).toHaveLength(10);
  });

  it('GRPO, PPO, SFT and unknown logs are not-preference with what they are', () => {
    const found = (rows: Row[]) => errorOf(trainerStateText(rows));
    expect(found(grpoRows(10)).found).toBe('grpo');
    expect(found(ppoRows(10)).found).toBe('ppo');
    const sft = [1, 2, 3].map((s) => ({
      step: s,
      loss: 2 / s,
      grad_norm: 1,
      learning_rate: 1e-5,
      epoch: s / 3,
    }));
    expect(found(sft).found).toBe('sft');
    const other = [1, 2].map((s) => ({ step: s, 'accuracy/top1': 0.5 }));
    const e = found(other);
    expect([e.kind, e.found]).toEqual(['not-preference', 'unknown']);
  });

  it('the committed synthetic fixtures are what scripts/trlLogFixtures.ts writes', () => {
    const dir = new URL('../fixtures/trl-logs/', import.meta.url);
    const files = fixtureFiles();
    expect(readdirSync(dir).sort()).toEqual(Object.keys(files).sort());
    for (const [name, text] of Object.entries(files))
      expect(readFileSync(new URL(name, dir), 'utf8')).toBe(text);
  });

  it('every written synthetic fixture reads (or is refused as the GRPO one is)', () => {
    for (const [name, text] of Object.entries(fixtureFiles())) {
      if (name.startsWith('grpo')) expect(errorOf(text).found).toBe('grpo');
      else expectLog(readTrainerLog(text));
    }
  });
});

describe('movingMean', () => {
  it('averages a centred window, truncated at the ends, skipping NaN', () => {
    expect(movingMean([1, 2, 3, 4, 5], 3)).toEqual([1.5, 2, 3, 4, 4.5]);
    expect(movingMean([1, NaN, 3], 3)).toEqual([1, 2, 3]);
    expect(movingMean([NaN, NaN, 3], 1)[0]).toBeNaN();
  });
});

describe('random input', () => {
  const KINDS = ['not-json', 'no-log-history', 'not-preference', 'empty', 'too-large'];

  /** Reads `text`; anything thrown must be a TrainerLogError with a known kind; a read log must diagnose. */
  function readsOrRefuses(text: string): boolean {
    try {
      const log = readTrainerLog(text);
      diagnoseTrainerLog(log);
      expectLog(log);
      return true;
    } catch (e) {
      return e instanceof TrainerLogError && KINDS.includes(e.kind) && e.message.length > 0;
    }
  }

  it('random text, random JSON and damaged real logs never throw anything but an Error with a kind', () => {
    const base = real('dpo_trl07.json');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.jsonValue().map((v) => JSON.stringify({ log_history: [v, { step: 1, loss: 0.7, kl: v }] })),
          fc
            .tuple(fc.nat(base.length), fc.nat(200), fc.string())
            .map(([at, cut, s]) => base.slice(0, at) + s + base.slice(at + cut)),
          fc
            .array(
              fc.dictionary(
                fc.constantFrom(
                  'step',
                  'loss',
                  'rewards/chosen',
                  'eval_loss',
                  'kl',
                  'rewards/accuracies',
                  'logps/chosen',
                  'train_runtime',
                ),
                fc.oneof(fc.double(), fc.constant(null), fc.string()),
              ),
            )
            .map((rows) => JSON.stringify({ log_history: rows })),
        ),
        readsOrRefuses,
      ),
      { numRuns: 400 },
    );
  });
});
