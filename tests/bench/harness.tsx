/**
 * Bench harness: the real review page over a synthetic deck of N cards in Chromium's IndexedDB, driven by
 * the same key events a user sends. Built by tests/bench/vite.bench.config.ts; driven by review.bench-run.ts.
 */
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { routes } from '../../src/app/routes';
import { type CardinalDb, createDb } from '../../src/db/database';
import { DbProvider } from '../../src/db/react';
import { DECK_FORMAT, DECK_FORMAT_VERSION, type Deck } from '../../src/domain/deck/schema';
import '../../src/app/styles.css';
import './statsHarness';
import { seedHalfStudied } from './seedDeck';

function syntheticDeck(n: number): Deck {
  return {
    format: DECK_FORMAT,
    formatVersion: DECK_FORMAT_VERSION,
    id: 'bench',
    version: 1,
    title: 'Bench',
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

let db: CardinalDb | undefined;
let root: Root | undefined;

async function seed(n: number): Promise<{ seedMs: number }> {
  root?.unmount();
  db?.close();
  db = createDb(`cardinal-bench-${n}`);
  const { seedMs } = await seedHalfStudied(db, syntheticDeck(n), Date.now());
  const container = document.getElementById('root');
  if (!container) throw new Error('no #root');
  root = createRoot(container);
  const router = createMemoryRouter(routes, { initialEntries: ['/review/bench'] });
  root.render(
    <DbProvider db={db}>
      <RouterProvider router={router} />
    </DbProvider>,
  );
  return { seedMs };
}

/** Resolves when `condition` holds; rejects after `timeoutMs` so a lost key press fails loudly instead of hanging. */
function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (condition()) return resolve();
    const observer = new MutationObserver(() => {
      if (condition()) {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`bench: the page did not reach the expected state within ${timeoutMs} ms`));
    }, timeoutMs);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
const question = () => document.querySelector('.prompt-question')?.textContent ?? '';
const hasReveal = () =>
  [...document.querySelectorAll('button')].some((b) => b.textContent?.startsWith('Show answer'));
const hasGrades = () => document.querySelector('fieldset.grades button:enabled') !== null;

/** Grades `count` cards; for each, the time from the grade key to the next card on screen, and to the next frame. */
async function run(count: number): Promise<{ toDom: number[]; toFrame: number[] }> {
  const toDom: number[] = [];
  const toFrame: number[] = [];
  for (let i = 0; i < count; i++) {
    await until(hasReveal);
    // Let React attach the key handler of the freshly shown card before the (unmeasured) reveal.
    await nextFrame();
    press(' ');
    await until(hasGrades);
    await nextFrame();
    const before = question();
    const started = performance.now();
    press('3');
    await until(() => hasReveal() && !hasGrades() && question() !== before);
    toDom.push(performance.now() - started);
    await nextFrame();
    toFrame.push(performance.now() - started);
    if ((i + 1) % 50 === 0) console.log(`bench: ${i + 1} / ${count} graded`);
  }
  return { toDom, toFrame };
}

Object.assign(window, { bench: { seed, run } });

import './browseHarness';
