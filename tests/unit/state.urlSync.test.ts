// startUrlSync against a fake window: it reads the link once, writes changes back debounced through
// history.replaceState, follows hashchange, ignores its own writes, and survives Safari's SecurityError.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, pickAppState, type AppStore } from '../../src/state/store.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { stateToHash } from '../../src/state/urlCodec.ts';
import {
  shareableUrl,
  startUrlSync,
  URL_WRITE_DELAY_MS,
  type UrlSyncTarget,
} from '../../src/state/urlSync.ts';

const BASE = 'file:///home/me/dpo-explorer.html';

interface FakeWindow extends UrlSyncTarget {
  writes: string[];
  listeners: Set<() => void>;
  /** What the user does: edit the hash, which fires hashchange. */
  navigate: (hash: string) => void;
  fireHashChange: () => void;
  /** The browser's half of a navigation: the address bar changes now, its hashchange event comes later. */
  addressBar: (hash: string) => void;
  /** Makes replaceState throw from now on (Safari's rate limit). */
  failWrites: boolean;
}

/** `ids`: the element ids on the page, which an in-page anchor such as `#views` may name. */
function fakeWindow(initialHash: string, ids: readonly string[] = []): FakeWindow {
  const handles = new Map<number, ReturnType<typeof setTimeout>>();
  let nextId = 1;
  const w: FakeWindow = {
    location: { hash: initialHash, href: `${BASE}${initialHash}` },
    document: { getElementById: (id) => (ids.includes(id) ? {} : null) },
    writes: [],
    listeners: new Set(),
    failWrites: false,
    history: {
      replaceState: (_data, _unused, url) => {
        if (w.failWrites)
          throw new DOMException(
            'Attempt to use history.replaceState() more than 100 times',
            'SecurityError',
          );
        const u = url ?? w.location.href;
        w.writes.push(u);
        const i = u.indexOf('#');
        w.location.hash = i < 0 ? '' : u.slice(i);
        w.location.href = u;
      },
    },
    addEventListener: (_type, fn) => void w.listeners.add(fn),
    removeEventListener: (_type, fn) => void w.listeners.delete(fn),
    setTimeout: (fn, ms) => {
      const id = nextId++;
      handles.set(
        id,
        setTimeout(() => {
          handles.delete(id);
          fn();
        }, ms),
      );
      return id;
    },
    clearTimeout: (id) => {
      const h = handles.get(id);
      if (h !== undefined) clearTimeout(h);
      handles.delete(id);
    },
    fireHashChange: () => {
      for (const fn of [...w.listeners]) fn();
    },
    navigate: (hash) => {
      w.addressBar(hash);
      w.fireHashChange();
    },
    addressBar: (hash) => {
      w.location.hash = hash;
      w.location.href = `${BASE}${hash}`;
    },
  };
  return w;
}

let store: AppStore;
beforeEach(() => {
  vi.useFakeTimers();
  store = createAppStore();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startUrlSync', () => {
  it('debounces by at least 300 ms', () => {
    expect(URL_WRITE_DELAY_MS).toBeGreaterThanOrEqual(300);
  });

  it('reads the initial hash into the store, with its notices', () => {
    const w = fakeWindow('#v=2&beta=0.5&k=4&loss=ipo,foo');
    const stop = startUrlSync(store, w);
    const s = store.getState();
    expect(s.beta).toBe(0.5);
    expect(s.responses).toBe(4);
    expect(s.losses).toEqual(['ipo']);
    expect(s.notices).toEqual([expect.objectContaining({ key: 'loss', given: 'foo' })]);
    // Reading is not a change to write back.
    vi.advanceTimersByTime(10 * URL_WRITE_DELAY_MS);
    expect(w.writes).toEqual([]);
    stop();
  });

  it('writes many rapid changes once, after the delay, with the hash of the final state', () => {
    const w = fakeWindow('');
    const stop = startUrlSync(store, w);
    for (let i = 1; i <= 50; i++) {
      store.getState().update({ beta: i / 100 });
      vi.advanceTimersByTime(20);
    }
    store.getState().update({ losses: ['sigmoid', 'kto'] });
    expect(w.writes).toEqual([]);
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS - 1);
    expect(w.writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(w.writes).toEqual([`${BASE}#v=2&loss=sigmoid,kto&beta=0.5`]);
    expect(w.location.hash).toBe(stateToHash(pickAppState(store.getState())));
    vi.advanceTimersByTime(10 * URL_WRITE_DELAY_MS);
    expect(w.writes).toHaveLength(1);
    stop();
  });

  it('replaces an old hash rather than appending, and clears it when back at the defaults', () => {
    const w = fakeWindow('#v=2&beta=0.5');
    const stop = startUrlSync(store, w);
    store.getState().update({ steps: 50 });
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(w.writes).toEqual([`${BASE}#v=2&beta=0.5&steps=50`]);
    store.getState().reset();
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(w.writes.at(-1)).toBe(BASE);
    expect(w.location.hash).toBe('');
    stop();
  });

  it('a change that ends where it started writes nothing', () => {
    const w = fakeWindow('');
    const stop = startUrlSync(store, w);
    store.getState().update({ beta: 2 });
    store.getState().update({ beta: DEFAULT_STATE.beta });
    vi.advanceTimersByTime(10 * URL_WRITE_DELAY_MS);
    expect(w.writes).toEqual([]);
    stop();
  });

  it('reloads the state when the user edits the hash', () => {
    const w = fakeWindow('');
    const stop = startUrlSync(store, w);
    store.getState().update({ steps: 42 });
    w.navigate('#v=2&beta=2&theme=dark&beta=3&zzz=1');
    const s = store.getState();
    expect(s.beta).toBe(2);
    expect(s.theme).toBe('dark');
    // A pasted link is a whole state: what it does not say is the default.
    expect(s.steps).toBe(DEFAULT_STATE.steps);
    expect(s.notices).toEqual([expect.objectContaining({ kind: 'unknown-key', key: 'zzz' })]);
    // Clearing the hash goes back to the defaults.
    w.navigate('');
    expect(pickAppState(store.getState())).toEqual(DEFAULT_STATE);
    stop();
  });

  it('does not reload on a hashchange for the hash it wrote itself', () => {
    const w = fakeWindow('');
    const stop = startUrlSync(store, w);
    store.getState().update({ beta: 0.7 });
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(w.location.hash).toBe('#v=2&beta=0.7');
    store.getState().dismissNotices();
    const before = store.getState();
    w.fireHashChange();
    expect(store.getState()).toBe(before);
    stop();
  });

  it('stop() unsubscribes, cancels a pending write and removes the listener', () => {
    const w = fakeWindow('');
    const stop = startUrlSync(store, w);
    expect(w.listeners.size).toBe(1);
    store.getState().update({ beta: 0.7 });
    stop();
    expect(w.listeners.size).toBe(0);
    store.getState().update({ beta: 0.9 });
    vi.advanceTimersByTime(10 * URL_WRITE_DELAY_MS);
    expect(w.writes).toEqual([]);
    w.navigate('#v=2&beta=3');
    expect(store.getState().beta).toBe(0.9);
  });

  it('a replaceState that throws does not escape the timer, and the next change writes again', () => {
    const w = fakeWindow('');
    const stop = startUrlSync(store, w);
    w.failWrites = true;
    store.getState().update({ beta: 0.7 });
    expect(() => vi.advanceTimersByTime(URL_WRITE_DELAY_MS)).not.toThrow();
    expect(w.writes).toEqual([]);
    w.failWrites = false;
    store.getState().update({ steps: 20 });
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(w.writes).toEqual([`${BASE}#v=2&beta=0.7&steps=20`]);
    stop();
  });

  it('after a failed write, going back to the same state still writes it', () => {
    const w = fakeWindow('#v=2&beta=0.5');
    const stop = startUrlSync(store, w);
    w.failWrites = true;
    store.getState().update({ beta: 0.7 });
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    w.failWrites = false;
    // The URL still says beta=0.5, the app shows 0.7; moving back to 0.5 must leave them agreeing.
    store.getState().update({ beta: 0.5 });
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(w.location.hash).toBe('#v=2&beta=0.5');
    // And back to the defaults after a failure clears the hash.
    w.failWrites = true;
    store.getState().update({ beta: 0.9 });
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    w.failWrites = false;
    store.getState().reset();
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(w.location.hash).toBe('');
    stop();
  });

  it('shareableUrl is the page address with the state hash', () => {
    store.getState().update({ beta: 0.25 });
    expect(shareableUrl(store, `${BASE}#old`)).toBe(`${BASE}#v=2&beta=0.25`);
    store.getState().reset();
    expect(shareableUrl(store, `${BASE}#old`)).toBe(BASE);
  });

  describe('in-page anchors are not links (skip link: "#views")', () => {
    const LINK = '#v=2&loss=sigmoid,hinge&beta=2.5&k=5&steps=800';

    it('keeps the state and puts the state hash back', () => {
      const w = fakeWindow(LINK, ['views']);
      const stop = startUrlSync(store, w);
      const before = pickAppState(store.getState());
      expect(before.beta).toBe(2.5);
      w.navigate('#views');
      expect(pickAppState(store.getState())).toEqual(before);
      expect(store.getState().notices).toEqual([]);
      expect(w.location.hash).toBe(stateToHash(before));
      vi.advanceTimersByTime(10 * URL_WRITE_DELAY_MS);
      expect(pickAppState(store.getState())).toEqual(before);
      expect(w.location.hash).toBe(stateToHash(before));
      // Back to the state's own hash: nothing to read.
      const s = store.getState();
      w.fireHashChange();
      expect(store.getState()).toBe(s);
      stop();
    });

    it('also when the anchor is seen by a due write before its hashchange', () => {
      const w = fakeWindow('', ['views']);
      const stop = startUrlSync(store, w);
      store.getState().update({ beta: 0.7 });
      w.addressBar('#views');
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
      expect(store.getState().beta).toBe(0.7);
      expect(w.location.hash).toBe('#v=2&beta=0.7');
      w.fireHashChange();
      expect(store.getState().beta).toBe(0.7);
      expect(w.location.hash).toBe('#v=2&beta=0.7');
      stop();
    });

    it('a hash that names no element, or carries state, is still read as a link', () => {
      const w = fakeWindow(LINK, ['views', 'beta']);
      const stop = startUrlSync(store, w);
      w.navigate('#nowhere');
      expect(store.getState().beta).toBe(DEFAULT_STATE.beta);
      expect(store.getState().notices).toEqual([
        expect.objectContaining({ kind: 'unknown-key', key: 'nowhere' }),
      ]);
      w.navigate('#beta=3');
      expect(store.getState().beta).toBe(3);
      stop();
    });
  });

  describe('a link opened while a write is due (the write runs between navigation and hashchange)', () => {
    const HEAVY = `#v=2&loss=${['sigmoid', 'ipo', 'kto', 'hinge', 'robust'].join(',')}&k=6&steps=2000&data=ranking`;
    const NEW = '#v=2&beta=2&p=0.6';

    it('reads the new link instead of writing the old state over it', () => {
      const w = fakeWindow('');
      const stop = startUrlSync(store, w);
      w.navigate(HEAVY);
      expect(store.getState().responses).toBe(6);
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS - 10);
      // The user opens a new link; the write falls due before the hashchange event is delivered.
      w.addressBar(NEW);
      vi.advanceTimersByTime(20);
      expect(w.writes).toEqual([]);
      expect(w.location.hash).toBe(NEW);
      const s = store.getState();
      expect([s.beta, s.preferenceProb, s.responses, s.steps, s.dataset]).toEqual([
        2,
        0.6,
        DEFAULT_STATE.responses,
        DEFAULT_STATE.steps,
        DEFAULT_STATE.dataset,
      ]);
      // The late hashchange finds nothing new; no write follows.
      w.fireHashChange();
      expect(store.getState()).toBe(s);
      vi.advanceTimersByTime(10 * URL_WRITE_DELAY_MS);
      expect(w.writes).toEqual([]);
      expect(w.location.hash).toBe(NEW);
      stop();
    });

    it('also after a change of the user’s own is due to be written', () => {
      const w = fakeWindow(HEAVY);
      const stop = startUrlSync(store, w);
      store.getState().update({ beta: 0.3 });
      w.addressBar(NEW);
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
      expect(w.writes).toEqual([]);
      expect(store.getState().beta).toBe(2);
      expect(store.getState().responses).toBe(DEFAULT_STATE.responses);
      w.fireHashChange();
      vi.advanceTimersByTime(10 * URL_WRITE_DELAY_MS);
      expect(w.location.hash).toBe(NEW);
      stop();
    });

    it('a hashchange cancels the pending write of the state it replaces', () => {
      const w = fakeWindow('');
      const stop = startUrlSync(store, w);
      store.getState().update({ beta: 0.3 });
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS - 10);
      w.navigate(NEW);
      vi.advanceTimersByTime(10 * URL_WRITE_DELAY_MS);
      expect(w.writes).toEqual([]);
      expect(store.getState().beta).toBe(2);
      stop();
    });
  });
});
