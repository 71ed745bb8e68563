/**
 * `npm run bench`, issue 14: the Statistics page over 1,000,000 review logs in Chromium's IndexedDB (time until
 * today's figures and the calendar show = usable, until the cards' charts, until every chart), next to a raw
 * IndexedDB baseline (getAll of the 90-day period's logs on the same index); and the FSRS optimizer worker on the
 * real 12,580-review history. BENCH_STATS_LOGS sets the number of logs (default 1000000). Measures; asserts
 * nothing about time.
 */
import { expect, it } from 'vitest';
import { readFixtureReviews } from '../domain/revlogFixture';
import { machineLine, openHarness } from './harnessServer';

const LOGS = Number(process.env.BENCH_STATS_LOGS ?? 1_000_000);

type StatsBench = {
  seedLogs: (n: number) => Promise<{ seedMs: number }>;
  openStats: () => Promise<{
    usableMs: number;
    calendarMs: number;
    cardsMs: number;
    doneMs: number;
    baseline: number;
  }>;
  optimize: (
    reviews: ReadonlyArray<[string, 1 | 2 | 3 | 4, number]>,
  ) => Promise<{ ms: number; reviews: number; defaultLogLoss: number; fittedLogLoss: number }>;
};

it('measures the statistics page and the optimizer', { timeout: 1_200_000 }, async () => {
  const { port, browser, close } = await openHarness();
  const rows: Array<Record<string, string | number>> = [];
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.text().startsWith('bench:')) console.log(message.text());
    });
    await page.goto(`http://127.0.0.1:${port}/`);
    console.log(`bench: seeding ${LOGS} logs…`);
    const { seedMs } = await page.evaluate(
      (n) => (window as unknown as { statsBench: StatsBench }).statsBench.seedLogs(n),
      LOGS,
    );
    console.log(`bench: seeded in ${(seedMs / 1000).toFixed(1)} s`);
    for (const run of [1, 2]) {
      const r = await page.evaluate(() =>
        (window as unknown as { statsBench: StatsBench }).statsBench.openStats(),
      );
      rows.push({
        measure: `Statistics page, ${LOGS.toLocaleString('en')} logs, run ${run}`,
        'usable: today (ms)': Math.round(r.usableMs),
        'calendar (ms)': Math.round(r.calendarMs),
        'cards shown (ms)': Math.round(r.cardsMs),
        'all charts (ms)': Math.round(r.doneMs),
        'raw IDB 90-day getAll (ms)': Math.round(r.baseline),
        'all charts / raw': Number((r.doneMs / r.baseline).toFixed(2)),
      });
    }
    const history = readFixtureReviews().map(
      (r) => [r.cardId, r.rating, r.review] as [string, 1 | 2 | 3 | 4, number],
    );
    const fit = await page.evaluate(
      (reviews) => (window as unknown as { statsBench: StatsBench }).statsBench.optimize(reviews),
      history,
    );
    rows.push({
      measure: `Optimizer worker, ${history.length.toLocaleString('en')}-review history (${fit.reviews} fitted reviews)`,
      'usable: today (ms)': Math.round(fit.ms),
      'calendar (ms)': '',
      'cards shown (ms)': '',
      'all charts (ms)': '',
      'raw IDB 90-day getAll (ms)': '',
      'all charts / raw': `log loss ${fit.defaultLogLoss.toFixed(4)} → ${fit.fittedLogLoss.toFixed(4)}`,
    });
    await page.close();
  } finally {
    await close();
  }
  console.log('\nStatistics and optimizer in Chromium (optimizer row: total time read + fit + evaluate)');
  console.log(machineLine());
  console.table(rows);
  expect(rows).toHaveLength(3);
});
