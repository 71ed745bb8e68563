/**
 * Anki's review log (revlog) → reviews to replay through FSRS. Answer buttons map one to one (ease 1–4 →
 * Again/Hard/Good/Easy); learning, review, relearning and filtered-deck reviews are kept; manual entries
 * (type 4: "set due date", "forget") and rescheduling (type 5) are not answers and are left out, as is ease 0.
 */
import type { ImportedReview } from '../parsedImport';
import type { AnkiCard, AnkiReview } from './ankiCollection';

export type HistoryResult = { history: ImportedReview[]; warnings: string[] };

type ImportedNote = { cardId: string; ordinalOf: (ankiOrd: number) => number | undefined };

const ANSWER_TYPES = new Set([0, 1, 2, 3]);

export function historyFromRevlog(
  reviews: readonly AnkiReview[],
  cardsById: ReadonlyMap<number, AnkiCard>,
  importedNotes: ReadonlyMap<number, ImportedNote>,
): HistoryResult {
  const history: ImportedReview[] = [];
  let notAnswers = 0;
  let notImported = 0;
  let noCounterpart = 0;
  for (const review of reviews) {
    const rating = review.ease;
    if (!ANSWER_TYPES.has(review.type) || !isRating(rating) || review.id <= 0) {
      notAnswers++;
      continue;
    }
    const ankiCard = cardsById.get(review.cardId);
    const note = ankiCard ? importedNotes.get(ankiCard.noteId) : undefined;
    if (!ankiCard || !note) {
      notImported++;
      continue;
    }
    const ordinal = note.ordinalOf(ankiCard.ord);
    if (ordinal === undefined) {
      noCounterpart++;
      continue;
    }
    history.push({
      cardId: note.cardId,
      ordinal,
      rating,
      review: review.id,
      durationMs: Number.isFinite(review.durationMs) ? Math.max(0, Math.round(review.durationMs)) : 0,
    });
  }
  history.sort((a, b) => a.review - b.review);
  attachMemory(history, cardsById, importedNotes);
  const warnings: string[] = [];
  if (notAnswers > 0)
    warnings.push(
      `${count(notAnswers, 'review-log entry', 'review-log entries')} left out: manual rescheduling or no answer button`,
    );
  if (notImported > 0)
    warnings.push(`${count(notImported, 'review', 'reviews')} left out: their notes were not imported`);
  if (noCounterpart > 0)
    warnings.push(
      `${count(noCounterpart, 'review', 'reviews')} left out: Cardinal has no review item for their Anki card (another template, or a deleted cloze number)`,
    );
  return { history, warnings };
}

/** Anki's FSRS memory state of each card goes on the last review of its Cardinal item. */
function attachMemory(
  history: ImportedReview[],
  cardsById: ReadonlyMap<number, AnkiCard>,
  importedNotes: ReadonlyMap<number, ImportedNote>,
) {
  const memoryOf = new Map<string, NonNullable<AnkiCard['memory']>>();
  for (const card of cardsById.values()) {
    const note = card.memory ? importedNotes.get(card.noteId) : undefined;
    const ordinal = note?.ordinalOf(card.ord);
    if (note && ordinal !== undefined && card.memory) memoryOf.set(`${note.cardId}#${ordinal}`, card.memory);
  }
  if (memoryOf.size === 0) return;
  const seen = new Set<string>();
  for (let i = history.length - 1; i >= 0; i--) {
    const review = history[i];
    if (!review) continue;
    const key = `${review.cardId}#${review.ordinal}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const memory = memoryOf.get(key);
    if (memory) history[i] = { ...review, memory };
  }
}

function isRating(ease: number): ease is 1 | 2 | 3 | 4 {
  return ease === 1 || ease === 2 || ease === 3 || ease === 4;
}

export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
