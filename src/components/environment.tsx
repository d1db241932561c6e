// The language table and plot theme every view reads, resolved once from the store (and, for the 'auto'
// theme, from the system's colour-scheme preference).
import { useSyncExternalStore } from 'react';
import { PLOT_THEMES } from '../figures/themes.ts';
import type { PlotTheme } from '../figures/types.ts';
import { LANGUAGES, type LanguageTable } from '../i18n/languages.ts';
import { useStore } from './storeContext.tsx';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeDark(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  const mq = window.matchMedia(DARK_QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

function prefersDark(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia(DARK_QUERY).matches
  );
}

export type ResolvedTheme = PlotTheme['name'];

export function useResolvedTheme(): ResolvedTheme {
  const theme = useStore((s) => s.theme);
  const dark = useSyncExternalStore(subscribeDark, prefersDark, () => false);
  return theme === 'auto' ? (dark ? 'dark' : 'light') : theme;
}

export function usePlotTheme(): PlotTheme {
  return PLOT_THEMES[useResolvedTheme()];
}

export function useLanguage(): LanguageTable {
  return LANGUAGES[useStore((s) => s.lang)];
}
