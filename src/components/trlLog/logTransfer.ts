// The worker's answer to "read this log", made cheap to hand over. A 10 MB log's result is ~20 number arrays
// of 20,000 rows each; posted as number[] the structured clone of those arrays held the page's main thread
// for ~170 ms (measured with bench/trlLogOpen.ts). Posted as Float64Arrays whose buffers are transferred, the
// page receives them without a copy and turns them back into number[] (what TrainerLog promises, CONVENTIONS
// §10) in a few milliseconds. NaN and ±∞ (rows without a key, logged NaN) survive Float64 unchanged.
import type { LogSeries, TrainerLog } from '../../logs/index.ts';
import type { LogReadResult } from '../../derive/trlLog.ts';

interface PackedSeries {
  step: Float64Array;
  series: Record<string, Float64Array>;
}

/** A LogReadResult as the worker posts it: the log's number arrays as Float64Arrays. */
export type PackedLogResult =
  | Exclude<LogReadResult, { ok: true }>
  | {
      ok: true;
      log: Omit<TrainerLog, 'train' | 'eval'> & { train: PackedSeries; eval: PackedSeries };
      findings: Extract<LogReadResult, { ok: true }>['findings'];
    };

function packSeries(part: LogSeries, transfer: ArrayBuffer[]): PackedSeries {
  const pack = (values: readonly number[]) => {
    const a = Float64Array.from(values);
    transfer.push(a.buffer);
    return a;
  };
  const series: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(part.series)) series[k] = pack(v);
  return { step: pack(part.step), series };
}

function unpackSeries(part: PackedSeries): LogSeries {
  const series: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(part.series)) series[k] = Array.from(v);
  return { step: Array.from(part.step), series };
}

/** The result to post and the buffers to transfer with it (they are the worker's no longer). */
export function packLogResult(result: LogReadResult): {
  packed: PackedLogResult;
  transfer: ArrayBuffer[];
} {
  if (!result.ok) return { packed: result, transfer: [] };
  const transfer: ArrayBuffer[] = [];
  const { log } = result;
  const packed: PackedLogResult = {
    ok: true,
    log: { ...log, train: packSeries(log.train, transfer), eval: packSeries(log.eval, transfer) },
    findings: result.findings,
  };
  return { packed, transfer };
}

/** What packLogResult packed, with number[] again. */
export function unpackLogResult(packed: PackedLogResult): LogReadResult {
  if (!packed.ok) return packed;
  const { log } = packed;
  return {
    ok: true,
    log: { ...log, train: unpackSeries(log.train), eval: unpackSeries(log.eval) },
    findings: packed.findings,
  };
}
