// The facts lesson 'beta' states, computed from the page by derive/lessons/beta.ts.
export interface BetaFacts {
  /** The training step every view shows. */
  t: number;
}
