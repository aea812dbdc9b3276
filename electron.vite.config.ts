import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three bundles: the Electron main process (which hosts the core), the sandboxed preload
// (must be CommonJS: sandboxed preloads cannot be ES modules) and the React renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The letters worker (worker_threads) is a second entry: out/main/letters-worker.js beside
        // index.js, found by src/core/jobs/worker-url.ts relative to import.meta.url. Shared code
        // goes into chunks in the same folder, so that URL resolves from whichever file holds it.
        input: { index: resolve('src/main/index.ts'), 'letters-worker': resolve('src/core/jobs/worker.ts') },
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
