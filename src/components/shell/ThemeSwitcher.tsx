// The colour-theme menu: follow the system, light, dark, or the high-contrast projector theme.
import { useId } from 'react';
import type { AppStrings } from '../../i18n/appStrings.ts';
import type { ThemeName } from '../../state/appState.ts';
import { useStore, useStoreApi } from '../storeContext.tsx';

const THEMES: readonly ThemeName[] = ['auto', 'light', 'dark', 'projector'];

export function ThemeSwitcher({ strings }: { strings: AppStrings }) {
  const id = useId();
  const api = useStoreApi();
  const theme = useStore((s) => s.theme);
  return (
    <span className="shell-switcher theme-switcher">
      <label htmlFor={id}>{strings.theme}</label>
      <select
        id={id}
        value={theme}
        onChange={(e) => api.getState().update({ theme: e.currentTarget.value as ThemeName })}
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {strings.themeNames[t]}
          </option>
        ))}
      </select>
    </span>
  );
}
