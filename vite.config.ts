import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022', sourcemap: true },
  // Module workers: the import worker loads the Anki reader as its own chunk, only for .apkg files.
  worker: { format: 'es' },
  // Cross-origin isolation, so the FSRS optimizer's shared WebAssembly memory can be read by the page for its
  // progress bar (SharedArrayBuffer). Everything the app loads is same-origin.
  server: { headers: crossOriginIsolation },
  preview: { host: '127.0.0.1', headers: crossOriginIsolation },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**'],
          environment: 'jsdom',
          setupFiles: ['tests/helpers/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.bench-run.ts'],
          environment: 'node',
          testTimeout: 600_000,
        },
      },
    ],
  },
});
