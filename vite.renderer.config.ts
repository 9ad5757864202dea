import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The renderer alone, for the web preview and the Chromium end-to-end tests (no Electron needed). */
export default defineConfig({
  root: resolve('src-renderer'),
  base: './',
  plugins: [react()],
  build: { outDir: resolve('out/renderer'), emptyOutDir: true },
});
