import type { Page } from 'playwright-core';

/**
 * Reads a whole object store of the app's real IndexedDB (or of `database`, e.g. cardinal-snapshots), from inside
 * the page. A database or store that does not exist (yet) reads as empty and is not created.
 */
export function readStore<T>(page: Page, store: string, database = 'cardinal'): Promise<T[]> {
  return page.evaluate(
    async ({ name, database }) => {
      if (!(await indexedDB.databases()).some((d) => d.name === database)) return [];
      return new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          if (!open.result.objectStoreNames.contains(name)) {
            open.result.close();
            return resolve([]);
          }
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      });
    },
    { name: store, database },
  );
}
