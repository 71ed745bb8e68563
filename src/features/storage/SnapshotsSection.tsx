import { useState } from 'react';
import { useDb, useDbQuery } from '../../db/react';
import {
  KEEP_SNAPSHOTS,
  listSnapshots,
  restoreSnapshot,
  type SnapshotInfo,
  takeSnapshot,
} from '../../db/snapshots';
import { errorText } from '../../stores/actionErrors';
import { now } from '../../stores/clock';
import { formatDateTime } from './format';

const REASONS: Record<SnapshotInfo['reason'], string> = {
  scheduled: 'daily',
  import: 'before an import',
  restore: 'before a restore',
  'bulk delete': 'before a bulk delete',
  repair: 'before a database repair',
  manual: 'taken by you',
};

function summary(counts: Record<string, number>): string {
  const n = (t: string, one: string, many: string) => {
    const count = counts[t] ?? 0;
    return `${count.toLocaleString()} ${count === 1 ? one : many}`;
  };
  return `${n('cards', 'card', 'cards')}, ${n('reviewLogs', 'review', 'reviews')}, ${n('exams', 'exam', 'exams')}`;
}

/** Settings → Snapshots: the copies kept in this browser, and putting one back. */
export function SnapshotsSection() {
  const db = useDb();
  // Snapshots live in their own database; the list is re-read after each action here.
  const [version, setVersion] = useState(0);
  const snapshots = useDbQuery((database) => listSnapshots(database), [version]);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const run = async (label: string, work: () => Promise<string>) => {
    setBusy(true);
    setMessage(`${label}…`);
    try {
      setMessage(await work());
    } catch (error) {
      setMessage(`${label} failed: ${errorText(error)}`);
    } finally {
      setBusy(false);
      setVersion((v) => v + 1);
    }
  };

  return (
    <section aria-labelledby="snapshots-heading" className="settings-block">
      <h2 id="snapshots-heading">Snapshots</h2>
      <p>
        Cardinal keeps the last {KEEP_SNAPSHOTS} full copies of your data in this browser: one a day (taken at
        the first quiet moment after the app opens, never while you are answering), and one before every
        import, restore, bulk delete and repair. They are lost if you clear this site’s data; exported backups
        are not.
      </p>
      {snapshots === undefined ? (
        <p role="status">Reading snapshots…</p>
      ) : snapshots.length === 0 ? (
        <p>No snapshots yet.</p>
      ) : (
        <ul className="snapshot-list">
          {snapshots.map((s) => (
            <li key={s.id}>
              <span>
                <strong>{formatDateTime(s.takenAt)}</strong> ({REASONS[s.reason]}): {summary(s.counts)}
              </span>
              {confirming === s.id ? (
                <fieldset className="confirm">
                  <legend>
                    Replace all your current data with this snapshot? (A snapshot of it is taken first.)
                  </legend>
                  <button
                    type="button"
                    className="danger"
                    disabled={busy}
                    onClick={() => {
                      setConfirming(null);
                      const id = s.id;
                      if (id !== undefined)
                        void run('Restoring the snapshot', async () => {
                          await restoreSnapshot(db, id, now());
                          return `Restored the snapshot of ${formatDateTime(s.takenAt)}.`;
                        });
                    }}
                  >
                    Replace my data
                  </button>{' '}
                  <button type="button" onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </fieldset>
              ) : (
                <button type="button" disabled={busy} onClick={() => setConfirming(s.id ?? null)}>
                  Restore this snapshot
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void run('Taking a snapshot', async () => {
            await takeSnapshot(db, 'manual', now());
            return 'Snapshot taken.';
          })
        }
      >
        Take a snapshot now
      </button>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
