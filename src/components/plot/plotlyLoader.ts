// Loads the Plotly chunk once, on first need; every plot awaits the same promise.
type PlotlyChunk = typeof import('./plotlyBundle.ts');
type PlotlyModule = PlotlyChunk['default'];
type RedrawNotes = PlotlyChunk['redrawNotes'];
type RedrawAxes = PlotlyChunk['redrawAxes'];

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

/** The chunk's partial redraws that patched drag frames use (applyFramePatch.ts, PlotlyPlot.tsx). */
export interface PatchHelpers {
  redrawNotes: RedrawNotes;
  redrawAxes: RedrawAxes;
}

export function loadPatchHelpers(): Promise<PatchHelpers> {
  return loadChunk().then((m) => ({ redrawNotes: m.redrawNotes, redrawAxes: m.redrawAxes }));
}

export type { PlotlyModule, RedrawNotes, RedrawAxes };
