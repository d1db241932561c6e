// plotly.js ships types for its full entry only; its partial-bundle entry points have the same API.
declare module 'plotly.js/lib/core' {
  import Plotly from 'plotly.js';
  export default Plotly;
}
declare module 'plotly.js/lib/scatterternary' {
  const trace: unknown;
  export default trace;
}
declare module 'plotly.js/lib/contour' {
  const trace: unknown;
  export default trace;
}
