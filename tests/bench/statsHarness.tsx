/**
 * Bench harness for issue 14: the real Statistics page over N synthetic review logs in Chromium's IndexedDB,
 * and the real optimizer worker over a given history. Loaded by harness.tsx; driven by stats.bench-run.ts.
 */
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { routes } from '../../src/app/routes';
import { type CardinalDb, createDb } from '../../src/db/database';
import { syncDeck } from '../../src/db/deckInstall';
import { DbProvider } from '../../src/db/react';
import { DECK_FORMAT, DECK_FORMAT_VERSION, type Deck } from '../../src/domain/deck/schema';
import type { ReviewLogRecord } from '../../src/domain/records';
import type { OptimizeReply } from '../../src/features/settings/optimizerMessages';

const DAY = 86_400_000;
const ITEMS = 20_000;
const CHUNK = 50_000;

function deck(id: string, n: number): Deck {
  return {
    format: DECK_FORMAT,
    formatVersion: DECK_FORMAT_VERSION,
    id,
    version: 1,
    title: id,
    description: 'Synthetic cards for the benchmark.',
    source: { title: 'synthetic' },
    sections: [{ id: 's', title: 'S' }],
    cards: Array.from({ length: n }, (_, i) => ({
      id: `c${i}`,
      section: 's',
      kind: 'basic' as const,
      front: `Question ${i}`,
      back: `Answer ${i}`,
    })),
  };
}

function log(deckId: string, itemId: string, review: number, rating: 1 | 2 | 3 | 4, state: 0 | 1 | 2 | 3) {
  return {
    deckId,
    itemId,
    cardId: itemId.split('#')[0] ?? itemId,
    rating,
    state,
    due: review,
    stability: 10,
    difficulty: 5,
    elapsed_days: 3,
    last_elapsed_days: 3,
    scheduled_days: state === 2 ? 30 : 0,
    learning_steps: 0,
    review,
    durationMs: 8000,
    source: 'review',
    before: { fsrs: {}, suspended: false, leech: false },
  } as unknown as ReviewLogRecord;
}

let db: CardinalDb | undefined;
let root: Root | undefined;

/** N logs over the last three years on 20,000 items (about 900 answers a day), in one deck. */
async function seedLogs(n: number): Promise<{ seedMs: number }> {
  root?.unmount();
  db?.close();
  db = createDb(`cardinal-stats-bench-${n}`);
  await db.delete();
  await db.open();
  const started = performance.now();
  const now = Date.now();
  await syncDeck(db, deck('bench', ITEMS), now - 1100 * DAY, { shipped: false });
  const span = 1095 * DAY;
  for (let from = 0; from < n; from += CHUNK) {
    const rows: ReviewLogRecord[] = [];
    for (let i = from; i < Math.min(n, from + CHUNK); i++) {
      const review = now - span + Math.floor((i / n) * span);
      rows.push(log('bench', `c${i % ITEMS}#1`, review, i % 9 === 0 ? 1 : 3, i < ITEMS ? 0 : 2));
    }
    await db.reviewLogs.bulkAdd(rows);
    console.log(`bench: ${Math.min(n, from + CHUNK)} / ${n} logs written`);
  }
  return { seedMs: performance.now() - started };
}

/** Raw IndexedDB baseline: every log of the last 90 days read by the [deckId+review] index with getAll. */
function rawPeriodRead(name: string): Promise<{ ms: number; rows: number }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const started = performance.now();
      const range = IDBKeyRange.bound(['bench', Date.now() - 91 * DAY], ['bench', Number.POSITIVE_INFINITY]);
      const request = open.result
        .transaction('reviewLogs')
        .objectStore('reviewLogs')
        .index('[deckId+review]')
        .getAll(range);
      request.onsuccess = () => {
        const ms = performance.now() - started;
        open.result.close();
        resolve({ ms, rows: request.result.length });
      };
      request.onerror = () => reject(request.error);
    };
  });
}

function until(condition: () => boolean, timeoutMs = 300_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (condition()) return resolve();
      if (performance.now() - started > timeoutMs) return reject(new Error('bench: timed out'));
      setTimeout(tick, 5);
    };
    const started = performance.now();
    tick();
  });
}

/** Opens /stats?deck=bench (90 days): ms until today's figures show, the calendar, the cards, everything. */
async function openStats(): Promise<{
  usableMs: number;
  calendarMs: number;
  cardsMs: number;
  doneMs: number;
  baseline: number;
}> {
  if (!db) throw new Error('seed first');
  const { ms: baseline } = await rawPeriodRead(db.name);
  const container = document.getElementById('root');
  if (!container) throw new Error('no #root');
  root?.unmount();
  root = createRoot(container);
  const started = performance.now();
  const router = createMemoryRouter(routes, { initialEntries: ['/stats?deck=bench&period=90'] });
  root.render(
    <DbProvider db={db}>
      <RouterProvider router={router} />
    </DbProvider>,
  );
  await until(() => document.querySelector('.stats-today') !== null);
  const usableMs = performance.now() - started;
  await until(() => document.querySelector('.heatmap [data-day].today') !== null);
  const calendarMs = performance.now() - started;
  await until(() => document.getElementById('stats-forecast') !== null);
  const cardsMs = performance.now() - started;
  await until(() => document.getElementById('stats-retention') !== null);
  const doneMs = performance.now() - started;
  return { usableMs, calendarMs, cardsMs, doneMs, baseline };
}

/** Stores a history (card id, rating, time) as one deck's logs and times the optimizer worker on it. */
async function optimize(
  reviews: ReadonlyArray<[string, 1 | 2 | 3 | 4, number]>,
): Promise<{ ms: number; reviews: number; defaultLogLoss: number; fittedLogLoss: number }> {
  root?.unmount();
  db?.close();
  db = createDb('cardinal-optimizer-bench');
  await db.delete();
  await db.open();
  const cards = [...new Set(reviews.map((r) => r[0]))];
  await syncDeck(db, deck('fit', cards.length), 0, { shipped: false });
  const itemOf = new Map(cards.map((c, i) => [c, `c${i}#1`]));
  const seen = new Set<string>();
  const rows = [...reviews]
    .sort((a, b) => a[2] - b[2])
    .map(([card, rating, at]) => {
      const first = !seen.has(card);
      seen.add(card);
      return log('fit', itemOf.get(card) ?? '', at, rating, first ? 0 : 2);
    });
  await db.reviewLogs.bulkAdd(rows);
  const worker = new Worker(new URL('../../src/features/settings/optimizerWorker.ts', import.meta.url), {
    type: 'module',
  });
  const started = performance.now();
  const result = await new Promise<Extract<OptimizeReply, { type: 'result' }>>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<OptimizeReply>) => {
      const reply = event.data;
      if (reply.type === 'result') resolve(reply);
      else if (reply.type === 'error' || reply.type === 'tooSmall') reject(new Error(JSON.stringify(reply)));
    };
    worker.postMessage({ dbName: db?.name, deckId: 'fit' });
  });
  const ms = performance.now() - started;
  worker.terminate();
  return {
    ms,
    reviews: result.fitted.reviews,
    defaultLogLoss: result.current.logLoss,
    fittedLogLoss: result.fitted.logLoss,
  };
}

Object.assign(window, { statsBench: { seedLogs, openStats, optimize } });
