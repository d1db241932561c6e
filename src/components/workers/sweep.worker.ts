// Runs the sweeps view's sweeps (up to 80 trainings per loss) off the main thread, so a slider never waits
// for them.
import { computeSweeps } from '../../derive/sweeps.ts';
import type { ToyFields } from '../../derive/toy.ts';

interface Request {
  id: number;
  fields: ToyFields;
}

self.onmessage = (e: MessageEvent<Request>) => {
  const { id, fields } = e.data;
  try {
    self.postMessage({ id, sweeps: computeSweeps(fields) });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
