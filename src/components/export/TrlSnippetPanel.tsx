// "Use in TRL": the page's settings as a DPOConfig / KTOConfig to paste into a training script, with a
// Copy button and the points where TRL cannot do what the page shows. Collapsed by default (<details>).
import { useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { trlSnippet, type TrlSnippetState } from '../../state/trlSnippet.ts';
import type { StoreState } from '../../state/store.ts';
import type { TrlSnippetStrings } from '../../i18n/appStrings.ts';
import { useStore } from '../storeContext.tsx';
import { useLanguage } from '../environment.tsx';
import './export.css';

function pickSnippetFields(s: StoreState): TrlSnippetState {
  return {
    losses: s.losses,
    beta: s.beta,
    labelSmoothing: s.labelSmoothing,
    ipoNormalization: s.ipoNormalization,
    discopopTau: s.discopopTau,
    desirableWeight: s.desirableWeight,
    undesirableWeight: s.undesirableWeight,
    z0Mode: s.z0Mode,
    learningRate: s.learningRate,
    optimizer: s.optimizer,
  };
}

/** Selects the text of an element, for a manual copy. */
function selectContents(el: HTMLElement): void {
  const sel = window.getSelection();
  if (!sel) return;
  const range = document.createRange();
  range.selectNodeContents(el);
  sel.removeAllRanges();
  sel.addRange(range);
}

export interface TrlSnippetPanelProps {
  /** Open at first (default: closed). */
  defaultOpen?: boolean;
  /** Default: the page language's table (tests pass their own). */
  strings?: TrlSnippetStrings;
}

export function TrlSnippetPanel({ defaultOpen = false, strings }: TrlSnippetPanelProps) {
  const fields = useStore(useShallow(pickSnippetFields));
  const lang = useLanguage();
  const t = strings ?? lang.app.trl;
  const lossLabel = lang.figures.lossLabel;
  const { code, notes } = useMemo(() => trlSnippet(fields, t, lossLabel), [fields, t, lossLabel]);
  const [status, setStatus] = useState<{ code: string; ok: boolean } | null>(null);
  const codeRef = useRef<HTMLElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setStatus({ code, ok: true });
    } catch {
      // No clipboard (http page, iframe without clipboard-write): select the code for Ctrl+C.
      if (codeRef.current) selectContents(codeRef.current);
      setStatus({ code, ok: false });
    }
  };

  // A message about an older snippet would mislead once the settings change.
  const shown = status && status.code === code ? status : null;

  return (
    <details className="trl-snippet" open={defaultOpen || undefined}>
      <summary>{t.heading}</summary>
      <p className="trl-snippet-intro">{t.intro}</p>
      <div className="trl-snippet-actions">
        <button type="button" onClick={() => void copy()}>
          {t.copy}
        </button>
        <span role="status" className="trl-snippet-status">
          {shown ? (shown.ok ? t.copied : t.copyFailed) : ''}
        </span>
      </div>
      {/* Focusable so that a keyboard can scroll long lines; a named region, since <pre> cannot be named. */}
      <pre className="trl-snippet-code" tabIndex={0} role="region" aria-label={t.codeLabel}>
        <code ref={codeRef} translate="no" className="language-python">
          {code}
        </code>
      </pre>
      {notes.length > 0 && (
        <div>
          <p className="trl-snippet-notes-heading">{t.notesHeading}</p>
          <ul className="trl-snippet-notes">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}
