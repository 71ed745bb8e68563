/**
 * Browse at 1,000 / 10,000 / 100,000 cards in Chromium (`npm run bench`, or this file alone with
 * `npx vitest run --project bench tests/bench/browse.bench-run.ts` after building the harness): the first load of
 * the list, a search's first results (rare word, common word, two words), and scrolling the virtual table.
 * Target (issue 12): first results of a search under 100 ms at 100,000. Measures; asserts nothing about time.
 *
 * Env: BENCH_SIZES (default 1000,10000,100000); BENCH_BROWSE_REPEAT=n runs the searches n times (default 3) and
 * shows each one's median; BENCH_BROWSE_TRACE=1 prints every IndexedDB request of the last round of searches
 * (ms after Enter), a per-phase breakdown; BENCH_BROWSE_BULK=0 leaves out the bulk action;
 * BENCH_BROWSE_PROFILE=<dir> keeps Chromium's profile there, so a later run reuses the seeded databases.
 */
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';
import { machineLine, openHarness } from './harnessServer';
import { median, percentile } from './stats';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const SCROLLS = 40;
const REPEAT = Number(process.env.BENCH_BROWSE_REPEAT ?? 3);
const TRACE = process.env.BENCH_BROWSE_TRACE === '1';
const BULK = process.env.BENCH_BROWSE_BULK !== '0';
const PROFILE = process.env.BENCH_BROWSE_PROFILE;

type BrowseBench = {
  seed: (n: number, reuse: boolean) => Promise<{ seedMs: number }>;
  open: () => Promise<number>;
  search: (q: string, trace: boolean) => Promise<{ ms: number; countMs: number; status: string }>;
  scroll: (steps: number, by: number) => Promise<{ toRows: number[]; toFrame: number[] }>;
  bulk: (n: number) => Promise<{
    suspendMs: number;
    undoMs: number;
    raw: { suspendMs: number; undoMs: number };
    message: string;
    suspendedLeft: number;
  }>;
};

it('measures Browse search and scroll', { timeout: 900_000 }, async () => {
  // A kept profile's databases belong to the address they were made at: always the same port then.
  const served = await openHarness(PROFILE ? 4791 : 0);
  const { port } = served;
  // A kept profile (BENCH_BROWSE_PROFILE) instead of the harness's fresh one: its databases outlive the run.
  const kept = PROFILE
    ? await chromium.launchPersistentContext(PROFILE, {
        executablePath: findChromium(),
        args: CHROMIUM_ARGS,
        headless: true,
        viewport: { width: 1280, height: 800 },
      })
    : undefined;
  const newPage = () =>
    kept ? kept.newPage() : served.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const close = async () => {
    await kept?.close();
    await served.close();
  };
  const rows: Array<Record<string, string | number>> = [];
  const bulkRows: Array<Record<string, string | number>> = [];
  try {
    for (const size of SIZES) {
      const page = await newPage();
      page.on('console', (m) => {
        if (m.text().startsWith('bench:')) console.log(m.text());
      });
      await page.goto(`http://127.0.0.1:${port}/`);
      const search = (q: string, trace = false) =>
        page.evaluate(
          ([query, t]) => (window as unknown as { browseBench: BrowseBench }).browseBench.search(query, t),
          [q, trace] as const,
        );
      console.log(`bench: browse ${size} cards: seeding…`);
      const { seedMs } = await page.evaluate(
        ([n, reuse]) => (window as unknown as { browseBench: BrowseBench }).browseBench.seed(n, reuse),
        [size, PROFILE !== undefined] as const,
      );
      const openMs = await page.evaluate(() =>
        (window as unknown as { browseBench: BrowseBench }).browseBench.open(),
      );
      // Each round: rare word, common word, two words, empty search (back to the whole list), in that order.
      const runs: Array<Record<'rare' | 'common' | 'two' | 'empty', Awaited<ReturnType<typeof search>>>> = [];
      for (let r = 0; r < REPEAT; r++) {
        const trace = TRACE && r === REPEAT - 1;
        const rare = await search('zephyr', trace);
        const common = await search('network', trace);
        const two = await search('network zeph', trace);
        const empty = await search('', trace);
        runs.push({ rare, common, two, empty });
      }
      const med = (k: 'rare' | 'common' | 'two' | 'empty', f: 'ms' | 'countMs' = 'ms') =>
        median(runs.map((run) => run[k][f]));
      const last = runs[runs.length - 1];
      if (!last) throw new Error('BENCH_BROWSE_REPEAT must be at least 1');
      const { toRows, toFrame } = await page.evaluate(
        (steps) => (window as unknown as { browseBench: BrowseBench }).browseBench.scroll(steps, 1800),
        SCROLLS,
      );
      rows.push({
        cards: size,
        'seed (s)': Number((seedMs / 1000).toFixed(1)),
        'open list (ms)': Number(openMs.toFixed(0)),
        'search rare (ms)': Number(med('rare').toFixed(1)),
        'search common (ms)': Number(med('common').toFixed(1)),
        'common counted (ms)': Number(med('common', 'countMs').toFixed(1)),
        'search 2 words (ms)': Number(med('two').toFixed(1)),
        'empty search (ms)': Number(med('empty').toFixed(1)),
        'rare → common → two (shown)': `${last.rare.status} → ${last.common.status} → ${last.two.status}`,
        'scroll p50 (ms)': Number(percentile(toRows, 50).toFixed(1)),
        'scroll p95 (ms)': Number(percentile(toRows, 95).toFixed(1)),
        'scroll p95 frame (ms)': Number(percentile(toFrame, 95).toFixed(1)),
      });
      for (const n of [10_000, 100_000].filter((k) => BULK && k <= size)) {
        const b = await page.evaluate(
          (k) => (window as unknown as { browseBench: BrowseBench }).browseBench.bulk(k),
          n,
        );
        expect(b.suspendedLeft).toBe(0);
        bulkRows.push({
          cards: size,
          selected: n,
          'suspend (ms)': Number(b.suspendMs.toFixed(0)),
          'raw IDB suspend (ms)': Number(b.raw.suspendMs.toFixed(0)),
          'suspend ÷ raw': Number((b.suspendMs / b.raw.suspendMs).toFixed(1)),
          'undo (ms)': Number(b.undoMs.toFixed(0)),
          'raw IDB undo (ms)': Number(b.raw.undoMs.toFixed(0)),
          'undo ÷ raw': Number((b.undoMs / b.raw.undoMs).toFixed(1)),
          toast: b.message,
        });
      }
      await page.close();
    }
  } finally {
    await close();
  }
  console.log(
    `\nBrowse in Chromium (search: Enter → first matching row on screen, median of ${REPEAT}; scroll: 1,800 px → rows on screen)`,
  );
  console.log(machineLine());
  console.table(rows);
  if (bulkRows.length > 0) {
    console.log('\nBrowse bulk action: "Select all N matching" → Suspend, then Undo (one transaction each)');
    console.table(bulkRows);
  }
  expect(rows).toHaveLength(SIZES.length);
});
