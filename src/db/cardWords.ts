/**
 * Keeps each card row's search words (`words`, a multi-entry index) in step with its text: every add or put of a
 * card row, from any writer (deck install, import, restore, the editor, bulk actions), gets its words computed
 * here, so no write path can forget them.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { wordsOf } from '../domain/browse/words';
import type { CardRecord } from '../domain/records';

function withWords(value: unknown): unknown {
  const row = value as CardRecord | undefined;
  if (!row?.card) return value;
  return { ...row, words: wordsOf(row.card) };
}

export const cardWordsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'cardWords',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'cards') return table;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (req.type === 'add' || req.type === 'put')
              return table.mutate({ ...req, values: req.values.map(withWords) });
            return table.mutate(req);
          },
        };
      },
    };
  },
};
