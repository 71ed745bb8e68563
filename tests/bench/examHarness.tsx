/**
 * Exam bench harness: the real exam set-up page over a synthetic deck of N cards in Chromium's IndexedDB
 * (a quarter each mcq, true/false, basic with an answer set, cloze with vetted wrong options; 20 sections;
 * half the items studied). Measures set-up ready (mount → Start button and its summary on screen) and exam
 * start (Start clicked → question 1 on screen), and the repository calls behind them one by one. Built by
 * vite.bench.config.ts; driven by exam.bench-run.ts.
 */
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { routes } from '../../src/app/routes';
import { type CardinalDb, createDb } from '../../src/db/database';
import { countAvailable, loadExamSetup, startExam } from '../../src/db/examRepo';
import { DbProvider } from '../../src/db/react';
import { type Card, DECK_FORMAT, DECK_FORMAT_VERSION, type Deck } from '../../src/domain/deck/schema';
import '../../src/app/styles.css';
import { seedHalfStudied } from './seedDeck';

const SECTIONS = 20;

function card(i: number): Card {
  const section = `s${i % SECTIONS}`;
  const tags = [`t${i % 7}`];
  switch (i % 4) {
    case 0:
      return {
        id: `c${i}`,
        section,
        tags,
        kind: 'mcq',
        prompt: `Question ${i}?`,
        options: [`Right ${i}`, `Wrong a${i}`, `Wrong b${i}`, `Wrong c${i}`],
        correct: [0],
        explanation: `Because ${i}.`,
      };
    case 1:
      return {
        id: `c${i}`,
        section,
        tags,
        kind: 'truefalse',
        statement: `Claim ${i}.`,
        answer: i % 8 === 1,
        explanation: `Why ${i}.`,
      };
    case 2:
      return {
        id: `c${i}`,
        section,
        tags,
        kind: 'basic',
        front: `Which kind is item ${i}?`,
        back: `Kind ${i % 5}`,
        answerSet: 'kinds',
      };
    default:
      return {
        id: `c${i}`,
        section,
        tags,
        kind: 'cloze',
        text: `Fact ${i} is {{c1::value ${i}}}.`,
        wrong: { c1: [`other ${i}`, `another ${i}`, `none ${i}`] },
      };
  }
}

function syntheticDeck(n: number): Deck {
  return {
    format: DECK_FORMAT,
    formatVersion: DECK_FORMAT_VERSION,
    id: 'bench',
    version: 1,
    title: 'Bench',
    description: 'Synthetic cards for the exam benchmark.',
    source: { title: 'synthetic' },
    sections: Array.from({ length: SECTIONS }, (_, s) => ({ id: `s${s}`, title: `Section ${s}` })),
    answerSets: [{ id: 'kinds', answers: ['Kind 0', 'Kind 1', 'Kind 2', 'Kind 3', 'Kind 4'] }],
    cards: Array.from({ length: n }, (_, i) => card(i)),
  };
}

let db: CardinalDb | undefined;
let root: Root | undefined;

async function seed(n: number): Promise<{ seedMs: number }> {
  root?.unmount();
  root = undefined;
  db?.close();
  db = createDb(`cardinal-exam-bench-${n}`);
  return seedHalfStudied(db, syntheticDeck(n), Date.now());
}

function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
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

const startButton = () =>
  [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Start exam');
const setupReady = () => startButton() !== undefined && document.querySelector('.start-summary') !== null;
const questionShown = () =>
  /^Question 1 \/ \d+$/.test(document.querySelector('.exam-progress span')?.textContent ?? '');

/** One set-up and start: mounts the set-up page, waits for Start, clicks it, waits for question 1. */
async function once(): Promise<{ setupMs: number; startMs: number }> {
  if (!db) throw new Error('seed first');
  root?.unmount();
  const container = document.getElementById('root');
  if (!container) throw new Error('no #root');
  root = createRoot(container);
  const router = createMemoryRouter(routes, { initialEntries: ['/decks/bench/exam'] });
  const mounted = performance.now();
  root.render(
    <DbProvider db={db}>
      <RouterProvider router={router} />
    </DbProvider>,
  );
  await until(setupReady);
  const setupMs = performance.now() - mounted;
  const clicked = performance.now();
  startButton()?.click();
  await until(questionShown);
  const startMs = performance.now() - clicked;
  return { setupMs, startMs };
}

/** Where the time goes, step by step, as the set-up and start do it (one run). */
async function parts(): Promise<Record<string, number>> {
  if (!db) throw new Error('seed first');
  let t = performance.now();
  const lap = () => {
    const ms = performance.now() - t;
    t = performance.now();
    return Math.round(ms);
  };
  const setup = await loadExamSetup(db, 'bench');
  const setupReads = lap();
  const sections = [...(setup?.sectionCounts.keys() ?? [])];
  await countAvailable(db, 'bench', { sections, tags: ['t3'] });
  const countTag = lap();
  await startExam(
    db,
    'bench',
    {
      count: 40,
      timeLimitMinutes: null,
      sections,
      tags: [],
      passMark: 70,
      order: 'random',
      seed: 'parts',
      feedSchedule: false,
      retakeOf: null,
    },
    { id: `parts-${Date.now()}`, now: Date.now() },
  );
  const start = lap();
  return {
    setupReads,
    countTag,
    start,
    rawCards: await rawReadAll(db, 'cards'),
    rawStates: await rawReadAll(db, 'cardStates'),
  };
}

/**
 * The baseline: the deck's rows of `store` read with raw IndexedDB (one getAll over the primary-key range, no
 * Dexie), the least any set-up (cards) or start (review states) that reads every row can take.
 */
function rawReadAll(db: CardinalDb, store: 'cards' | 'cardStates'): Promise<number> {
  const idb = db.backendDB();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // Keys are [deckId, id]; an array sorts after every string, so ['bench', []] closes the deck's range.
    const request = idb
      .transaction(store, 'readonly')
      .objectStore(store)
      .getAll(IDBKeyRange.bound(['bench'], ['bench', []]));
    request.onsuccess = () => resolve(Math.round(performance.now() - started));
    request.onerror = () => reject(request.error);
  });
}

Object.assign(window, { examBench: { seed, once, parts } });
