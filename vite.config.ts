import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { busyPortMessage, startLogger } from './tests/startOutput.ts';

/** `npm start` prints only the address (see tests/startOutput.ts); every other command logs as Vite does. */
const isStart = process.env.npm_lifecycle_event === 'start';

const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react(), busyPortMessage()],
  ...(isStart ? { customLogger: startLogger() } : {}),
  build: { target: 'es2022', sourcemap: true },
  // Module workers: the import worker loads the Anki reader as its own chunk, only for .apkg files.
  worker: { format: 'es' },
  // Cross-origin isolation, so the FSRS optimizer's shared WebAssembly memory can be read by the page for its
  // progress bar (SharedArrayBuffer). Everything the app loads is same-origin.
  server: { headers: crossOriginIsolation },
  // `npm start -- --port 4500` chooses another port; a busy port is one line with that fix (busyPortMessage).
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: crossOriginIsolation },
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
