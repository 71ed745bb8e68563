import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apkg21b } from '../domain/transfer/anki/anki21bBuilder';
import { apkg, DECK, MODEL } from '../domain/transfer/anki/ankiPackageBuilder';
import { expectErrors, hasChromium, pageErrors, useBrowser } from './browser';
import { readStore } from './idb';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const textExport = [
  '#separator:tab',
  '#html:true',
  '#columns:Front\tBack',
  '<img src="towel.png">\tTowel<br>(bathroom)',
  'What is <b>this</b>?\tA test',
  '',
].join('\n');

describe.skipIf(!hasChromium)('Importing real decks in Chromium', () => {
  const browser = useBrowser();

  it('imports a text export whose fronts are images, with the image chosen beside it, and shows it in review after a reload, offline', async () => {
    const page = await browser.newPage('/transfer');
    await page.getByLabel('Choose a file to import').setInputFiles([
      { name: 'pictures.txt', mimeType: 'text/plain', buffer: Buffer.from(textExport) },
      { name: 'towel.png', mimeType: 'image/png', buffer: PNG },
    ]);
    await page.getByRole('button', { name: 'Check cards' }).click();
    const summary = page.getByRole('status', { name: 'Import summary' });
    await summary.getByText('1 of the 1 chosen media files are stored with the deck').waitFor();
    expect(await summary.textContent()).toMatch(/2 new/);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('link', { name: 'Study the imported deck' }).click();

    const image = page.locator('.review-card img');
    await image.waitFor();
    const loaded = () => image.evaluate((img) => (img as HTMLImageElement).naturalWidth);
    await expect.poll(loaded).toBe(1);
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    await page.keyboard.press('Space');
    await page.getByRole('region', { name: 'Answer' }).getByText('(bathroom)').waitFor();
    const media = await readStore<{ name: string; type: string }>(page, 'media');
    expect(media.map((m) => [m.name, m.type])).toEqual([['towel.png', 'image/png']]);

    await page.reload();
    await expect.poll(loaded).toBe(1);
    // Offline: the image comes from IndexedDB, not the network. The home page's code is loaded once online first,
    // so the offline round trip (home and back) fetches nothing whether or not the service worker is ready yet.
    const home = page.getByRole('link', { name: 'Cardinal home' }).first();
    const study = page.getByRole('link', { name: /^Study now/ }).first();
    await home.click();
    await study.waitFor();
    await page.goBack();
    await expect.poll(loaded).toBe(1);
    expectErrors(page, /ERR_INTERNET_DISCONNECTED/);
    await page.context().setOffline(true);
    await home.click();
    await study.waitFor();
    await page.goBack();
    await expect.poll(loaded).toBe(1);
    await page.context().setOffline(false);
    // Offline, only network fetches fail (without the service worker the home page's chunks are not cached).
    expect(pageErrors(page).filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });

  it('imports a package, then a newer version under another file name: one deck, updated, history kept', async () => {
    const N = 1_700_000_000_000;
    const note = (n: number, front: string) => ({
      id: N + n,
      guid: `Gu!d${n}`,
      mid: MODEL.basic,
      fields: [front, `answer ${n}`],
      cards: [{ id: n, ord: 0, did: DECK.networking }],
    });
    const dir = mkdtempSync(join(tmpdir(), 'cardinal-import-'));
    const v1 = join(dir, 'vocab-2025.apkg');
    const v2 = join(dir, 'vocab-2026.apkg');
    writeFileSync(
      v1,
      await apkg({
        notes: [note(1, 'one'), note(2, 'two')],
        revlog: [{ id: N + 10, cid: 1, ease: 3, type: 0 }],
      }),
    );
    writeFileSync(
      v2,
      await apkg21b({
        notes: [note(1, 'one (corrected)'), note(2, 'two'), note(3, 'three')],
        revlog: [{ id: N + 10, cid: 1, ease: 3, type: 0 }],
      }),
    );

    const page = await browser.newPage('/transfer');
    const summary = page.getByRole('status', { name: 'Import summary' });
    await page.getByLabel('Choose a file to import').setInputFiles(v1);
    await summary.getByText(/A new deck/).waitFor();
    expect(await page.getByLabel('Deck title').inputValue()).toBe('Networking');
    await page.getByLabel('Deck title').fill('My vocabulary');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported vocab-2025\.apkg/).waitFor();

    await page.getByRole('button', { name: 'Import another file' }).click();
    await page.getByLabel('Choose a file to import').setInputFiles(v2);
    await summary.getByText(/Updates your deck “My vocabulary”/).waitFor();
    expect(await summary.textContent()).toMatch(/1 new, 1 updated, 1 unchanged/);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported vocab-2026\.apkg/).waitFor();

    await page.reload();
    const decks = await readStore<{ id: string; title: string }>(page, 'decks');
    expect(decks.filter((d) => d.id !== 'virtualization').map((d) => d.title)).toEqual(['My vocabulary']);
    const cards = await readStore<{ card: { front?: string } }>(page, 'cards');
    expect(cards.map((c) => c.card.front)).toContain('one (corrected)');
    expect(await readStore(page, 'reviewLogs')).toHaveLength(1);

    // Out to Anki and back: the package Cardinal writes comes back as the same deck and history.
    await page.getByLabel('Deck to export').selectOption({ label: 'My vocabulary' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Anki package (.apkg)' }).click(),
    ]);
    const exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    expect(download.suggestedFilename()).toBe('networking.apkg');
    await page.getByLabel('Choose a file to import').setInputFiles(exported);
    await summary.getByText(/Updates your deck “My vocabulary”/).waitFor();
    expect(await summary.textContent()).toMatch(/0 new, 0 updated, 3 unchanged.*1 already stored/s);
    expect(pageErrors(page)).toEqual([]);
  });
});
