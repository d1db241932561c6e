// The facts lesson 'reference' states, computed from the page by derive/lessons/reference.ts.
export interface ReferenceFacts {
  /** The training step every view shows. */
  t: number;
}
