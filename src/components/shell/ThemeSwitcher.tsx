// The colour-theme menu: follow the system, light, dark, or the high-contrast projector theme.
import { THEMES } from '../../state/appState.ts';
import { useStrings } from '../strings.tsx';
import { ShellSelect } from './ShellSelect.tsx';

/** An <option> for every colour theme, named in the current language (this menu and the embed dialog's). */
export function ThemeOptions() {
  const names = useStrings().shell.themeNames;
  return THEMES.map((t) => (
    <option key={t} value={t}>
      {names[t]}
    </option>
  ));
}

export function ThemeSwitcher() {
  const strings = useStrings().shell;
  return (
    <ShellSelect field="theme" label={strings.theme} className="theme-switcher">
      <ThemeOptions />
    </ShellSelect>
  );
}
