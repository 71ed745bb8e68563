import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CardRecord, CardStateRecord, ReviewLogRecord } from '../../src/domain/records';
import { hasChromium, pageErrors, useBrowser } from './browser';
import { readStore } from './idb';

/** Reveals and grades Good whatever card is shown (a choice question: option 1 first). */
async function answerGood(page: Page): Promise<void> {
  const reveal = page.getByRole('button', { name: 'Show answer' });
  const choice = page.locator('.choices button:enabled').first();
  await reveal.or(choice).first().waitFor();
  await page.keyboard.press((await reveal.isVisible()) ? 'Space' : '1');
  await page.locator('fieldset.grades').waitFor();
  await page.keyboard.press('3');
  await page.locator('fieldset.grades').waitFor({ state: 'detached' });
}

const matches = (page: Page) => page.locator('.browse-status');

describe.skipIf(!hasChromium)('Browse, edit and create in Chromium', () => {
  const browser = useBrowser();

  it('finds a suspended card by a word, unsuspends it, and it stays unsuspended after a reload', async () => {
    const page = await browser.newPage('/');
    await page.getByRole('link', { name: 'Study now: Virtualization' }).click();
    for (let i = 0; i < 3; i++) await answerGood(page);

    // Suspend the card on screen with "@", as in Anki.
    const question = (await page.locator('.prompt-question').first().textContent()) ?? '';
    const word = [...question.matchAll(/[A-Za-z]{5,}/g)]
      .map((m) => m[0])
      .sort((a, b) => b.length - a.length)[0];
    expect(word).toBeTruthy();
    await page.keyboard.press('@');
    await expect
      .poll(
        async () => (await readStore<CardStateRecord>(page, 'cardStates')).filter((s) => s.suspended).length,
      )
      .toBe(1);

    await page.getByRole('link', { name: 'Browse' }).click();
    await page.getByRole('searchbox', { name: 'Search cards' }).fill(word ?? '');
    await page.getByRole('searchbox', { name: 'Search cards' }).press('Enter');
    await expect.poll(() => page.url()).toContain(`q=${word}`);
    await page.getByRole('combobox', { name: 'State' }).selectOption('suspended');
    await expect.poll(() => matches(page).textContent()).toBe('1 card matches');
    await page.getByRole('table', { name: 'Matching cards' }).getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Unsuspend' }).click();
    await page.getByText('1 card unsuspended').waitFor();

    await page.reload();
    await expect.poll(() => matches(page).textContent()).toBe('0 cards match');
    expect(page.url()).toContain(`q=${word}`);
    expect((await readStore<CardStateRecord>(page, 'cardStates')).filter((s) => s.suspended)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });

  it("edits a reviewed card's text; after a reload the edit is there and the history is kept", async () => {
    const page = await browser.newPage('/');
    await page.getByRole('link', { name: 'Study now: Virtualization' }).click();
    for (let i = 0; i < 4; i++) await answerGood(page);

    await page.goto('/browse?reviewedDays=1&kind=basic');
    await expect.poll(() => matches(page).textContent()).toMatch(/^[1-9]\d* cards? match/);
    const table = page.getByRole('table', { name: 'Matching cards' });
    await table.locator('button.row-open').first().click();
    await page.getByRole('complementary', { name: 'Card' }).getByRole('button', { name: 'Edit' }).click();
    const front = page.getByRole('textbox', { name: 'Front' });
    await front.fill('Edited in the e2e test: what is a hypervisor?');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved. Its review history is kept.').waitFor();
    const url = page.url();
    const cardId = decodeURIComponent(url.split('/')[5] ?? '');

    await page.reload();
    expect(await page.getByRole('textbox', { name: 'Front' }).inputValue()).toBe(
      'Edited in the e2e test: what is a hypervisor?',
    );
    const cards = await readStore<CardRecord>(page, 'cards');
    const edited = cards.find((c) => c.id === cardId);
    expect(edited?.card).toMatchObject({ front: 'Edited in the e2e test: what is a hypervisor?' });
    expect(edited?.userEdit?.base).toBeTruthy();
    const logs = await readStore<ReviewLogRecord>(page, 'reviewLogs');
    expect(logs.filter((l) => l.cardId === cardId).length).toBeGreaterThan(0);

    await page.goto('/browse?q=edited%20e2e');
    await table.locator('button.row-open').first().click();
    const detail = page.getByRole('complementary', { name: 'Card' });
    await detail.getByRole('table', { name: 'Review history, oldest first' }).waitFor();
    expect(await detail.getByRole('row').count()).toBeGreaterThan(1);
    expect(pageErrors(page)).toEqual([]);
  });

  it('creates a deck, adds a card to it and reviews that card', async () => {
    const page = await browser.newPage('/');
    await page.getByRole('link', { name: 'New deck' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('My networking');
    await page.getByRole('button', { name: 'Create deck' }).click();
    await page.getByRole('heading', { name: 'Add card' }).waitFor();
    await page.getByRole('combobox', { name: 'Kind' }).selectOption('basic');
    await page.getByRole('textbox', { name: 'Front' }).fill('Which port does VXLAN use?');
    await page.getByRole('textbox', { name: 'Back' }).fill('4789');
    await page.getByRole('button', { name: 'Add card' }).click();
    await page.getByText('Added a card to My networking.').waitFor();

    await page.getByRole('link', { name: 'Study My networking' }).click();
    await page.getByText('Which port does VXLAN use?').waitFor();
    await page.keyboard.press('Space');
    await page.locator('fieldset.grades').waitFor();
    await page.keyboard.press('3');
    await page.locator('fieldset.grades').waitFor({ state: 'detached' });
    // The Done screen shows while the answer is being stored; the page asks before leaving until it is (a reload
    // now would be held by that question), so reload once it is stored.
    await expect
      .poll(async () => (await readStore<ReviewLogRecord>(page, 'reviewLogs')).length, { timeout: 30_000 })
      .toBeGreaterThan(0);
    await page.reload();
    const logs = await readStore<ReviewLogRecord>(page, 'reviewLogs');
    expect(logs.filter((l) => l.deckId === 'my-networking').map((l) => l.rating)).toEqual([3]);
    expect(pageErrors(page)).toEqual([]);
  });
});
