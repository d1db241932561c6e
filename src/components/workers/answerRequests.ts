// The message loop every worker here runs: a request `{ id, fields }` in, `{ id, ...reply }` out, or
// `{ id, error }` when the computation throws (the page then shows that error where the result would be).
export interface WorkerRequest<F> {
  id: number;
  fields: F;
}

export function answerRequests<F>(
  compute: (fields: F) => { reply: Record<string, unknown>; transfer?: Transferable[] },
): void {
  self.onmessage = (e: MessageEvent<WorkerRequest<F>>) => {
    const { id, fields } = e.data;
    try {
      const { reply, transfer = [] } = compute(fields);
      self.postMessage({ id, ...reply }, { transfer });
    } catch (err) {
      self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
    }
  };
}
