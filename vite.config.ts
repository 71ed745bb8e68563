import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** Modules the home page needs right after the shell: fetched in parallel with it, not after it. */
const PRELOADED = ['src/app/boot.ts', 'src/features/home/HomePage.tsx'];

/** Adds <link rel="modulepreload"> for the chunks of PRELOADED modules and the chunks they import. */
function preloadHomeChunks(): Plugin {
  return {
    name: 'cardinal-preload-home',
    apply: 'build',
    transformIndexHtml(_html, ctx) {
      const bundle = ctx.bundle;
      if (!bundle) return [];
      const files = new Set<string>();
      const add = (fileName: string) => {
        const chunk = bundle[fileName];
        if (files.has(fileName) || chunk?.type !== 'chunk') return;
        files.add(fileName);
        for (const imported of chunk.imports) add(imported);
      };
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk' && PRELOADED.some((m) => chunk.facadeModuleId?.endsWith(m)))
          add(chunk.fileName);
      if (ctx.chunk) for (const own of [ctx.chunk.fileName, ...ctx.chunk.imports]) files.delete(own);
      return [...files].map((file) => ({
        tag: 'link',
        attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
        injectTo: 'head' as const,
      }));
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadHomeChunks()],
  // Source maps only on request (SOURCEMAP=1 npm run build): the served build stays lean.
  build: { target: 'es2022', sourcemap: process.env.SOURCEMAP === '1' },
  // Module workers: the import worker loads the Anki reader as its own chunk, only for .apkg files.
  worker: { format: 'es' },
  preview: { host: '127.0.0.1' },
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
          // A busy 2-core machine (CI beside other work) stretches the slower component tests past 5 s.
          testTimeout: 20_000,
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
          // One bench at a time: they share the machine's cores with Chromium.
          fileParallelism: false,
        },
      },
    ],
  },
});
