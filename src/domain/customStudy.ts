/**
 * Custom study (Anki's Custom Study beyond "learn more new cards"): a session over a list of items chosen once
 * when it starts, studied in order. Pure: which modes write, how the address names a session, how a session moves.
 *
 * - `ahead`: review cards due in the next n days. Answers count as reviews (written like any answer; FSRS
 *   schedules an early review from the time elapsed).
 * - `forgotten`: items answered Again in the last n days. Answers count as reviews.
 * - `cram`: one section or one tag, the schedule left alone: nothing is written (no card state, no review log).
 * - `preview`: the next n new items, shown without scheduling: nothing is written.
 */

export type CustomStudy =
  | { mode: 'ahead'; days: number }
  | { mode: 'forgotten'; days: number }
  | { mode: 'cram'; section: string; tag?: undefined }
  | { mode: 'cram'; tag: string; section?: undefined }
  | { mode: 'preview'; count: number };

/** The most items one custom session holds (as Anki's custom study decks default to 100). */
export const CUSTOM_STUDY_LIMIT = 100;
export const MAX_DAYS = 365;

const DAY_MS = 86_400_000;

function whole(value: string | null, max: number): number | null {
  if (value === null || !/^\d{1,4}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 && n <= max ? n : null;
}

/** The session named by the review address (`?ahead=n`, `?forgotten=n`, `?cram=section:<id>|tag:<t>`, `?preview=n`). */
export function parseCustomStudy(params: URLSearchParams): CustomStudy | null {
  const ahead = whole(params.get('ahead'), MAX_DAYS);
  if (ahead !== null) return { mode: 'ahead', days: ahead };
  const forgotten = whole(params.get('forgotten'), MAX_DAYS);
  if (forgotten !== null) return { mode: 'forgotten', days: forgotten };
  const preview = whole(params.get('preview'), CUSTOM_STUDY_LIMIT);
  if (preview !== null) return { mode: 'preview', count: preview };
  const cram = params.get('cram');
  if (cram?.startsWith('section:') && cram.length > 8) return { mode: 'cram', section: cram.slice(8) };
  if (cram?.startsWith('tag:') && cram.length > 4) return { mode: 'cram', tag: cram.slice(4) };
  return null;
}

/** The query string of a session (inverse of parseCustomStudy). */
export function customStudySearch(custom: CustomStudy): string {
  const params = new URLSearchParams();
  if (custom.mode === 'ahead') params.set('ahead', String(custom.days));
  else if (custom.mode === 'forgotten') params.set('forgotten', String(custom.days));
  else if (custom.mode === 'preview') params.set('preview', String(custom.count));
  else params.set('cram', custom.tag !== undefined ? `tag:${custom.tag}` : `section:${custom.section}`);
  return `?${params.toString()}`;
}

/**
 * The query string of today's queue narrowed to a section (`?section=`, one deck) or a tag (`?tag=`, one deck or
 * all): unlike a cram, such a session counts as reviews, within the deck's daily limits.
 */
export function dailyScopeSearch(section: string | null, tag: string | null): string {
  const params = new URLSearchParams();
  if (section !== null) params.set('section', section);
  else if (tag !== null) params.set('tag', tag);
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}

/** Whether answers are written (count as reviews) or the schedule is left alone. */
export function writesAnswers(custom: CustomStudy): boolean {
  return custom.mode === 'ahead' || custom.mode === 'forgotten';
}

export function describeCustomStudy(custom: CustomStudy): string {
  switch (custom.mode) {
    case 'ahead':
      return `Review ahead: cards due in the next ${custom.days} ${custom.days === 1 ? 'day' : 'days'}`;
    case 'forgotten':
      return `Forgotten: answered Again in the last ${custom.days} ${custom.days === 1 ? 'day' : 'days'}`;
    case 'preview':
      return `Preview of ${custom.count} new ${custom.count === 1 ? 'card' : 'cards'}`;
    case 'cram':
      return custom.tag !== undefined ? `Cram: tag ${custom.tag}` : 'Cram';
  }
}

/** The window of a days-based session: `ahead` up to now + n days; `forgotten` from now − n days. */
export function daysFrom(now: number, days: number, direction: 1 | -1): number {
  return now + direction * days * DAY_MS;
}

/**
 * A session item across decks: `<deck id>/<item id>`. Deck ids hold no "/" (lowercase, digits, "." and "-"), so
 * the first "/" splits the key.
 */
export function itemKey(deckId: string, itemId: string): string {
  return `${deckId}/${itemId}`;
}

export function parseItemKey(key: string): { deckId: string; itemId: string } {
  const slash = key.indexOf('/');
  return { deckId: key.slice(0, slash), itemId: key.slice(slash + 1) };
}

/** A running session: the item keys (see itemKey) in study order and how far it has gone. */
export type CustomSession = { order: readonly string[]; position: number };

export function currentItemId(session: CustomSession): string | null {
  return session.order[session.position] ?? null;
}

/**
 * After an answer: the next item. In a session that writes nothing, Again puts the item at the end once more
 * (as a cram session would show a missed card again); otherwise each item is shown once.
 */
export function afterAnswer(session: CustomSession, again: boolean, writes: boolean): CustomSession {
  const id = currentItemId(session);
  if (id === null) return session;
  const order = again && !writes ? [...session.order, id] : session.order;
  return { order, position: session.position + 1 };
}

export function remaining(session: CustomSession): number {
  return Math.max(0, session.order.length - session.position);
}
