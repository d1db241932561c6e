// What the page runs in: media queries, and the plot theme every view reads, resolved once from the store
// (and, for the 'auto' theme, from the system's colour-scheme preference).
import { useCallback, useSyncExternalStore } from 'react';
import { PLOT_THEMES } from '../figures/themes.ts';
import type { PlotTheme } from '../figures/types.ts';
import { useStore } from './storeContext.tsx';

function canMatchMedia(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function';
}

/**
 * One MediaQueryList per query, kept: `matchMedia` parses its query on every call, and a snapshot is read on
 * every render of every plot (~1 ms a call during a drag, measured).
 */
const mediaLists = new Map<string, MediaQueryList>();
/** The matchMedia the lists came from (a test may replace it: then they are asked for again). */
let listsFrom: unknown = null;
export function mediaList(query: string): MediaQueryList | null {
  if (!canMatchMedia()) return null;
  if (listsFrom !== window.matchMedia) {
    mediaLists.clear();
    listsFrom = window.matchMedia;
  }
  let list = mediaLists.get(query);
  if (!list) {
    list = window.matchMedia(query);
    mediaLists.set(query, list);
  }
  return list;
}

/** Whether the CSS media query `query` matches, re-rendering when that changes (false without matchMedia). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const mq = mediaList(query);
      if (!mq) return () => {};
      mq.addEventListener('change', onChange);
      return () => mq.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => mediaList(query)?.matches ?? false,
    () => false,
  );
}

export type ResolvedTheme = PlotTheme['name'];

export function useResolvedTheme(): ResolvedTheme {
  const theme = useStore((s) => s.theme);
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  return theme === 'auto' ? (dark ? 'dark' : 'light') : theme;
}

export function usePlotTheme(): PlotTheme {
  return PLOT_THEMES[useResolvedTheme()];
}
