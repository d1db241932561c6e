// Training runs in a form that crosses from a worker to the page at no cost: every series one Float64Array
// whose buffer is transferred, not copied. Structured-cloning the runs as they are (a 2,000-step run is 2,001
// small arrays of probabilities, and 15 such runs) took the page ~0.5 s in one task; rebuilding the same
// arrays from flat columns is a few milliseconds.
import type { ToyRuns } from './toy.ts';
import type { TrainingRunInput } from './types.ts';

interface PackedRun {
  id: TrainingRunInput['id'];
  /** probs[t][k] at t·K + k. */
  probs: Float64Array;
  responses: number;
  /** In the run's order; null: the metric is the `loss` series itself (the recorder hands out one array). */
  metrics: [string, Float64Array | null][];
  chosenLogRatio: Float64Array;
  rejectedLogRatio: Float64Array;
  loss: Float64Array;
  divergence: TrainingRunInput['divergence'];
  /** A moving reference's probabilities, laid out as probs; null when the reference is fixed. */
  refProbs: Float64Array | null;
}

export interface PackedRuns {
  runs: PackedRun[];
  untrainable: ToyRuns['untrainable'];
}

/** rows[t][k] at t·K + k. */
function packRows(rows: readonly number[][], K: number): Float64Array {
  const flat = new Float64Array(rows.length * K);
  for (let t = 0; t < rows.length; t++) flat.set(rows[t], t * K);
  return flat;
}

function unpackRows(flat: Float64Array, K: number): number[][] {
  const T = K > 0 ? flat.length / K : 0;
  const rows = new Array<number[]>(T);
  for (let t = 0; t < T; t++) {
    const row = new Array<number>(K);
    for (let k = 0; k < K; k++) row[k] = flat[t * K + k];
    rows[t] = row;
  }
  return rows;
}

function packRun(run: TrainingRunInput): PackedRun {
  const T = run.probs.length;
  const K = T > 0 ? run.probs[0].length : 0;
  const probs = packRows(run.probs, K);
  const metrics = Object.entries(run.metrics).map(([name, values]): [string, Float64Array | null] => [
    name,
    values === run.loss ? null : Float64Array.from(values),
  ]);
  return {
    id: run.id,
    probs,
    responses: K,
    metrics,
    chosenLogRatio: Float64Array.from(run.chosenLogRatio),
    rejectedLogRatio: Float64Array.from(run.rejectedLogRatio),
    loss: Float64Array.from(run.loss),
    divergence: run.divergence ?? null,
    refProbs: run.refProbs ? packRows(run.refProbs, K) : null,
  };
}

/** The runs packed, and the buffers to transfer with them. */
export function packRuns(r: ToyRuns): { packed: PackedRuns; transfer: ArrayBuffer[] } {
  const runs = r.runs.map(packRun);
  const transfer: ArrayBuffer[] = [];
  for (const p of runs) {
    const arrays = [
      p.probs,
      p.chosenLogRatio,
      p.rejectedLogRatio,
      p.loss,
      p.refProbs,
      ...p.metrics.map(([, v]) => v),
    ];
    for (const a of arrays) if (a) transfer.push(a.buffer as ArrayBuffer);
  }
  return { packed: { runs, untrainable: r.untrainable }, transfer };
}

function unpackRun(p: PackedRun): TrainingRunInput {
  const K = p.responses;
  const probs = unpackRows(p.probs, K);
  const loss = Array.from(p.loss);
  const metrics: Record<string, number[]> = {};
  for (const [name, values] of p.metrics) metrics[name] = values ? Array.from(values) : loss;
  return {
    id: p.id,
    probs,
    metrics,
    chosenLogRatio: Array.from(p.chosenLogRatio),
    rejectedLogRatio: Array.from(p.rejectedLogRatio),
    loss,
    divergence: p.divergence,
    ...(p.refProbs ? { refProbs: unpackRows(p.refProbs, K) } : {}),
  };
}

/** The runs as computeTrainingRuns returned them (equal entry for entry, metric order included). */
export function unpackRuns(p: PackedRuns): ToyRuns {
  return { runs: p.runs.map(unpackRun), untrainable: p.untrainable };
}
