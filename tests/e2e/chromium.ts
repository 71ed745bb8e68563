/**
 * Finds the Chromium that e2e tests drive (Debian's package; no browser downloads on our machines).
 * CHROMIUM_PATH overrides the default location.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
];

export function findChromium(): string | undefined {
  return CHROMIUM_CANDIDATES.find(
    (path): path is string => path !== undefined && path !== '' && existsSync(path),
  );
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}
