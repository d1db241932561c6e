// Links and <iframe> code for embedding one view (the Share / embed dialog), built from the same codec as
// every other link so that an embed restores exactly the state its author saw.
import type { AppState, ThemeName } from './appState.ts';
import type { EmbedViewId } from './viewIds.ts';
import { stateToHash } from './urlCodec.ts';

export interface EmbedOptions {
  /** '' = the whole app. */
  view: EmbedViewId | '';
  controls: boolean;
  /** Show the loaded scenario's explanation above the view (`explain=1`). */
  explain: boolean;
  theme: ThemeName;
  width: number;
  height: number;
}

export function embedUrl(state: Readonly<AppState>, base: string, o: EmbedOptions): string {
  const hash = stateToHash({
    ...state,
    embed: o.view,
    showControls: o.view === '' ? true : o.controls,
    showExplanation: o.view !== '' && o.explain,
    theme: o.theme,
  });
  return `${base.replace(/#.*$/, '')}${hash}`;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The iframe code: sandboxed to scripts (plus downloads, for the export buttons), lazy-loaded, with a
 * title for screen readers. No allow-same-origin: the embed needs no cookies or storage of the host.
 */
export function iframeCode(url: string, title: string, o: Pick<EmbedOptions, 'width' | 'height'>): string {
  return (
    `<iframe src="${escapeAttr(url)}" title="${escapeAttr(title)}" width="${o.width}" height="${o.height}" ` +
    `style="border:0;max-width:100%" loading="lazy" sandbox="allow-scripts allow-downloads"></iframe>`
  );
}
