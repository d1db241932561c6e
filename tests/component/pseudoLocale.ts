// A pseudo-locale for "no hard-coded English" checks: the English tables with every string bracketed ⟦…⟧.
// Rendered through LanguageTablesProvider (renderWithStore's `tables`), any text node with Latin letters and
// no bracket is hard-coded English, unless it sits in translate="no" (TRL names, formulas, code).
import type { LangCode } from '../../src/state/appState.ts';
import { LANGUAGES, type LanguageTable } from '../../src/i18n/languages.ts';
import { bracketed } from '../helpers/figureData.ts';

const PSEUDO: LanguageTable = { ...bracketed(LANGUAGES.en), tag: 'en', name: 'English' };

/** The pseudo-locale in every language slot, whatever the store's `lang`. */
export const PSEUDO_TABLES: Record<LangCode, LanguageTable> = { en: PSEUDO, zh: PSEUDO };

const LATIN_WORD = /[A-Za-z]{2,}/;
const ATTRIBUTES = ['aria-label', 'title', 'alt', 'placeholder', 'aria-valuetext'];

/** Every text node and labelling attribute under `root` with Latin words outside brackets and translate="no". */
export function untranslated(root: HTMLElement): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent ?? '';
    if (!LATIN_WORD.test(text) || text.includes('⟦') || text.includes('⟧')) continue;
    if (n.parentElement?.closest('[translate="no"]')) continue;
    found.push(text);
  }
  for (const el of root.querySelectorAll(ATTRIBUTES.map((a) => `[${a}]`).join(', '))) {
    for (const attr of ATTRIBUTES) {
      const v = el.getAttribute(attr);
      if (v && LATIN_WORD.test(v) && !v.includes('⟦')) found.push(`${attr}="${v}"`);
    }
  }
  return found;
}
