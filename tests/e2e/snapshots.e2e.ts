import { describe, expect, it } from 'vitest';
import type { SnapshotInfo } from '../../src/db/snapshotStore';
import { hasChromium, useBrowser } from './browser';
import { readStore } from './idb';

describe.skipIf(!hasChromium)('Daily snapshot in Chromium', () => {
  const browser = useBrowser();

  it('is taken in the backup worker at the first quiet moment after start, and listed in Settings', async () => {
    const page = await browser.newPage('/');
    await page.getByRole('link', { name: 'Study now: Virtualization' }).waitFor();
    // Five seconds after start, then five without a write anywhere in the app (src/db/snapshots.ts).
    await expect
      .poll(async () => (await readStore<SnapshotInfo>(page, 'snapshots', 'cardinal-snapshots')).length, {
        timeout: 60_000,
        interval: 1_000,
      })
      .toBe(1);
    const [daily] = await readStore<SnapshotInfo>(page, 'snapshots', 'cardinal-snapshots');
    expect(daily).toMatchObject({ reason: 'scheduled', complete: true });
    expect(daily?.counts.cards).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const snapshots = page.getByRole('region', { name: 'Snapshots' });
    await expect
      .poll(() => snapshots.getByRole('listitem').allTextContents())
      .toEqual([expect.stringMatching(/\(daily\): \d+ cards, 0 reviews, 0 exams/)]);
    await snapshots.getByRole('button', { name: 'Restore this snapshot' }).waitFor();
  });
});
