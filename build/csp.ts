// A Content-Security-Policy for the built page that allows only what the app needs: its own files (or,
// in the single file, exactly its inline scripts by hash), inline styles (Plotly and React set them),
// data:/blob: images and fonts (exports, inlined fonts), blob: workers (the inline sweep worker) and no
// network to any other origin. Dev mode gets none: Vite's client needs inline scripts and a websocket.
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

export function buildCsp(inlineScripts: readonly string[]): string {
  const hashes = inlineScripts.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function inlineScriptsOf(html: string): string[] {
  const out: string[] = [];
  const re = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) if (m[1].trim() !== '') out.push(m[1]);
  return out;
}

/** Adds the CSP meta tag to every emitted HTML file, after other plugins (the single-file inliner) ran. */
export function cspPlugin(): Plugin {
  return {
    name: 'dpo-explorer:csp',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
          const html = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
          const meta = `<meta http-equiv="Content-Security-Policy" content="${buildCsp(inlineScriptsOf(html))}" />`;
          file.source = html.replace(/<head>/i, `<head>\n    ${meta}`);
        }
      },
    },
  };
}
