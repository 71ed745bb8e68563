import type { CardinalDb } from './database';

/** The deck a page is about, for its document title: by deck id, review scope or exam id. */
export async function deckTitleFor(
  db: CardinalDb,
  params: { deckId?: string; scope?: string; examId?: string },
): Promise<string | null> {
  if (params.scope === 'all') return 'All decks';
  const deckId = params.deckId ?? params.scope;
  if (deckId) return (await db.decks.get(deckId))?.title ?? null;
  if (params.examId) {
    // Read as stored (not through the exam schema): a damaged exam still gets a title.
    const exam: unknown = await db.exams.get(params.examId);
    const title = typeof exam === 'object' && exam !== null && 'deckTitle' in exam ? exam.deckTitle : null;
    return typeof title === 'string' ? title : null;
  }
  return null;
}
