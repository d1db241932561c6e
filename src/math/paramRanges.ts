// Numeric ranges of the explorer's parameters that the math side also needs (the β sweep spans the whole
// range a link or a slider can set). The state's parameter list (src/state/urlParams.ts) reads them from here,
// since src/math imports nothing of the app.

/** β, the KL strength: what a link, the β slider and the β sweep cover (log scale). */
export const BETA_RANGE = Object.freeze({ min: 0.001, max: 10 });
