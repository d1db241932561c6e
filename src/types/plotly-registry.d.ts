// Plotly's component registry (no published types): only what redrawNotes (plotlyBundle.ts) calls.
declare module 'plotly.js/src/registry.js' {
  const Registry: { getComponentMethod(name: string, method: string): unknown };
  export default Registry;
}
