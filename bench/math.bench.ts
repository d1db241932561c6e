// Benchmark of the math core: one loss evaluation and one 400-point curve per loss type, and all 15 curves
// together (what the app recomputes on a slider event). Run: npx tsx bench/math.bench.ts
// Times are medians over many samples after a warm-up; every result feeds a sink so the JIT cannot drop work.
import {
  KTO_LOSS_TYPES,
  PAIR_LOSS_TYPES,
  ktoLoss,
  ktoPairCurve,
  marginGrid,
  pairLoss,
  pairLossCurve,
  type KtoInput,
  type KtoLossType,
  type KtoParams,
  type MarginCurve,
  type PairInput,
  type PairLossParams,
  type PairLossType,
} from '../src/math/index.ts';
import { median, quantile } from './stats.ts';

const TARGET_MS = 1;
const POINTS = 400;
const BETA = 0.1;

/** Everything computed is added here and printed at the end, so no call is dead code. */
let sink = 0;

function now(): bigint {
  return process.hrtime.bigint();
}

/**
 * Time per call of `fn` in ns, one value per sample: `samples` timed batches of `batch` calls each, after
 * `warmup` untimed calls. The call index is passed so that inputs can rotate.
 */
function timePerCall(fn: (i: number) => number, batch: number, samples: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) sink += fn(i);
  const times: number[] = [];
  let k = 0;
  for (let s = 0; s < samples; s++) {
    const t0 = now();
    for (let i = 0; i < batch; i++) sink += fn(k++);
    times.push(Number(now() - t0) / batch);
  }
  return times;
}

function formatTime(ns: number): string {
  if (ns < 1e3) return `${ns.toFixed(0)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${(ns / 1e6).toFixed(3)} ms`;
}

// ---- inputs ------------------------------------------------------------------------------------------

/** A ring of varied, valid pairs (summed log-probs of a few dozen tokens), so no call sees constants. */
const RING = 256;
const pairs: PairInput[] = Array.from({ length: RING }, (_, i) => {
  const u = (i * 0.618034) % 1;
  const v = (i * 0.414214) % 1;
  return {
    policyChosen: -5 - 40 * u,
    refChosen: -6 - 38 * v,
    policyRejected: -7 - 45 * v,
    refRejected: -5 - 41 * u,
    chosenLength: 1 + (i % 37),
    rejectedLength: 1 + ((i * 7) % 41),
  };
});
const ktoInputs: KtoInput[] = pairs.map((p, i) => ({
  policy: p.policyChosen,
  ref: p.refChosen,
  desirable: i % 2 === 0,
}));

function pairParams(type: PairLossType): PairLossParams {
  switch (type) {
    case 'cdpo':
    case 'robust':
      return { beta: BETA, labelSmoothing: 0.1 };
    case 'exo_pair':
      return { beta: BETA, labelSmoothing: 1e-3 };
    default:
      return { beta: BETA };
  }
}
const ktoParams: KtoParams = { beta: BETA, z0: 0.5, desirableWeight: 1, undesirableWeight: 1.2 };
const center: PairInput = pairs[3];
const grid = marginGrid(BETA, POINTS);

/**
 * Unpaired APO-zero on the pair split into a desirable y_w and an undesirable y_l, through ktoLoss point by
 * point (bench-only: ktoPairCurve computes KTO). Log-ratios are placed on whichever log-prob keeps both ≤ 0.
 */
function ktoLossCurve(type: KtoLossType, params: KtoParams, margin: Float64Array, c: PairInput): MarginCurve {
  const n = margin.length;
  const curve: MarginCurve = {
    margin,
    loss: new Float64Array(n),
    dChosen: new Float64Array(n),
    dRejected: new Float64Array(n),
  };
  const cw = c.policyChosen - c.refChosen;
  const cl = c.policyRejected - c.refRejected;
  const h0 = cw - cl;
  for (let i = 0; i < n; i++) {
    const half = (margin[i] - h0) / 2;
    const rw = cw + half;
    const rl = cl - half;
    const up = ktoLoss(type, { policy: Math.min(rw, 0), ref: Math.min(-rw, 0), desirable: true }, params);
    const down = ktoLoss(type, { policy: Math.min(rl, 0), ref: Math.min(-rl, 0), desirable: false }, params);
    curve.loss[i] = up.loss + down.loss;
    curve.dChosen[i] = up.dPolicy;
    curve.dRejected[i] = down.dPolicy;
  }
  return curve;
}

type RowType = PairLossType | KtoLossType;
const ROWS: RowType[] = [...PAIR_LOSS_TYPES, ...KTO_LOSS_TYPES];

function isPairType(t: RowType): t is PairLossType {
  return (PAIR_LOSS_TYPES as readonly string[]).includes(t);
}

function singleCall(t: RowType): (i: number) => number {
  if (isPairType(t)) {
    const params = pairParams(t);
    return (i) => {
      const r = pairLoss(t, pairs[i & (RING - 1)], params);
      return r.loss + r.dPolicyChosen;
    };
  }
  return (i) => {
    const r = ktoLoss(t, ktoInputs[i & (RING - 1)], ktoParams);
    return r.loss + r.dPolicy;
  };
}

function curveOf(t: RowType): MarginCurve {
  if (isPairType(t)) return pairLossCurve(t, pairParams(t), grid, center);
  if (t === 'kto') return ktoPairCurve(ktoParams, grid, center);
  return ktoLossCurve(t, ktoParams, grid, center);
}

/** Reads a point that depends on the whole loop (the last one) and one that rotates. */
function curveSink(c: MarginCurve, i: number): number {
  return c.loss[POINTS - 1] + c.dChosen[i % POINTS];
}

// ---- run ---------------------------------------------------------------------------------------------

const started = now();
const rows: { type: RowType; call: number; curve: number }[] = [];
for (const t of ROWS) {
  const call = median(timePerCall(singleCall(t), 2000, 400, 20_000));
  const curve = median(timePerCall((i) => curveSink(curveOf(t), i), 10, 400, 200));
  rows.push({ type: t, call, curve });
}

/** All 15 curves, as the app needs them after one slider event (the grid included). */
function allCurves(i: number): number {
  const g = marginGrid(BETA + (i & 1) * 1e-9, POINTS);
  let s = g[i % POINTS];
  for (const t of PAIR_LOSS_TYPES) s += curveSink(pairLossCurve(t, pairParams(t), g, center), i);
  s += curveSink(ktoPairCurve(ktoParams, g, center), i);
  s += curveSink(ktoLossCurve('apo_zero_unpaired', ktoParams, g, center), i);
  return s;
}
const totals = timePerCall(allCurves, 1, 2000, 100);
const total = median(totals);
const elapsed = Number(now() - started) / 1e9;

const w = Math.max(...ROWS.map((t) => t.length));
const line = '-'.repeat(w + 32);
console.log(`math core benchmark — node ${process.version}, β = ${BETA}, ${POINTS}-point curves, medians`);
console.log(line);
console.log(`${'loss type'.padEnd(w)}  ${'one call'.padStart(12)}  ${'one curve'.padStart(14)}`);
console.log(line);
for (const r of rows) {
  console.log(`${r.type.padEnd(w)}  ${formatTime(r.call).padStart(12)}  ${formatTime(r.curve).padStart(14)}`);
}
console.log(line);
const verdict = total / 1e6 < TARGET_MS ? 'meets' : 'MISSES';
console.log(
  `all ${ROWS.length} curves together: median ${formatTime(total)} (p95 ${formatTime(quantile(totals, 0.95))})` +
    ` — ${verdict} the target (< ${TARGET_MS} ms)`,
);
console.log(
  `(apo_zero_unpaired curve: ktoLoss point by point; ran ${elapsed.toFixed(1)} s; checksum ${sink.toPrecision(6)})`,
);
