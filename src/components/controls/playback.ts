// How Play moves the time cursor, as plain functions of the time since Play was pressed (so a dropped frame
// skips steps instead of slowing the run down, and tests can drive it with fake timers).

/** A whole run plays in this long, whatever its number of steps (a lecturer watches it in one breath). */
export const PLAY_MS = 6000;
/** With reduced motion, Play jumps to the end in this many steps, one every REDUCED_JUMP_MS. */
export const REDUCED_JUMPS = 4;
export const REDUCED_JUMP_MS = 1000;
/** How often the cursor moves while playing (~30 frames a second). */
export const FRAME_MS = 33;

/** Where Play starts: the cursor, or the start when the cursor is already at the end. */
export function playFrom(t: number, steps: number): number {
  return t >= steps ? 0 : t;
}

/**
 * The cursor `elapsed` ms after Play was pressed at step `from`: steadily through the run (PLAY_MS for all
 * `steps`), or with reduced motion in REDUCED_JUMPS coarse jumps. Never past `steps`.
 */
export function playStepAt(from: number, steps: number, elapsed: number, reducedMotion: boolean): number {
  if (reducedMotion) {
    const jump = Math.ceil(steps / REDUCED_JUMPS);
    return Math.min(steps, from + jump * Math.floor(elapsed / REDUCED_JUMP_MS));
  }
  return Math.min(steps, from + Math.floor((elapsed * steps) / PLAY_MS));
}
