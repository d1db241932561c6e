// Loads the Plotly chunk once, on first need; every plot awaits the same promise.
type PlotlyChunk = typeof import('./plotlyBundle.ts');
type PlotlyModule = PlotlyChunk['default'];
type RedrawNotes = PlotlyChunk['redrawNotes'];

let loading: Promise<PlotlyChunk> | null = null;

function loadChunk(): Promise<PlotlyChunk> {
  if (!loading) {
    loading = import('./plotlyBundle.ts');
    // A failed load (offline chunk missing) may be retried by the next plot.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

export function loadPlotly(): Promise<PlotlyModule> {
  return loadChunk().then((m) => m.default);
}

/** The chunk's one-note redraw (drag frames, see applyFramePatch.ts). */
export function loadRedrawNotes(): Promise<RedrawNotes> {
  return loadChunk().then((m) => m.redrawNotes);
}

export type { PlotlyModule, RedrawNotes };
