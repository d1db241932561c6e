// Benchmark of the toy trainer: one 300-step run with K = 4 per loss, and the default screen's full
// recompute (sigmoid, ipo and kto trajectories plus a 40-point β sweep for each), what the app redoes on a
// slider event. Run: npx tsx bench/toy.bench.ts
// Times are medians over many samples after a warm-up; every result feeds a sink so the JIT cannot drop work.
import {
  DEFAULT_SCENARIO_ID,
  PAIR_LOSS_TYPES,
  betaSweep,
  findScenario,
  logGrid,
  trainToyPolicy,
  unpairedFromPairs,
  type ToyLossType,
  type ToyPair,
  type ToyProblem,
  type ToyTrainConfig,
} from '../src/math/index.ts';
import { median, quantile } from './stats.ts';

const RUN_TARGET_MS = 0.2;
const RECOMPUTE_TARGET_MS = 8;
const STEPS = 300;
const SCREEN_LOSSES: ToyLossType[] = ['sigmoid', 'ipo', 'kto'];

/** Everything computed is added here and printed at the end, so no call is dead code. */
let sink = 0;

/**
 * Milliseconds per call of each of `cases`, one value per round. The cases take turns (round-robin, a
 * batch of calls each) so that a burst of load on this shared 2-core machine hits all of them alike
 * instead of spoiling one row; the median over rounds then discards the bursts.
 */
function timeRoundRobin(cases: (() => number)[], rounds: number, batch: number, warmup: number): number[][] {
  for (const fn of cases) for (let i = 0; i < warmup; i++) sink += fn();
  const times = cases.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++)
    cases.forEach((fn, c) => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) sink += fn();
      times[c].push(Number(process.hrtime.bigint() - t0) / 1e6 / batch);
    });
  return times;
}

const identity = (K: number) =>
  Array.from({ length: K }, (_, i) => Array.from({ length: K }, (_, j) => (i === j ? 1 : 0)));

// K = 4, two pairs (one noisy, so its flip is evaluated too) and their unpaired KTO form: the shape of the
// shared test vectors, and a little more work per step than the default scenario's single pair.
const PAIRS: ToyPair[] = [
  { chosen: 0, rejected: 1, p: 0.8 },
  { chosen: 2, rejected: 1, p: 1, weight: 0.5 },
];
const REF = [1, 0.5, 0, -0.5];
const TABULAR: ToyProblem = {
  policy: { baseLogits: REF.slice(), features: identity(4) },
  refLogits: REF,
  pairs: PAIRS,
  unpaired: unpairedFromPairs(PAIRS),
};
const SHARED: ToyProblem = {
  ...TABULAR,
  policy: {
    baseLogits: REF.slice(),
    features: [
      [1, 0.3],
      [1.1, 0.2],
      [0.2, 1],
      [-0.3, 0.5],
    ],
  },
};

function configFor(type: ToyLossType, base: ToyTrainConfig['loss'] = { type, beta: 0.1 }): ToyTrainConfig {
  return {
    loss: { ...base, type, labelSmoothing: type === 'exo_pair' ? 1e-3 : 0.1 },
    optimizer: 'adam',
    learningRate: 0.05,
    steps: STEPS,
  };
}

/** One run as the app uses it: validate, train, record, and read what the plots read. */
function oneRun(problem: ToyProblem, config: ToyTrainConfig): number {
  const run = trainToyPolicy(problem, config);
  return run.probs[STEPS][0] + run.loss[STEPS] + run.margins[STEPS].length;
}

/** Everything the default screen recomputes: three trajectories and a β sweep for each loss. */
function fullRecompute(problem: ToyProblem, base: ToyTrainConfig): [number, number] {
  let acc = 0;
  let trained = 0;
  const betas = logGrid(1e-3, 10, 40);
  for (const type of SCREEN_LOSSES) {
    const config = { ...base, loss: { ...base.loss, type } };
    acc += oneRun(problem, config);
    const sweep = betaSweep(problem, config, betas);
    acc += sweep.probs[20][0];
    trained += sweep.closedForm.filter((c) => !c).length;
  }
  return [acc, trained];
}

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
}

function report(label: string, times: number[], target: number, widths: number[], extra = ''): string {
  const med = median(times);
  return row(
    [
      label,
      med.toFixed(3),
      quantile(times, 0.9).toFixed(3),
      target.toFixed(1),
      med <= target ? 'ok' : 'OVER',
      extra,
    ],
    widths,
  );
}

const started = performance.now();
const widths = [34, 9, 9, 7, 5, 22];
console.log(`Toy trainer, ${STEPS} steps, K = 4, Adam (node ${process.version})`);
console.log('median and 90th percentile over rounds of the per-call time of a batch\n');
console.log(row(['one run', 'median ms', 'p90 ms', 'target', '', ''], widths));
const runs: [string, ToyProblem, ToyTrainConfig][] = [
  ...[...PAIR_LOSS_TYPES, 'kto' as const].map((type): [string, ToyProblem, ToyTrainConfig] => [
    type,
    TABULAR,
    configFor(type),
  ]),
  ['sigmoid, shared features (d = 2)', SHARED, configFor('sigmoid')],
  ['kto, shared features (d = 2)', SHARED, configFor('kto')],
  ['sigmoid, SGD', TABULAR, { ...configFor('sigmoid'), optimizer: 'sgd' }],
];
const runTimes = timeRoundRobin(
  runs.map(
    ([, problem, config]) =>
      () =>
        oneRun(problem, config),
  ),
  60,
  25,
  300,
);
runs.forEach(([label], i) => console.log(report(label, runTimes[i], RUN_TARGET_MS, widths)));

console.log(
  '\n' +
    row(
      ['full recompute (3 runs + 3 β sweeps)', 'median ms', 'p90 ms', 'target', '', 'β points trained'],
      widths,
    ),
);
const start = findScenario(DEFAULT_SCENARIO_ID);
if (!start) throw new Error(`no scenario ${DEFAULT_SCENARIO_ID}`);
const screens: [string, ToyProblem, ToyTrainConfig][] = [
  [`default screen ('${DEFAULT_SCENARIO_ID}')`, start.problem, start.config],
  ['no closed form anywhere (2 pairs)', TABULAR, configFor('sigmoid')],
];
const screenTimes = timeRoundRobin(
  screens.map(
    ([, problem, config]) =>
      () =>
        fullRecompute(problem, config)[0],
  ),
  100,
  2,
  10,
);
screens.forEach(([label, problem, config], i) => {
  const trained = fullRecompute(problem, config)[1];
  console.log(
    report(label, screenTimes[i], RECOMPUTE_TARGET_MS, widths, `${trained} of ${SCREEN_LOSSES.length * 40}`),
  );
});
console.log(`\n(total ${((performance.now() - started) / 1000).toFixed(1)} s; sink ${sink.toPrecision(6)})`);
