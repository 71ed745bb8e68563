/**
 * Bench helpers that run inside the page (Chromium), shared by the bench runs: a long-task observer, a raw
 * IndexedDB writer (the baseline every write is compared with), seeding the app's database, and the grade loop.
 * Functions passed to page.evaluate are self-contained; `benchRows` (rows.ts) is installed in the page as text.
 */
import type { Page } from 'playwright-core';
import { benchRows } from './rows';

/** Makes `window.__benchRows` (rows.ts) available in the page. Evaluated through DevTools, so no CSP applies. */
export async function installRows(page: Page): Promise<void> {
  await page.evaluate(`window.__benchRows = ${benchRows.toString()}`);
}

/** Starts recording main-thread long tasks (over 50 ms, Chromium's PerformanceObserver). */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: number[] = [];
    Object.assign(window, { __longTasks: tasks });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
}

/** The longest main-thread task since `watchLongTasks` (0 when none was over 50 ms). */
export async function longestTask(page: Page): Promise<number> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  return page.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks));
}

type RowSpec = { deckId: string; now: number; cards: number; states: number; logs: number };

/**
 * The baseline: the same rows written with raw IndexedDB into a fresh database with Cardinal's stores and
 * indexes, in ONE transaction, every request issued at once. Rows are generated before the clock starts.
 */
export async function rawWrite(page: Page, spec: RowSpec): Promise<number> {
  await installRows(page);
  return page.evaluate(async ({ deckId, now, cards, states, logs }) => {
    type Rows = (
      kind: string,
      start: number,
      count: number,
      deckId: string,
      now: number,
      cardCount: number,
    ) => unknown[];
    const rows = (window as unknown as { __benchRows: Rows }).__benchRows;
    const name = `bench-raw-${Math.random().toString(36).slice(2)}`;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => {
        const d = open.result;
        d.createObjectStore('decks', { keyPath: 'id' });
        const c = d.createObjectStore('cards', { keyPath: ['deckId', 'id'] });
        c.createIndex('deckId', 'deckId');
        const s = d.createObjectStore('cardStates', { keyPath: ['deckId', 'itemId'] });
        s.createIndex('deckId', 'deckId');
        s.createIndex('[deckId+cardId]', ['deckId', 'cardId']);
        s.createIndex('[deckId+queue]', ['deckId', 'queue']);
        s.createIndex('[deckId+queue+due]', ['deckId', 'queue', 'due']);
        s.createIndex('[deckId+queue+position]', ['deckId', 'queue', 'position']);
        const l = d.createObjectStore('reviewLogs', { keyPath: 'id', autoIncrement: true });
        l.createIndex('[deckId+itemId]', ['deckId', 'itemId']);
        l.createIndex('[deckId+review]', ['deckId', 'review']);
        l.createIndex('review', 'review');
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const data = {
      cards: rows('cards', 0, cards, deckId, now, cards),
      cardStates: rows('cardStates', 0, states, deckId, now, cards),
      reviewLogs: rows('reviewLogs', 0, logs, deckId, now, cards),
    };
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['decks', 'cards', 'cardStates', 'reviewLogs'], 'readwrite');
      tx.objectStore('decks').put({ id: deckId, title: 'Bench' });
      for (const [store, list] of Object.entries(data)) {
        const os = tx.objectStore(store);
        for (const row of list) os.put(row);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const ms = performance.now() - started;
    db.close();
    await new Promise((resolve) => {
      const del = indexedDB.deleteDatabase(name);
      del.onsuccess = del.onerror = del.onblocked = resolve;
    });
    return ms;
  }, spec);
}

/** Adds a synthetic deck of `cards` basic cards (half studied) to the app's own database, in one transaction. */
export async function seedAppDeck(page: Page, spec: { deckId: string; now: number; cards: number }) {
  await installRows(page);
  const { benchDeckRow } = await import('./rows');
  const deckRow = benchDeckRow(spec.deckId, spec.cards, spec.now);
  await page.evaluate(
    async ({ deckId, now, cards, deckRow }) => {
      type Rows = (k: string, s: number, c: number, d: string, n: number, cc: number) => unknown[];
      const rows = (window as unknown as { __benchRows: Rows }).__benchRows;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('cardinal');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['decks', 'cards', 'cardStates'], 'readwrite');
        tx.objectStore('decks').put(deckRow);
        for (const row of rows('cards', 0, cards, deckId, now, cards)) tx.objectStore('cards').put(row);
        for (const row of rows('cardStates', 0, cards, deckId, now, cards))
          tx.objectStore('cardStates').put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { ...spec, deckRow },
  );
}

/**
 * On the review page: grades `count` cards Good by key (Space, then 3); for each, the time from the grade key to
 * the next card's question on screen. The reveal is not timed.
 */
export async function gradeLoop(page: Page, count: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    const until = (condition: () => boolean, timeoutMs = 15_000) =>
      new Promise<void>((resolve, reject) => {
        if (condition()) return resolve();
        const observer = new MutationObserver(() => {
          if (!condition()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error('bench: the review page did not reach the expected state'));
        }, timeoutMs);
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
      });
    const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    const question = () => document.querySelector('.prompt-question')?.textContent ?? '';
    const hasReveal = () =>
      [...document.querySelectorAll('button')].some((b) => b.textContent?.startsWith('Show answer'));
    const hasGrades = () => document.querySelector('fieldset.grades button:enabled') !== null;
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      await until(hasReveal);
      await nextFrame();
      press(' ');
      await until(hasGrades);
      await nextFrame();
      const before = question();
      const started = performance.now();
      press('3');
      await until(() => hasReveal() && !hasGrades() && question() !== before);
      times.push(performance.now() - started);
    }
    return times;
  }, count);
}
