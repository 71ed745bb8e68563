/**
 * Browse at 1,000 / 10,000 / 100,000 cards in Chromium (`npm run bench`, or this file alone with
 * `npx vitest run --project bench tests/bench/browse.bench-run.ts` after building the harness): the first load of
 * the list, a search's first results (rare word, common word, two words), and scrolling the virtual table.
 * Target (issue 12): first results of a search under 100 ms at 100,000. Measures; asserts nothing about time.
 */
import { cpus, loadavg } from 'node:os';
import { expect, it } from 'vitest';
import { openHarness } from './harnessServer';
import { percentile } from './stats';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const SCROLLS = 40;

type BrowseBench = {
  seed: (n: number) => Promise<{ seedMs: number }>;
  open: () => Promise<number>;
  search: (q: string) => Promise<{ ms: number; countMs: number; status: string }>;
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
  const { port, browser, close } = await openHarness();
  const rows: Array<Record<string, string | number>> = [];
  const bulkRows: Array<Record<string, string | number>> = [];
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('console', (m) => {
        if (m.text().startsWith('bench:')) console.log(m.text());
      });
      await page.goto(`http://127.0.0.1:${port}/`);
      const search = (q: string) =>
        page.evaluate(
          (query) => (window as unknown as { browseBench: BrowseBench }).browseBench.search(query),
          q,
        );
      console.log(`bench: browse ${size} cards: seeding…`);
      const { seedMs } = await page.evaluate(
        (n) => (window as unknown as { browseBench: BrowseBench }).browseBench.seed(n),
        size,
      );
      const openMs = await page.evaluate(() =>
        (window as unknown as { browseBench: BrowseBench }).browseBench.open(),
      );
      const rare = await search('zephyr');
      const common = await search('network');
      const two = await search('network zeph');
      await search('');
      const { toRows, toFrame } = await page.evaluate(
        (steps) => (window as unknown as { browseBench: BrowseBench }).browseBench.scroll(steps, 1800),
        SCROLLS,
      );
      rows.push({
        cards: size,
        'seed (s)': Number((seedMs / 1000).toFixed(1)),
        'open list (ms)': Number(openMs.toFixed(0)),
        'search rare (ms)': Number(rare.ms.toFixed(1)),
        'search common (ms)': Number(common.ms.toFixed(1)),
        'common counted (ms)': Number(common.countMs.toFixed(1)),
        'search 2 words (ms)': Number(two.ms.toFixed(1)),
        'rare → common → two (shown)': `${rare.status} → ${common.status} → ${two.status}`,
        'scroll p50 (ms)': Number(percentile(toRows, 50).toFixed(1)),
        'scroll p95 (ms)': Number(percentile(toRows, 95).toFixed(1)),
        'scroll p95 frame (ms)': Number(percentile(toFrame, 95).toFixed(1)),
      });
      for (const n of [10_000, 100_000].filter((k) => k <= size)) {
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
    '\nBrowse in Chromium (search: Enter → first matching row on screen; scroll: 1,800 px → rows on screen)',
  );
  console.log(
    `${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.table(rows);
  if (bulkRows.length > 0) {
    console.log('\nBrowse bulk action: "Select all N matching" → Suspend, then Undo (one transaction each)');
    console.table(bulkRows);
  }
  expect(rows).toHaveLength(SIZES.length);
});
