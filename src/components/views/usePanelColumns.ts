// How many small-multiple panels fit side by side: four on a wide screen, two on a tablet, one on a phone,
// where side-by-side panels would squeeze their axis titles into each other.
import { useSyncExternalStore } from 'react';

const QUERIES: [string, number][] = [
  ['(max-width: 560px)', 1],
  ['(max-width: 900px)', 2],
];

function columns(): number {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return 4;
  for (const [q, n] of QUERIES) if (window.matchMedia(q).matches) return n;
  return 4;
}

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  const lists = QUERIES.map(([q]) => window.matchMedia(q));
  lists.forEach((l) => l.addEventListener('change', onChange));
  return () => lists.forEach((l) => l.removeEventListener('change', onChange));
}

export function usePanelColumns(): number {
  return useSyncExternalStore(subscribe, columns, () => 4);
}
