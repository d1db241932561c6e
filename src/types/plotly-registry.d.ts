// Plotly's component registry (no published types): only what redrawNotes (plotlyBundle.ts) calls.
declare module 'plotly.js/src/registry.js' {
  const Registry: { getComponentMethod(name: string, method: string): unknown };
  export default Registry;
}

// Plotly's cartesian axes (no published types): only what redrawAxes (plotlyBundle.ts) calls.
declare module 'plotly.js/src/plots/cartesian/axes.js' {
  const Axes: {
    draw(gd: HTMLElement, ids: readonly string[], opts: { skipTitle: boolean }): unknown;
  };
  export default Axes;
}
