// The partial Plotly bundle: core (with scatter) plus the two traces the views need. Only ever imported
// dynamically (PlotlyLoader), so that the controls work before these ~400 kB gzip arrive.
import Plotly from 'plotly.js/lib/core';
import scatterternary from 'plotly.js/lib/scatterternary';
import contour from 'plotly.js/lib/contour';

Plotly.register([scatterternary, contour] as Parameters<typeof Plotly.register>[0]);

export default Plotly;
