import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { katexFontsPlugin } from './build/katexFonts.ts';
import { cspPlugin } from './build/csp.ts';
import { cjkFontPlugin } from './build/cjkFont.ts';

const emptyCss = fileURLToPath(new URL('./src/styles/empty.css', import.meta.url));
const favicon = fileURLToPath(new URL('./public/favicon.svg', import.meta.url));

/** The single file links its icon as a data: URL: copied alone, it has no favicon.svg beside it. */
const inlineFavicon: Plugin = {
  name: 'dpo-explorer:inline-favicon',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace(
      'href="./favicon.svg"',
      `href="data:image/svg+xml,${encodeURIComponent(readFileSync(favicon, 'utf8').trim())}"`,
    ),
};

export default defineConfig(({ mode }) => {
  // `vite build --mode single` writes one self-contained dist-single/index.html for offline use.
  const single = mode === 'single';
  return {
    // Relative asset paths so the build works from any sub-folder of a web server. Not from file://:
    // browsers refuse module scripts there, so dist/index.html opened as a file stays blank; offline
    // users open the single file from `npm run build:single` (dist-single/index.html) instead.
    base: './',
    // The single file inlines its icon (inlineFavicon) and must not get public/ copied beside it.
    publicDir: single ? false : 'public',
    plugins: [
      cjkFontPlugin(),
      react(),
      katexFontsPlugin(),
      ...(single ? [inlineFavicon, viteSingleFile({ removeViteModuleLoader: true })] : []),
      cspPlugin(),
    ],
    // plotly's has-hover dependency reads `global`.
    define: { global: 'globalThis' },
    resolve: {
      alias: [{ find: 'maplibre-gl/dist/maplibre-gl.css', replacement: emptyCss }],
    },
    // Module scripts in a sandboxed iframe (opaque origin) are fetched with CORS; allow them.
    preview: { cors: true },
    build: {
      outDir: single ? 'dist-single' : 'dist',
      chunkSizeWarningLimit: 1500,
      // Fonts and icons inline into the single file; the normal build keeps them as files.
      assetsInlineLimit: single ? 100_000_000 : 4096,
      rollupOptions: {
        treeshake: {
          // The pure layers (numbers, strings, derivations, figure objects) do nothing on import but define
          // things. Saying so lets the bundler see through their index files (math/index.ts re-exports every
          // module): a module only lazy parts use (the sweeps' converge.ts) then stays out of the first
          // download instead of joining it because the index file names it.
          moduleSideEffects: [{ test: /\/src\/(math|derive|figures|i18n)\/.*\.ts$/, sideEffects: false }],
        },
      },
    },
    test: {
      projects: [
        {
          extends: true,
          test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
        },
        {
          extends: true,
          test: {
            name: 'component',
            environment: 'jsdom',
            include: ['tests/component/**/*.test.tsx'],
            setupFiles: ['tests/component/setup.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            environment: 'node',
            include: ['tests/browser/**/*.test.ts'],
            globalSetup: ['tests/browser/globalSetup.ts'],
            // One Chromium at a time on a 2-core machine; each file launches its own.
            fileParallelism: false,
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  };
});
