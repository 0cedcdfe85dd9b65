import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { reportBundleWeight } from './build/bundle-weight';

/**
 * The portal (and, from issue 15, the workbench) as one single-page app. `npm run dev:web` serves it with hot reload on
 * port 5173 and forwards /v1 and /portal-config.json to the platform `npm start` runs (TONGBAN_API, default :3000).
 */
const platform = process.env.TONGBAN_API ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [vue(), reportBundleWeight()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // the contract's types and the typed client the scripts use: one client for every caller of the API
      '@contract': fileURLToPath(new URL('../scripts/api', import.meta.url)),
      // the vocabulary the API writes in (statuses, the rights notice): pure modules of the kernel with no imports
      '@kernel': fileURLToPath(new URL('../functions/kernel', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/v1': platform, '/portal-config.json': platform },
  },
  build: {
    // TONGBAN_WEB_DIST: another output directory, so two builds (two browser-test runs side by side) never share one
    outDir: process.env.TONGBAN_WEB_DIST ?? 'dist',
    emptyOutDir: true,
    // the weight that counts is the gzipped first load, reported by reportBundleWeight; this only silences the raw-size warning
    chunkSizeWarningLimit: 1024,
  },
});
