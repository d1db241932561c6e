// How many small-multiple panels fit side by side: four on a wide screen, two on a tablet, one on a phone,
// where side-by-side panels would squeeze their axis titles into each other.
import { useSyncExternalStore } from 'react';
import { mediaList } from '../environment.tsx';

const QUERIES: [string, number][] = [
  ['(max-width: 560px)', 1],
  ['(max-width: 900px)', 2],
];

function columns(): number {
  for (const [q, n] of QUERIES) if (mediaList(q)?.matches) return n;
  return 4;
}

function subscribe(onChange: () => void): () => void {
  const lists = QUERIES.flatMap(([q]) => mediaList(q) ?? []);
  lists.forEach((l) => l.addEventListener('change', onChange));
  return () => lists.forEach((l) => l.removeEventListener('change', onChange));
}

export function usePanelColumns(): number {
  return useSyncExternalStore(subscribe, columns, () => 4);
}
