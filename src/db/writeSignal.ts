/**
 * "A write is coming": every read-write transaction on the app's database says so on a BroadcastChannel
 * (`<database name>-writes`) as it is created, before IndexedDB queues it, and every tab and worker of the site
 * hears it. IndexedDB makes a write wait until every read transaction over the same tables that started before it
 * has ended; a scheduled snapshot (snapshotWork.ts) reads every table in one transaction (for a consistent copy),
 * which takes seconds at 100,000 cards and over a minute at 1,000,000 review logs. On this signal a scheduled
 * snapshot stops (its read transaction is aborted, nothing is stored) and is tried again once the app is quiet
 * (snapshots.ts), so the daily snapshot never holds up an answer.
 */
import type { DBCore, Middleware } from 'dexie';

const channelName = (dbName: string) => `${dbName}-writes`;

function openChannel(dbName: string): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(channelName(dbName));
  // In Node (unit tests) an open channel would keep the process alive.
  (channel as { unref?: () => void }).unref?.();
  return channel;
}

export function writeSignalMiddleware(dbName: string): Middleware<DBCore> {
  let channel: BroadcastChannel | null | undefined;
  return {
    stack: 'dbcore',
    name: 'writeSignal',
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          if (mode === 'readwrite') {
            channel ??= openChannel(dbName);
            channel?.postMessage('write');
          }
          return down.transaction(stores, mode, options);
        },
      };
    },
  };
}

/**
 * Calls `onWrite` whenever a read-write transaction on `dbName` is created in any tab or worker of the site
 * (including this one, through another connection's channel). Returns the function that stops listening.
 */
export function listenForWrites(dbName: string, onWrite: () => void): () => void {
  const channel = openChannel(dbName);
  if (!channel) return () => {};
  channel.onmessage = () => onWrite();
  return () => channel.close();
}
