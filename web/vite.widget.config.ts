/**
 * `widget.js`: the embed script a zone pastes into any website. One classic IIFE (no modules, no
 * chunks), written next to the app in `dist/web/` after the app's build (which empties the folder).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  publicDir: false,
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: false,
    target: 'es2019',
    minify: true,
    sourcemap: false,
    lib: {
      entry: here('src/widget/widget.ts'),
      formats: ['iife'],
      name: 'XiaoxinWidget',
      fileName: () => 'widget.js',
    },
  },
});
