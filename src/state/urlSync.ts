// Keeps the URL hash and the store in step: writes are debounced (≥ 300 ms) and use history.replaceState,
// so a slider drag makes neither a history entry per step nor the ~100-calls SecurityError Safari throws;
// `hashchange` (a pasted or edited link) re-reads the whole state. An in-page anchor (`#views`, the skip
// link's target) is not a link: it leaves the state alone and the state's hash is put back.
import type { AppStore } from './store.ts';
import { pickAppState } from './store.ts';
import { loadLessonData, needsLessonData, stateToHash } from './urlCodec.ts';

export const URL_WRITE_DELAY_MS = 350;

export interface UrlSyncTarget {
  location: { hash: string; href: string };
  history: { replaceState: (data: unknown, unused: string, url?: string) => void };
  addEventListener: (type: 'hashchange', fn: () => void) => void;
  removeEventListener: (type: 'hashchange', fn: () => void) => void;
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
  /** To tell an in-page anchor from a link; without it every hash is read as a link. */
  document?: { getElementById: (id: string) => unknown };
}

/**
 * A hash that only names an element of the page (`#views`): no `key=value` pair, and an element with that
 * id exists. A state link always has `=` (`#v=2&…`); the empty hash is the defaults' link.
 */
export function isInPageAnchor(hash: string, doc: UrlSyncTarget['document']): boolean {
  const body = hash.replace(/^#/, '');
  if (body === '' || body.includes('=') || body.includes('&') || !doc) return false;
  let id: string;
  try {
    id = decodeURIComponent(body);
  } catch {
    return false;
  }
  return doc.getElementById(id) != null;
}

/** Reads the current hash into the store, then follows both ways. Returns a function that stops it. */
export function startUrlSync(
  store: AppStore,
  target: UrlSyncTarget = window as unknown as UrlSyncTarget,
): () => void {
  const currentHash = () => stateToHash(pickAppState(store.getState()));
  store.getState().loadHash(target.location.hash);
  // The state's hash as last written or read, to skip writing it again; null after a failed write: the URL's
  // hash is unknown, so the next write must happen whatever it is.
  let lastWritten: string | null = currentHash();
  // The address bar's hash as we last left it (read or written). When it differs, a navigation happened
  // that we have not read yet (its hashchange event may still be queued behind a due write).
  let lastSeen = target.location.hash;
  let timer: number | undefined;

  const cancelWrite = () => {
    if (timer !== undefined) target.clearTimeout(timer);
    timer = undefined;
  };

  const replaceHash = (hash: string) => {
    const base = target.location.href.replace(/#.*$/, '');
    try {
      target.history.replaceState(null, '', `${base}${hash}`);
      lastWritten = hash;
    } catch {
      // Safari's rate limit: the next change writes again (even back to the defaults, whose hash is '').
      lastWritten = null;
    }
    // Read back: the browser may have normalised what it was given.
    lastSeen = target.location.hash;
  };

  /** The address bar holds a hash we did not put there: follow it, unless it is an in-page anchor. */
  const followAddressBar = () => {
    const hash = target.location.hash;
    if (isInPageAnchor(hash, target.document)) {
      // Keep the state; put its hash back (replaceState neither scrolls nor fires hashchange).
      replaceHash(currentHash());
      return;
    }
    cancelWrite();
    lastSeen = hash;
    lastWritten = hash;
    // An instructor's lesson in the new link: read it once its reader has loaded (and only if the address bar
    // still holds it), never before, so that no write replaces the link with a state that lacks the lesson.
    if (needsLessonData(hash))
      void loadLessonData().then(() => {
        if (target.location.hash === hash) store.getState().loadHash(hash);
      });
    else store.getState().loadHash(hash);
  };

  const write = () => {
    timer = undefined;
    if (target.location.hash !== lastSeen) {
      // A navigation whose hashchange has not arrived yet: read it rather than write the old state over it.
      followAddressBar();
      return;
    }
    const hash = currentHash();
    if (hash === lastWritten) return;
    replaceHash(hash);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s === prev) return;
    cancelWrite();
    timer = target.setTimeout(write, URL_WRITE_DELAY_MS);
  });

  const onHashChange = () => {
    if (target.location.hash === lastSeen) return;
    followAddressBar();
  };
  target.addEventListener('hashchange', onHashChange);

  return () => {
    unsubscribe();
    cancelWrite();
    target.removeEventListener('hashchange', onHashChange);
  };
}

/** The full shareable link for the current state (for the Copy link button). */
export function shareableUrl(store: AppStore, href: string): string {
  return `${href.replace(/#.*$/, '')}${stateToHash(pickAppState(store.getState()))}`;
}
