import { defineConfig } from 'vite';

/** Builds the deck report (tests/tools/deckReport.ts) into one Node script for `npm run deck:report`. */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'tests/tools/deckReport.ts',
    outDir: 'node_modules/.cache/deck-report',
    emptyOutDir: true,
    target: 'node20',
  },
});
