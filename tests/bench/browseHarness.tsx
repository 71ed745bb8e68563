/**
 * Browse bench harness: the real Browse page over a synthetic deck of N cards (varied words, half studied) in
 * Chromium's IndexedDB. Measures the time from a search (Enter in the search box) to its first rows on screen,
 * the first load of the unfiltered list, and scrolling the virtual table. Driven by browse.bench-run.ts.
 */
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { routes } from '../../src/app/routes';
import { suspendItems } from '../../src/db/browse/actions';
import { undoChange } from '../../src/db/browse/changes';
import { type CardinalDb, createDb } from '../../src/db/database';
import { DbProvider } from '../../src/db/react';
import { DECK_FORMAT, DECK_FORMAT_VERSION, type Deck } from '../../src/domain/deck/schema';
import { seedHalfStudied } from './seedDeck';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'ta',
  'vi',
  'so',
  'de',
  'pa',
  'gu',
  'fe',
  'zi',
  'ho',
  'ba',
  'ty',
];

/** A vocabulary of 4,096 three-syllable words. */
const WORDS = Array.from(
  { length: 4096 },
  (_, i) => `${SYLLABLES[i % 16]}${SYLLABLES[(i >> 4) % 16]}${SYLLABLES[(i >> 8) % 16]}`,
);

function syntheticDeck(n: number): Deck {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  const words = (k: number) => Array.from({ length: k }, () => WORDS[next() % WORDS.length]).join(' ');
  return {
    format: DECK_FORMAT,
    formatVersion: DECK_FORMAT_VERSION,
    id: 'bench',
    version: 1,
    title: 'Bench',
    description: 'Synthetic cards for the benchmark.',
    source: { title: 'synthetic' },
    sections: [
      { id: 's1', title: 'Section one' },
      { id: 's2', title: 'Section two' },
    ],
    cards: Array.from({ length: n }, (_, i) => ({
      id: `c${i}`,
      section: i % 2 === 0 ? 's1' : 's2',
      kind: 'basic' as const,
      // 1 card in 1,000 has the rare word, 1 in 10 the common one.
      front: `${words(6)}${i % 1000 === 3 ? ' zephyr' : ''}${i % 10 === 3 ? ' network' : ''} ${i}?`,
      back: words(2),
    })),
  };
}

let db: CardinalDb | undefined;
let root: Root | undefined;
let router: ReturnType<typeof createMemoryRouter> | undefined;

/**
 * Stores the synthetic deck of n cards. `reuse` (a run over a kept browser profile, BENCH_BROWSE_PROFILE): a
 * database seeded whole by an earlier run is kept as it is.
 */
async function seed(n: number, reuse = false): Promise<{ seedMs: number }> {
  root?.unmount();
  db?.close();
  db = createDb(`cardinal-browse-bench-${n}`);
  const marker = `cardinal-browse-bench-${n}-seeded`;
  if (reuse && localStorage.getItem(marker) === '1' && (await db.cardStates.count()) === n)
    return { seedMs: 0 };
  localStorage.removeItem(marker);
  const seeded = await seedHalfStudied(db, syntheticDeck(n), Date.now());
  localStorage.setItem(marker, '1');
  return seeded;
}

/** One IndexedDB request during a search: what it read, when it was sent and answered (ms after Enter). */
type Request = { op: string; at: number; ms: number };
let requests: Request[] | undefined;
let origin = 0;

/** Records every IndexedDB read request (for the per-phase breakdown of a search); installed once. */
function traceRequests() {
  const wrap = (proto: IDBObjectStore | IDBIndex, kind: string) => {
    for (const name of [
      'get',
      'getAll',
      'getAllKeys',
      'getKey',
      'count',
      'openCursor',
      'openKeyCursor',
    ] as const) {
      const target = proto as unknown as Record<string, (...args: unknown[]) => IDBRequest>;
      const original = target[name];
      if (!original) continue;
      target[name] = function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
        const request = original.apply(this, args);
        const log = requests;
        if (log) {
          const at = performance.now();
          const label = `${kind === 'index' ? `${(this as IDBIndex).objectStore.name}.${this.name}` : this.name} ${name}`;
          request.addEventListener('success', () =>
            log.push({ op: label, at: at - origin, ms: performance.now() - at }),
          );
        }
        return request;
      };
    }
  };
  wrap(IDBObjectStore.prototype, 'store');
  wrap(IDBIndex.prototype, 'index');
}
traceRequests();

/** The requests of a search, one line each, consecutive same requests folded ("×n"). */
function requestLines(log: readonly Request[]): string[] {
  const lines: string[] = [];
  let i = 0;
  while (i < log.length) {
    const first = log[i] as Request;
    let j = i + 1;
    while (j < log.length && (log[j] as Request).op === first.op) j++;
    const last = log[j - 1] as Request;
    const end = Math.max(...log.slice(i, j).map((r) => r.at + r.ms));
    lines.push(
      `  ${first.at.toFixed(0).padStart(5)}–${end.toFixed(0).padEnd(5)} ${first.op}${j - i > 1 ? ` ×${j - i}` : ''}${last === first ? '' : ''}`,
    );
    i = j;
  }
  return lines;
}

function mount(path: string) {
  root?.unmount();
  const container = document.getElementById('root');
  if (!container || !db) throw new Error('no #root or db');
  root = createRoot(container);
  router = createMemoryRouter(routes, { initialEntries: [path] });
  root.render(
    <DbProvider db={db}>
      <RouterProvider router={router} />
    </DbProvider>,
  );
}

function until(condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
        return true;
      }
      return false;
    };
    const observer = new MutationObserver(() => void check());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(
        new Error(
          `bench: the page did not reach the expected state within ${timeoutMs} ms (status: ${status()}; first row: ${firstRowText()})`,
        ),
      );
    }, timeoutMs);
    if (check()) return;
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const firstRowText = () => document.querySelector('.browse-table button.row-open')?.textContent ?? '';
const status = () => document.querySelector('.browse-status')?.textContent ?? '';

/** Opens /browse and waits for its first rows; returns the time to them. */
async function open(): Promise<number> {
  const started = performance.now();
  mount('/browse');
  await until(() => firstRowText() !== '' && /cards? match/.test(status()));
  const ms = performance.now() - started;
  console.log(`bench: list open in ${ms.toFixed(0)} ms`);
  return ms;
}

/**
 * Searches for `query` as the search box does when Enter is pressed (the address changes to ?q=…): ms from
 * then to the first matching row on screen, ms to the exact count, and the count shown.
 */
async function search(
  query: string,
  trace = false,
): Promise<{ ms: number; countMs: number; status: string }> {
  if (!router) throw new Error('not mounted');
  const words = query.split(' ').filter((w) => w !== '');
  const expected = JSON.stringify(words.length === 0 ? {} : { q: query });
  const resultFor = () => document.querySelector('.browse-status')?.getAttribute('data-for') ?? '';
  const shown = () => {
    const row = firstRowText()
      .toLowerCase()
      .split(/[^a-z0-9]+/);
    return row.length > 1 && words.every((w) => row.some((r) => r.startsWith(w)));
  };
  const started = performance.now();
  origin = started;
  const log: Request[] = [];
  requests = trace ? log : undefined;
  await router.navigate(words.length === 0 ? '/browse' : `/browse?q=${encodeURIComponent(query)}`, {
    replace: true,
  });
  await until(() => resultFor() === expected && shown());
  const ms = performance.now() - started;
  const shownLog = log.length;
  // A large match shows its first page before it is counted ("100+ cards match · counting…").
  await until(() => !status().includes('counting'));
  const countMs = performance.now() - started;
  console.log(
    `bench: search "${query}" first row in ${ms.toFixed(0)} ms, counted in ${countMs.toFixed(0)} ms (${status()})`,
  );
  requests = undefined;
  if (trace)
    console.log(
      [
        `bench: requests of "${query}" (ms after Enter), first row at ${ms.toFixed(0)}:`,
        ...requestLines(log.slice(0, shownLog)),
        '  — first row shown —',
        ...requestLines(log.slice(shownLog)).slice(0, 12),
      ].join('\n'),
    );
  await nextFrame();
  return { ms, countMs, status: status() };
}

/** Scrolls the table `steps` times by `by` pixels: ms from each scroll to its rows on screen, and to the next frame. */
async function scroll(steps: number, by: number): Promise<{ toRows: number[]; toFrame: number[] }> {
  const scroller = document.querySelector<HTMLElement>('.browse-scroll');
  if (!scroller) throw new Error('no table');
  const toRows: number[] = [];
  const toFrame: number[] = [];
  for (let i = 0; i < steps; i++) {
    const started = performance.now();
    scroller.scrollTop += by;
    scroller.dispatchEvent(new Event('scroll'));
    const target = Math.floor(scroller.scrollTop / 36) + 2;
    await until(() => {
      const row = document.querySelector(`.browse-table tr[aria-rowindex="${target}"]`);
      return row !== null && row.querySelector('button.row-open') !== null;
    });
    toRows.push(performance.now() - started);
    await nextFrame();
    toFrame.push(performance.now() - started);
  }
  return { toRows, toFrame };
}

type Key = [string, string];

/** Raw IndexedDB's floor for the same work: one transaction that reads each item and writes it suspended, one to put them back. */
async function rawSuspendAndUndo(name: string, keys: Key[]): Promise<{ suspendMs: number; undoMs: number }> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const done = (tx: IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  const before: unknown[] = [];
  let started = performance.now();
  const tx = idb.transaction('cardStates', 'readwrite');
  const store = tx.objectStore('cardStates');
  for (const key of keys) {
    const req = store.get(key);
    req.onsuccess = () => {
      const item = req.result as Record<string, unknown>;
      before.push(item);
      store.put({ ...item, suspended: true, queue: 'suspended' });
    };
  }
  await done(tx);
  const suspendMs = performance.now() - started;
  started = performance.now();
  const back = idb.transaction('cardStates', 'readwrite');
  for (const item of before) back.objectStore('cardStates').put(item);
  await done(back);
  const undoMs = performance.now() - started;
  idb.close();
  return { suspendMs, undoMs };
}

/**
 * "Select all N matching" then Suspend, then Undo from the toast, on the first n items in deck order (the page is
 * unmounted: the action alone is timed), next to raw IndexedDB doing the same.
 */
async function bulk(n: number) {
  root?.unmount();
  root = undefined;
  if (!db) throw new Error('not seeded');
  const keys = (await db.cardStates.orderBy('[deckId+position]').limit(n).primaryKeys()) as Key[];
  let started = performance.now();
  const result = await suspendItems(db, keys, true);
  const suspendMs = performance.now() - started;
  started = performance.now();
  await undoChange(db, result.undo);
  const undoMs = performance.now() - started;
  const suspendedLeft = await db.cardStates.where('queue').equals('suspended').count();
  const raw = await rawSuspendAndUndo(db.name, keys);
  console.log(
    `bench: bulk ${n}: suspend ${suspendMs.toFixed(0)} ms, undo ${undoMs.toFixed(0)} ms (${result.message})`,
  );
  return { suspendMs, undoMs, raw, message: result.message, suspendedLeft };
}

Object.assign(window, { browseBench: { seed, open, search, scroll, bulk } });
