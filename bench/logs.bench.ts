// Time to read and diagnose a large training log (issue 14: a 10+ MB trainer_state.json must not freeze the
// page). Run: npx tsx bench/logs.bench.ts. Prints medians; asserts nothing (timings depend on the machine).
import { diagnoseTrainerLog, readTrainerLog } from '../src/logs/index.ts';
import { parseTolerantJson } from '../src/logs/tolerantJson.ts';
import { dpoRows, trainerStateText } from '../scripts/trlLogFixtures.ts';
import { median } from './stats.ts';

const lin = (a: number, b: number) => (t: number) => a + (b - a) * t;

function time(f: () => unknown, runs = 5): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

for (const rows of [8_000, 30_000]) {
  const history = dpoRows({ rows, every: 1, chosen: lin(0, -1), margins: lin(0, 4), evalEvery: 500 });
  const clean = trainerStateText(history);
  // The same log with bare NaN tokens, so the tolerant pass runs.
  history[3].loss = NaN;
  const withNaN = trainerStateText(history);
  const log = readTrainerLog(withNaN);
  const mb = (withNaN.length / 1e6).toFixed(1);
  console.log(`${rows} rows, ${mb} M chars:`);
  console.log(`  JSON.parse alone              ${time(() => JSON.parse(clean)).toFixed(0)} ms`);
  console.log(`  tolerant parse, no NaN        ${time(() => parseTolerantJson(clean)).toFixed(0)} ms`);
  console.log(`  tolerant parse, bare NaN      ${time(() => parseTolerantJson(withNaN)).toFixed(0)} ms`);
  console.log(`  readTrainerLog                ${time(() => readTrainerLog(withNaN)).toFixed(0)} ms`);
  console.log(`  diagnoseTrainerLog            ${time(() => diagnoseTrainerLog(log)).toFixed(0)} ms`);
}
