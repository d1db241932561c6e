// What the page does before React renders, imported first by main.tsx so that it runs before React DOM (the
// largest module of the first download) is evaluated: the downloads it starts overlap that evaluation.
import { useAppStore } from '../state/store.ts';
import { startUrlSync } from '../state/urlSync.ts';
import { loadLessonData, needsLessonData } from '../state/urlCodec.ts';
import { loadLanguage } from './strings.tsx';
import { preloadFirstScreen } from './pageParts.tsx';

// Read the link before the first render, so the page never flashes the defaults. A link holding an
// instructor's lesson (`lessondata=`) first loads the lesson reader, a chunk of its own.
const linkRead: Promise<unknown> = needsLessonData(window.location.hash)
  ? loadLessonData().then(
      () => startUrlSync(useAppStore),
      () => startUrlSync(useAppStore),
    )
  : Promise.resolve(startUrlSync(useAppStore));

/** Settles when the first screen's table and parts have arrived (or failed: they ask again when needed). */
export const firstScreen: Promise<unknown> = linkRead.then(() => {
  // Ask, at once and side by side, for all that the first render waits for: the language table and the code
  // of the first screen's views and numbers (pageParts.tsx). Not Plotly: its evaluation is one long task
  // that, arriving before the first render, would hold back the controls; the plots ask for it once mounted.
  const first = useAppStore.getState();
  return Promise.allSettled([loadLanguage(first.lang), preloadFirstScreen(first.embed)]);
});
