// Whether the user is adjusting a slider right now: a pointer pressed on a range input, or an arrow key held
// on one, until the pointer or key is released. During that time the plots keep their axes from widening
// and narrowing with every move (figures take the ranges held so far, views/useHeldRanges.ts) and put off
// the full Plotly draw that settles a patched frame (plot/PlotlyPlot.tsx): both cost 30–50 ms a frame, four
// times that on a slow laptop, and would otherwise land inside the drag. On release the views rebuild their
// own figures and every plot settles.
import { useSyncExternalStore } from 'react';

let adjusting = false;
/** Counts the ends of adjustments: a view rebuilds its figure, without held ranges, when it changes. */
let releases = 0;
const listeners = new Set<() => void>();
let installed = false;

function set(next: boolean): void {
  if (next === adjusting) return;
  adjusting = next;
  if (!next) releases++;
  for (const l of listeners) l();
}

const isSlider = (t: EventTarget | null): boolean => t instanceof HTMLInputElement && t.type === 'range';

function install(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  // Capture phase: a handler that stops propagation cannot hide the press or the release.
  document.addEventListener('pointerdown', (e) => isSlider(e.target) && set(true), true);
  for (const type of ['pointerup', 'pointercancel'] as const)
    window.addEventListener(type, () => set(false), true);
  // A held arrow key repeats: the first repeat starts an adjustment, the key's release ends it.
  document.addEventListener('keydown', (e) => e.repeat && isSlider(e.target) && set(true), true);
  window.addEventListener('keyup', () => set(false), true);
  window.addEventListener('blur', () => set(false));
}

/**
 * The playbacks running now (a time cursor's Play, a lesson question's reveal), each by its stop function:
 * every time cursor shows Pause while any runs, and its Pause stops them all.
 */
const playbacks = new Set<() => void>();

/** A playback started (true) or stopped (false); `stop` ends it (and must then call notePlaying(false, stop)). */
export function notePlaying(started: boolean, stop: () => void): void {
  if (started) playbacks.add(stop);
  else playbacks.delete(stop);
  for (const l of listeners) l();
}

/** Stops every playback running. */
export function stopPlaying(): void {
  for (const stop of [...playbacks]) stop();
}

const anyPlaying = () => playbacks.size > 0;

/** Whether a playback runs (re-renders the caller when that changes). */
export function usePlaying(): boolean {
  return useSyncExternalStore(subscribeAdjusting, anyPlaying, () => false);
}

/**
 * True while the state changes many times a second under the user's eyes: a drag, or Play. Parts of the page
 * off screen hold still then (storeContext.tsx OffScreenGate) and catch up when it ends.
 */
export function isMoving(): boolean {
  return isAdjusting() || playbacks.size > 0;
}

/** True while a slider is being dragged (or an arrow key held on one). */
export function isAdjusting(): boolean {
  install();
  return adjusting;
}

export function subscribeAdjusting(listener: () => void): () => void {
  install();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const releaseCount = () => releases;

/** Changes each time an adjustment ends (re-renders the caller then, not when one starts). */
export function useReleaseCount(): number {
  return useSyncExternalStore(subscribeAdjusting, releaseCount, releaseCount);
}
