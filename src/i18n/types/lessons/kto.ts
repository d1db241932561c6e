// The facts lesson 'kto' states, computed from the page by derive/lessons/kto.ts.
export interface KtoFacts {
  /** The training step every view shows. */
  t: number;
}
