import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { syncDeck } from '../../../src/db/deckInstall';
import { recordAnswer } from '../../../src/db/reviewRepo';
import { exportBackup } from '../../../src/db/transfer/backupRepo';
import { writeCompactBackup } from '../../../src/db/transfer/compactBackup';
import { freshDb, MINUTE, makeDeck, T0 } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../fixtures/transfer', name), 'utf8');

function fileOf(name: string, text: string, type = 'text/plain') {
  return new File([text], name, { type });
}

async function choose(user: ReturnType<typeof renderRoute>['user'], file: File) {
  // The page is a lazy route: its first load in a test run can take a few seconds on a busy machine.
  await user.upload(await screen.findByLabelText('Choose a file to import', {}, { timeout: 15_000 }), file);
}

describe('Import / Export page', () => {
  it('imports a Cardinal deck file after showing what it will do', async () => {
    const db = await freshDb();
    const { user } = renderRoute(db, '/transfer');
    await choose(user, fileOf('deck.json', JSON.stringify(makeDeck()), 'application/json'));
    const summary = await screen.findByRole('status', { name: 'Import summary' });
    expect(summary).toHaveTextContent('A new deck: 5 new, 0 updated, 0 unchanged, 0 skipped.');
    expect(await db.decks.count()).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText(/Imported deck\.json into “Test deck”: 5 new/)).toBeInTheDocument();
    expect(await db.cards.count()).toBe(5);
    expect(screen.getByRole('link', { name: 'Study the imported deck' })).toHaveAttribute(
      'href',
      '/review/test-deck',
    );
  });

  it('keeps the cards a deck file does not have unless the user chooses to retire them', async () => {
    const db = await freshDb();
    const deck = makeDeck();
    await syncDeck(db, deck, T0, { shipped: false });
    const { user } = renderRoute(db, '/transfer');
    // A deck file with only the first card: the four others are missing from it.
    await choose(user, fileOf('deck.json', JSON.stringify({ ...deck, cards: deck.cards.slice(0, 1) })));
    const summary = await screen.findByRole('status', { name: 'Import summary' });
    expect(screen.getByRole('radio', { name: 'Keep them' })).toBeChecked();
    expect(summary).not.toHaveTextContent('retired');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/0 retired/);
    expect(await db.cards.filter((c) => !c.retired).count()).toBe(5);

    // Retiring is the user's explicit choice.
    await user.click(screen.getByRole('button', { name: 'Import another file' }));
    await choose(user, fileOf('deck.json', JSON.stringify({ ...deck, cards: deck.cards.slice(0, 1) })));
    await screen.findByRole('status', { name: 'Import summary' });
    await user.click(screen.getByRole('radio', { name: /Retire them/ }));
    expect(await screen.findByRole('status', { name: 'Import summary' })).toHaveTextContent('4 retired');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/4 retired/);
    expect(await db.cards.filter((c) => !c.retired).count()).toBe(1);
  });

  it('lets the user choose the deck id and title, and refuses an invalid id', async () => {
    const db = await freshDb();
    const { user } = renderRoute(db, '/transfer');
    await choose(user, fileOf('deck.json', JSON.stringify(makeDeck())));
    await screen.findByRole('status', { name: 'Import summary' });
    const id = screen.getByLabelText('Deck id');
    await user.clear(id);
    await user.type(id, 'Bad Id');
    expect(screen.getByText(/Use lowercase letters/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
    await user.clear(id);
    await user.type(id, 'copy');
    await user.clear(screen.getByLabelText('Deck title'));
    await user.type(screen.getByLabelText('Deck title'), 'My copy');
    await screen.findByRole('status', { name: 'Import summary' });
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/into “My copy”/);
    expect((await db.decks.get('copy'))?.title).toBe('My copy');
  });

  it.each([
    ['not JSON', 'broken.json', '{"format": "cardinal-deck",\n  "id": }', /broken\.json line 2, column \d+/],
    [
      'wrong schema',
      'deck.json',
      JSON.stringify({ ...makeDeck(), cards: [{ id: 'x', kind: 'basic' }] }),
      /card "x" \(cards\[0\]\)/,
    ],
    ['another JSON', 'other.json', '{"hello": 1}', /other\.json field "format": is missing/],
    ['an empty file', 'empty.csv', '', /empty\.csv file: is empty/],
    ['a zip that is not a package', 'thing.zip', 'PK\u0003\u0004rest', /not an Anki package/],
  ])('names the file and place for %s, and writes nothing', async (_name, fileName, text, message) => {
    const db = await freshDb();
    const { user } = renderRoute(db, '/transfer');
    await choose(user, fileOf(fileName, text));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(await db.decks.count()).toBe(0);
  });

  it('refuses text that is not UTF-8, naming the byte', async () => {
    const db = await freshDb();
    const { user } = renderRoute(db, '/transfer');
    await choose(user, new File([new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xfe, 0x41])], 'latin.csv'));
    expect(await screen.findByRole('alert')).toHaveTextContent('latin.csv byte 4: is not valid UTF-8 text');
  });

  it('refuses a file above the size limit by its declared size, before reading it', async () => {
    const db = await freshDb();
    const { user } = renderRoute(db, '/transfer');
    const big = fileOf('huge.json', '{}');
    Object.defineProperty(big, 'size', { value: 300 * 1024 * 1024 });
    Object.defineProperty(big, 'stream', {
      value: () => {
        throw new Error('must not be read');
      },
    });
    await choose(user, big);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'huge.json file: is 300.0 MB; the limit is 200.0 MB',
    );
  });

  it('shows how much of a file is read, and lets the user cancel a long read', async () => {
    const db = await freshDb();
    const { user } = renderRoute(db, '/transfer');
    const slow = fileOf('slow.csv', 'front,back\nq,a\n'.repeat(10));
    // A read that delivers its first 40 bytes and then waits, like a big file on a slow disk.
    Object.defineProperty(slow, 'stream', {
      value: () => new ReadableStream({ start: (c) => c.enqueue(new Uint8Array(40)) }),
    });
    await choose(user, slow);
    const bar = await screen.findByRole('progressbar', { name: 'Reading slow.csv' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '27'));
    expect(screen.getByLabelText('Choose a file to import')).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Cancel reading' }));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByLabelText('Choose a file to import')).toBeEnabled();

    await choose(user, fileOf('quizlet.tsv', fixture('quizlet.tsv')));
    expect(await screen.findByRole('heading', { name: 'Columns of quizlet.tsv' })).toBeInTheDocument();
  });

  it('imports a Quizlet copy through the column preview, mapping chosen by the user', async () => {
    const db = await freshDb();
    const { user } = renderRoute(db, '/transfer');
    await choose(user, fileOf('quizlet.tsv', fixture('quizlet.tsv')));
    await screen.findByRole('heading', { name: 'Columns of quizlet.tsv' });
    expect(screen.getByLabelText('Column 1')).toHaveValue('front');
    expect(screen.getByLabelText('Column 2')).toHaveValue('back');
    // Swap: definitions become the fronts.
    await user.selectOptions(screen.getByLabelText('Column 2'), 'front');
    expect(screen.getByLabelText('Column 1')).toHaveValue('ignore');
    await user.selectOptions(screen.getByLabelText('Column 1'), 'back');
    await user.click(screen.getByRole('button', { name: 'Check cards' }));
    expect(await screen.findByRole('status', { name: 'Import summary' })).toHaveTextContent('3 new');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/Imported quizlet\.tsv/);
    const cards = await db.cards.toArray();
    expect(cards.map((c) => c.card.kind === 'basic' && c.card.back).sort()).toEqual([
      'container',
      'hypervisor',
      'snapshot',
    ]);
  });

  it('shows hostile card text as text: no element from it is ever created', async () => {
    const db = await freshDb();
    const { user, container } = renderRoute(db, '/transfer');
    await choose(user, fileOf('hostile.csv', fixture('hostile.csv')));
    expect(await screen.findByText('<img src=x onerror="window.__pwned=1">')).toBeInTheDocument();
    expect(container.querySelector('img, script, svg, a[href^="javascript"]')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Check cards' }));
    await screen.findByRole('status', { name: 'Import summary' });
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/Imported hostile\.csv/);
    expect((await db.cards.toArray()).map((c) => c.card.kind === 'basic' && c.card.back)).toContain(
      '<script>window.__pwned=2</script>',
    );
    expect(container.querySelector('img, script, svg')).toBeNull();
  });

  it('restores a full backup only after the user confirms replacing everything', async () => {
    const source = await freshDb();
    await syncDeck(source, makeDeck(), T0, { shipped: true });
    await recordAnswer(
      source,
      'test-deck',
      'a.one#1',
      { rating: 3, now: T0 + MINUTE, durationMs: 2000, source: 'review' },
      SETTINGS,
    );
    const text = JSON.stringify(await exportBackup(source, T0));

    const db = await freshDb();
    await syncDeck(db, makeDeck({ id: 'mine' }), T0, { shipped: false });
    const { user } = renderRoute(db, '/transfer');
    await choose(user, fileOf('cardinal-backup.json', text));
    const contents = await screen.findByRole('list', { name: 'Backup contents' });
    expect(within(contents).getByText('1 review log entry')).toBeInTheDocument();
    const restore = screen.getByRole('button', { name: 'Restore backup' });
    expect(restore).toBeDisabled();
    await user.click(screen.getByLabelText(/I understand that everything now stored/));
    await user.click(restore);
    expect(await screen.findByText(/Backup restored/)).toBeInTheDocument();
    expect((await db.decks.toArray()).map((d) => d.id)).toEqual(['test-deck']);
    expect(await db.reviewLogs.count()).toBe(1);
  });
});

describe('Import / Export page: compact backups', () => {
  it('restores a compressed backup (formatVersion 2) after the user confirms', async () => {
    const source = await freshDb();
    await syncDeck(source, makeDeck(), T0, { shipped: true });
    await recordAnswer(
      source,
      'test-deck',
      'a.one#1',
      { rating: 3, now: T0 + MINUTE, durationMs: 2000, source: 'review' },
      SETTINGS,
    );
    const { parts } = await writeCompactBackup(source, T0);
    const db = await freshDb();
    const { user } = renderRoute(db, '/transfer');
    await choose(user, new File(parts as Uint8Array<ArrayBuffer>[], 'cardinal-backup.json.gz'));
    const contents = await screen.findByRole('list', { name: 'Backup contents' });
    expect(within(contents).getByText('1 review log entry')).toBeInTheDocument();
    await user.click(screen.getByLabelText(/I understand that everything now stored/));
    await user.click(screen.getByRole('button', { name: 'Restore backup' }));
    expect(await screen.findByText(/Backup restored/)).toBeInTheDocument();
    expect(await db.reviewLogs.count()).toBe(1);
  });

  it('names the problem of a damaged compressed backup and stores nothing', async () => {
    const source = await freshDb();
    await syncDeck(source, makeDeck(), T0, { shipped: true });
    const { parts } = await writeCompactBackup(source, T0);
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    const db = await freshDb();
    const { user } = renderRoute(db, '/transfer');
    await choose(user, new File([bytes.slice(0, Math.floor(bytes.length / 2))], 'cut.json.gz'));
    expect(await screen.findByText(/cut short|damaged/)).toBeInTheDocument();
    expect(await db.decks.count()).toBe(0);
  });
});

describe('Import / Export page: exports', () => {
  it('exports a full backup and a deck as CSV, as downloads', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0, { shipped: true });
    const saved: Uint8Array[] = [];
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => {
      // jsdom's Blob has no arrayBuffer(); FileReader reads it.
      const reader = new FileReader();
      reader.onload = () => saved.push(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(blob);
      return 'blob:test';
    };
    URL.revokeObjectURL = () => {};
    try {
      const { user } = renderRoute(db, '/transfer');
      await user.click(await screen.findByRole('button', { name: 'Export full backup' }));
      expect(
        await screen.findByText(/^Saved cardinal-backup-\d{4}-\d{2}-\d{2}\.json\.gz\.$/),
      ).toBeInTheDocument();
      await expect.poll(() => saved.length).toBe(1);
      // A gzip file of JSON lines: the first says what it is, a later one holds the decks.
      const lines = new TextDecoder().decode(gunzipSync(saved[0] ?? new Uint8Array())).split('\n');
      expect(JSON.parse(lines[0] ?? '')).toMatchObject({ format: 'cardinal-backup', formatVersion: 2 });
      expect(lines.map((l) => (l ? JSON.parse(l) : null))).toContainEqual({
        table: 'decks',
        rows: [expect.objectContaining({ id: 'test-deck' })],
      });
      await user.click(screen.getByRole('button', { name: 'Cards as CSV' }));
      expect(await screen.findByText('Saved test-deck.csv.')).toBeInTheDocument();
    } finally {
      URL.createObjectURL = createObjectURL;
    }
  });
});

describe('Import / Export page: deck choice', () => {
  it('preselects the deck named in ?deck=', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0, { shipped: true });
    await syncDeck(db, makeDeck({ id: 'zeta', title: 'Zeta' }), T0, { shipped: false });
    renderRoute(db, '/transfer?deck=zeta');
    await screen.findByRole('option', { name: 'Zeta' });
    expect(screen.getByLabelText('Deck to export')).toHaveValue('zeta');
  });
});
