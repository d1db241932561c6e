// Where downloads are blocked (a sandboxed iframe without allow-downloads), the exported file is shown
// instead: text in a read-only textarea to copy from, an image to right-click. A modal <dialog> where the
// browser has one, an inline open one otherwise.
import { useEffect, useId, useRef } from 'react';
import { useStrings } from '../strings.tsx';

export interface ExportedFile {
  /** e.g. dpo-explorer-loss.csv */
  name: string;
  blob: Blob;
  /** What the dialog shows: the text itself, or the image's data: URL. */
  preview: { kind: 'text'; text: string } | { kind: 'image'; url: string };
}

export interface ExportFallbackDialogProps {
  file: ExportedFile;
  /** The plot's title: the image's alternative text. */
  title: string;
  onClose: () => void;
}

export function ExportFallbackDialog({ file, title, onClose }: ExportFallbackDialogProps) {
  const strings = useStrings().views.exportMenu;
  const ref = useRef<HTMLDialogElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const headingId = useId();
  const hintId = useId();

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (typeof d.showModal === 'function') {
      if (!d.open) d.showModal();
    } else d.setAttribute('open', '');
    const text = textRef.current;
    if (text) {
      text.focus();
      text.select();
    }
    // No close() on unmount: removing the element takes it out of the top layer, and a queued `close`
    // event would call onClose again (StrictMode runs this effect twice).
  }, []);

  const close = () => {
    const d = ref.current;
    if (d && typeof d.close === 'function' && d.open) d.close();
    else onClose();
  };

  return (
    <dialog
      ref={ref}
      className="export-dialog"
      aria-labelledby={headingId}
      aria-describedby={hintId}
      // Fired by close() and by Escape on a modal dialog.
      onClose={onClose}
    >
      <h2 id={headingId} className="export-dialog-title" translate="no">
        {file.name}
      </h2>
      <p id={hintId}>{file.preview.kind === 'text' ? strings.textHint : strings.imageHint}</p>
      {file.preview.kind === 'text' ? (
        <textarea
          ref={textRef}
          className="export-dialog-text"
          readOnly
          rows={12}
          value={file.preview.text}
          aria-labelledby={headingId}
          translate="no"
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : (
        <img className="export-dialog-image" src={file.preview.url} alt={title} />
      )}
      <div className="export-dialog-actions">
        <button type="button" onClick={close}>
          {strings.close}
        </button>
      </div>
    </dialog>
  );
}
