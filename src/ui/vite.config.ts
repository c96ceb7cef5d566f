import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The web explorer: built into dist/ui and served by `newsgraph serve` (no CDN, works offline). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../../dist/ui', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    modulePreload: { polyfill: false },
  },
  logLevel: 'warn',
});
