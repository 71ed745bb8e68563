import { Dexie, type Transaction } from 'dexie';
import { type ExamIndexRow, examIndexRows } from '../../domain/exam/examIndex';
import type { CardRecord, DeckRecord } from '../../domain/records';

/**
 * Schema version 5: the exam index (`examItems`, see domain/exam/examIndex.ts) is filled in for every stored
 * deck from its cards, one deck at a time. Later writes keep it in step (db/examIndex.ts).
 */
export async function v5ExamIndex(tx: Transaction): Promise<void> {
  for (const deck of await tx.table<DeckRecord>('decks').toArray()) {
    const cards = await tx
      .table<CardRecord>('cards')
      .where('[deckId+id]')
      .between([deck.id, Dexie.minKey], [deck.id, Dexie.maxKey])
      .toArray();
    await tx.table<ExamIndexRow>('examItems').bulkPut(examIndexRows(deck.id, cards, deck));
  }
}
