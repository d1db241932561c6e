// "Use in TRL": the page's settings as a DPOConfig / KTOConfig to paste into a training script, with a
// Copy button and the points where TRL cannot do what the page shows. Collapsed by default (<details>).
import { useMemo, useRef, useState } from 'react';
import { LOSS_PARAM_FIELDS, REF_SYNC_FIELDS } from '../../derive/mathParams.ts';
import { stateFields } from '../../state/pickFields.ts';
import { trlSnippet } from './trlSnippetText.ts';
import { useViewStoreFields } from '../storeContext.tsx';
import { useStrings } from '../strings.tsx';
import './export.css';

/** The settings the snippet reads (trlSnippet's argument type checks that none is missing). */
const SNIPPET_FIELDS = stateFields(
  'losses',
  ...LOSS_PARAM_FIELDS,
  'learningRate',
  'optimizer',
  'dataset',
  ...REF_SYNC_FIELDS,
);

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
}

export function TrlSnippetPanel({ defaultOpen = false }: TrlSnippetPanelProps) {
  const fields = useViewStoreFields(SNIPPET_FIELDS);
  const { trl: t, losses, thumbs } = useStrings();
  const { code, notes } = useMemo(
    () => trlSnippet(fields, t, (id) => losses[id].label, thumbs.trl),
    [fields, t, losses, thumbs],
  );
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
