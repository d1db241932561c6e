// The facts lesson 'rlhf-to-dpo' states, computed from the page by derive/lessons/rlhf-to-dpo.ts.
export interface RlhfToDpoFacts {
  /** The training step every view shows. */
  t: number;
}
