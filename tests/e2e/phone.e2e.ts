import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, pageErrors, useBrowser } from './browser';

const PHONE = { width: 390, height: 844 };

async function phonePage(open: (path: string) => Promise<Page>): Promise<Page> {
  const page = await open('/');
  await page.setViewportSize(PHONE);
  await page.getByRole('link', { name: 'Study now: Virtualization' }).waitFor();
  return page;
}

/** Where an element is, relative to the screen. */
async function inViewport(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return (
    box !== null &&
    box.y >= 0 &&
    box.y + box.height <= PHONE.height &&
    box.x >= 0 &&
    box.x + box.width <= PHONE.width
  );
}

async function expectGradesInReach(page: Page): Promise<void> {
  const grades = page.getByRole('group', { name: 'Grade your answer' });
  await grades.waitFor();
  for (const name of [/^Again/, /^Hard/, /^Good/, /^Easy/])
    expect(await inViewport(grades.getByRole('button', { name })), String(name)).toBe(true);
}

async function gradeGood(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Good/ }).click();
  await page.getByRole('group', { name: 'Grade your answer' }).waitFor({ state: 'detached' });
}

describe.skipIf(!hasChromium)('On a 390×844 phone', () => {
  const browser = useBrowser();

  it('keeps the grade buttons on screen for a basic, a cloze and a multiple choice card', async () => {
    const page = await phonePage((path) => browser.newPage(path));
    // The Overview section starts with a basic card, then cloze cards, then multiple choice.
    await page.goto('/review/virtualization?section=overview');
    const card = page.getByRole('article', { name: 'Card' });

    await card.getByText("How does the guide's Overview first describe virtualization?").waitFor();
    const reveal = page.getByRole('button', { name: 'Show answer' });
    expect(await inViewport(reveal)).toBe(true);
    await reveal.click();
    await expectGradesInReach(page);
    await gradeGood(page);

    for (let i = 0; i < 3; i++) {
      await card.locator('.cloze-blank').first().waitFor();
      await page.getByRole('button', { name: 'Show answer' }).click();
      await card.locator('.cloze-answer').first().waitFor();
      await expectGradesInReach(page);
      await gradeGood(page);
    }

    await card.getByText('Which of these is one of the key benefits of virtualization').waitFor();
    await card.getByRole('button', { name: /Enhanced disaster recovery capabilities/ }).click();
    await card.getByText('Correct.').waitFor();
    await expectGradesInReach(page);
    // The verdict sits under the option text, which keeps (nearly) the button's full width.
    const right = card.getByRole('button', { name: /Enhanced disaster recovery capabilities/ });
    const [button, text, verdict] = await Promise.all([
      right.boundingBox(),
      right.locator('.choice-text').boundingBox(),
      right.locator('.verdict').boundingBox(),
    ]);
    expect(text && button && text.width / button.width).toBeGreaterThan(0.7);
    expect(verdict && text && verdict.y).toBeGreaterThanOrEqual((text?.y ?? 0) + (text?.height ?? 0) - 1);
    expect(pageErrors(page)).toEqual([]);
  });

  it('keeps the grade buttons on screen for a type-in card', async () => {
    const page = await phonePage((path) => browser.newPage(path));
    await page.goto('/decks/virtualization/settings');
    await page.getByRole('checkbox', { name: /Type in answers/ }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();

    // The server section starts with a cloze card, then a basic card with a short answer.
    await page.goto('/review/virtualization?section=server');
    await page.getByRole('button', { name: 'Show answer' }).click();
    await gradeGood(page);
    const typed = page.getByRole('textbox', { name: 'Type the answer' });
    await typed.fill('A different approach');
    await typed.press('Enter');
    await page.getByText('Not quite: compare with the answer.').waitFor();
    await expectGradesInReach(page);
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows the guide’s hypervisor comparison as a table', async () => {
    const page = await phonePage((path) => browser.newPage(path));
    await page.goto('/decks/virtualization/guide#comparison');
    const table = page.getByRole('region', { name: 'Hypervisor Comparison' }).getByRole('table');
    await table.waitFor();
    expect(await table.evaluate((el) => el.tagName)).toBe('TABLE');
    expect(await table.getByRole('row').count()).toBe(9);
    expect(await table.getByRole('columnheader').count()).toBe(5);
    // The page itself does not scroll sideways: the table scrolls inside its own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // "Study this section" opens a review of that section's cards.
    await page.getByRole('link', { name: 'Study “Hypervisor Comparison”' }).click();
    await page.getByRole('heading', { name: /Hypervisor Comparison/, level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/review\/virtualization\?section=comparison$/);
    await page
      .getByRole('article', { name: 'Card' })
      .getByText(/comparison table|hypervisor/i)
      .first()
      .waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
});
