import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/database';
import { syncDeck } from '../../src/db/deckInstall';
import { hasExamQuestions } from '../../src/db/decksRepo';
import {
  countAvailable,
  finishExam,
  getExam,
  getFeedSchedule,
  listExams,
  loadExamSetup,
  saveExamProgress,
  setFeedSchedule,
  startExam,
  startRetake,
} from '../../src/db/examRepo';
import { recordAnswer } from '../../src/db/reviewRepo';
import { examCandidates } from '../../src/domain/exam/candidates';
import type { ExamAnswer, ExamConfig, ExamRecord } from '../../src/domain/exam/record';
import { schedulerSettingsKey } from '../../src/domain/settings';
import {
  ALL_SECTIONS,
  EXAM_CARDS,
  EXAM_DECK_CARDS,
  EXAM_DECK_META,
  EXAM_SECTIONS,
} from '../domain/exam/examDeck';
import { DAY, freshDb, MINUTE, makeDeck, T0 } from '../helpers/builders';
import { SETTINGS } from '../helpers/items';

const DECK = 'test-deck';
const CONFIG: ExamConfig = {
  count: 6,
  timeLimitMinutes: 30,
  sections: ['san', 'nas', 'vxlan'],
  tags: [],
  passMark: 50,
  order: 'guide',
  seed: 'fixed',
  feedSchedule: true,
  retakeOf: null,
};

async function seeded() {
  const db = await freshDb();
  await syncDeck(db, makeDeck({ sections: EXAM_SECTIONS, cards: EXAM_CARDS, ...EXAM_DECK_META }), T0, {
    shipped: true,
  });
  await db.settings.put({ key: schedulerSettingsKey(DECK), value: SETTINGS });
  return db;
}

/** Studies items on an earlier day, so an exam may feed them. */
async function study(db: Awaited<ReturnType<typeof seeded>>, itemIds: readonly string[]) {
  for (const itemId of itemIds)
    await recordAnswer(
      db,
      DECK,
      itemId,
      { rating: 3, now: T0 - 2 * DAY, durationMs: 1000, source: 'review' },
      SETTINGS,
    );
}

const right = (exam: ExamRecord, i: number): ExamAnswer => ({
  choice: [...(exam.questions[i]?.correct ?? [])],
  flagged: false,
});
const wrong = (exam: ExamRecord, i: number): ExamAnswer => {
  const q = exam.questions[i];
  const other = q?.options.findIndex((_, j) => !q.correct.includes(j)) ?? 0;
  return { choice: [other], flagged: false };
};
const blank: ExamAnswer = { choice: [], flagged: true };

describe('exams in IndexedDB', () => {
  it('stores a drawn exam and draws the same one again from the same seed', async () => {
    const db = await seeded();
    const a = await startExam(db, DECK, CONFIG, { id: 'a', now: T0 });
    const b = await startExam(db, DECK, CONFIG, { id: 'b', now: T0 });
    expect(a.questions).toHaveLength(6);
    expect(b.questions).toEqual(a.questions);
    expect(await getExam(db, 'a')).toEqual(a);
    expect(a).toMatchObject({ status: 'active', elapsedMs: 0, current: 0, result: null });
    expect(a.answers.every((x) => x.choice.length === 0)).toBe(true);
  });

  it('saves progress as it goes, and no more once finished', async () => {
    const db = await seeded();
    const exam = await startExam(db, DECK, CONFIG, { id: 'e', now: T0 });
    const answers = exam.questions.map((_, i) => (i === 0 ? right(exam, 0) : blank));
    expect(await saveExamProgress(db, 'e', { answers, current: 3, elapsedMs: 65_000 })).toBe(true);
    expect(await getExam(db, 'e')).toMatchObject({ answers, current: 3, elapsedMs: 65_000 });
    await finishExam(db, 'e', { answers, elapsedMs: 70_000, now: T0 + MINUTE, timedOut: false });
    expect(await saveExamProgress(db, 'e', { answers, current: 0, elapsedMs: 1 })).toBe(false);
    expect(await getExam(db, 'e')).toMatchObject({ status: 'finished', elapsedMs: 70_000, current: 3 });
  });

  it('finishes with score and breakdown, feeding each answered item to FSRS once as an exam review', async () => {
    const db = await seeded();
    const exam = await startExam(db, DECK, CONFIG, { id: 'e', now: T0 });
    await study(
      db,
      exam.questions.map((q) => q.itemId),
    );
    const answers = exam.questions.map((_, i) => (i < 3 ? right(exam, i) : i < 5 ? wrong(exam, i) : blank));
    const done = await finishExam(db, 'e', {
      answers,
      elapsedMs: 120_000,
      now: T0 + 5 * MINUTE,
      timedOut: false,
    });

    expect(done.result).toMatchObject({
      correct: 3,
      total: 6,
      percent: 50,
      passed: true,
      timedOut: false,
      fedToSchedule: 5,
      skippedReviewedToday: 0,
      leftNew: 0,
    });
    expect(done.result?.sections.reduce((n, row) => n + row.total, 0)).toBe(6);
    const logs = (await db.reviewLogs.toArray()).filter((l) => l.source === 'exam');
    expect(logs.map((l) => [l.itemId, l.rating, l.source])).toEqual(
      exam.questions.slice(0, 5).map((q, i) => [q.itemId, i < 3 ? 3 : 1, 'exam']),
    );
    // 120 s over 5 answered questions.
    expect(logs.every((l) => l.durationMs === 24_000 && l.review === T0 + 5 * MINUTE)).toBe(true);
    const blankItem = await db.cardStates.get([DECK, exam.questions[5]?.itemId ?? '']);
    expect(blankItem?.fsrs.reps).toBe(1);
  });

  it('leaves items never studied new: answering them in an exam does not schedule them', async () => {
    const db = await seeded();
    const exam = await startExam(db, DECK, CONFIG, { id: 'e', now: T0 });
    await study(db, [exam.questions[0]?.itemId ?? '']);
    const answers = exam.questions.map((_, i) => right(exam, i));
    const done = await finishExam(db, 'e', { answers, elapsedMs: 60_000, now: T0 + MINUTE, timedOut: false });
    expect(done.result).toMatchObject({ fedToSchedule: 1, leftNew: 5, correct: 6 });
    const unseen = exam.questions.slice(1).map((q) => q.itemId);
    const states = await db.cardStates.bulkGet(unseen.map((id) => [DECK, id] as [string, string]));
    expect(states.map((s) => s?.fsrs.state)).toEqual(unseen.map(() => 0));
    expect((await db.reviewLogs.toArray()).filter((l) => unseen.includes(l.itemId))).toEqual([]);
  });

  it('never feeds a card already reviewed today, and finishing twice changes nothing', async () => {
    const db = await seeded();
    const exam = await startExam(db, DECK, CONFIG, { id: 'e', now: T0 });
    const first = exam.questions[0];
    if (!first) throw new Error('no question');
    await study(
      db,
      exam.questions.slice(1).map((q) => q.itemId),
    );
    await recordAnswer(
      db,
      DECK,
      first.itemId,
      { rating: 3, now: T0, durationMs: 1000, source: 'review' },
      SETTINGS,
    );
    const answers = exam.questions.map((_, i) => wrong(exam, i));
    const input = { answers, elapsedMs: 1000, now: T0 + MINUTE, timedOut: true };
    const done = await finishExam(db, 'e', input);
    expect(done.result).toMatchObject({
      fedToSchedule: 5,
      skippedReviewedToday: 1,
      timedOut: true,
      passed: false,
    });
    const logsOfFirst = (await db.reviewLogs.toArray()).filter((l) => l.itemId === first.itemId);
    expect(logsOfFirst.map((l) => l.source)).toEqual(['review']);

    await finishExam(db, 'e', { ...input, now: T0 + 2 * MINUTE });
    expect((await db.reviewLogs.toArray()).filter((l) => l.source === 'exam')).toHaveLength(5);
    expect((await getExam(db, 'e'))?.finishedAt).toBe(T0 + MINUTE);
  });

  it('leaves the schedule alone when exam answers are set not to count', async () => {
    const db = await seeded();
    expect(await getFeedSchedule(db)).toBe(true);
    await setFeedSchedule(db, false);
    expect(await getFeedSchedule(db)).toBe(false);
    const exam = await startExam(db, DECK, { ...CONFIG, feedSchedule: false }, { id: 'e', now: T0 });
    const done = await finishExam(db, 'e', {
      answers: exam.questions.map((_, i) => right(exam, i)),
      elapsedMs: 1,
      now: T0,
      timedOut: false,
    });
    expect(done.result).toMatchObject({ correct: 6, percent: 100, fedToSchedule: 0 });
    expect(await db.reviewLogs.count()).toBe(0);
  });

  it('retakes the missed questions as a new exam with a proportional time limit', async () => {
    const db = await seeded();
    const exam = await startExam(db, DECK, CONFIG, { id: 'e', now: T0 });
    const answers = exam.questions.map((_, i) => (i < 4 ? right(exam, i) : wrong(exam, i)));
    await finishExam(db, 'e', { answers, elapsedMs: 1, now: T0, timedOut: false });
    const retake = await startRetake(db, 'e', { id: 'r', seed: 's', now: T0 + MINUTE });
    expect(retake?.questions.map((q) => q.itemId).sort()).toEqual(
      exam.questions
        .slice(4)
        .map((q) => q.itemId)
        .sort(),
    );
    expect(retake?.config).toMatchObject({ count: 2, timeLimitMinutes: 10, retakeOf: 'e' });
    expect(await getExam(db, 'r')).toEqual(retake);
  });

  it('lists exams newest first and reports a damaged row without hiding the others', async () => {
    const db = await seeded();
    await startExam(db, DECK, CONFIG, { id: 'old', now: T0 });
    await startExam(db, DECK, CONFIG, { id: 'new', now: T0 + MINUTE });
    await db.exams.put({ id: 'bad', startedAt: T0 + 2 * MINUTE } as unknown as ExamRecord);
    const { exams, damaged } = await listExams(db);
    expect(exams.map((e) => e.id)).toEqual(['new', 'old']);
    expect(damaged).toEqual([expect.stringMatching(/^Exam "bad" is damaged: field "deckId"/)]);
  });

  it('opens a version 1 database, keeping its data and adding the exams table', async () => {
    const name = `cardinal-v1-${Math.random().toString(36).slice(2)}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      decks: 'id',
      cards: '[deckId+id], deckId',
      cardStates:
        '[deckId+itemId], deckId, [deckId+cardId], [deckId+queue], [deckId+queue+due], [deckId+queue+position]',
      reviewLogs: '++id, [deckId+itemId], [deckId+review], review',
      settings: 'key',
    });
    await v1.open();
    await v1.table('settings').put({ key: 'kept', value: 1 });
    v1.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.settings.get('kept')).toEqual({ key: 'kept', value: 1 });
    expect(await db.exams.count()).toBe(0);
  });
});

describe('the exam set-up and draw read the exam index', () => {
  const candidates = examCandidates(EXAM_DECK_CARDS, EXAM_DECK_META);
  /** What the candidates say an exam with this filter can ask: distinct cards. */
  const expectedCount = (sections: string[], tags: string[]) =>
    new Set(
      candidates
        .filter(
          (c) => sections.includes(c.section) && (tags.length === 0 || c.tags.some((t) => tags.includes(t))),
        )
        .map((c) => c.cardId),
    ).size;

  it('counts per section, tags and total exactly as the candidates do', async () => {
    const db = await seeded();
    const setup = await loadExamSetup(db, DECK);
    for (const section of ALL_SECTIONS)
      expect(setup?.sectionCounts.get(section) ?? 0, section).toBe(expectedCount([section], []));
    expect(setup?.tags).toEqual([...new Set(candidates.flatMap((c) => c.tags))].sort());
    expect(setup?.total).toBe(expectedCount(ALL_SECTIONS, []));
    expect(await hasExamQuestions(db, DECK)).toBe(true);
    expect(await hasExamQuestions(db, 'no-such-deck')).toBe(false);
    expect(await loadExamSetup(db, 'no-such-deck')).toBeNull();
  });

  it('counts what a section and tag filter can ask, one question per card', async () => {
    const db = await seeded();
    const tags = [...new Set(candidates.flatMap((c) => c.tags))];
    for (const sections of [ALL_SECTIONS, ['san'], ['nas', 'vxlan']])
      for (const chosen of [[], tags.slice(0, 1), tags.slice(1, 3), tags])
        expect(await countAvailable(db, DECK, { sections, tags: chosen }), `${sections} ${chosen}`).toBe(
          expectedCount(sections, chosen),
        );
  });

  it('draws only from the chosen sections and tags, one question per card, every section covered', async () => {
    const db = await seeded();
    const tags = [...new Set(candidates.flatMap((c) => c.tags))];
    for (const seed of ['a', 'b', 'c', 'd']) {
      const all = await startExam(db, DECK, { ...CONFIG, seed, count: 50 }, { id: `all-${seed}`, now: T0 });
      expect(all.questions).toHaveLength(expectedCount(ALL_SECTIONS, []));
      expect(new Set(all.questions.map((q) => q.cardId)).size).toBe(all.questions.length);
      const few = await startExam(db, DECK, { ...CONFIG, seed, count: 3 }, { id: `few-${seed}`, now: T0 });
      expect(new Set(few.questions.map((q) => q.section))).toEqual(new Set(ALL_SECTIONS));
      const nas = await startExam(
        db,
        DECK,
        { ...CONFIG, seed, sections: ['nas'] },
        { id: `nas-${seed}`, now: T0 },
      );
      expect(nas.questions.every((q) => q.section === 'nas')).toBe(true);
      const tag = tags[0] ?? '';
      const tagged = await startExam(
        db,
        DECK,
        { ...CONFIG, seed, tags: [tag] },
        { id: `t-${seed}`, now: T0 },
      );
      expect(tagged.questions.length).toBeGreaterThan(0);
      expect(tagged.questions.every((q) => q.tags.includes(tag))).toBe(true);
    }
  });
});
