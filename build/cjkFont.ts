// The Chinese UI must draw on machines with no CJK system font (most Linux desktops, CI). So the build cuts
// Noto Sans SC (SIL OFL, from the @expo-google-fonts/noto-sans-sc package) down to exactly the characters
// that the source code contains, in a Regular and a Bold face, every time it runs: a new Chinese string can
// never miss its glyphs, and nothing is committed by hand or downloaded at run time.
//
// The faces and their @font-face rules are written to node_modules/.cache/dpo-explorer-cjk/ and imported
// by src/main.tsx as `@cjk-font/faces.css`, so Vite fingerprints, copies or inlines them like any asset.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, relative, resolve } from 'node:path';
import subsetFont from 'subset-font';
import type { Plugin, ViteDevServer } from 'vite';

/** The family the app's font stacks name first (src/styles/app.css, src/figures/themes.ts). */
export const CJK_FONT_FAMILY = 'DPO Explorer Noto Sans SC';

/**
 * The code points the bundled faces serve: CJK radicals, punctuation, kana, ideographs, compatibility
 * ideographs, vertical and full-width forms. Latin text falls through to the system font.
 */
export const CJK_RANGES: readonly (readonly [number, number])[] = [
  [0x2e80, 0x2fff],
  [0x3000, 0x303f],
  [0x3040, 0x9fff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
];

export const isCjk = (codePoint: number): boolean =>
  CJK_RANGES.some(([lo, hi]) => codePoint >= lo && codePoint <= hi);

/** Punctuation a translator may type next week: cheap to carry, ugly when missing. */
const ALWAYS = '，。、；：？！（）《》【】「」『』～·';

const FACES = [
  { weight: 400, file: 'noto-sans-sc-400.woff2', source: '400Regular/NotoSansSC_400Regular.ttf' },
  { weight: 700, file: 'noto-sans-sc-700.woff2', source: '700Bold/NotoSansSC_700Bold.ttf' },
] as const;

const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.css', '.html']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE_EXTENSIONS.has(extname(entry.name)) ? [path] : [];
  });
}

/** Every CJK character in the app's source (src/ and index.html), sorted and unique. */
export function cjkCharacters(root: string): string {
  const found = new Set<string>(ALWAYS);
  const files = [...sourceFiles(join(root, 'src')), join(root, 'index.html')];
  for (const file of files) {
    if (!existsSync(file)) continue;
    for (const ch of readFileSync(file, 'utf8')) if (isCjk(ch.codePointAt(0)!)) found.add(ch);
  }
  return [...found].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}

function unicodeRange(): string {
  const hex = (n: number) => n.toString(16).toUpperCase();
  return CJK_RANGES.map(([lo, hi]) => `U+${hex(lo)}-${hex(hi)}`).join(', ');
}

export function fontFacesCss(): string {
  return FACES.map(
    ({ weight, file }) => `@font-face {
  font-family: '${CJK_FONT_FAMILY}';
  font-style: normal;
  font-weight: ${weight};
  font-display: swap;
  src: url('./${file}') format('woff2');
  unicode-range: ${unicodeRange()};
}
`,
  ).join('');
}

/** The full Noto Sans SC face of one weight, as shipped by the font package. */
export function sourceFont(weight: 400 | 700): Buffer {
  const require = createRequire(import.meta.url);
  const dir = resolve(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'), '..');
  return readFileSync(join(dir, FACES.find((f) => f.weight === weight)!.source));
}

export async function subsetCjkFont(chars: string, weight: 400 | 700): Promise<Buffer> {
  return subsetFont(sourceFont(weight), chars, { targetFormat: 'woff2' });
}

function writeAtomically(path: string, data: string | Buffer): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

export const cacheDir = (root: string): string => join(root, 'node_modules', '.cache', 'dpo-explorer-cjk');

/**
 * Writes the faces and faces.css for the characters the source has now into `dir`, unless the same set
 * was written already. Returns the characters.
 */
export async function ensureCjkFonts(root: string, dir = cacheDir(root)): Promise<string> {
  const chars = cjkCharacters(root);
  const stamp = createHash('sha256').update(chars).update(fontFacesCss()).digest('hex');
  const stampFile = join(dir, 'stamp.txt');
  const done =
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === stamp &&
    FACES.every(({ file }) => existsSync(join(dir, file)));
  if (done) return chars;
  mkdirSync(dir, { recursive: true });
  for (const { weight, file } of FACES) writeAtomically(join(dir, file), await subsetCjkFont(chars, weight));
  writeAtomically(join(dir, 'chars.txt'), chars);
  writeAtomically(join(dir, 'faces.css'), fontFacesCss());
  writeAtomically(stampFile, stamp);
  return chars;
}

/** Resolves `@cjk-font/…` to the generated faces, made before anything is bundled or served. */
export function cjkFontPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'dpo-explorer:cjk-font',
    enforce: 'pre',
    async config(config) {
      root = resolve(config.root ?? process.cwd());
      await ensureCjkFonts(root);
      return { resolve: { alias: [{ find: /^@cjk-font\//, replacement: `${cacheDir(root)}/` }] } };
    },
    configureServer(server: ViteDevServer) {
      // A new Chinese string typed while the dev server runs: cut the faces again and reload.
      server.watcher.on('change', (file) => {
        if (relative(root, file).startsWith('..') || file.startsWith(cacheDir(root))) return;
        if (!SOURCE_EXTENSIONS.has(extname(file))) return;
        const before = readFileSync(join(cacheDir(root), 'chars.txt'), 'utf8');
        if (cjkCharacters(root) === before) return;
        void ensureCjkFonts(root).then(() => server.ws.send({ type: 'full-reload' }));
      });
    },
  };
}
