// Loads the Plotly chunk once, on first need; every plot awaits the same promise.
type PlotlyModule = typeof import('./plotlyBundle.ts').default;

let loading: Promise<PlotlyModule> | null = null;

export function loadPlotly(): Promise<PlotlyModule> {
  if (!loading) {
    loading = import('./plotlyBundle.ts').then((m) => m.default);
    // A failed load (offline chunk missing) may be retried by the next plot.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

export type { PlotlyModule };
