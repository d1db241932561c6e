// The visible strings of the controls and readout. Components never hold English themselves: they ask
// useUiStrings(), so a Chinese table that satisfies the same UiStrings interface drops in through the provider.
import { createContext, useContext, type ReactNode } from 'react';
import type { UiStrings } from '../i18n/uiStrings.ts';
import { EN_UI } from '../i18n/ui.en.ts';

const UiStringsContext = createContext<UiStrings>(EN_UI);

export function UiStringsProvider({ strings, children }: { strings: UiStrings; children: ReactNode }) {
  return <UiStringsContext value={strings}>{children}</UiStringsContext>;
}

export function useUiStrings(): UiStrings {
  return useContext(UiStringsContext);
}
