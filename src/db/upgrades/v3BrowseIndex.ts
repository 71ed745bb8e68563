import type { Transaction } from 'dexie';
import { wordsOf } from '../../domain/browse/words';
import type { CardRecord } from '../../domain/records';

/**
 * Schema version 3: every stored card gets its search words (new writes get them from db/cardWords.ts). A damaged
 * row without card content is left as it is (Check database reports it): one bad row must not stop the upgrade,
 * or the app would not open.
 */
export async function v3BrowseIndex(tx: Transaction): Promise<void> {
  await tx
    .table<CardRecord>('cards')
    .toCollection()
    .modify((row) => {
      if (row.card) row.words = wordsOf(row.card);
    });
}
