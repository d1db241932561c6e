import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('the bundled Chinese font subset', () => {
  const covered = new Set(read('src/assets/fonts/noto-sans-sc-subset.chars.txt'));
  const sources = [
    ...readdirSync(new URL('src/i18n/', root))
      .filter((f) => f.endsWith('.zh.ts'))
      .map((f) => `src/i18n/${f}`),
    'src/figures/strings.zh.ts',
  ];

  it('has a glyph for every CJK character of the Chinese tables (else run scripts/subset-cjk-font.sh)', () => {
    const missing = new Set<string>();
    for (const path of sources)
      for (const ch of read(path)) if (ch.codePointAt(0)! >= 0x2e80 && !covered.has(ch)) missing.add(ch);
    expect([...missing].join('')).toBe('');
  });

  it('is a real woff2 file', () => {
    const bytes = readFileSync(new URL('src/assets/fonts/noto-sans-sc-subset.woff2', root));
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(bytes.length).toBeGreaterThan(10_000);
  });
});
