/**
 * Keeps on each review item the Anki card and note it was imported from (ParsedImport.ankiIds), so a review-log
 * CSV that names Anki card ids finds it later. Items the import writes anyway get the ids; stored items the
 * import leaves unchanged are written again only when their ids are new or changed.
 */
import type { CardStateRecord } from '../records';
import type { AnkiItemIds } from './parsedImport';

export function withAnkiIds(
  toWrite: readonly CardStateRecord[],
  stored: readonly CardStateRecord[],
  ankiIds: readonly AnkiItemIds[] | undefined,
): CardStateRecord[] {
  if (!ankiIds || ankiIds.length === 0) return [...toWrite];
  const byItem = new Map(ankiIds.map((a) => [a.itemId, a]));
  const tagged = (item: CardStateRecord): CardStateRecord => {
    const ids = byItem.get(item.itemId);
    return ids ? { ...item, ankiCardId: ids.ankiCardId, ankiNoteId: ids.ankiNoteId } : item;
  };
  const written = new Set(toWrite.map((i) => i.itemId));
  const changed = stored.filter((item) => {
    if (written.has(item.itemId)) return false;
    const ids = byItem.get(item.itemId);
    return ids !== undefined && (item.ankiCardId !== ids.ankiCardId || item.ankiNoteId !== ids.ankiNoteId);
  });
  return [...toWrite, ...changed].map(tagged);
}
