import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Builds the bench harnesses into dist/bench (production mode, like the app). */
export default defineConfig({
  root: here,
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/bench', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The review harness (index.html) and the exam harness (exam.html).
    rollupOptions: {
      input: {
        review: fileURLToPath(new URL('./index.html', import.meta.url)),
        exam: fileURLToPath(new URL('./exam.html', import.meta.url)),
      },
    },
  },
  preview: { host: '127.0.0.1' },
});
