import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const emptyCss = fileURLToPath(new URL('./src/styles/empty.css', import.meta.url));

export default defineConfig({
  // Relative asset paths so the build also works from a sub-folder or file://.
  base: './',
  plugins: [react()],
  // plotly's has-hover dependency reads `global`.
  define: { global: 'globalThis' },
  resolve: {
    alias: [{ find: 'maplibre-gl/dist/maplibre-gl.css', replacement: emptyCss }],
  },
  build: {
    chunkSizeWarningLimit: 1500,
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'component', environment: 'jsdom', include: ['tests/component/**/*.test.tsx'] },
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
});
