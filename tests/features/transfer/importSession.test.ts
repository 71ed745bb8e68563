import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardinalDb } from '../../../src/db/database';
import { buildBackup } from '../../../src/domain/transfer/backup';
import { backupRowJson } from '../../../src/domain/transfer/backupMedia';
import type {
  ImportProgress,
  ImportReply,
  ImportRequest,
} from '../../../src/features/transfer/importMessages';
import { createImportReader } from '../../../src/features/transfer/importReader';
import { ImportCancelled, openImportSession } from '../../../src/features/transfer/importSession';
import { basic, freshDb, makeDeck, T0 } from '../../helpers/builders';

const fileOf = (name: string, text: string) => new File([text], name);

const CARDS = 11_000;
const bigDeck = makeDeck({ cards: Array.from({ length: CARDS }, (_, i) => basic(`c${i}`)) });
const csvText = `front;back\n${Array.from({ length: 120 }, (_, i) => `q${i};a${i}`).join('\n')}\n`;

/** The database the worker stand-in opens: the test's own (a real worker opens the app's by name). */
let workerDb: CardinalDb | undefined;

/**
 * A stand-in for the browser's Worker: runs the same import reader, and passes every message through
 * structuredClone, as a real worker boundary does, so requests or answers that do not survive cloning fail here.
 */
class ClonedWorker {
  static started: Array<{ url: string; type: string | undefined }> = [];
  onmessage: ((event: { data: ImportReply }) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  private reader = createImportReader(() => {
    if (!workerDb) throw new Error('no database for the worker');
    return workerDb;
  });
  private queue = Promise.resolve();
  constructor(url: URL, options?: WorkerOptions) {
    ClonedWorker.started.push({ url: url.pathname, type: options?.type });
  }
  postMessage(request: ImportRequest) {
    const { id, ask } = request.ask.type === 'read' ? request : structuredClone(request);
    this.queue = this.queue.then(() =>
      this.reader.handle(id, ask, (reply) => this.onmessage?.({ data: structuredClone(reply) })),
    );
  }
  terminate() {}
}

afterEach(() => {
  vi.unstubAllGlobals();
  ClonedWorker.started = [];
  workerDb = undefined;
});

const stages = (progress: ImportProgress[]) =>
  progress.map((p) => p.stage).filter((s, i, all) => s !== all[i - 1]);

describe.each([
  ['in the page (no Worker, as in jsdom)', 'page'],
  ['across a structured-clone boundary (a Worker)', 'worker'],
] as const)('the import reader, %s', (_, where) => {
  const open = async () => {
    const db = await freshDb();
    if (where === 'worker') {
      vi.stubGlobal('Worker', ClonedWorker);
      workerDb = db;
    }
    const session = openImportSession(db);
    expect(session.runsIn).toBe(where);
    return { session, db };
  };

  it('reads, previews and writes a big deck file; only its name and counts reach the page', {
    timeout: 60_000,
  }, async () => {
    const { session, db } = await open();
    const progress: ImportProgress[] = [];
    const file = await session.read(fileOf('big.json', JSON.stringify(bigDeck)), [], (p) => progress.push(p));
    expect(file).toEqual({
      kind: 'deck',
      deck: {
        fileName: 'big.json',
        deckId: bigDeck.id,
        title: bigDeck.title,
        cardCount: CARDS,
        historyCount: 0,
        isPackage: false,
      },
    });
    expect(stages(progress)).toEqual(['reading', 'checking']);

    const options = { deckId: bigDeck.id, title: bigDeck.title, missing: 'keep' as const };
    const preview = await session.previewDeck(options, T0);
    expect(preview.ok && preview.summary).toMatchObject({ isNewDeck: true, added: CARDS });
    expect(await db.cards.count()).toBe(0);

    const writing: ImportProgress[] = [];
    const result = await session.commitDeck(options, T0, (p) => writing.push(p));
    expect(result.ok && result.summary.added).toBe(CARDS);
    expect(await db.cards.where('deckId').equals(bigDeck.id).count()).toBe(CARDS);
    // Progress moves during the one transaction's write, a chunk of rows at a time.
    expect(
      writing.filter((p) => p.stage === 'writing' && p.done > 0 && p.done < p.total).length,
    ).toBeGreaterThan(1);

    // The same file again: nothing to write but the deck row; every card is unchanged.
    const again = await session.commitDeck(options, T0 + 1, () => {});
    expect(again.ok && again.summary).toMatchObject({ added: 0, updated: 0, unchanged: CARDS });
  });

  it('reads a backup as counts, and restores it on request', async () => {
    const { session, db } = await open();
    const source = await freshDb();
    const deck = makeDeck({ cards: [basic('x.one'), basic('x.two')] });
    const { syncDeck } = await import('../../../src/db/deckInstall');
    await syncDeck(source, deck, T0, { shipped: false });
    const backup = buildBackup(
      { decks: await source.decks.toArray(), cards: await source.cards.toArray() },
      1_700_000_000_000,
    );
    const file = await session.read(fileOf('backup.json', JSON.stringify(backup)), [], () => {});
    expect(file).toEqual({
      kind: 'backup',
      backup: { fileName: 'backup.json', exportedAt: 1_700_000_000_000, counts: { decks: 1, cards: 2 } },
    });
    const summary = await session.restore('merge', () => {});
    expect(summary.cards).toEqual({ written: 2, alreadyStored: 0 });
    expect(await db.cards.count()).toBe(2);
  });

  it('restores the images and sounds of a backup file; a file with a bad media row changes nothing', async () => {
    const { session, db } = await open();
    const { syncDeck } = await import('../../../src/db/deckInstall');
    await syncDeck(db, makeDeck(), T0, { shipped: false });
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) % 256);
    const row = { deckId: 'test-deck', name: 'cat.png', type: 'image/png', bytes };
    const backup = buildBackup(
      { decks: await db.decks.toArray(), media: [backupRowJson('media', row)] },
      1_700_000_000_000,
    );
    const broken = { ...backup, tables: { ...backup.tables, media: [{ ...row, bytes: '%%%%' }] } };

    const bad = await session.read(fileOf('bad.json', JSON.stringify(broken)), [], () => {});
    expect(bad.kind === 'failed' && bad.failure.problems[0]).toEqual({
      where: 'bad.json table "media" row 1 field "bytes"',
      reason: 'is not base64 text (the bytes of the file)',
    });
    await expect(session.restore('replace', () => {})).rejects.toThrow(/no backup file has been read/);
    expect(await db.media.count()).toBe(0);
    expect(await db.decks.count()).toBe(1);

    const file = await session.read(fileOf('backup.json', JSON.stringify(backup)), [], () => {});
    expect(file.kind === 'backup' && file.backup.counts).toEqual({ decks: 1, media: 1 });
    const summary = await session.restore('replace', () => {});
    expect(summary.media).toEqual({ written: 1, alreadyStored: 0 });
    const stored = await db.media.get(['test-deck', 'cat.png']);
    expect(Array.from(stored?.bytes ?? [])).toEqual(Array.from(bytes));
  });

  it('keeps a CSV for the column step: first rows, another split, then the deck, then the write', async () => {
    const { session, db } = await open();
    const file = await session.read(fileOf('list.csv', csvText), [], () => {});
    if (file.kind !== 'csv') throw new Error(`expected a CSV, got ${file.kind}`);
    const { preview } = file;
    expect(preview.rowCount).toBe(121);
    expect(preview.rows).toHaveLength(50);
    expect(preview.rows[1]).toEqual({ line: 2, fields: ['q0', 'a0'] });
    expect(preview.format).toMatchObject({ delimiter: ';', headerRow: true, mapping: ['front', 'back'] });

    const commas = await session.csvPreview({ ...preview.format, delimiter: ',' }, () => {});
    expect(commas.rows[1]?.fields).toEqual(['q0;a0']);

    const read = await session.csvDeck(preview.format, () => {});
    if (!read.ok) throw new Error('refused');
    expect(read.deck.cardCount).toBe(120);
    const options = { deckId: read.deck.deckId, title: read.deck.title, missing: 'keep' as const };
    await session.commitDeck(options, T0, () => {});
    const cards = await db.cards.where('deckId').equals(read.deck.deckId).sortBy('position');
    expect(cards.map((c) => c.card.kind === 'basic' && [c.card.front, c.card.back])).toEqual(
      Array.from({ length: 120 }, (_, i) => [`q${i}`, `a${i}`]),
    );
  });

  it('answers a refused file with its problems, not an error', async () => {
    const { session } = await open();
    const file = await session.read(fileOf('empty.json', ''), [], () => {});
    expect(file).toEqual({
      kind: 'failed',
      failure: {
        ok: false,
        fileName: 'empty.json',
        problems: [{ where: 'empty.json file', reason: 'is empty' }],
      },
    });
  });

  it('stops on close: the pending read and any later request are cancelled', async () => {
    const { session } = await open();
    const reading = session.read(fileOf('big.json', JSON.stringify(bigDeck)), [], () => {});
    session.close();
    await expect(reading).rejects.toBeInstanceOf(ImportCancelled);
    await expect(session.csvPreview(makeCsvFormat(), () => {})).rejects.toBeInstanceOf(ImportCancelled);
  });
});

describe('the import worker', () => {
  it('is started as a module worker from importWorker.ts', async () => {
    vi.stubGlobal('Worker', ClonedWorker);
    openImportSession(await freshDb()).close();
    expect(ClonedWorker.started).toEqual([
      { url: expect.stringMatching(/\/importWorker\.ts$/), type: 'module' },
    ]);
  });
});

function makeCsvFormat() {
  return {
    delimiter: ',',
    quotes: true,
    rowSeparator: undefined,
    html: false,
    headerRow: false,
    mapping: ['front' as const, 'back' as const],
  };
}
