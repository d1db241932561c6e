// Saving a file from the page: a Blob behind an <a download> click. Works in sandboxed iframes that allow
// downloads; where they are blocked nothing throws, so the export menu also offers to show the contents.

/** A data: URL (base64 or percent-encoded, as Plotly.toImage returns them) as a Blob. */
export function dataUrlToBlob(url: string): Blob {
  const m = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(url);
  if (!m) throw new Error('not a data: URL');
  const mime = m[1] || 'application/octet-stream';
  if (m[2]) {
    const bin = atob(m[3]);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Blob([bytes], { type: mime });
  }
  return new Blob([decodeURIComponent(m[3])], { type: mime });
}

/** How long a download's object URL lives: long enough for a slow browser to start reading it. */
const REVOKE_AFTER_MS = 30_000;

/**
 * Starts a download of `blob` as `fileName`. Returns false when this browser cannot (no object URLs or
 * no `download` attribute), so the caller shows the contents instead.
 */
export function saveBlob(blob: Blob, fileName: string): boolean {
  if (typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function') return false;
  const a = document.createElement('a');
  if (!('download' in a)) return false;
  let url: string;
  try {
    url = URL.createObjectURL(blob);
  } catch {
    return false;
  }
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.appendChild(a);
  try {
    a.click();
  } catch {
    URL.revokeObjectURL(url);
    return false;
  } finally {
    a.remove();
  }
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  return true;
}
