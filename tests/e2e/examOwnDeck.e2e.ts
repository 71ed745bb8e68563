import { describe, expect, it } from 'vitest';
import type { ExamRecord } from '../../src/domain/exam/record';
import { hasChromium, pageErrors, useBrowser } from './browser';
import { readStore } from './idb';

describe.skipIf(!hasChromium)('A practice exam on a deck you made (no guide) in Chromium', () => {
  const browser = useBrowser();

  it('creates a deck with three true/false cards under two tags, sits an exam on it, and sees readiness by tag', {
    timeout: 240_000,
  }, async () => {
    const page = await browser.newPage('/decks/new');
    await page.getByRole('textbox', { name: 'Title' }).fill('My storage');
    await page.getByRole('button', { name: 'Create deck' }).click();
    await page.getByRole('heading', { name: 'Add card' }).waitFor();
    await page.getByRole('combobox', { name: 'Kind' }).selectOption('truefalse');
    const cards = [
      { statement: 'A SAN gives block-level access.', answer: 'True', tags: 'san' },
      { statement: 'A NAS gives block-level access.', answer: 'False', tags: 'nas' },
      { statement: 'NFS is a NAS protocol.', answer: 'True', tags: 'nas' },
    ];
    for (const [i, card] of cards.entries()) {
      await page.getByRole('textbox', { name: 'Statement' }).fill(card.statement);
      await page.getByRole('radio', { name: card.answer }).check();
      await page.getByRole('textbox', { name: 'Explanation' }).fill('From my notes.');
      await page.getByRole('textbox', { name: /^Tags/ }).fill(card.tags);
      await page.getByRole('button', { name: 'Add card' }).click();
      await page
        .getByText(i === 0 ? 'Added a card to My storage.' : `Added ${i + 1} cards to My storage.`)
        .waitFor();
    }

    // Study one card first, so readiness has something to predict from.
    await page.goto('/review/my-storage');
    await page.locator('.choices button:enabled').first().waitFor();
    await page.keyboard.press('1');
    await page.locator('fieldset.grades').waitFor();
    await page.keyboard.press('3');
    await page.locator('fieldset.grades').waitFor({ state: 'detached' });

    await page.goto('/decks/my-storage/exam');
    await page.getByRole('heading', { name: 'Practice exam: My storage' }).waitFor();
    expect(await page.getByRole('group', { name: 'Sections' }).count()).toBe(0);
    await page.getByLabel('Number of questions').fill('3');
    await page.getByLabel('Timed').uncheck();
    await page.getByRole('button', { name: 'Start exam' }).click();
    for (let i = 1; i <= 3; i++) {
      await page.getByText(`Question ${i} / 3`).waitFor();
      await page.keyboard.press('1');
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('r');
    await page.keyboard.press('s');
    await page.getByRole('heading', { name: /^Exam results/ }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: /^Exam results/ }).waitFor();
    const exams = await readStore<ExamRecord>(page, 'exams');
    expect(exams.map((e) => [e.deckId, e.status, e.questions.length])).toEqual([
      ['my-storage', 'finished', 3],
    ]);

    // Readiness breaks the deck down by its own tags.
    await page.goto('/decks/my-storage/readiness');
    const table = page.getByRole('table', { name: 'Predicted recall by tag' });
    await table.waitFor();
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(['nas', 'san']);
    expect(pageErrors(page)).toEqual([]);
  });
});
