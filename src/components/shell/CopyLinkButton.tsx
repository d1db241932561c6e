// Copies the link that restores the current state. Falls back to a selectable text field where the
// clipboard API is missing (http pages, sandboxed iframes).
import { useState } from 'react';
import { useAppStore } from '../../state/store.ts';
import { shareableUrl } from '../../state/urlSync.ts';
import { useStrings } from '../strings.tsx';

export function CopyLinkButton() {
  const strings = useStrings().shell;
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [fallback, setFallback] = useState('');

  const copy = async () => {
    const url = shareableUrl(useAppStore, window.location.href);
    try {
      await navigator.clipboard.writeText(url);
      setStatus('copied');
      setFallback('');
    } catch {
      setStatus('failed');
      setFallback(url);
    }
  };

  return (
    <span className="copy-link">
      <button type="button" onClick={() => void copy()}>
        {strings.copyLink}
      </button>
      <span role="status" className="copy-status">
        {status === 'copied' ? strings.linkCopied : status === 'failed' ? strings.copyFailed : ''}
      </span>
      {fallback && (
        <input
          className="copy-fallback"
          readOnly
          value={fallback}
          aria-label={strings.copyLink}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </span>
  );
}
