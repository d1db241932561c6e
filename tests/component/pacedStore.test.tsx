// The paced mirror the views read (src/components/pacedStore.ts): it shows the store's state one painted
// frame after a change, once for the newest state however many changes came in between, and stays put
// (a stable snapshot for useSyncExternalStore) until then.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { pacedMirror } from '../../src/components/pacedStore.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('pacedMirror', () => {
  it('reads straight through while nothing changed', () => {
    const source = createStore(() => ({ beta: 0.1 }));
    const mirror = pacedMirror(source);
    expect(mirror.getState()).toBe(source.getState());
  });

  it('keeps the old state until the task after the next frame, then shows the newest, notifying once', () => {
    const source = createStore(() => ({ beta: 0.1 }));
    const mirror = pacedMirror(source);
    const seen: number[] = [];
    mirror.subscribe((s) => seen.push(s.beta));
    const before = mirror.getState();
    for (const beta of [0.2, 0.3, 0.4]) source.setState({ beta });
    expect(mirror.getState()).toBe(before);
    expect(mirror.getState().beta).toBe(0.1);
    vi.advanceTimersToNextFrame();
    // The frame itself still shows the old state: the flush is a task queued from it.
    expect(mirror.getState().beta).toBe(0.1);
    vi.runOnlyPendingTimers();
    expect(mirror.getState()).toBe(source.getState());
    expect(seen).toEqual([0.4]);
  });

  it('paces a change that comes during the wait into the same flush, and a later one into the next', () => {
    const source = createStore(() => ({ beta: 0.1 }));
    const mirror = pacedMirror(source);
    const seen: number[] = [];
    mirror.subscribe((s) => seen.push(s.beta));
    source.setState({ beta: 0.2 });
    vi.advanceTimersToNextFrame();
    source.setState({ beta: 0.3 });
    vi.runOnlyPendingTimers();
    expect(seen).toEqual([0.3]);
    source.setState({ beta: 0.5 });
    expect(mirror.getState().beta).toBe(0.3);
    vi.advanceTimersToNextFrame();
    vi.runOnlyPendingTimers();
    expect(seen).toEqual([0.3, 0.5]);
  });

  it('is read-only and stops notifying an unsubscribed listener', () => {
    const source = createStore(() => ({ beta: 0.1 }));
    const mirror = pacedMirror(source);
    const listener = vi.fn();
    const off = mirror.subscribe(listener);
    off();
    source.setState({ beta: 0.2 });
    vi.advanceTimersToNextFrame();
    vi.runOnlyPendingTimers();
    expect(listener).not.toHaveBeenCalled();
    expect(() => mirror.setState({ beta: 1 })).toThrow(/read-only/);
  });
});
