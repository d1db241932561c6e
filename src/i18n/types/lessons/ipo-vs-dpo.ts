// The facts lesson 'ipo-vs-dpo' states, computed from the page by derive/lessons/ipo-vs-dpo.ts.
export interface IpoVsDpoFacts {
  /** The training step every view shows. */
  t: number;
}
