import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import deckJson from '../../data/decks/virtualization.json';
import { reviewItemsOf } from '../../src/domain/deck/reviewItems';
import { validateDeck } from '../../src/domain/deck/validate';
import { hasChromium, pageErrors, useBrowser } from './browser';

const validation = validateDeck(deckJson);
if (!validation.ok) throw new Error('shipped deck is invalid');
const shipped = validation.deck;
const expectedItems = shipped.cards.flatMap(reviewItemsOf).length;

async function counts(page: Page, deckTitle: string) {
  const deck = page.getByRole('listitem', { name: deckTitle });
  await deck.locator('dt', { hasText: 'Unseen' }).waitFor();
  // The unseen count comes after today's counts (src/features/home/HomePage.tsx): wait until it is in.
  await deck.locator('dd[aria-busy="true"]').waitFor({ state: 'detached' });
  const read = async (label: string) => {
    const value = await deck
      .locator('dt', { hasText: label })
      .locator('xpath=following-sibling::dd[1]')
      .textContent();
    return Number((value ?? '').replace(/,/g, ''));
  };
  return {
    cards: await read('Cards'),
    due: await read('Due now'),
    newToday: await read('New today'),
    unseen: await read('Unseen'),
  };
}

describe.skipIf(!hasChromium)('Home page in Chromium', () => {
  const browser = useBrowser();

  it('shows the shipped deck with its counts, and the same counts from IndexedDB after a reload', async () => {
    const page = await browser.newPage('/');
    await page.getByRole('heading', { level: 1, name: 'Your decks' }).waitFor();

    const first = await counts(page, shipped.title);
    // Nothing studied yet: today's new-card limit (20) lets 20 in; every item is unseen.
    expect(first).toEqual({ cards: shipped.cards.length, due: 0, newToday: 20, unseen: expectedItems });

    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('cardinal');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('cardStates').objectStore('cardStates').count();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          };
        }),
    );
    expect(stored).toBe(expectedItems);

    await page.reload();
    expect(await counts(page, shipped.title)).toEqual(first);
    expect(pageErrors(page)).toEqual([]);
  });

  it('serves a not-found page for an unknown address, with a link home', async () => {
    const page = await browser.newPage('/no-such-page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Go to your decks' }).click();
    await page.getByRole('heading', { name: 'Your decks' }).waitFor();
  });
});
