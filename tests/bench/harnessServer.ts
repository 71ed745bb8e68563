import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { preview } from 'vite';
import { findChromium, launchChromium } from '../e2e/chromium';

type Served = { port: number; browser: Browser; close: () => Promise<void> };

/**
 * The bench harness build (vite.bench.config.ts) served on a free port (or `port`: a kept browser profile finds
 * its databases again only at the same address), and a Chromium to drive it.
 */
export function openHarness(port = 0): Promise<Served> {
  return serve({ configFile: fileURLToPath(new URL('./vite.bench.config.ts', import.meta.url)) }, port);
}

/** A production build of the app (`outDir`, e.g. dist/bench-app) served on a free port, and a Chromium. */
export function openAppBuild(outDir: string): Promise<Served> {
  return serve({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    build: { outDir },
    logLevel: 'warn',
  });
}

async function serve(config: Parameters<typeof preview>[0], port = 0): Promise<Served> {
  const chromium = findChromium();
  if (!chromium)
    throw new Error('npm run bench needs Chromium at /usr/bin/chromium (apt-get install -y chromium)');
  const server = await preview({ ...config, preview: { port, strictPort: port !== 0, host: '127.0.0.1' } });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const browser = await launchChromium(chromium);
  return {
    port: address.port,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
