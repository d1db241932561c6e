// A labelled menu of the page's header, bound to one choice field of the store (the language, the theme).
import { useId, useRef, type ReactNode } from 'react';
import type { AppState, ChoiceField } from '../../state/appState.ts';
import { useStore, useStoreApi } from '../storeContext.tsx';

export interface ShellSelectProps {
  field: ChoiceField;
  label: string;
  /** The menu's own class, beside `shell-switcher`. */
  className: string;
  /** The <option>s, one per choice of the field. */
  children: ReactNode;
  /**
   * Readies a choice before the store takes it (the language menu downloads the table first, so the page
   * does not go blank while it arrives). A failure does not block the choice.
   */
  prepare?: (value: string) => Promise<unknown>;
}

export function ShellSelect({ field, label, className, children, prepare }: ShellSelectProps) {
  const id = useId();
  const api = useStoreApi();
  const value = useStore((s) => s[field]);
  // The newest choice: one still being prepared is dropped when another is made meanwhile.
  const latest = useRef<string | null>(null);
  // The options are the field's choices, so the value read back is one of them.
  const take = (v: string) => api.getState().update({ [field]: v } as Partial<AppState>);
  const choose = (v: string) => {
    latest.current = v;
    if (!prepare) return take(v);
    void prepare(v)
      .catch(() => undefined)
      .then(() => {
        if (latest.current === v) take(v);
      });
  };
  return (
    <span className={`shell-switcher ${className}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => choose(e.currentTarget.value)}>
        {children}
      </select>
    </span>
  );
}
