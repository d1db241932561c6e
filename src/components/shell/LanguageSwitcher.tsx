// The language menu. Each option is the language's own name, marked with its lang so that a screen reader
// pronounces "中文" as Chinese whatever the page's language; the label comes from the current table.
import { LANGUAGE_NAMES } from '../../i18n/languageNames.ts';
import type { LangCode } from '../../state/appState.ts';
import { loadLanguage, useStrings } from '../strings.tsx';
import { ShellSelect } from './ShellSelect.tsx';

const CODES = Object.keys(LANGUAGE_NAMES) as LangCode[];

export function LanguageSwitcher() {
  const strings = useStrings().shell;
  return (
    <ShellSelect
      field="lang"
      label={strings.language}
      className="language-switcher"
      prepare={(code) => loadLanguage(code as LangCode)}
    >
      {CODES.map((code) => (
        <option key={code} value={code} lang={LANGUAGE_NAMES[code].tag}>
          {LANGUAGE_NAMES[code].name}
        </option>
      ))}
    </ShellSelect>
  );
}
