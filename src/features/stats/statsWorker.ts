/**
 * The statistics worker: opens Cardinal's database in the worker and answers one request at a time (statsRun.ts),
 * so reading and counting a large history never blocks the page.
 */
import { createDb } from '../../db/database';
import type { StatsReply, StatsRequest } from './statsMessages';
import { runStats } from './statsRun';

// The project's TypeScript lib is the DOM's, not the WebWorker's: this is the part of the worker scope used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<StatsRequest & { dbName?: string }>) => void) | null;
  postMessage: (reply: StatsReply) => void;
};

const dbs = new Map<string, ReturnType<typeof createDb>>();

scope.onmessage = (event) => {
  const { dbName, ...request } = event.data;
  const name = dbName ?? 'cardinal';
  let db = dbs.get(name);
  if (!db) {
    db = createDb(name);
    dbs.set(name, db);
  }
  runStats(db, request, (reply) => scope.postMessage(reply)).catch((error: unknown) =>
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
};
