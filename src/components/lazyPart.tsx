// A part of the page that is not on the first screen (views below the fold, the TRL panel, the Share
// dialog): its code is a chunk of its own, downloaded while the first screen is already answering. Until
// it has arrived the part suspends, and its Suspense boundary shows a placeholder of the part's size, so
// nothing below jumps. Once loaded, the part renders at once (no suspending again on a later mount).
import { createElement, use, type ComponentType, type JSX } from 'react';

export interface LazyPart<P extends object> {
  (props: P): JSX.Element;
  /** Starts (once) downloading the part; resolves when it renders without suspending. */
  preload: () => Promise<unknown>;
}

const everyPart: LazyPart<never>[] = [];

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (c) => (loaded = c),
      (err: unknown) => {
        // Forgotten, so that the next render tries again.
        loading = null;
        throw err;
      },
    ));
  const Part = (props: P) => createElement(loaded ?? use(preload()), props);
  const part = Object.assign(Part, { preload });
  everyPart.push(part as LazyPart<never>);
  return part;
}

/** Downloads every lazy part defined so far (after the first screen; tests, so nothing suspends). */
export function preloadLazyParts(): Promise<unknown> {
  return Promise.all(everyPart.map((p) => p.preload()));
}
