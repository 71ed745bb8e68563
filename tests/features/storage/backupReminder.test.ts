import { describe, expect, it } from 'vitest';
import { backupReminderDue, REMIND_AFTER_MS } from '../../../src/features/storage/useStorageStatus';

const NOW = 1_800_000_000_000;
const OLD = NOW - REMIND_AFTER_MS - 1;
const RECENT = NOW - REMIND_AFTER_MS + 60_000;

describe('the backup reminder', () => {
  it('is due only when storage is not persistent and the last backup (or the install) is over 7 days old', () => {
    expect(backupReminderDue(false, OLD, OLD, NOW)).toBe(true);
    expect(backupReminderDue(false, null, OLD, NOW)).toBe(true);
    expect(backupReminderDue(false, RECENT, OLD, NOW)).toBe(false);
    expect(backupReminderDue(false, null, RECENT, NOW)).toBe(false);
    expect(backupReminderDue(true, OLD, OLD, NOW)).toBe(false);
    expect(backupReminderDue(null, OLD, OLD, NOW)).toBe(false);
    expect(backupReminderDue(false, null, null, NOW)).toBe(false);
  });
});
