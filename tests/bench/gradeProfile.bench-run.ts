/**
 * Where grade → next card spends its time on the real review route (production build in dist/bench-app, or
 * BENCH_DIST): a V8 sampling profile over BENCH_GRADES grades after a warm-up, with the grade windows (key press →
 * next question on screen) marked in the page. Prints, for the time inside the windows, the share that is idle
 * (the main thread waiting, i.e. on IndexedDB), garbage collection, and JavaScript by function and by file. For a
 * readable breakdown build without minifying: `npx vite build --minify false --outDir dist/bench-app`.
 * Run: `npx vitest run --project bench tests/bench/gradeProfile.bench-run.ts` (BENCH_CARDS, BENCH_GRADES).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { machineLine, openAppBuild } from './harnessServer';
import { gradeLoop, seedAppDeck } from './pageTools';
import { medianP95 } from './stats';

const CARDS = Number(process.env.BENCH_CARDS ?? 100_000);
const GRADES = Number(process.env.BENCH_GRADES ?? 60);
const DIST = process.env.BENCH_DIST ?? join(import.meta.dirname, '../../dist/bench-app');

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  parent?: number;
};
type Profile = { nodes: Node[]; startTime: number; samples: number[]; timeDeltas: number[] };

async function openReview(page: Page, base: string) {
  await page.goto(`${base}/`);
  await page.locator('.deck-card .deck-counts').first().waitFor({ timeout: 120_000 });
  await seedAppDeck(page, { deckId: 'bench', now: Date.now(), cards: CARDS });
  await page.goto(`${base}/review/bench`);
  await page.getByRole('button', { name: /Show answer/ }).waitFor({ timeout: 120_000 });
}

it('profiles grade → next card', { timeout: 1_800_000 }, async () => {
  const { port, browser, close } = await openAppBuild(DIST);
  try {
    const page = await browser.newPage();
    await openReview(page, `http://127.0.0.1:${port}`);
    try {
      await gradeLoop(page, 10);
    } catch (error) {
      const shot = join(tmpdir(), 'cardinal-grade-profile-failure.png');
      await page.screenshot({ path: shot });
      console.log(`screenshot of the failure: ${shot}`);
      console.log(await page.evaluate(() => document.querySelector('main')?.outerHTML.slice(0, 3000)));
      throw error;
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    // The page's clock and the profile's clock differ: a marker call at the start ties them together.
    await page.evaluate(() => {
      Object.assign(window, { __windows: [] as Array<[number, number]> });
    });
    await cdp.send('Profiler.start');
    const startedAt = await page.evaluate(() => performance.now());
    const times = await gradeLoop(page, GRADES);
    const endedAt = await page.evaluate(() => performance.now());
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const totalMs = endedAt - startedAt;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    const files = new Map<string, number>();
    let sampled = 0;
    profile.samples.forEach((id, i) => {
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      sampled += dt;
      const node = byId.get(id);
      if (!node) return;
      const { functionName, url, lineNumber } = node.callFrame;
      const file = url.split('/').pop() || functionName;
      self.set(
        `${functionName || '(anonymous)'} ${file}:${lineNumber}`,
        (self.get(`${functionName || '(anonymous)'} ${file}:${lineNumber}`) ?? 0) + dt,
      );
      files.set(file, (files.get(file) ?? 0) + dt);
    });
    const top = (m: Map<string, number>, n: number) =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => ({
          where: k,
          'ms per grade': Number((v / GRADES).toFixed(2)),
          share: `${((v / sampled) * 100).toFixed(1)} %`,
        }));
    console.log(
      `\n${GRADES} grades at ${CARDS} cards: grade → next ${medianP95(times, 1)} ms (p50 / p95); loop ${(totalMs / GRADES).toFixed(1)} ms per grade (reveal and two frames included)`,
    );
    console.log(machineLine());
    console.table(top(files, 12));
    console.table(top(self, 30));
    expect(times.length).toBe(GRADES);
  } finally {
    await close();
  }
});
