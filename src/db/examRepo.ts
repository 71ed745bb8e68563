/**
 * Practice exams (table `exams`): starting one (the draw), saving progress as it goes, finishing it (score,
 * breakdown, and feeding the schedule, in one transaction), and reading them back for results and history.
 * Every exam read back goes through the zod schema of domain/exam/record.ts.
 */
import { Dexie } from 'dexie';
import { z } from 'zod';
import { suggestedGrade } from '../domain/answer';
import { itemIdOf } from '../domain/deck/reviewItems';
import { type Candidate, cardCandidates } from '../domain/exam/candidates';
import {
  arrangeQuestions,
  type CardItems,
  type DrawFilter,
  drawExamCards,
  type PickLookup,
  type PoolPick,
  type SectionPool,
  weaknessWeight,
} from '../domain/exam/draw';
import type { ExamIndexRow } from '../domain/exam/examIndex';
import { seededRandom } from '../domain/exam/random';
import {
  type ExamAnswer,
  type ExamConfig,
  type ExamRecord,
  type ExamResult,
  examRecordSchema,
} from '../domain/exam/record';
import {
  isAnsweredCorrectly,
  isBlank,
  scoreExam,
  sectionBreakdown,
  tagBreakdown,
} from '../domain/exam/scoring';
import { flattenSections } from '../domain/exam/sections';
import { newExamRecord, retakeOfMissed } from '../domain/exam/session';
import type { CardStateRecord, DeckRecord } from '../domain/records';
import type { SchedulerSettings } from '../domain/settings';
import type { CardinalDb } from './database';
import { recordAnswer, todaysLogs } from './reviewRepo';
import { getSchedulerSettings } from './schedulerSettingsRepo';
import { getSetting, putSetting } from './settingsRepo';

/** The exam setting: whether finished exams update the schedule (default on). */
export const FEED_SCHEDULE_KEY = 'exam:feedSchedule';
const feedScheduleSchema = z.boolean();

export function getFeedSchedule(db: CardinalDb): Promise<boolean> {
  return getSetting(db, FEED_SCHEDULE_KEY, feedScheduleSchema, true);
}

export function setFeedSchedule(db: CardinalDb, value: boolean): Promise<void> {
  return putSetting(db, FEED_SCHEDULE_KEY, feedScheduleSchema.parse(value));
}

/** Recorded answer times are capped as in the review screen (Anki caps at 60 s). */
const MAX_ANSWER_MS = 60_000;

export class DamagedExamError extends Error {}

function parseExam(row: unknown): ExamRecord {
  const parsed = examRecordSchema.safeParse(row);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const id = typeof row === 'object' && row !== null && 'id' in row ? String(row.id) : '?';
  throw new DamagedExamError(
    `Exam "${id}" is damaged: field "${issue?.path.join('.') ?? '?'}" ${issue?.message ?? 'is invalid'}`,
  );
}

export type ExamSetup = {
  deck: DeckRecord;
  /** How many cards an exam can ask per section of the deck's tree (sections with none are left out). */
  sectionCounts: Map<string, number>;
  /** Every tag of a card an exam can ask, sorted. */
  tags: string[];
  /** How many cards of the deck an exam can ask (0: the deck has no exam questions). */
  total: number;
};

const deckRange = (deckId: string): [[string, unknown], [string, unknown]] => [
  [deckId, Dexie.minKey],
  [deckId, Dexie.maxKey],
];

/**
 * What the set-up page shows, or null when the deck does not exist: from the stored exam index (db/examIndex.ts)
 * by counts and index keys alone; no card row is read.
 */
export async function loadExamSetup(db: CardinalDb, deckId: string): Promise<ExamSetup | null> {
  return db.transaction('r', [db.decks, db.examItems], async () => {
    const deck = await db.decks.get(deckId);
    if (!deck) return null;
    const sections = flattenSections(deck.sections);
    const [counts, tagKeys, total] = await Promise.all([
      Promise.all(sections.map((s) => db.examItems.where('[deckId+section]').equals([deckId, s.id]).count())),
      db.examItems
        .where('sectionTags')
        .between(...deckRange(deckId))
        .uniqueKeys(),
      db.examItems
        .where('[deckId+cardId]')
        .between(...deckRange(deckId))
        .count(),
    ]);
    const sectionCounts = new Map<string, number>();
    sections.forEach((s, i) => {
      if ((counts[i] ?? 0) > 0) sectionCounts.set(s.id, counts[i] ?? 0);
    });
    const tags = new Set((tagKeys as unknown as [string, string, string][]).map((key) => key[2]));
    return { deck, sectionCounts, tags: [...tags].sort(), total };
  });
}

/** The eligible cards of one section: counted on the index, or listed (card ids) when tags filter them. */
type PoolSource = SectionPool & { cards?: string[] };

/**
 * The cards an exam with these sections and tags can ask, per section in the order of `filter.sections`: without
 * tags a count on the [deckId+section] index (or, with `list`, its keys); with tags the card ids of the matching
 * [deckId, section, tag] keys (keys only, one per card).
 */
async function poolSources(
  db: CardinalDb,
  deckId: string,
  filter: DrawFilter,
  list = false,
): Promise<PoolSource[]> {
  const sections = [...new Set(filter.sections)];
  const tags = [...new Set(filter.tags)];
  if (tags.length === 0 && list) {
    // The draw reads the card ids once: on disk Chromium reaches the n-th key of an index by walking to it, so
    // one walk of each section's range beats a walk per picked position (3 s for 40 questions at 100,000 cards).
    const keys = await Promise.all(
      sections.map((section) =>
        db.examItems.where('[deckId+section]').equals([deckId, section]).primaryKeys(),
      ),
    );
    return sections.map((section, i) => {
      const cards = (keys[i] ?? []).map((key) => key[1]);
      return { section, size: cards.length, cards };
    });
  }
  if (tags.length === 0) {
    const sizes = await Promise.all(
      sections.map((section) => db.examItems.where('[deckId+section]').equals([deckId, section]).count()),
    );
    return sections.map((section, i) => ({ section, size: sizes[i] ?? 0 }));
  }
  const keys = await Promise.all(
    sections.map((section) =>
      db.examItems
        .where('sectionTags')
        .anyOf(tags.map((tag) => [deckId, section, tag]))
        .primaryKeys(),
    ),
  );
  return sections.map((section, i) => {
    const cards = [...new Set((keys[i] ?? []).map((key) => key[1]))];
    return { section, size: cards.length, cards };
  });
}

/** How many different questions (one per card) an exam with these sections and tags can ask. */
export async function countAvailable(db: CardinalDb, deckId: string, filter: DrawFilter): Promise<number> {
  return (await poolSources(db, deckId, filter)).reduce((n, pool) => n + pool.size, 0);
}

/**
 * The lookup the draw asks (domain/exam/draw.ts): the card id at each picked position (from the sections' card
 * ids, listed once by poolSources), their index rows, then the review states of the items of cards not seen
 * before, a bulkGet each per round; everything read is remembered for the next rounds.
 */
function pickLookup(
  db: CardinalDb,
  deckId: string,
  sources: readonly PoolSource[],
  weightOf: (fsrs: CardStateRecord['fsrs'] | undefined) => number,
): PickLookup {
  const rowAt = new Map<string, ExamIndexRow | null>();
  const itemsOf = new Map<string, CardItems>();
  /** The card id at a position, from its section's listed card ids. */
  const cardAt = (pick: PoolPick): string | undefined => sources[pick.pool]?.cards?.[pick.index];
  return async (picks) => {
    const at = (pick: PoolPick) => `${pick.pool}:${pick.index}`;
    const missing = [...new Map(picks.filter((p) => !rowAt.has(at(p))).map((p) => [at(p), p])).values()];
    const cardIds = missing.map(cardAt);
    const rows = await db.examItems.bulkGet(cardIds.map((id): [string, string] => [deckId, id ?? '']));
    missing.forEach((pick, i) => {
      rowAt.set(at(pick), cardIds[i] === undefined ? null : (rows[i] ?? null));
    });
    const fresh = [
      ...new Map(
        rows.flatMap((row) => (row && !itemsOf.has(row.cardId) ? [[row.cardId, row]] : [])),
      ).values(),
    ];
    const itemIds = fresh.flatMap((row) => row.ordinals.map((o) => itemIdOf(row.cardId, o)));
    const states = await db.cardStates.bulkGet(itemIds.map((i): [string, string] => [deckId, i]));
    const fsrsOf = new Map(states.flatMap((s) => (s ? [[s.itemId, s.fsrs] as const] : [])));
    for (const row of fresh)
      itemsOf.set(
        row.cardId,
        row.ordinals.map((o) => {
          const itemId = itemIdOf(row.cardId, o);
          return { itemId, weight: weightOf(fsrsOf.get(itemId)) };
        }),
      );
    return picks.map((pick) => {
      const row = rowAt.get(at(pick));
      return row ? { cardId: row.cardId, items: itemsOf.get(row.cardId) ?? [] } : null;
    });
  };
}

/** The set-up's small live part: the schedule setting and an unfinished exam of the deck to resume. */
export async function loadExamSetupStatus(
  db: CardinalDb,
  deckId: string,
): Promise<{ feedSchedule: boolean; active: ExamRecord | undefined }> {
  return { feedSchedule: await getFeedSchedule(db), active: await activeExamOf(db, deckId) };
}

/**
 * Draws and stores a new exam (reproducible from config.seed over the same deck and card states). Reads the
 * eligible card ids from the exam index, the review states of the cards the draw looks at (a few hundred for 40
 * questions, see domain/exam/draw.ts) and the chosen cards; then stores the exam.
 */
export async function startExam(
  db: CardinalDb,
  deckId: string,
  config: ExamConfig,
  input: { id: string; now: number },
): Promise<ExamRecord> {
  const random = seededRandom(config.seed);
  const drawn = await db.transaction(
    'r',
    [db.decks, db.examItems, db.cardStates, db.cards, db.settings],
    async () => {
      const deck = await db.decks.get(deckId);
      if (!deck) return null;
      const settings = await getSchedulerSettings(db, deckId);
      const sources = await poolSources(db, deckId, config, true);
      const picked = await drawExamCards({
        pools: sources.map(({ section, size }) => ({ section, size })),
        count: config.count,
        lookup: pickLookup(db, deckId, sources, (fsrs) => weaknessWeight(fsrs, input.now, settings)),
        random,
      });
      const cards = await db.cards.bulkGet(picked.map((p): [string, string] => [deckId, p.cardId]));
      const candidatesOf = cardCandidates(deck);
      const chosen: Candidate[] = [];
      picked.forEach((p, i) => {
        const card = cards[i];
        const candidate = card && candidatesOf(card).find((c) => c.itemId === p.itemId);
        if (candidate) chosen.push(candidate);
      });
      return { deck, chosen };
    },
  );
  if (!drawn) throw new Error(`No deck "${deckId}"`);
  const sectionOrder = flattenSections(drawn.deck.sections).map((s) => s.id);
  const questions = arrangeQuestions(drawn.chosen, config.order, sectionOrder, random);
  if (questions.length === 0) throw new Error('No questions match these sections and tags');
  const exam = newExamRecord({ id: input.id, deck: drawn.deck, config, questions, now: input.now });
  await createExam(db, exam);
  return exam;
}

/** Starts an exam of the questions `examId` got wrong or left blank; undefined when none were missed. */
export async function startRetake(
  db: CardinalDb,
  examId: string,
  input: { id: string; seed: string; now: number },
): Promise<ExamRecord | undefined> {
  const exam = await getExam(db, examId);
  if (!exam) throw new Error(`No exam "${examId}"`);
  const retake = retakeOfMissed(exam, {
    ...input,
    random: seededRandom(input.seed),
    feedSchedule: await getFeedSchedule(db),
  });
  if (retake) await createExam(db, retake);
  return retake;
}

export async function createExam(db: CardinalDb, exam: ExamRecord): Promise<void> {
  await db.exams.add(examRecordSchema.parse(exam));
}

export async function getExam(db: CardinalDb, id: string): Promise<ExamRecord | undefined> {
  const row = await db.exams.get(id);
  return row === undefined ? undefined : parseExam(row);
}

export async function activeExamOf(db: CardinalDb, deckId: string): Promise<ExamRecord | undefined> {
  const rows = await db.exams.where('[deckId+status]').equals([deckId, 'active']).sortBy('startedAt');
  const last = rows.at(-1);
  return last === undefined ? undefined : parseExam(last);
}

/** Every exam, newest first. Damaged rows are skipped (history stays readable) and reported by `damaged`. */
export async function listExams(db: CardinalDb): Promise<{ exams: ExamRecord[]; damaged: string[] }> {
  const rows = await db.exams.orderBy('startedAt').reverse().toArray();
  const exams: ExamRecord[] = [];
  const damaged: string[] = [];
  for (const row of rows) {
    try {
      exams.push(parseExam(row));
    } catch (error) {
      damaged.push(error instanceof Error ? error.message : String(error));
    }
  }
  return { exams, damaged };
}

/**
 * Deletes an exam from history. Reviews it already fed to the schedule stay: they are part of each card's
 * review history, like any other answer.
 */
export async function deleteExam(db: CardinalDb, id: string): Promise<void> {
  await db.exams.delete(id);
}

export type ExamProgress = { answers: ExamAnswer[]; current: number; elapsedMs: number };

/** Stores answers, position and time used of an unfinished exam; false when it is already finished. */
export async function saveExamProgress(db: CardinalDb, id: string, progress: ExamProgress): Promise<boolean> {
  return db.transaction('rw', [db.exams], async () => {
    const exam = await getExam(db, id);
    if (exam?.status !== 'active') return false;
    await db.exams.put(examRecordSchema.parse({ ...exam, ...progress }));
    return true;
  });
}

/**
 * Finishes an exam: scores it, stores the result, and (when the exam was started with the schedule setting on)
 * records each answered question as a review of its item: wrong → Again, right → Good, source "exam".
 * Only items already studied are fed: an item still new stays new (counted in `leftNew`). An item is fed at
 * most once per exam, never when its card already has a review today, and blanks are not fed. All of it is one transaction. Finishing a finished exam returns it unchanged.
 */
export async function finishExam(
  db: CardinalDb,
  id: string,
  input: { answers: ExamAnswer[]; elapsedMs: number; now: number; timedOut: boolean },
): Promise<ExamRecord> {
  return db.transaction('rw', [db.exams, db.decks, db.cardStates, db.reviewLogs, db.settings], async () => {
    const exam = await getExam(db, id);
    if (!exam) throw new Error(`No exam "${id}"`);
    if (exam.status === 'finished') return exam;
    const { questions, config } = exam;
    const answers = questions.map((_, i) => input.answers[i] ?? { choice: [], flagged: false });
    const deck = await db.decks.get(exam.deckId);
    const sections = deck ? flattenSections(deck.sections) : [];
    const score = scoreExam(questions, answers, config.passMark);
    const fed = config.feedSchedule
      ? await feedSchedule(db, exam, answers, input)
      : { fedToSchedule: 0, skippedReviewedToday: 0, leftNew: 0 };
    const result: ExamResult = {
      ...score,
      timedOut: input.timedOut,
      sections: sectionBreakdown(questions, answers, sections),
      tags: tagBreakdown(questions, answers),
      ...fed,
    };
    const finished: ExamRecord = {
      ...exam,
      answers,
      elapsedMs: input.elapsedMs,
      status: 'finished',
      finishedAt: input.now,
      result,
    };
    await db.exams.put(examRecordSchema.parse(finished));
    return finished;
  });
}

async function feedSchedule(
  db: CardinalDb,
  exam: ExamRecord,
  answers: readonly ExamAnswer[],
  input: { elapsedMs: number; now: number },
) {
  const settings = await getSchedulerSettings(db, exam.deckId);
  const reviewedToday = new Set(
    (await todaysLogs(db, exam.deckId, input.now, settings.dayStartHour)).map((log) => log.cardId),
  );
  const answered = exam.questions.filter((_, i) => !isBlank(answers[i])).length;
  const durationMs = Math.min(MAX_ANSWER_MS, answered === 0 ? 0 : input.elapsedMs / answered);
  const fedItems = new Set<string>();
  let fedToSchedule = 0;
  let skippedReviewedToday = 0;
  let leftNew = 0;
  for (const [i, question] of exam.questions.entries()) {
    const answer = answers[i];
    if (isBlank(answer) || fedItems.has(question.itemId)) continue;
    fedItems.add(question.itemId);
    if (reviewedToday.has(question.cardId)) {
      skippedReviewedToday++;
      continue;
    }
    const item = await db.cardStates.get([exam.deckId, question.itemId]);
    if (!item || item.retired) continue;
    // An item never studied stays new: an exam answer is not a first lesson, and FSRS would schedule it
    // from a guess.
    if (item.fsrs.state === 0) {
      leftNew++;
      continue;
    }
    const rating = suggestedGrade(isAnsweredCorrectly(question, answer));
    await recordAnswer(
      db,
      exam.deckId,
      question.itemId,
      { rating, now: input.now, durationMs, source: 'exam' },
      settings,
    );
    fedToSchedule++;
  }
  return { fedToSchedule, skippedReviewedToday, leftNew };
}

const examDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a yyyy-mm-dd date');
const examDateKey = (deckId: string) => `exam:date:${deckId}`;

/** Remembers the exam date chosen on a deck's readiness page (yyyy-mm-dd). */
export function saveExamDate(db: CardinalDb, deckId: string, date: string): Promise<void> {
  return putSetting(db, examDateKey(deckId), examDateSchema.parse(date));
}

export type ReadinessData = {
  deck: DeckRecord;
  states: CardStateRecord[];
  settings: SchedulerSettings;
  /** Finished exams of the deck, oldest first. */
  exams: ExamRecord[];
  /** The exam date last chosen for this deck (yyyy-mm-dd), or null. */
  examDate: string | null;
  /**
   * For a deck with one section only (no sections of its own): each tagged card's tags, so readiness can be
   * shown per tag. Null for a deck with sections.
   */
  cardTags: Map<string, string[]> | null;
};

export async function loadReadiness(db: CardinalDb, deckId: string): Promise<ReadinessData | null> {
  const deck = await db.decks.get(deckId);
  if (!deck) return null;
  const [states, settings, rows, examDate, cardTags] = await Promise.all([
    db.cardStates.where('deckId').equals(deckId).toArray(),
    getSchedulerSettings(db, deckId),
    db.exams.where('[deckId+status]').equals([deckId, 'finished']).sortBy('finishedAt'),
    getSetting(db, examDateKey(deckId), examDateSchema.nullable(), null),
    flattenSections(deck.sections).length > 1 ? null : deckCardTags(db, deckId),
  ]);
  return { deck, states, settings, exams: rows.map(parseExam), examDate, cardTags };
}

/**
 * The tags of a deck's cards, from the `*card.tags` index keys alone (no card is read): one index walk per tag in
 * use, keeping the keys of this deck.
 */
async function deckCardTags(db: CardinalDb, deckId: string): Promise<Map<string, string[]>> {
  const tags = (await db.cards.orderBy('card.tags').uniqueKeys()).filter(
    (key): key is string => typeof key === 'string',
  );
  const keys = await Promise.all(tags.map((tag) => db.cards.where('card.tags').equals(tag).primaryKeys()));
  const byCard = new Map<string, string[]>();
  tags.forEach((tag, i) => {
    for (const [deck, cardId] of keys[i] ?? []) {
      if (deck !== deckId) continue;
      const list = byCard.get(cardId) ?? [];
      list.push(tag);
      byCard.set(cardId, list);
    }
  });
  return byCard;
}
