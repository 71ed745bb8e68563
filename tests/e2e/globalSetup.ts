/**
 * Serves the production build (dist/, built by `npm run test:e2e`) on a free local port for the e2e tests.
 * Without Chromium the e2e tests are skipped with one loud line, except under CI=true where that is a failure.
 */
import { existsSync } from 'node:fs';
import { preview } from 'vite';
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
