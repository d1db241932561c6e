// The facts lesson 'displacement' states, computed from the page by derive/lessons/displacement.ts.
export interface DisplacementFacts {
  /** The training step every view shows. */
  t: number;
}
