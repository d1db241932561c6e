// The facts lesson 'trl-logs' states, computed from the page by derive/lessons/trl-logs.ts.
export interface TrlLogsFacts {
  /** The training step every view shows. */
  t: number;
}
