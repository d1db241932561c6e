// The worker's hand-over of a read log (components/trlLog/logTransfer.ts): its number arrays travel as
// transferred Float64Array buffers and come back as the same number[] (NaN, ±∞ and float32 values intact);
// a refused log passes as it is.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readLogResult } from '../../src/derive/trlLog.ts';
import { packLogResult, unpackLogResult } from '../../src/components/trlLog/logTransfer.ts';

const text = (dir: string, name: string) => readFileSync(resolve(dir, name), 'utf8');

describe('packLogResult / unpackLogResult', () => {
  it('round-trips a log through a structured clone that transfers every series buffer', () => {
    for (const [dir, name] of [
      ['../shared/fixtures/trl-logs', 'dpo_trl07.json'],
      ['tests/fixtures/trl-logs', 'dpo_batch2_nan.json'],
      ['tests/fixtures/trl-logs', 'orpo_trl.json'],
    ]) {
      const result = readLogResult(text(dir, name));
      if (!result.ok) throw new Error(`${name} should read`);
      const { packed, transfer } = packLogResult(result);
      const arrays =
        2 + Object.keys(result.log.train.series).length + Object.keys(result.log.eval.series).length;
      expect(transfer).toHaveLength(arrays);
      expect(new Set(transfer).size).toBe(arrays);
      const received = structuredClone(packed, { transfer });
      // Transferred, not copied: the sender's buffers are gone.
      expect(transfer.every((b) => b.byteLength === 0)).toBe(true);
      const back = unpackLogResult(received);
      expect(back).toEqual(result);
      if (!back.ok) throw new Error('unreachable');
      expect(Array.isArray(back.log.train.step)).toBe(true);
      expect(Object.values(back.log.train.series).every((v) => Array.isArray(v))).toBe(true);
    }
  });

  it('keeps NaN and ±∞ rows as they were logged', () => {
    const result = readLogResult(text('tests/fixtures/trl-logs', 'dpo_batch2_nan.json'));
    if (!result.ok) throw new Error('should read');
    const grad = result.log.train.series.grad_norm;
    expect(grad.some((x) => x === Infinity)).toBe(true);
    expect(grad.some((x) => Number.isNaN(x))).toBe(true);
    const { packed, transfer } = packLogResult(result);
    const back = unpackLogResult(structuredClone(packed, { transfer }));
    expect(back.ok && back.log.train.series.grad_norm.map(String)).toEqual(grad.map(String));
  });

  it('passes a refused log through with nothing to transfer', () => {
    const refused = readLogResult('{"log_history": [');
    const { packed, transfer } = packLogResult(refused);
    expect(transfer).toEqual([]);
    expect(unpackLogResult(packed)).toEqual(refused);
  });
});
