// The language menu. Each option is the language's own name, marked with its lang so that a screen reader
// pronounces "中文" as Chinese whatever the page's language; the label comes from the current table.
import { LANGUAGES } from '../../i18n/languages.ts';
import type { LangCode } from '../../state/appState.ts';
import { useStrings } from '../strings.tsx';
import { ShellSelect } from './ShellSelect.tsx';

const CODES = Object.keys(LANGUAGES) as LangCode[];

export function LanguageSwitcher() {
  const strings = useStrings().shell;
  return (
    <ShellSelect field="lang" label={strings.language} className="language-switcher">
      {CODES.map((code) => (
        <option key={code} value={code} lang={LANGUAGES[code].tag}>
          {LANGUAGES[code].name}
        </option>
      ))}
    </ShellSelect>
  );
}
