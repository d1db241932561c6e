// Reads a training log off the main thread ("Your TRL log"): a 10+ MB trainer_state.json takes most of a
// second to parse and diagnose, which would freeze the page. A file is read here too, so its text never
// passes through the main thread.
import { readLogResult } from '../../derive/trlLog.ts';
import { packLogResult } from '../trlLog/logTransfer.ts';

export interface TrlLogRequest {
  id: number;
  text?: string;
  file?: Blob;
}

self.onmessage = (e: MessageEvent<TrlLogRequest>) => {
  const { id, text, file } = e.data;
  const answer = async () => readLogResult(file ? await file.text() : (text ?? ''));
  answer().then(
    (result) => {
      // Transferred, not copied: the page's side of the hand-over is then almost free (logTransfer.ts).
      const { packed, transfer } = packLogResult(result);
      self.postMessage({ id, result: packed }, { transfer });
    },
    (err: unknown) => self.postMessage({ id, error: err instanceof Error ? err.message : String(err) }),
  );
};
