/**
 * Bench helpers that run inside the page (Chromium), shared by the bench runs: a long-task observer, seeding the
 * app's database, and the grade loop (the raw IndexedDB baseline is rawWrite.ts).
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
