// Heavy trainings (derive/toy.ts isHeavyTraining) run in a Web Worker, one at a time. There are two slots,
// the main run's and the compared run's; in each only the newest request matters: a request made while an
// older one of the same slot is running replaces it as the next one, and a finished result that is no
// longer wanted is dropped. A wanted result is handed to that slot's memo (trainingRunsOf /
// compareRunsOf), so every view and readout reads the same runs as if they had been computed in place, and
// subscribers re-render. Without Worker support (tests, very old browsers, a page that forbids blob:
// workers) the training runs on the main thread in a task of its own, after the render that asked for it.
import { compareRunsOf } from '../../derive/compare.ts';
import { TOY_FIELDS, trainingRunsOf, type RunsMemo, type ToyFields, type ToyRuns } from '../../derive/toy.ts';
import { sameFields } from '../../state/pickFields.ts';
import { unpackRuns, type PackedRuns } from '../../derive/packedRuns.ts';

export type RunsSlot = 'main' | 'compare';

const MEMOS: Record<RunsSlot, RunsMemo> = { main: trainingRunsOf, compare: compareRunsOf };

interface Reply {
  id: number;
  packed?: PackedRuns;
  error?: string;
}

/** The newest fields asked for in each slot, until their runs are in the slot's memo. */
const wanted: Record<RunsSlot, ToyFields | null> = { main: null, compare: null };
/** Fields whose training failed (a throw): the hook then trains in place, so the error boundary shows it. */
const failed: Record<RunsSlot, ToyFields | null> = { main: null, compare: null };
let running: { id: number; slot: RunsSlot; fields: ToyFields } | null = null;
let nextId = 0;
let worker: Worker | null = null;
let workerFailed = false;
let version = 0;
const listeners = new Set<() => void>();

function notify(): void {
  version++;
  for (const l of listeners) l();
}

function finish(slot: RunsSlot, fields: ToyFields, result: { runs?: ToyRuns; error?: string }): void {
  const current = wanted[slot];
  // Superseded while it ran: the newer request follows.
  if (current && sameFields(current, fields, TOY_FIELDS)) {
    wanted[slot] = null;
    if (result.runs) MEMOS[slot].prime(fields, result.runs);
    else failed[slot] = fields;
    notify();
  }
}

function createWorker(Ctor: new () => Worker): Worker {
  const w = new Ctor();
  w.onmessage = (e: MessageEvent<Reply>) => {
    const job = running;
    running = null;
    const { packed, error } = e.data;
    if (job && job.id === e.data.id)
      finish(job.slot, job.fields, packed ? { runs: unpackRuns(packed) } : { error });
    pump();
  };
  // A page whose policy forbids blob: workers fails here, asynchronously: train in place from now on (the
  // request in flight is still wanted, so the next pump takes it up).
  w.onerror = () => {
    w.terminate();
    worker = null;
    workerFailed = true;
    running = null;
    pump();
  };
  return w;
}

/**
 * The worker, created on first need. Its code (the whole toy trainer) is a chunk of its own, loaded only
 * when a heavy state first appears: the page's initial script does not carry it.
 */
async function workerFor(): Promise<Worker | null> {
  if (worker || workerFailed || typeof Worker === 'undefined') return worker;
  try {
    const { default: Ctor } = await import('./toyRuns.worker.ts?worker&inline');
    if (!worker && !workerFailed) worker = createWorker(Ctor);
  } catch {
    workerFailed = true;
  }
  return worker;
}

/** Trains in place, in a task of its own (no worker). */
function trainInPlace(slot: RunsSlot, fields: ToyFields): void {
  setTimeout(() => {
    running = null;
    let result: { runs?: ToyRuns; error?: string };
    try {
      result = { runs: MEMOS[slot](fields) };
    } catch (err) {
      result = { error: err instanceof Error ? err.message : String(err) };
    }
    finish(slot, fields, result);
    pump();
  }, 0);
}

/** Starts the next wanted training when nothing runs. */
function pump(): void {
  if (running) return;
  const slot: RunsSlot | undefined = (['main', 'compare'] as const).find((s) => wanted[s] !== null);
  if (!slot) return;
  const fields = wanted[slot] as ToyFields;
  const job = { id: nextId++, slot, fields };
  running = job;
  void workerFor().then((w) => {
    if (w) w.postMessage({ id: job.id, fields });
    else trainInPlace(slot, fields);
  });
}

/**
 * The runs of `fields` in `slot` if they are ready (in the slot's memo), else undefined after asking for
 * them; null when their training failed (the caller trains in place to surface the error).
 */
export function heavyRunsOf(slot: RunsSlot, fields: ToyFields): ToyRuns | undefined | null {
  const known = MEMOS[slot].peek(fields);
  if (known) return known;
  const bad = failed[slot];
  if (bad && sameFields(bad, fields, TOY_FIELDS)) return null;
  return undefined;
}

/** Asks for `fields`' runs in `slot` (idempotent; the newest request of a slot wins). */
export function requestHeavyRuns(slot: RunsSlot, fields: ToyFields): void {
  if (heavyRunsOf(slot, fields) !== undefined) return;
  const current = wanted[slot];
  if (current && sameFields(current, fields, TOY_FIELDS)) return;
  wanted[slot] = fields;
  pump();
}

export function subscribeHeavyRuns(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Changes whenever a slot's memo received a result: useSyncExternalStore's snapshot. */
export const heavyRunsVersion = (): number => version;
