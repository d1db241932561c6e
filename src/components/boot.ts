// What the page does before React renders, imported first by main.tsx so that it runs before React DOM (the
// largest module of the first download) is evaluated: the downloads it starts overlap that evaluation.
import { useAppStore } from '../state/store.ts';
import { startUrlSync } from '../state/urlSync.ts';
import { loadLanguage } from './strings.tsx';
import { preloadFirstScreen } from './pageParts.tsx';

// Read the link before the first render, so the page never flashes the defaults.
startUrlSync(useAppStore);

// Ask, at once and side by side, for all that the first render waits for: the language table and the code
// of the first screen's views and numbers (pageParts.tsx). Not Plotly: its evaluation is one long task
// that, arriving before the first render, would hold back the controls; the plots ask for it once mounted.
const first = useAppStore.getState();

/** Settles when the first screen's table and parts have arrived (or failed: they ask again when needed). */
export const firstScreen: Promise<unknown> = Promise.allSettled([
  loadLanguage(first.lang),
  preloadFirstScreen(first.embed),
]);
