import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildBackup, type TableKey } from '../../../src/domain/transfer/backup';
import type {
  ImportProgress,
  ImportReply,
  ImportRequest,
} from '../../../src/features/transfer/importMessages';
import { CHUNK_ROWS, createImportReader } from '../../../src/features/transfer/importReader';
import { ImportCancelled, openImportSession } from '../../../src/features/transfer/importSession';
import { basic, makeDeck } from '../../helpers/builders';

const KEYS: Record<string, TableKey> = {
  decks: { keyPath: 'id', auto: false },
  notes: { keyPath: 'id', auto: false },
};

const fileOf = (name: string, text: string) => new File([text], name);

const bigDeck = makeDeck({
  cards: Array.from({ length: CHUNK_ROWS * 2 + 500 }, (_, i) => basic(`c${i}`)),
});
const notes = Array.from({ length: CHUNK_ROWS + 1 }, (_, i) => ({ id: `n${i}`, text: `note ${i}` }));
const csvText = `front;back\n${Array.from({ length: 120 }, (_, i) => `q${i};a${i}`).join('\n')}\n`;

/**
 * A stand-in for the browser's Worker: runs the same import reader, and passes every reply through
 * structuredClone, as a real worker boundary does, so answers that do not survive cloning fail here.
 */
class ClonedWorker {
  static started: Array<{ url: string; type: string | undefined }> = [];
  onmessage: ((event: { data: ImportReply }) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  private reader = createImportReader();
  private queue = Promise.resolve();
  constructor(url: URL, options?: WorkerOptions) {
    ClonedWorker.started.push({ url: url.pathname, type: options?.type });
  }
  postMessage({ id, ask }: ImportRequest) {
    this.queue = this.queue.then(() =>
      this.reader.handle(id, ask, (reply) => this.onmessage?.({ data: structuredClone(reply) })),
    );
  }
  terminate() {}
}

afterEach(() => {
  vi.unstubAllGlobals();
  ClonedWorker.started = [];
});

describe.each([
  ['in the page (no Worker, as in jsdom)', 'page'],
  ['across a structured-clone boundary (a Worker)', 'worker'],
] as const)('the import reader, %s', (_, where) => {
  const open = () => {
    if (where === 'worker') vi.stubGlobal('Worker', ClonedWorker);
    const session = openImportSession();
    expect(session.runsIn).toBe(where);
    return session;
  };

  it('reads a big deck file: every card arrives, in order, after reading and checking progress', async () => {
    const session = open();
    const progress: ImportProgress[] = [];
    const file = await session.read(fileOf('big.json', JSON.stringify(bigDeck)), KEYS, (p) =>
      progress.push(p),
    );
    expect(file.kind === 'deck' && file.read.deck.cards).toEqual(bigDeck.cards);
    expect(progress.map((p) => p.stage).filter((s, i, all) => s !== all[i - 1])).toEqual([
      'reading',
      'checking',
      'handing-over',
    ]);
    expect(progress.filter((p) => p.stage === 'handing-over').map((p) => p.done)).toEqual([
      CHUNK_ROWS,
      CHUNK_ROWS * 2,
      CHUNK_ROWS * 2 + 500,
    ]);
  });

  it('reads a backup whose table is bigger than one chunk: the table arrives whole', async () => {
    const session = open();
    const backup = buildBackup({ notes }, 1_700_000_000_000);
    const file = await session.read(fileOf('backup.json', JSON.stringify(backup)), KEYS, () => {});
    expect(file).toEqual({ kind: 'backup', fileName: 'backup.json', backup });
  });

  it('keeps a CSV for the column step: first rows, another split, then the deck', async () => {
    const session = open();
    const file = await session.read(fileOf('list.csv', csvText), KEYS, () => {});
    if (file.kind !== 'csv') throw new Error(`expected a CSV, got ${file.kind}`);
    const { preview } = file;
    expect(preview.rowCount).toBe(121);
    expect(preview.rows).toHaveLength(50);
    expect(preview.rows[1]).toEqual({ line: 2, fields: ['q0', 'a0'] });
    expect(preview.format).toMatchObject({ delimiter: ';', headerRow: true, mapping: ['front', 'back'] });

    const commas = await session.csvPreview({ ...preview.format, delimiter: ',' }, () => {});
    expect(commas.rows[1]?.fields).toEqual(['q0;a0']);

    const read = await session.csvDeck(preview.format, () => {});
    expect(read.ok && read.deck.cards.map((c) => c.kind === 'basic' && [c.front, c.back])).toEqual(
      Array.from({ length: 120 }, (_, i) => [`q${i}`, `a${i}`]),
    );
  });

  it('answers a refused file with its problems, not an error', async () => {
    const session = open();
    const file = await session.read(fileOf('empty.json', ''), KEYS, () => {});
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
    const session = open();
    const reading = session.read(fileOf('big.json', JSON.stringify(bigDeck)), KEYS, () => {});
    session.close();
    await expect(reading).rejects.toBeInstanceOf(ImportCancelled);
    await expect(session.csvPreview(makeCsvFormat(), () => {})).rejects.toBeInstanceOf(ImportCancelled);
  });
});

describe('the import worker', () => {
  it('is started as a module worker from importWorker.ts', () => {
    vi.stubGlobal('Worker', ClonedWorker);
    openImportSession().close();
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
