import type { Transaction } from 'dexie';
import { wordsOf } from '../../domain/browse/words';
import type { CardRecord } from '../../domain/records';

/** Schema version 3: every stored card gets its search words (new writes get them from db/cardWords.ts). */
export async function v3BrowseIndex(tx: Transaction): Promise<void> {
  await tx
    .table<CardRecord>('cards')
    .toCollection()
    .modify((row) => {
      row.words = wordsOf(row.card);
    });
}
