// KaTeX's stylesheet names three formats of 20 font faces (60 files). Every browser we support reads woff2,
// and our formulas use only the Main, Math, AMS and Size families, so the build keeps those faces' woff2
// files only: the offline single file then inlines ~10 fonts instead of 60.
import type { Plugin } from 'vite';

const KEEP_FAMILIES = /^KaTeX_(Main|Math|AMS|Size[1-4])$/;

export function trimKatexFontFaces(css: string): string {
  return css.replace(/@font-face\{[^}]*\}/g, (face) => {
    const family = /font-family:([^;]+);/.exec(face)?.[1]?.trim() ?? '';
    if (!KEEP_FAMILIES.test(family)) return '';
    return face.replace(/src:([^;}]*)/, (_, src: string) => {
      const woff2 = src.split(',').find((part) => part.includes('format("woff2")'));
      return `src:${woff2 ?? src}`;
    });
  });
}

export function katexFontsPlugin(): Plugin {
  return {
    name: 'dpo-explorer:katex-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!/katex(\.min)?\.css($|\?)/.test(id)) return null;
      return { code: trimKatexFontFaces(code), map: null };
    },
  };
}
