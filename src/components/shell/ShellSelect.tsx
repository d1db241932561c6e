// A labelled menu of the page's header, bound to one choice field of the store (the language, the theme).
import { useId, type ReactNode } from 'react';
import type { AppState, ChoiceField } from '../../state/appState.ts';
import { useStore, useStoreApi } from '../storeContext.tsx';

export interface ShellSelectProps {
  field: ChoiceField;
  label: string;
  /** The menu's own class, beside `shell-switcher`. */
  className: string;
  /** The <option>s, one per choice of the field. */
  children: ReactNode;
}

export function ShellSelect({ field, label, className, children }: ShellSelectProps) {
  const id = useId();
  const api = useStoreApi();
  const value = useStore((s) => s[field]);
  // The options are the field's choices, so the value read back is one of them.
  const choose = (v: string) => api.getState().update({ [field]: v } as Partial<AppState>);
  return (
    <span className={`shell-switcher ${className}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => choose(e.currentTarget.value)}>
        {children}
      </select>
    </span>
  );
}
