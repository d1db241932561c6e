// Reads a training log for "Your TRL log": in a Web Worker when one can start (a 10 MB log then leaves the
// page responsive), otherwise on the main thread in a task of its own (tests, a page whose policy forbids
// blob: workers). The worker is built inline (`?worker&inline`, as the toy's workers), so the offline
// single-file build carries it; its code is a chunk loaded only when a first log is opened.
import { MAX_LOG_CHARS } from '../../logs/index.ts';
import { readLogResult, type LogReadResult } from '../../derive/trlLog.ts';
import type { TrlLogRequest } from '../workers/trlLog.worker.ts';
import { unpackLogResult, type PackedLogResult } from './logTransfer.ts';

export type LogSource = { file: Blob } | { text: string };

interface Reply {
  id: number;
  result?: PackedLogResult;
  error?: string;
}

const TOO_LARGE: LogReadResult = { ok: false, kind: 'too-large' };

let worker: Worker | null = null;
let workerFailed = false;
let nextId = 0;
const pending = new Map<
  number,
  { source: LogSource; resolve: (r: LogReadResult) => void; reject: (e: Error) => void }
>();

async function inPlace(source: LogSource): Promise<LogReadResult> {
  const text = 'file' in source ? await source.file.text() : source.text;
  // A task of its own: the "Reading…" status is painted before the page is busy.
  await new Promise((r) => setTimeout(r, 0));
  return readLogResult(text);
}

async function workerFor(): Promise<Worker | null> {
  if (worker || workerFailed || typeof Worker === 'undefined') return worker;
  try {
    const { default: Ctor } = await import('../workers/trlLog.worker.ts?worker&inline');
    if (!worker && !workerFailed) {
      const w = new Ctor();
      w.onmessage = (e: MessageEvent<Reply>) => {
        const job = pending.get(e.data.id);
        if (!job) return;
        pending.delete(e.data.id);
        if (e.data.result) job.resolve(unpackLogResult(e.data.result));
        else job.reject(new Error(e.data.error ?? 'unknown error'));
      };
      // A worker that cannot run (a policy forbidding blob: workers fails here, asynchronously): read in
      // place from now on, the requests in flight too.
      w.onerror = () => {
        w.terminate();
        worker = null;
        workerFailed = true;
        const jobs = [...pending.values()];
        pending.clear();
        for (const job of jobs) inPlace(job.source).then(job.resolve, job.reject);
      };
      worker = w;
    }
  } catch {
    workerFailed = true;
  }
  return worker;
}

/**
 * The read log and its findings, or why it cannot be shown. A file over MAX_LOG_CHARS bytes is refused
 * unread: trainer_state.json is ASCII (the Trainer writes it with json.dumps' default ensure_ascii), so its
 * bytes are its characters, and a 200 MB file is never loaded into memory.
 */
export async function readLog(source: LogSource): Promise<LogReadResult> {
  const size = 'file' in source ? source.file.size : source.text.length;
  if (size > MAX_LOG_CHARS) return TOO_LARGE;
  const w = await workerFor();
  if (!w) return inPlace(source);
  const id = nextId++;
  return new Promise<LogReadResult>((resolve, reject) => {
    pending.set(id, { source, resolve, reject });
    const request: TrlLogRequest = 'file' in source ? { id, file: source.file } : { id, text: source.text };
    w.postMessage(request);
  });
}
