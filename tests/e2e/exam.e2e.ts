import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ExamRecord } from '../../src/domain/exam/record';
import type { ReviewLogRecord } from '../../src/domain/records';
import { hasChromium, pageErrors, useBrowser } from './browser';
import { readStore } from './idb';

async function progress(page: Page): Promise<string> {
  return (await page.getByText(/^Question \d+ \/ \d+$/).textContent()) ?? '';
}

async function startExam(page: Page, count: string, minutes: string) {
  await page.getByRole('heading', { name: 'Practice exam: Virtualization' }).waitFor();
  await page.getByLabel('Number of questions').fill(count);
  await page.getByLabel('Time limit (minutes)').fill(minutes);
  await page.getByText(/^Seed:/).click();
  await page.getByLabel('Seed (optional)').fill('e2e');
  await page.getByRole('button', { name: 'Start exam' }).click();
  await page.getByText(`Question 1 / ${count}`).waitFor();
}

describe.skipIf(!hasChromium)('Exam mode in Chromium', () => {
  const browser = useBrowser();

  it('sits a 10-question exam by keyboard, resumes after a reload, submits, and finds it in history', async () => {
    const page = await browser.newPage('/decks/virtualization/exam');
    const frozen = await page.evaluate(() => {
      const t = Date.now();
      window.__cardinalTest?.setNow(t);
      return t;
    });
    await startExam(page, '10', '60');
    expect(await page.getByRole('timer', { name: 'Time left' }).textContent()).toBe('Time left 1:00:00');

    for (let i = 1; i <= 5; i++) {
      expect(await progress(page)).toBe(`Question ${i} / 10`);
      await page.keyboard.press('1');
      await page.locator('.choice[aria-pressed="true"]').waitFor();
      await page.keyboard.press(i === 3 ? 'f' : 'ArrowRight');
      if (i === 3) await page.keyboard.press('ArrowRight');
    }
    expect(await progress(page)).toBe('Question 6 / 10');
    await expect
      .poll(
        async () =>
          (await readStore<ExamRecord>(page, 'exams'))[0]?.answers.filter((a) => a.choice.length).length,
      )
      .toBe(5);

    await page.reload();
    await page.evaluate((t) => window.__cardinalTest?.setNow(t), frozen);
    await page.getByText('Question 6 / 10').waitFor();
    await page.keyboard.press('ArrowLeft');
    expect(await progress(page)).toBe('Question 5 / 10');
    expect(await page.locator('.choice[aria-pressed="true"] .choice-key').textContent()).toBe('1');
    await page.keyboard.press('ArrowRight');

    for (let i = 6; i <= 10; i++) {
      expect(await progress(page)).toBe(`Question ${i} / 10`);
      await page.keyboard.press('2');
      await page.locator('.choice[aria-pressed="true"]').waitFor();
      await page.keyboard.press('ArrowRight');
    }
    // → on the last question opens the review grid.
    const grid = page.getByRole('region', { name: 'Review your answers' });
    await grid.waitFor();
    expect(await grid.getByRole('status').textContent()).toBe('10 answered, 1 flagged, 0 blank.');
    await grid.getByRole('button', { name: 'Question 3: answered, flagged' }).waitFor();
    await page.keyboard.press('s');

    await page.getByRole('heading', { name: 'Exam results: Virtualization' }).waitFor();
    const score = (await page.getByText(/^Score:/).textContent()) ?? '';
    expect(score).toMatch(/^Score: \d+ \/ 10 \(\d+(\.\d)? %\)$/);
    // The tables are folded under the questions.
    await page.getByText('Results by section and by tag').click();
    const sectionRows = page.getByRole('table', { name: 'By section' }).getByRole('row');
    expect(await sectionRows.count()).toBeGreaterThan(1);
    expect(await page.locator('.review-option').filter({ hasText: 'your answer' }).count()).toBe(10);

    // Nothing was studied yet: the answers did not schedule any card (the setting is on by default).
    await page.getByText('10 cards you have not studied yet were left new').waitFor();
    expect(await readStore<ReviewLogRecord>(page, 'reviewLogs')).toEqual([]);

    await page.reload();
    await page.getByRole('heading', { name: 'Exam results: Virtualization' }).waitFor();
    expect(await page.getByText(/^Score:/).textContent()).toBe(score);

    await page.goto('/exams');
    await page.getByRole('table').waitFor();
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain(score.replace('Score: ', ''));
    await rows.nth(1).getByRole('link').click();
    await page.getByRole('heading', { name: 'Exam results: Virtualization' }).waitFor();
    expect(await page.getByText(/^Score:/).textContent()).toBe(score);

    // The guide link of a question leads to its section of the guide.
    await page
      .getByRole('link', { name: /in the guide$/ })
      .first()
      .click();
    await page.getByRole('navigation', { name: 'Guide contents' }).waitFor();
    const focusedId = await page.evaluate(() => document.activeElement?.id);
    expect(page.url()).toContain(`#${focusedId}`);
    expect(pageErrors(page)).toEqual([]);
  });

  it.each([
    [390, 844],
    [1280, 800],
  ])('shows Start without scrolling at %i×%i, with errors next to it', async (width, height) => {
    const page = await browser.newPage('/decks/virtualization/exam');
    await page.setViewportSize({ width, height });
    await page.getByRole('heading', { name: 'Practice exam: Virtualization' }).waitFor();
    const start = page.getByRole('button', { name: 'Start exam' });
    const inView = async (locator: typeof start) => {
      const box = await locator.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= height && box.x + box.width <= width;
    };
    expect(await inView(start)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    await page.getByLabel('Number of questions').fill('0');
    await start.click();
    const errors = page.locator('#setup-errors');
    await errors.getByText('Number of questions must be at least 1.').waitFor();
    expect(await errors.getAttribute('aria-live')).toBe('assertive');
    expect(await inView(errors)).toBe(true);
    expect(await inView(start)).toBe(true);
    expect(await readStore<ExamRecord>(page, 'exams')).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });

  it('submits by itself when the time limit passes on the app clock', async () => {
    const page = await browser.newPage('/decks/virtualization/exam');
    const start = await page.evaluate(() => {
      const t = Date.now();
      window.__cardinalTest?.setNow(t);
      return t;
    });
    await startExam(page, '5', '1');
    await page.keyboard.press('1');
    await page.evaluate((t) => window.__cardinalTest?.setNow(t + 30_000), start);
    await page.getByText('Time left 0:30').waitFor();
    await page.evaluate((t) => window.__cardinalTest?.setNow(t + 61_000), start);
    await page.getByText('Time ran out: the exam was submitted with the answers given.').waitFor();
    expect(await page.getByText(/^Score:/).textContent()).toMatch(/^Score: [01] \/ 5/);
    expect(pageErrors(page)).toEqual([]);
  });
});
