// The bundled Chinese faces are cut at build time from the characters in the source. These tests make the
// faces the build makes and read their character maps back with HarfBuzz: a character of any language
// table that the faces cannot draw (a box on a machine without a CJK font) fails here, on any machine.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Blob, Face } from 'harfbuzzjs';
import fontverter from 'fontverter';
import {
  CJK_FONT_FAMILY,
  cjkCharacters,
  ensureCjkFonts,
  fontFacesCss,
  isCjk,
  sourceFont,
} from '../../build/cjkFont.ts';
import { LANGUAGES } from '../../src/i18n/languages.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function codePoints(font: Buffer): Promise<Set<number>> {
  const sfnt = await fontverter.convert(font, 'sfnt');
  return new Set(new Face(new Blob(new Uint8Array(sfnt))).collectUnicodes());
}

/** Every string a language table holds, functions (templates) included through their source text. */
function tableText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'function') return value.toString();
  if (value && typeof value === 'object') return Object.values(value).map(tableText).join('\n');
  return '';
}

const cjkOf = (text: string): string[] => [...new Set(text)].filter((ch) => isCjk(ch.codePointAt(0)!));

describe('the bundled Chinese faces', () => {
  let dir: string;
  let chars: string;
  const faces = new Map<number, Set<number>>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cjk-font-'));
    chars = await ensureCjkFonts(root, dir);
    for (const weight of [400, 700])
      faces.set(weight, await codePoints(readFileSync(join(dir, `noto-sans-sc-${weight}.woff2`))));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('cover every CJK character of every language table, in both weights', () => {
    const text = Object.values(LANGUAGES).map(tableText).join('\n');
    const needed = cjkOf(text);
    expect(needed.length).toBeGreaterThan(300);
    for (const [weight, cmap] of faces) {
      const missing = needed.filter((ch) => !cmap.has(ch.codePointAt(0)!));
      expect({ weight, missing: missing.join('') }).toEqual({ weight, missing: '' });
    }
  });

  it('cover every CJK character anywhere in src/ and index.html', () => {
    for (const [weight, cmap] of faces) {
      const missing = [...chars].filter((ch) => !cmap.has(ch.codePointAt(0)!));
      expect({ weight, missing: missing.join('') }).toEqual({ weight, missing: '' });
    }
  });

  it('follow the source: a character added to the source is in the next cut', () => {
    expect(cjkCharacters(root)).toBe(chars);
    // The source scan is what the build cuts from; the tables are only part of the source.
    const tables = cjkOf(Object.values(LANGUAGES).map(tableText).join('\n'));
    expect(tables.every((ch) => chars.includes(ch))).toBe(true);
  });

  it('are small woff2 files, far smaller than the full face', async () => {
    for (const weight of [400, 700] as const) {
      const bytes = readFileSync(join(dir, `noto-sans-sc-${weight}.woff2`));
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
      expect(bytes.length).toBeGreaterThan(10_000);
      expect(bytes.length).toBeLessThan(sourceFont(weight).length / 20);
    }
  });

  it('are declared for CJK code points only, under the family the font stacks name first', () => {
    const css = fontFacesCss();
    expect(css.match(/@font-face/g)).toHaveLength(2);
    expect(css).toContain(`font-family: '${CJK_FONT_FAMILY}'`);
    expect(css).toMatch(/font-weight: 400;[\s\S]*font-weight: 700;/);
    expect(css).not.toMatch(/U\+0{0,3}[0-7][0-9A-F]-/); // nothing of Latin
    const appCss = readFileSync(join(root, 'src/styles/app.css'), 'utf8');
    expect(/--font:\s*'([^']+)'/.exec(appCss)?.[1]).toBe(CJK_FONT_FAMILY);
    expect(readFileSync(join(root, 'src/main.tsx'), 'utf8')).toContain("import '@cjk-font/faces.css'");
  });
});
