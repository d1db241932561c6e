// Keeps the URL hash and the store in step: writes are debounced (≥ 300 ms) and use history.replaceState,
// so a slider drag makes neither a history entry per step nor the ~100-calls SecurityError Safari throws;
// `hashchange` (a pasted or edited link) re-reads the whole state.
import type { AppStore } from './store.ts';
import { pickAppState } from './store.ts';
import { stateToHash } from './urlCodec.ts';

export const URL_WRITE_DELAY_MS = 350;

export interface UrlSyncTarget {
  location: { hash: string; href: string };
  history: { replaceState: (data: unknown, unused: string, url?: string) => void };
  addEventListener: (type: 'hashchange', fn: () => void) => void;
  removeEventListener: (type: 'hashchange', fn: () => void) => void;
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
}

/** Reads the current hash into the store, then follows both ways. Returns a function that stops it. */
export function startUrlSync(
  store: AppStore,
  target: UrlSyncTarget = window as unknown as UrlSyncTarget,
): () => void {
  store.getState().loadHash(target.location.hash);
  // null after a failed write: the URL's hash is unknown, so the next write must happen whatever it is.
  let lastWritten: string | null = stateToHash(pickAppState(store.getState()));
  let timer: number | undefined;

  const write = () => {
    timer = undefined;
    const hash = stateToHash(pickAppState(store.getState()));
    if (hash === lastWritten) return;
    lastWritten = hash;
    const base = target.location.href.replace(/#.*$/, '');
    try {
      target.history.replaceState(null, '', `${base}${hash}`);
    } catch {
      // Safari's rate limit: the next change writes again (even back to the defaults, whose hash is '').
      lastWritten = null;
    }
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s === prev) return;
    if (timer !== undefined) target.clearTimeout(timer);
    timer = target.setTimeout(write, URL_WRITE_DELAY_MS);
  });

  const onHashChange = () => {
    const hash = target.location.hash;
    if (hash === lastWritten || (hash === '' && lastWritten === '')) return;
    lastWritten = hash;
    store.getState().loadHash(hash);
  };
  target.addEventListener('hashchange', onHashChange);

  return () => {
    unsubscribe();
    if (timer !== undefined) target.clearTimeout(timer);
    target.removeEventListener('hashchange', onHashChange);
  };
}

/** The full shareable link for the current state (for the Copy link button). */
export function shareableUrl(store: AppStore, href: string): string {
  return `${href.replace(/#.*$/, '')}${stateToHash(pickAppState(store.getState()))}`;
}
