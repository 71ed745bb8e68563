/**
 * Where cold and warm start spend their time, on the production build (dist/bench-app, run by `npm run bench`):
 * one line per visit, times from navigation start: HTML and scripts in, DOMContentLoaded, first paint, the shell
 * on screen, the IndexedDB open, start-up's read of the stored deck versions, the home page's deck list and count
 * reads (wrapped IndexedDB requests, issued → success), main-thread tasks over 50 ms, and the counts on screen.
 * Alone: `BENCH_CARDS=100000 BENCH_RUNS=3 npx vitest run --project bench tests/bench/startTrace.bench-run.ts`.
 * Prints; asserts nothing about time.
 */

import { loadavg } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openAppBuild } from './harnessServer';
import { seedAppDeck } from './pageTools';

const CARDS = Number(process.env.BENCH_CARDS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_TRACE_DETAIL=1 lists every IndexedDB request and long task too. */
const DETAIL = process.env.BENCH_TRACE_DETAIL === '1';
const DIST = process.env.BENCH_DIST ?? join(import.meta.dirname, '../../dist/bench-app');

/** Installed before any page script: wraps IndexedDB to record open and every request's issue and success. */
const PROBE = () => {
  const t0 = () => performance.now();
  const events: { what: string; start: number; end: number }[] = [];
  Object.assign(window, { __probe: events });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
    const start = t0();
    const request = open.apply(this, args);
    request.addEventListener('success', () => events.push({ what: `open ${args[0]}`, start, end: t0() }));
    return request;
  };
  const wrap = (proto: object, name: string, label: string) => {
    const original = (proto as Record<string, (...a: unknown[]) => IDBRequest>)[name];
    if (!original) return;
    (proto as Record<string, unknown>)[name] = function (
      this: IDBIndex | IDBObjectStore,
      ...args: unknown[]
    ) {
      const start = t0();
      const request = original.apply(this, args);
      const store = 'objectStore' in this ? `${this.objectStore.name}.${this.name}` : this.name;
      let first = true;
      request.addEventListener('success', () => {
        if (!first) return;
        first = false;
        events.push({ what: `${label} ${store}`, start, end: t0() });
      });
      return request;
    };
  };
  for (const proto of [IDBIndex.prototype, IDBObjectStore.prototype])
    for (const name of ['get', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor'])
      wrap(proto, name, name);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      events.push({ what: 'long task', start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    const decks = document.querySelectorAll('.deck-card').length;
    if (decks > 0 && document.querySelectorAll('.deck-card .deck-counts').length === decks) {
      Object.assign(window, { __countsAt: performance.now() });
      observer.disconnect();
    }
    if (document.querySelector('.deck-card') && !(window as unknown as { __decksAt?: number }).__decksAt)
      Object.assign(window, { __decksAt: performance.now() });
    if (document.querySelector('header, nav') && !(window as unknown as { __shellAt?: number }).__shellAt)
      Object.assign(window, { __shellAt: performance.now() });
  };
  const observer = new MutationObserver(check);
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, { subtree: true, childList: true }),
  );
};

type Visit = {
  countsAt: number;
  report: string;
};

it('traces warm and cold start', { timeout: 1_800_000 }, async () => {
  const { port, browser, close } = await openAppBuild(DIST);
  const base = `http://127.0.0.1:${port}`;
  try {
    const context = await browser.newContext();
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${base}/`);
    await page.waitForFunction(() => (window as unknown as { __countsAt?: number }).__countsAt, undefined, {
      timeout: 120_000,
    });
    await seedAppDeck(page, { deckId: 'bench', now: Date.now(), cards: CARDS });
    const visit = async (label: string): Promise<Visit> => {
      await page.goto(`${base}/`);
      await page.waitForFunction(() => (window as unknown as { __countsAt?: number }).__countsAt, undefined, {
        timeout: 120_000,
        polling: 'raf',
      });
      await page.waitForTimeout(200);
      // As app.bench-run.ts: the visit ends once the unseen counts (read after today's counts) are in.
      await page
        .locator('.deck-counts dd[aria-busy="true"]')
        .first()
        .waitFor({ state: 'detached', timeout: 120_000 });
      return page.evaluate(
        ({ label, detail }) => {
          const w = window as unknown as {
            __probe: { what: string; start: number; end: number }[];
            __countsAt: number;
            __decksAt?: number;
            __shellAt?: number;
          };
          const r = (n: number | undefined) => (n === undefined ? '–' : String(Math.round(n)));
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const paint = performance.getEntriesByName('first-paint')[0]?.startTime;
          const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
            (e) => /\.js$/.test(e.name),
          );
          const events = w.__probe.filter((e) => e.start <= w.__countsAt).sort((a, b) => a.start - b.start);
          const open = events.find((e) => e.what.startsWith('open '));
          const bootRead = events.find((e) => e.what === 'get decks');
          const listRead = events.find((e) => e.what === 'getAll decks');
          const counts = events.filter((e) => e.what.includes('cardStates') || e.what.includes('reviewLogs'));
          const long = events.filter((e) => e.what === 'long task');
          const lines = [
            `${label}: counts on screen ${r(w.__countsAt)} ms | html ${r(nav.responseEnd)}, scripts in ${r(Math.max(...scripts.map((e) => e.responseEnd)))}, ` +
              `DOMContentLoaded ${r(nav.domContentLoadedEventEnd)}, first paint ${r(paint)}, shell ${r(w.__shellAt)} | ` +
              `IndexedDB open ${r(open?.start)}→${r(open?.end)}, stored versions read →${r(bootRead?.end)} | ` +
              `home: deck list read ${r(listRead?.start)}→${r(listRead?.end)}, on screen ${r(w.__decksAt)}, ` +
              `${counts.length} count reads ${r(counts[0]?.start)}→${r(Math.max(...counts.map((e) => e.end)))} | ` +
              `long tasks: ${long.length} (${r(long.reduce((n, e) => n + e.end - e.start, 0))} ms) | ` +
              `scripts after DOMContentLoaded: ${
                scripts
                  .filter((e) => e.startTime > nav.domContentLoadedEventEnd)
                  .map((e) => `${e.name.replace(/.*\//, '')} ${r(e.startTime)}→${r(e.responseEnd)}`)
                  .join(', ') || 'none'
              }`,
          ];
          if (detail)
            for (const e of events)
              lines.push(`  ${e.what} ${r(e.start)}→${r(e.end)} (${r(e.end - e.start)} ms)`);
          return { countsAt: w.__countsAt, report: lines.join('\n') };
        },
        { label, detail: DETAIL },
      );
    };
    const warm: number[] = [];
    const cold: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await cdp.send('Network.clearBrowserCache');
      const c = await visit(`cold ${i + 1}`);
      cold.push(c.countsAt);
      console.log(c.report);
      const w = await visit(`warm ${i + 1}`);
      warm.push(w.countsAt);
      console.log(w.report);
    }
    console.log(
      `cold ${cold.map(Math.round).join(', ')} ms; warm ${warm.map(Math.round).join(', ')} ms; load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    expect(warm.length).toBe(RUNS);
  } finally {
    await close();
  }
});
