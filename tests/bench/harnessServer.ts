import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium, launchChromium } from '../e2e/chromium';

/**
 * Where the bench opens its pages. By default each context is a Chromium profile of its own in a fresh folder on
 * disk (`launchPersistentContext`), so IndexedDB writes to disk as it does for a user. `browser.newContext()`
 * gives an off-the-record context whose IndexedDB lives in memory: faster, and not what users have.
 * BENCH_STORAGE=memory uses those instead (to compare, or where the disk is slow).
 */
export type BenchBrowser = {
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  /** A page in a context of its own; closing the page closes the context. */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
  /** "disk" or "memory", for the printed tables. */
  storage: 'disk' | 'memory';
};

type Served = { port: number; browser: BenchBrowser; close: () => Promise<void> };

export const BENCH_STORAGE: 'disk' | 'memory' = process.env.BENCH_STORAGE === 'memory' ? 'memory' : 'disk';

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

function chromiumPath(): string {
  const path = findChromium();
  if (!path)
    throw new Error('npm run bench needs Chromium at /usr/bin/chromium (apt-get install -y chromium)');
  return path;
}

/** Contexts on disk, each in a profile folder removed when the context closes. */
function diskBrowser(executablePath: string): BenchBrowser & { closeAll: () => Promise<void> } {
  const open = new Set<BrowserContext>();
  const removals: Promise<void>[] = [];
  const remove = (dir: string) =>
    rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 }).catch((error) =>
      console.warn(`bench: could not remove ${dir}: ${String(error)}`),
    );
  const profiles = mkdtempSync(join(tmpdir(), 'cardinal-bench-profiles-'));
  const newContext = async (options: BrowserContextOptions = {}) => {
    const profile = mkdtempSync(join(profiles, 'context-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      args: CHROMIUM_ARGS,
      headless: true,
      ...options,
    });
    open.add(context);
    context.on('close', () => {
      open.delete(context);
      // Chromium's processes may still be writing the profile as the context reports closed: retried.
      removals.push(remove(profile));
    });
    return context;
  };
  return {
    storage: 'disk',
    newContext,
    newPage: async (options) => {
      const context = await newContext(options);
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('close', () => void context.close());
      return page;
    },
    closeAll: async () => {
      await Promise.all([...open].map((context) => context.close()));
      await Promise.all(removals);
      await remove(profiles);
    },
  };
}

function memoryBrowser(browser: Browser): BenchBrowser {
  return {
    storage: 'memory',
    newContext: (options) => browser.newContext(options),
    newPage: (options) => browser.newPage(options),
  };
}

async function serve(config: Parameters<typeof preview>[0], port = 0): Promise<Served> {
  const executablePath = chromiumPath();
  const server = await preview({ ...config, preview: { port, strictPort: port !== 0, host: '127.0.0.1' } });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  if (BENCH_STORAGE === 'disk') {
    const browser = diskBrowser(executablePath);
    return {
      port: address.port,
      browser,
      close: async () => {
        await browser.closeAll();
        await server.close();
      },
    };
  }
  const browser = await launchChromium(executablePath);
  return {
    port: address.port,
    browser: memoryBrowser(browser),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** The machine line printed under each bench table: cores, load, and where IndexedDB kept its data. */
export function machineLine(): string {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return `${cpus().length} cores, load average ${load}, IndexedDB ${BENCH_STORAGE === 'disk' ? 'on disk (a profile per context)' : 'in memory (BENCH_STORAGE=memory)'}`;
}
