/**
 * Keeps the exam index (table `examItems`, see domain/exam/examIndex.ts) in step with the cards, inside the
 * transaction of every card write, from any writer (deck install, import, restore, the editor, bulk actions in
 * Browse, the override layer): a DBCore middleware like cardWords.ts, so no write path can forget it.
 * - A write transaction over `cards` or `decks` also takes `cards`, `decks` and `examItems`.
 * - Adding or putting cards writes their rows (the deck's answer sets and exam options are read in the same
 *   transaction) and deletes the rows of cards that no longer ask anything; deleting cards deletes their rows
 *   (the two tables share their primary key [deckId, cardId]).
 * - Putting a deck whose answer sets or exam options changed rebuilds that deck's rows from its cards; deleting a
 *   deck deletes them.
 * Schema upgrades (versionchange transactions) are left alone: version 5's upgrade builds the index itself.
 */
import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreRangeType,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { type ExamIndexRow, examIndexRows, examMetaKey } from '../domain/exam/examIndex';
import type { CardRecord, DeckRecord } from '../domain/records';

export const EXAM_INDEX_TABLE = 'examItems';
const RANGE = 2 as DBCoreRangeType;

type Key = [string, string];

function isUpgrade(trans: DBCoreTransaction): boolean {
  return (trans as unknown as { mode?: string }).mode === 'versionchange';
}

/** Every key [deckId, …] of one deck. */
function deckRange(deckId: string): DBCoreKeyRange {
  // An array sorts after every string, so [deckId, []] closes the deck's range.
  return { type: RANGE, lower: [deckId], upper: [deckId, []], lowerOpen: false, upperOpen: false };
}

function failed(res: DBCoreMutateResponse): Set<number> {
  return new Set(Object.keys(res.failures ?? {}).map(Number));
}

export const examIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'examIndex',
  create(down) {
    if (!down.schema.tables.some((t) => t.name === EXAM_INDEX_TABLE)) return down;
    const items = () => down.table(EXAM_INDEX_TABLE);
    const decks = () => down.table('decks');
    const cards = () => down.table('cards');

    /** Writes the index rows of these cards (rows of cards that ask nothing are deleted). */
    async function writeRowsOf(trans: DBCoreTransaction, written: readonly CardRecord[]): Promise<void> {
      const byDeck = new Map<string, CardRecord[]>();
      for (const row of written) {
        if (!row?.card) continue;
        const list = byDeck.get(row.deckId) ?? [];
        list.push(row);
        byDeck.set(row.deckId, list);
      }
      for (const [deckId, records] of byDeck) {
        const deck = (await decks().get({ trans, key: deckId })) as DeckRecord | undefined;
        const rows = examIndexRows(deckId, records, deck ?? {});
        const asking = new Set(rows.map((r) => r.cardId));
        const gone: Key[] = records.filter((r) => !asking.has(r.id)).map((r) => [deckId, r.id]);
        if (rows.length > 0) await mustSucceed(items().mutate({ trans, type: 'put', values: rows }));
        if (gone.length > 0) await mustSucceed(items().mutate({ trans, type: 'delete', keys: gone }));
      }
    }

    /** Rebuilds one deck's rows from its stored cards. */
    async function rebuildDeck(trans: DBCoreTransaction, deckId: string, deck: DeckRecord): Promise<void> {
      const range = deckRange(deckId);
      const stored = (
        await cards().query({ trans, values: true, query: { index: cards().schema.primaryKey, range } })
      ).result as CardRecord[];
      const rows: ExamIndexRow[] = examIndexRows(deckId, stored, deck);
      await mustSucceed(items().mutate({ trans, type: 'deleteRange', range }));
      if (rows.length > 0) await mustSucceed(items().mutate({ trans, type: 'put', values: rows }));
    }

    function cardsTable(table: DBCoreTable): DBCoreTable {
      return {
        ...table,
        async mutate(req: DBCoreMutateRequest) {
          if (isUpgrade(req.trans)) return table.mutate(req);
          const res = await table.mutate(req);
          const skip = failed(res);
          switch (req.type) {
            case 'add':
            case 'put':
              await writeRowsOf(
                req.trans,
                (req.values as CardRecord[]).filter((_, i) => !skip.has(i)),
              );
              break;
            case 'delete':
              await mustSucceed(items().mutate({ trans: req.trans, type: 'delete', keys: req.keys }));
              break;
            case 'deleteRange':
              await mustSucceed(items().mutate({ trans: req.trans, type: 'deleteRange', range: req.range }));
              break;
          }
          return res;
        },
      };
    }

    function decksTable(table: DBCoreTable): DBCoreTable {
      return {
        ...table,
        async mutate(req: DBCoreMutateRequest) {
          if (isUpgrade(req.trans)) return table.mutate(req);
          if (req.type === 'add' || req.type === 'put') {
            const next = req.values as DeckRecord[];
            const before = (await table.getMany({ trans: req.trans, keys: next.map((d) => d.id) })) as (
              | DeckRecord
              | undefined
            )[];
            const res = await table.mutate(req);
            const skip = failed(res);
            for (const [i, deck] of next.entries())
              if (!skip.has(i) && examMetaKey(before[i]) !== examMetaKey(deck))
                await rebuildDeck(req.trans, deck.id, deck);
            return res;
          }
          const res = await table.mutate(req);
          if (req.type === 'delete')
            for (const key of req.keys as string[])
              await mustSucceed(
                items().mutate({ trans: req.trans, type: 'deleteRange', range: deckRange(key) }),
              );
          else if (req.type === 'deleteRange' && req.range.type === (3 as DBCoreRangeType))
            await mustSucceed(items().mutate({ trans: req.trans, type: 'deleteRange', range: req.range }));
          return res;
        },
      };
    }

    return {
      ...down,
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' && (stores.includes('cards') || stores.includes('decks'))
            ? [...new Set([...stores, 'cards', 'decks', EXAM_INDEX_TABLE])]
            : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name === 'cards') return cardsTable(table);
        if (name === 'decks') return decksTable(table);
        return table;
      },
    };
  },
};

async function mustSucceed(pending: Promise<DBCoreMutateResponse>): Promise<void> {
  const res = await pending;
  if (res.numFailures > 0)
    throw Object.values(res.failures)[0] ?? new Error('The exam index could not be written');
}
