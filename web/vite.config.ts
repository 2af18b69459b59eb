/**
 * The web app: `web/index.html` → `dist/web/` (index.html and hashed assets), and the back office:
 * `web/admin.html` → `dist/web/admin.html` (served at /admin), and the enterprise portal:
 * `web/enterprise.html` → `dist/web/enterprise.html` (served at /enterprise). The widget script is
 * a second, separate build (`vite.widget.config.ts`) because it must be one plain classic script.
 * Nothing is inlined into the HTML: the server's CSP allows scripts and styles from 'self' only.
 */
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [vue()],
  publicDir: here('public'),
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    // data: fonts or scripts would fall under default-src 'self'; keep every asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
    sourcemap: true,
    // The back office's charting library (ECharts, loaded on demand) is one chunk of about 560 kB.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      input: { main: here('index.html'), admin: here('admin.html'), enterprise: here('enterprise.html') },
    },
  },
  server: {
    // `npm run dev:web` next to `xiaoxin serve` on :8080.
    proxy: { '/api': 'http://localhost:8080', '/widget.js': 'http://localhost:8080' },
  },
});
