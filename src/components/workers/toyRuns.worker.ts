// Trains a heavy state's runs (every loss × thousands of steps) off the main thread, so opening or editing
// such a state never blocks the page (heavyRuns.ts decides what is heavy and which request is current).
import { computeTrainingRuns, type ToyFields } from '../../derive/toy.ts';
import { packRuns } from '../../derive/packedRuns.ts';

interface Request {
  id: number;
  fields: ToyFields;
}

self.onmessage = (e: MessageEvent<Request>) => {
  const { id, fields } = e.data;
  try {
    // Packed into transferred buffers: cloning the runs as they are costs the page more than training them.
    const { packed, transfer } = packRuns(computeTrainingRuns(fields));
    self.postMessage({ id, packed }, { transfer });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
