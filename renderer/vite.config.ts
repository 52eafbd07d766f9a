import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// This file runs in Node (Vite loads it), but it sits in renderer/, where
// Node imports are banned: import.meta.dirname needs none.
const here = import.meta.dirname;

// The wall loads from files (Electron, a custom protocol) and from any path
// of a web server, so every asset URL is relative.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}/../dist/renderer`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // One bundle read from disk or loopback, never over a slow network:
    // ECharts and React make it about 870 kB (280 kB gzipped), and that is fine.
    chunkSizeWarningLimit: 1_000,
  },
});
