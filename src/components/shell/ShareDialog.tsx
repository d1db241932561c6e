// "Share / embed": builds the link and the <iframe> code for the current state (one view or the whole app,
// with or without controls, a theme and a size), with copy buttons and a live preview.
import { useEffect, useId, useRef, useState } from 'react';
import type { ThemeName } from '../../state/appState.ts';
import { EMBED_VIEW_IDS, type EmbedViewId } from '../../state/viewIds.ts';
import { embedUrl, iframeCode, type EmbedOptions } from '../../state/embedLink.ts';
import { pickAppState } from '../../state/store.ts';
import { useStoreApi } from '../storeContext.tsx';
import { useStrings } from '../strings.tsx';
import { NumberField } from '../controls/NumberField.tsx';
import { ThemeOptions } from './ThemeSwitcher.tsx';

function CopyField({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  const t = useStrings().shell.share;
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(t.copied);
    } catch {
      ref.current?.select();
      setStatus(t.copyFailed);
    }
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={ref}
        readOnly
        value={value}
        rows={value.length > 120 ? 3 : 2}
        onFocus={(e) => e.currentTarget.select()}
      />
      <button type="button" onClick={() => void copy()}>
        {copyLabel}
      </button>
      <span role="status" className="copy-status">
        {status}
      </span>
    </div>
  );
}

/**
 * A pixel size box: the same number box as the controls, so it can be cleared and retyped freely. A whole
 * number in [min, max] applies as it is typed; anything else is explained on Enter or leaving the box (a
 * visible role="alert" message) while the embed keeps its last good size.
 */
function SizeField({
  label,
  value,
  min,
  max,
  onChange,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (v: number) => void;
}) {
  return <NumberField label={label} value={value} min={min} max={max} integer onCommit={onChange} />;
}

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { shell, views } = useStrings();
  const t = shell.share;
  const api = useStoreApi();
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const [opts, setOpts] = useState<EmbedOptions>(() => ({
    view: 'loss',
    controls: false,
    // A scenario's explanation comes along when one is loaded (it can be unticked).
    explain: api.getState().preset !== '',
    theme: api.getState().theme,
    width: 720,
    height: 480,
  }));

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    dialogRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, [onClose]);

  const state = pickAppState(api.getState());
  const url = embedUrl(state, window.location.href, opts);
  const viewTitle = opts.view === '' ? t.wholeApp : views.sections[opts.view].title;
  const code = iframeCode(url, t.frameTitle(viewTitle), opts);
  const set = (patch: Partial<EmbedOptions>) => setOpts((o) => ({ ...o, ...patch }));

  return (
    <div className="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        ref={dialogRef}
      >
        <div className="dialog-header">
          <h2 id={titleId}>{t.title}</h2>
          <button type="button" onClick={onClose}>
            {t.close}
          </button>
        </div>
        <p>{t.intro}</p>
        <div className="share-options">
          <label>
            {t.viewLabel}{' '}
            <select
              value={opts.view}
              onChange={(e) => set({ view: e.currentTarget.value as EmbedViewId | '' })}
            >
              <option value="">{t.wholeApp}</option>
              {EMBED_VIEW_IDS.map((v) => (
                <option key={v} value={v}>
                  {views.sections[v].title}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              checked={opts.controls}
              disabled={opts.view === ''}
              onChange={(e) => set({ controls: e.currentTarget.checked })}
            />{' '}
            {t.showControls}
          </label>
          <label>
            <input
              type="checkbox"
              checked={opts.explain}
              disabled={opts.view === ''}
              onChange={(e) => set({ explain: e.currentTarget.checked })}
            />{' '}
            {t.showExplanation}
          </label>
          <label>
            {shell.theme}{' '}
            <select value={opts.theme} onChange={(e) => set({ theme: e.currentTarget.value as ThemeName })}>
              <ThemeOptions />
            </select>
          </label>
          <SizeField
            label={t.width}
            value={opts.width}
            min={240}
            max={2400}
            onChange={(width) => set({ width })}
          />
          <SizeField
            label={t.height}
            value={opts.height}
            min={200}
            max={2000}
            onChange={(height) => set({ height })}
          />
        </div>
        <CopyField label={t.linkLabel} value={url} copyLabel={t.copyLink} />
        <CopyField label={t.iframeLabel} value={code} copyLabel={t.copyCode} />
        <h3>{t.preview}</h3>
        <div className="share-preview">
          <iframe
            src={url}
            title={t.frameTitle(viewTitle)}
            width={opts.width}
            height={opts.height}
            sandbox="allow-scripts allow-downloads"
            style={{ border: 0, maxWidth: '100%' }}
          />
        </div>
      </div>
    </div>
  );
}
