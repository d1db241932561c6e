// The language menu. Each option is the language's own name, marked with its lang so that a screen reader
// pronounces "中文" as Chinese whatever the page's language; the label comes from the current table.
import { useId } from 'react';
import type { AppStrings } from '../../i18n/appStrings.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import type { LangCode } from '../../state/appState.ts';
import { useStore, useStoreApi } from '../storeContext.tsx';

const CODES = Object.keys(LANGUAGES) as LangCode[];

export function LanguageSwitcher({ strings }: { strings: AppStrings }) {
  const id = useId();
  const api = useStoreApi();
  const lang = useStore((s) => s.lang);
  return (
    <span className="shell-switcher language-switcher">
      <label htmlFor={id}>{strings.language}</label>
      <select
        id={id}
        value={lang}
        onChange={(e) => api.getState().update({ lang: e.currentTarget.value as LangCode })}
      >
        {CODES.map((code) => (
          <option key={code} value={code} lang={LANGUAGES[code].tag}>
            {LANGUAGES[code].name}
          </option>
        ))}
      </select>
    </span>
  );
}
