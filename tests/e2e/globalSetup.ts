/**
 * Serves the production build (dist/, built by `npm run test:e2e`) on a free local port for the e2e tests.
 * Without Chromium the e2e tests are skipped with one loud line, except under CI=true where that is a failure.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (chromiumPath === undefined) {
    const how =
      'install it with: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH)';
    if (process.env.CI === 'true')
      throw new Error(`CI=true and no Chromium found at /usr/bin/chromium: ${how}`);
    console.warn(`\n!!!!! E2E TESTS SKIPPED: no Chromium found at /usr/bin/chromium; ${how} !!!!!\n`);
  }
  // CARDINAL_DIST lets several builds be tested side by side (e.g. `vite build --outDir /tmp/x`).
  const outDir = process.env.CARDINAL_DIST ?? 'dist';
  // The tests need the clock hook (window.__cardinalTest), which only `vite build --mode e2e` includes; a
  // production build in dist/ (npm run build) is rebuilt in e2e mode here.
  if (process.env.CARDINAL_DIST === undefined && !hasTestHooks(outDir))
    await build({ mode: 'e2e', logLevel: 'warn', build: { outDir } });
  if (!existsSync(`${outDir}/index.html`))
    throw new Error(`${outDir}/ is missing: run \`npm run test:e2e\`, which builds first`);
  const server = await preview({
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}`);
  project.provide('chromiumPath', chromiumPath ?? '');
  return async () => {
    await server.close();
  };
}

/** Whether the build in `outDir` is an e2e build (it carries the test clock hook). */
function hasTestHooks(outDir: string): boolean {
  const assets = `${outDir}/assets`;
  if (!existsSync(assets)) return false;
  return readdirSync(assets).some(
    (name) => name.endsWith('.js') && readFileSync(`${assets}/${name}`, 'utf8').includes('__cardinalTest'),
  );
}
