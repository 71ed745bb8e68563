/**
 * Review history from another app (ParsedImport.history), replayed through FSRS so imported cards arrive with the
 * state their history implies, each answer stored as a review log with source 'import'.
 * A review already stored (same item, same time) is not stored twice, so re-importing a package adds nothing.
 * Each item's history is replayed from a new card over every answer it has (stored and imported), in time order.
 */
import { type CardStateRecord, queueOf, type ReviewLogRecord } from '../records';
import { newFsrsFields, previewOutcomes } from '../scheduler';
import type { SchedulerSettings } from '../settings';
import type { ImportedReview } from './parsedImport';

/** Answer durations are capped as in Anki (and in the review screen). */
const MAX_DURATION_MS = 60_000;

export type HistoryPlan = {
  items: CardStateRecord[];
  logs: ReviewLogRecord[];
  counts: { added: number; alreadyStored: number; unknownItem: number };
};

export function planHistory(
  deckId: string,
  history: readonly ImportedReview[],
  items: ReadonlyMap<string, CardStateRecord>,
  storedLogs: ReadonlyArray<Pick<ReviewLogRecord, 'itemId' | 'review' | 'rating'>>,
  settings: SchedulerSettings,
): HistoryPlan {
  const counts = { added: 0, alreadyStored: 0, unknownItem: 0 };
  const storedByItem = new Map<string, Array<{ rating: 1 | 2 | 3 | 4; review: number; imported: null }>>();
  for (const log of storedLogs) {
    const list = storedByItem.get(log.itemId) ?? [];
    list.push({ rating: log.rating, review: log.review, imported: null });
    storedByItem.set(log.itemId, list);
  }
  const incoming = new Map<string, ImportedReview[]>();
  const seen = new Set<string>();
  for (const review of history) {
    const itemId = `${review.cardId}#${review.ordinal}`;
    const item = items.get(itemId);
    if (!item || item.retired) {
      counts.unknownItem++;
      continue;
    }
    const key = `${itemId}@${review.review}`;
    if (seen.has(key) || storedByItem.get(itemId)?.some((l) => l.review === review.review)) {
      counts.alreadyStored++;
      continue;
    }
    seen.add(key);
    incoming.set(itemId, [...(incoming.get(itemId) ?? []), review]);
  }

  const outItems: CardStateRecord[] = [];
  const outLogs: ReviewLogRecord[] = [];
  for (const [itemId, reviews] of incoming) {
    const item = items.get(itemId);
    if (!item) continue;
    const all = [
      ...(storedByItem.get(itemId) ?? []),
      ...reviews.map((r) => ({ rating: r.rating, review: r.review, imported: r })),
    ].sort((a, b) => a.review - b.review);
    const first = all[0];
    if (!first) continue;
    let fsrs = newFsrsFields(first.review);
    for (const answer of all) {
      const outcome = previewOutcomes(fsrs, answer.review, settings)[answer.rating];
      if (answer.imported) {
        counts.added++;
        outLogs.push({
          deckId,
          itemId,
          cardId: item.cardId,
          ...outcome.log,
          durationMs: Math.min(MAX_DURATION_MS, Math.max(0, Math.round(answer.imported.durationMs))),
          source: 'import',
          before: { fsrs, suspended: item.suspended, leech: item.leech },
        });
      }
      fsrs = outcome.next;
      // The other app's own memory state after its last answer wins over the replay's estimate.
      if (answer.imported?.memory)
        fsrs = {
          ...fsrs,
          stability: answer.imported.memory.stability,
          difficulty: answer.imported.memory.difficulty,
        };
    }
    const next = { ...item, fsrs, due: fsrs.due };
    outItems.push({ ...next, queue: queueOf(next) });
  }
  return { items: outItems, logs: outLogs, counts };
}
