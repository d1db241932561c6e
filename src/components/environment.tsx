// What the page runs in: media queries, and the plot theme every view reads, resolved once from the store
// (and, for the 'auto' theme, from the system's colour-scheme preference).
import { useCallback, useSyncExternalStore } from 'react';
import { PLOT_THEMES } from '../figures/themes.ts';
import type { PlotTheme } from '../figures/types.ts';
import { useStore } from './storeContext.tsx';

function canMatchMedia(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function';
}

/** Whether the CSS media query `query` matches, re-rendering when that changes (false without matchMedia). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!canMatchMedia()) return () => {};
      const mq = window.matchMedia(query);
      mq.addEventListener('change', onChange);
      return () => mq.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => canMatchMedia() && window.matchMedia(query).matches,
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
