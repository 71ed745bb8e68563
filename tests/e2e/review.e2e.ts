import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CardStateRecord, ReviewLogRecord } from '../../src/domain/records';
import { hasChromium, pageErrors, useBrowser } from './browser';
import { readStore } from './idb';

const DAY = 86_400_000;

/** Shifts the app's clock and waits until the review screen has been recomputed for that time. */
async function setClock(page: Page, now: number): Promise<void> {
  await page.evaluate((t) => window.__cardinalTest?.setNow(t), now);
  await page.locator(`section.review[data-as-of="${now}"]`).waitFor();
}

async function remaining(page: Page): Promise<string> {
  return (await page.getByRole('status', { name: /^Remaining today/ }).getAttribute('aria-label')) ?? '';
}

type Screen = 'question' | 'choice' | 'done' | 'waiting';

async function screenState(page: Page): Promise<Screen> {
  const reveal = page.getByRole('button', { name: 'Show answer' });
  const choice = page.locator('.choices button:enabled').first();
  const done = page.getByRole('heading', { name: 'Done for today' });
  const waiting = page.getByRole('heading', { name: 'Learning cards are coming back' });
  await reveal.or(choice).or(done).or(waiting).first().waitFor();
  if (await done.isVisible()) return 'done';
  if (await waiting.isVisible()) return 'waiting';
  return (await reveal.isVisible()) ? 'question' : 'choice';
}

/** Answers whatever is shown, by keyboard only; returns false when nothing is due now. */
async function answerOne(page: Page, grade: '1' | '3'): Promise<boolean> {
  const state = await screenState(page);
  if (state === 'done' || state === 'waiting') return false;
  if (state === 'question') {
    await page.keyboard.press('Space');
    await page.locator('fieldset.grades').waitFor();
    await page.keyboard.press(grade);
  } else {
    // Pick option 1, then grade as the simulated learner decides (overriding the suggested grade).
    await page.keyboard.press('1');
    await page.locator('fieldset.grades').waitFor();
    await page.keyboard.press(grade);
  }
  await page.locator('fieldset.grades').waitFor({ state: 'detached' });
  return true;
}

describe.skipIf(!hasChromium)('Daily review in Chromium', () => {
  const browser = useBrowser();

  it('reviews five cards by keyboard; after a reload the counts, due times and undo are intact', async () => {
    const page = await browser.newPage('/');
    await page.getByRole('link', { name: 'Study now: Virtualization' }).click();
    await page.getByRole('status', { name: /^Remaining today/ }).waitFor();
    expect(await remaining(page)).toBe('Remaining today: 20 new, 0 learning, 0 review');

    for (let i = 0; i < 5; i++) await answerOne(page, i === 1 ? '1' : '3');
    const before = await remaining(page);
    // The next card shows while the answer is being stored: wait for the fifth answer to be in the database.
    await expect.poll(async () => (await readStore<ReviewLogRecord>(page, 'reviewLogs')).length).toBe(5);
    const statesBefore = (await readStore<CardStateRecord>(page, 'cardStates')).filter(
      (s) => s.fsrs.reps > 0,
    );

    await page.reload();
    await page.getByRole('status', { name: /^Remaining today/ }).waitFor();
    expect(await remaining(page)).toBe(before);
    const statesAfter = (await readStore<CardStateRecord>(page, 'cardStates')).filter((s) => s.fsrs.reps > 0);
    expect(statesAfter.map((s) => [s.itemId, s.due])).toEqual(statesBefore.map((s) => [s.itemId, s.due]));

    const lastLog = (await readStore<ReviewLogRecord>(page, 'reviewLogs')).at(-1);
    await page.keyboard.press('u');
    await expect.poll(async () => (await readStore<ReviewLogRecord>(page, 'reviewLogs')).length).toBe(4);
    const restored = (await readStore<CardStateRecord>(page, 'cardStates')).find(
      (s) => s.itemId === lastLog?.itemId,
    );
    expect(restored?.fsrs).toEqual(lastLog?.before.fsrs);
    expect(pageErrors(page)).toEqual([]);
  });

  // About 450 answers through the UI: allow for a loaded CI machine.
  it('produces a plausible schedule over a simulated month (clock shifted through the test hook)', {
    timeout: 240_000,
  }, async () => {
    const page = await browser.newPage('/decks/virtualization/settings');
    await page.getByLabel('New cards per day').fill('3');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();

    const start = await page.evaluate(() => {
      const d = new Date();
      d.setHours(10, 0, 0, 0);
      return d.getTime();
    });
    let answers = 0;
    await page.goto('/review/virtualization');
    for (let day = 0; day < 30; day++) {
      let now = start + day * DAY;
      await setClock(page, now);
      for (let guard = 0; guard < 120; guard++) {
        // A learner who gets about one in eight wrong.
        if (await answerOne(page, answers % 8 === 7 ? '1' : '3')) {
          answers++;
          continue;
        }
        if ((await screenState(page)) === 'done') break;
        now += 30 * 60_000; // waiting for a learning step: come back later the same day
        await setClock(page, now);
      }
      expect(await screenState(page)).toBe('done');
    }

    await expect
      .poll(async () => (await readStore<ReviewLogRecord>(page, 'reviewLogs')).length)
      .toBe(answers);
    const logs = await readStore<ReviewLogRecord>(page, 'reviewLogs');
    const states = await readStore<CardStateRecord>(page, 'cardStates');
    expect(logs).toHaveLength(answers);
    const introduced = states.filter((s) => s.fsrs.reps > 0);
    expect(introduced).toHaveLength(90); // 3 new a day for 30 days
    const reviewing = introduced.filter((s) => s.fsrs.state === 2);
    expect(reviewing.length).toBeGreaterThan(70);
    // Early cards have grown long intervals; nothing introduced is left overdue at the end of the month.
    expect(Math.max(...reviewing.map((s) => s.fsrs.scheduled_days))).toBeGreaterThan(14);
    expect(introduced.every((s) => s.due >= start + 29 * DAY)).toBe(true);
    console.info(
      `simulated month: ${answers} answers, ${reviewing.length} items in review, longest interval ${Math.max(...reviewing.map((s) => s.fsrs.scheduled_days))} d`,
    );
    // Each day's reviews stayed well under the new cards' load: answers per card averages a handful.
    expect(answers / introduced.length).toBeLessThan(8);
    expect(pageErrors(page)).toEqual([]);
  });
});
