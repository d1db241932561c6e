// The sweeps for the current toy state, computed in a Web Worker. Only the newest request matters: while
// one is running, later changes replace the queued one, so a drag never piles up work. Without Worker
// support (tests, very old browsers) it computes on the main thread after the render.
import { useEffect, useRef, useState } from 'react';
import { computeSweeps, type ToySweeps } from '../../derive/sweeps.ts';
import type { ToyFields } from '../../derive/toy.ts';
import SweepWorker from './sweep.worker.ts?worker&inline';

interface Reply {
  id: number;
  sweeps?: ToySweeps;
  error?: string;
}

export interface SweepState {
  sweeps: ToySweeps | null;
  /** True while the shown sweeps are older than the current state. */
  stale: boolean;
  error: string | null;
}

/** `null`: nothing to sweep (the compared run's sweeps when there is no comparison). */
export function useSweeps(fields: ToyFields | null): SweepState {
  const [state, setState] = useState<SweepState>({ sweeps: null, stale: true, error: null });
  const worker = useRef<Worker | null>(null);
  const busy = useRef(false);
  const queued = useRef<ToyFields | null>(null);
  const nextId = useRef(0);

  const [workerFailed, setWorkerFailed] = useState(false);

  useEffect(() => {
    if (typeof Worker === 'undefined') return;
    let w: Worker;
    try {
      w = new SweepWorker();
    } catch {
      setWorkerFailed(true);
      return;
    }
    worker.current = w;
    // A page whose policy forbids blob: workers (some sandboxes) fails here, asynchronously: fall back.
    w.onerror = () => {
      w.terminate();
      worker.current = null;
      busy.current = false;
      setWorkerFailed(true);
    };
    w.onmessage = (e: MessageEvent<Reply>) => {
      busy.current = false;
      const more = queued.current;
      queued.current = null;
      if (e.data.sweeps) setState({ sweeps: e.data.sweeps, stale: more !== null, error: null });
      else setState((s) => ({ ...s, stale: more !== null, error: e.data.error ?? 'error' }));
      if (more) {
        busy.current = true;
        w.postMessage({ id: nextId.current++, fields: more });
      }
    };
    return () => {
      w.terminate();
      worker.current = null;
      busy.current = false;
    };
  }, []);

  useEffect(() => {
    if (fields === null) {
      queued.current = null;
      setState((s) => (s.sweeps === null && !s.stale ? s : { sweeps: null, stale: false, error: null }));
      return;
    }
    const w = workerFailed ? null : worker.current;
    if (!w) {
      // No worker: compute after paint, off the input event.
      const t = setTimeout(() => {
        try {
          setState({ sweeps: computeSweeps(fields), stale: false, error: null });
        } catch (err) {
          setState((s) => ({ ...s, error: err instanceof Error ? err.message : String(err) }));
        }
      }, 0);
      return () => clearTimeout(t);
    }
    setState((s) => (s.stale ? s : { ...s, stale: true }));
    if (busy.current) {
      queued.current = fields;
      return;
    }
    busy.current = true;
    w.postMessage({ id: nextId.current++, fields });
  }, [fields, workerFailed]);

  return state;
}
