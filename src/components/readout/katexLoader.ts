// KaTeX (≈77 kB gzip) and its stylesheet load on first use, in their own chunk, so the first paint does not
// wait for them; until they arrive formulas show as plain text.
import { useEffect, useState } from 'react';

export type Katex = (typeof import('katex'))['default'];

let loaded: Katex | null = null;
let pending: Promise<Katex> | null = null;

export function loadKatex(): Promise<Katex> {
  if (loaded) return Promise.resolve(loaded);
  pending ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(
    ([mod]) => (loaded = mod.default),
    (err: unknown) => {
      // Offline with a missing chunk: forget the failure so a later popover can try again.
      pending = null;
      throw err;
    },
  );
  return pending;
}

/** KaTeX once it is loaded, null before; `wanted` starts the load. */
export function useKatex(wanted: boolean): Katex | null {
  const [katex, setKatex] = useState<Katex | null>(loaded);
  useEffect(() => {
    if (!wanted || katex) return;
    let live = true;
    loadKatex().then(
      (k) => {
        if (live) setKatex(k);
      },
      () => {
        /* stay with the plain-text formula */
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, katex]);
  return katex ?? loaded;
}
