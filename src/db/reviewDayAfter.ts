/**
 * The review screen's next day, computed in memory right after an answer, so the next card shows while the answer
 * is still being stored. It is what `loadReviewDay` would read once the answer is stored, taken from the day on
 * screen (its per-deck candidates, today's logs and the cards read ahead) and the answer itself. No reads: when
 * the answered item's place cannot be told without a read, it says null and the screen waits for the database
 * instead; when the next card was not read ahead, `card` is missing (read it with `readNextCard`).
 */
import type { AnswerResult } from '../domain/answer';
import { nextStudyDayStart } from '../domain/day';
import { candidatesAfterAnswer, upcomingItems } from '../domain/queue';
import type { CardinalDb } from './database';
import { queueAcross } from './reviewDay';
import { cardKey, type ReviewDay, type ReviewScreen, UPCOMING_PER_LIST } from './reviewScreen';

export function dayAfterAnswer(
  screen: ReviewScreen,
  answer: Pick<AnswerResult, 'item' | 'log'>,
  now: number,
): ReviewDay | null {
  const ahead = screen.ahead;
  const at = screen.decks.findIndex((d) => d.id === answer.item.deckId);
  const deck = ahead?.perDeck[at];
  const settings = screen.settings[answer.item.deckId];
  if (!ahead || !deck || !settings) return null;
  const dayEnd = nextStudyDayStart(now, settings.dayStartHour);
  // A new study day brings its own due items and limits: only a read knows them.
  if (nextStudyDayStart(screen.asOf, settings.dayStartHour) !== dayEnd) return null;
  const candidates = candidatesAfterAnswer(deck.candidates, answer.item, dayEnd);
  if (!candidates) return null;
  const { item } = answer;
  const dueLater = (item.queue === 'learning' || item.queue === 'review') && item.due >= dayEnd;
  const perDeck = ahead.perDeck.map((d, i) =>
    i === at
      ? {
          ...d,
          candidates,
          logs: [...d.logs, answer.log],
          nextDue: dueLater && (d.nextDue === null || item.due < d.nextDue) ? item.due : d.nextDue,
        }
      : d,
  );
  const queue = queueAcross(perDeck, now);
  const current = queue.current;
  const card = current ? ahead.cards.get(cardKey(current.deckId, current.cardId)) : undefined;
  const dues = perDeck.flatMap((d) => (d.nextDue === null ? [] : [d.nextDue]));
  return {
    asOf: now,
    queue,
    card,
    // The answer just given is the one undo takes back (its log id is known once it is stored).
    undoable: answer.log,
    nextDue: dues.length > 0 ? Math.min(...dues) : null,
    readAhead: screen.readAhead,
    ahead: { perDeck, cards: ahead.cards },
  };
}

/**
 * The day after an answer with its current card, read when it was not read ahead (a read of the cards table alone,
 * which the answers being stored do not hold up). Undefined when there is no such card.
 */
export async function withNextCard(db: CardinalDb, day: ReviewDay): Promise<ReviewDay | undefined> {
  const current = day.queue.current;
  if (!current || day.card) return day;
  const card = await db.cards.get([current.deckId, current.cardId]);
  if (!card) return undefined;
  day.ahead?.cards.set(cardKey(card.deckId, card.id), card);
  return { ...day, card };
}

/**
 * Reads the cards of the items that can come up after the day's current one and are not read yet, into the day's
 * cards: while answers come faster than the day is read again, the next cards are still in memory. A read of the
 * cards table alone, beside the answers being stored.
 */
export async function readCardsAhead(db: CardinalDb, day: ReviewDay): Promise<void> {
  const ahead = day.ahead;
  if (!ahead) return;
  const missing = new Map<string, [string, string]>();
  for (const deck of ahead.perDeck)
    for (const item of upcomingItems(deck.candidates, day.asOf, UPCOMING_PER_LIST)) {
      const key = cardKey(item.deckId, item.cardId);
      if (!ahead.cards.has(key)) missing.set(key, [item.deckId, item.cardId]);
    }
  if (missing.size === 0) return;
  for (const card of await db.cards.bulkGet([...missing.values()]))
    if (card) ahead.cards.set(cardKey(card.deckId, card.id), card);
}
