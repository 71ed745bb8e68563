import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { busyPortMessage, startLogger } from './tests/startOutput.ts';

/** `npm start` prints only the address (see tests/startOutput.ts); every other command logs as Vite does. */
const isStart = process.env.npm_lifecycle_event === 'start';

const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Offline: a Workbox service worker precaches the whole build (pages, lazy chunks, the import worker, sql.js's
 * wasm, icons). It is registered from src/app/serviceWorker.ts ('prompt': a new version waits until the user
 * chooses Reload, so nothing switches mid-review). No inline script is injected (the CSP forbids it).
 */
/**
 * The Content-Security-Policy of the built app, as a meta tag (added at build time only: the dev server's hot
 * reload needs an inline script). No inline script and no eval; 'wasm-unsafe-eval' lets sql.js compile its wasm
 * (Anki import). Styles set through React's style prop go through the CSSOM, which style-src does not block.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const csp: Plugin = {
  name: 'cardinal-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
};

const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  includeAssets: ['favicon.svg', 'icon.svg', 'apple-touch-icon.png'],
  manifest: {
    name: 'Cardinal',
    short_name: 'Cardinal',
    description: 'Spaced-repetition flashcards and practice exams for certification study.',
    lang: 'en',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#b3261e',
    background_color: '#fbfaf8',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,wasm,webmanifest}'],
    // The main chunk carries the shipped deck and sql.js's wasm is ~650 kB: both must be cached.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
  },
});

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
  plugins: [react(), preloadHomeChunks(), busyPortMessage(), pwa, csp],
  ...(isStart ? { customLogger: startLogger() } : {}),
  // Source maps only on request (SOURCEMAP=1 npm run build): the served build stays lean.
  build: { target: 'es2022', sourcemap: process.env.SOURCEMAP === '1' },
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
          // Generous for a loaded 2-core CI machine; tests assert behaviour, never time.
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
