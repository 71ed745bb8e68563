/** Everything an Anki package export of one deck needs, read in one transaction (see writeApkg.ts). */
import type { ApkgExport } from '../../domain/transfer/anki/writeApkg';
import type { CardinalDb } from '../database';
import { getSchedulerSettings } from '../schedulerSettingsRepo';

export async function loadApkgExport(
  db: CardinalDb,
  deckId: string,
  withHistory: boolean,
  now: number,
): Promise<ApkgExport | undefined> {
  return db.transaction(
    'r',
    [db.decks, db.cards, db.cardStates, db.reviewLogs, db.media, db.settings],
    async () => {
      const deck = await db.decks.get(deckId);
      if (!deck) return undefined;
      const records = (await db.cards.where('deckId').equals(deckId).toArray())
        .filter((c) => !c.retired)
        .sort((a, b) => a.position - b.position);
      const cards = records.map((c) => c.card);
      const addedAt: Record<string, number> = {};
      for (const c of records) if (c.addedAt !== undefined) addedAt[c.card.id] = c.addedAt;
      const media = await db.media.where('deckId').equals(deckId).toArray();
      const ankiIds = (await db.cardStates.where('deckId').equals(deckId).toArray()).flatMap((i) =>
        i.ankiCardId !== undefined && i.ankiNoteId !== undefined
          ? [{ itemId: i.itemId, ankiCardId: i.ankiCardId, ankiNoteId: i.ankiNoteId }]
          : [],
      );
      const base = { title: deck.title, sections: deck.sections, cards, media, ankiIds, addedAt, now };
      if (!withHistory) return base;
      const [items, logs, settings] = await Promise.all([
        db.cardStates.where('deckId').equals(deckId).toArray(),
        db.reviewLogs.where('[deckId+review]').between([deckId, -Infinity], [deckId, Infinity]).toArray(),
        getSchedulerSettings(db, deckId),
      ]);
      return { ...base, history: { items, logs, desiredRetention: settings.desiredRetention } };
    },
  );
}
