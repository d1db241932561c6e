// What the built page downloads: the initial JS and CSS (entry + modulepreloads) and every lazy chunk,
// raw and gzip -9.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync, constants as zlibConstants } from 'node:zlib';

export interface Asset {
  file: string;
  raw: number;
  gzip: number;
}

function asset(dist: string, rel: string): Asset {
  const bytes = readFileSync(dist + rel.replace(/^\.?\//, ''));
  return {
    file: rel.replace(/^\.?\/?assets\//, ''),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: zlibConstants.Z_BEST_COMPRESSION }).length,
  };
}

export function sizes(dist: string): { initialJs: Asset[]; initialCss: Asset[]; lazy: Asset[] } {
  const html = readFileSync(`${dist}index.html`, 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const initialJs: string[] = [];
  const initialCss: string[] = [];
  for (const tag of tags) {
    if (tag.startsWith('<script') && /type="module"/.test(tag)) initialJs.push(attr(tag, 'src')!);
    else if (/rel="modulepreload"/.test(tag)) initialJs.push(attr(tag, 'href')!);
    else if (/rel="stylesheet"/.test(tag)) initialCss.push(attr(tag, 'href')!);
  }
  const initial = new Set(initialJs.map((f) => f.replace(/^\.?\//, '')));
  const lazy = readdirSync(`${dist}assets`)
    .filter((f) => f.endsWith('.js') && !initial.has(`assets/${f}`))
    .map((f) => asset(dist, `assets/${f}`))
    .sort((a, b) => b.gzip - a.gzip);
  return {
    initialJs: initialJs.map((f) => asset(dist, f)),
    initialCss: initialCss.map((f) => asset(dist, f)),
    lazy,
  };
}
